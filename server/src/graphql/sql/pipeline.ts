// Several prepared statements in one round trip and one transaction: each is bound and executed,
// and a single Sync follows them all. PostgreSQL runs them in order in one implicit transaction,
// commits it at the Sync, and after an error skips the rest and rolls the whole of it back (the
// extended query protocol's pipelining). node-postgres sends one statement per Sync, so this is a
// Submittable (its documented extension point, as pg-cursor uses): one corked write, and the rows
// of each statement back.
import { prepareValue } from 'pg/lib/utils';

export interface PipelinedStatement {
  /** The prepared statement's name on the connection: parsed the first time, then only bound ('': unnamed). */
  name: string;
  text: string;
  values: unknown[];
}

type Row = Record<string, unknown>;

/** The driver's connection as a Submittable receives it (node-postgres `Connection`). */
interface WireConnection {
  parse(query: { name: string; text: string; types: number[] }): void;
  bind(config: { portal: string; statement: string; values: unknown[]; valueMapper: typeof prepareValue }): void;
  describe(message: { type: 'P'; name: string }): void;
  execute(config: { portal: string; rows: number }): void;
  close(message: { type: 'S'; name: string }): void;
  sync(): void;
  stream: { cork?: () => void; uncork?: () => void };
}

interface Field {
  name: string;
  dataTypeID: number;
}

const JSON_TYPES = new Set([114, 3802]); // json, jsonb

/**
 * Names parsed on each connection (keyed by the pooled client). A name whose Parse was in a round trip
 * that failed is unknown: the next round trip closes it before parsing it again (closing a name that
 * does not exist is no error).
 */
const parsed = new WeakMap<object, { known: Set<string>; unknown: Set<string> }>();

export class Pipeline {
  readonly result: Promise<Row[][]>;
  private settle!: { resolve: (rows: Row[][]) => void; reject: (error: unknown) => void };
  private readonly rows: Row[][] = [];
  private current: { fields: Field[]; rows: Row[] } | undefined;
  private failure: unknown;
  private readonly names: { known: Set<string>; unknown: Set<string> };
  private readonly parsing: string[] = [];

  /** `client`: the pooled node-postgres client the statements run on (its prepared names are tracked). */
  constructor(
    client: object,
    private readonly statements: PipelinedStatement[],
  ) {
    let names = parsed.get(client);
    if (!names) parsed.set(client, (names = { known: new Set(), unknown: new Set() }));
    this.names = names;
    this.result = new Promise((resolve, reject) => (this.settle = { resolve, reject }));
  }

  submit(connection: WireConnection): void {
    connection.stream.cork?.();
    try {
      for (const statement of this.statements) {
        // The unnamed statement ('') is parsed every time, and replaced by the next Parse.
        if (!statement.name || !this.names.known.has(statement.name)) {
          if (this.names.unknown.delete(statement.name)) connection.close({ type: 'S', name: statement.name });
          connection.parse({ name: statement.name, text: statement.text, types: [] });
          if (statement.name) this.parsing.push(statement.name);
        }
        connection.bind({ portal: '', statement: statement.name, values: statement.values, valueMapper: prepareValue });
        connection.describe({ type: 'P', name: '' });
        connection.execute({ portal: '', rows: 0 });
      }
      connection.sync();
    } finally {
      connection.stream.uncork?.();
    }
  }

  handleRowDescription(message: { fields: Field[] }): void {
    this.current = { fields: message.fields, rows: [] };
  }

  handleDataRow(message: { fields: Array<string | null> }): void {
    const { fields, rows } = this.current!;
    const row: Row = {};
    message.fields.forEach((value, i) => {
      const field = fields[i];
      row[field.name] = value !== null && JSON_TYPES.has(field.dataTypeID) ? JSON.parse(value) : value;
    });
    rows.push(row);
  }

  handleCommandComplete(): void {
    this.rows.push(this.current?.rows ?? []);
    this.current = undefined;
  }

  handleEmptyQuery(): void {
    this.rows.push([]);
  }

  handleError(error: unknown): void {
    // Every Parse of this round trip may or may not have happened; the rest was skipped.
    for (const name of this.parsing) this.names.unknown.add(name);
    this.parsing.length = 0;
    this.failure = error;
    this.settle.reject(error);
  }

  handleReadyForQuery(): void {
    if (this.failure) return;
    for (const name of this.parsing) this.names.known.add(name);
    if (this.rows.length !== this.statements.length) {
      this.settle.reject(new Error(`expected ${this.statements.length} results, got ${this.rows.length}`));
      return;
    }
    this.settle.resolve(this.rows);
  }

  handlePortalSuspended(): void {
    this.handleError(new Error('a pipelined statement was suspended'));
  }

  handleCopyInResponse(): void {
    this.handleError(new Error('a pipelined statement asked for COPY'));
  }

  handleCopyData(): void {}
}
