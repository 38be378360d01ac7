// Look-ahead reads: a query whose every root field has a SQL reader is answered by one statement
// that builds the whole `data` object in PostgreSQL (json_build_object / json_agg), as PostGraphile
// does, instead of resolvers, DataLoaders and ORM entities. Each reader states the same rows, order
// and viewer rule as its resolver and service; anything a reader does not cover (an argument, a
// directive, a field without a column or relation reader, a role without a compiled rule) refuses,
// and the request runs through the resolvers as before. `sql.test.ts` runs every reader both ways.
import { FIELD_PERMISSIONS, mayReach, PERSONAL_FIELDS, permissionOf, type Role } from '@sitecare/schema';
import type { EntityMetadata, MetadataStorage } from '@mikro-orm/core';
import {
  getArgumentValues,
  getNamedType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { getMetadataStorage as getValidationStorage, validateSync } from 'class-validator';
import { getMetadataStorage } from 'type-graphql';
import { viewerRuleFor } from './viewer-rules';

/** The statement's fixed parameters: every reader may use them. */
export const TENANT = '$1';
export const VIEWER = '$2';

/** A reader that does not cover this request: the resolvers answer it. */
export class Refused extends Error {}
/** Refused because the viewer's role may not run the field (a session remembered under a former role). */
export class RefusedToRole extends Refused {}
const refuse = (why: string): never => {
  throw new Refused(why);
};
const refuseToRole = (coordinate: string): never => {
  throw new RefusedToRole(`${coordinate}: not this role's`);
};

/** Collects the request's argument values as typed parameters (`$3::uuid`, …). */
export class Params {
  readonly values: unknown[];
  /** `role`: the viewer's, whose row rules PostgreSQL applies (none: the code itself, or nobody). */
  constructor(
    tenantId: string,
    userId: string,
    readonly role?: Role,
  ) {
    this.values = [tenantId, userId];
  }
  /** More parameters after those of a compiled statement. */
  static after(values: unknown[]): Params {
    const params = new Params(String(values[0]), String(values[1]));
    params.values.push(...values.slice(2));
    return params;
  }
  add(value: unknown, cast: string): string {
    this.values.push(value);
    return `$${this.values.length}::${cast}`;
  }
}

/** A relation field (`Customer.sites`) read as a subquery of its parent row. */
export interface RelationReader {
  entity: string;
  many: boolean;
  /** The related rows of parent alias `parent`, as a predicate on `alias`. */
  on: (alias: string, parent: string) => string;
  /** Further conditions on `alias` (a status); the viewer's row rule is the database's. */
  where?: (alias: string) => string;
  /** Order (columns of `alias`), and how many rows at most. */
  orderBy?: (alias: string) => string;
  limit?: number;
}

/** A root list (`Query.sites`): filter, sort and page as its service applies them. */
export interface ListReader {
  kind: 'list';
  entity: string;
  /** Each supported filter field: its predicate on `alias`, or null to refuse the value. */
  filters?: Record<string, (value: unknown, alias: string, params: Params) => string | null>;
  /** A fixed order, or the `sort` argument's field (a property) with `id` ascending after it. */
  orderBy?: (alias: string) => string;
}

/** A root field that reads one row by its `id` argument (`Query.site`). */
export interface OneReader {
  kind: 'one';
  entity: string;
}

export type SortArgument = { field?: string; order?: string };

/** A root field being compiled, with what its reader needs. */
interface RootCall {
  definition: GraphQLField<unknown, unknown>;
  field: FieldNode;
  args: Record<string, unknown>;
  params: Params;
  role: Role;
  fragments: Record<string, FragmentDefinitionNode>;
}

/** A compiled operation: the `data` expression, a mutation's CTEs, and the parameters ($1, $2 first). */
export interface Compiled {
  ctes?: string;
  data: string;
  values: unknown[];
  /** A query's root fields: response key (quoted) and value, of which `data` is the JSON object. */
  roots?: Array<[key: string, value: string]>;
}

/** The statement of a compiled operation, in a transaction whose tenant is already set. */
export function statementOf(compiled: Compiled): string {
  // Both fixed parameters typed, whether or not a rule refers to them.
  return `${compiled.ctes ?? ''} select ${compiled.data} as data from (select ${TENANT}::uuid, ${VIEWER}::uuid) p`;
}

/**
 * A compiled query with the session in the same statement (no transaction of its own): the session
 * function sets the tenant and returns its row, and only then, per row, does the correlated
 * subquery run; a session no longer valid, or whose user or role is not the one compiled for,
 * returns no row and reads nothing. `session` holds the function's parameters ($n placeholders).
 */
export function sessionStatementOf(
  compiled: Compiled,
  session: { hash: string; idleSeconds: number; touchSeconds: number; role: Role },
): { text: string; values: unknown[] } {
  if (compiled.ctes) throw new Error('a mutation runs in a transaction');
  const params = Params.after(compiled.values);
  // Each root once, as a column; `complete`: every root has a value (a root that is null is the
  // resolvers' to word, as NOT_FOUND), without reading the JSON built from them again. `offset 0`
  // keeps the lateral subquery a subquery: pulled up, each of its columns would be replaced by its
  // expression wherever it is named, and every root would be built twice (once for `data`, once
  // for `complete`).
  const { roots } = compiled;
  if (!roots?.length) throw new Error('a query without its root fields');
  const text = `select v.session_id, v.user_id, v.role,
      json_build_object(${roots.map(([key], i) => `${key}, x.c${i}`).join(', ')}) as data,
      ${roots.map((_, i) => `x.c${i} is not null`).join(' and ')} as complete
    from sitecare_resume_session(${TENANT}::uuid, ${params.add(session.hash, 'text')},
      ${params.add(session.idleSeconds, 'float8')}, ${params.add(session.touchSeconds, 'float8')}) v
    cross join lateral (select ${roots.map(([, value], i) => `${value} as c${i}`).join(', ')}
      where v.session_id is not null offset 0) x
    where v.user_id = ${VIEWER}::uuid and v.role = ${params.add(session.role, 'text')}`;
  return { text, values: params.values };
}

/**
 * A mutation done in the same one statement (`Mutation.ticketMessageCreate`): `write` returns the
 * statement's CTEs, the last named `written` (rows of `entity`'s table, `returning *`), for the
 * mutation's validated arguments and the viewer's role; null when the resolvers must do it (an
 * audited case, a refusal they word). Nothing is written when the compiled statement finds no row.
 */
export interface WriteReader {
  kind: 'write';
  entity: string;
  write: (args: Record<string, unknown>, role: Role, params: Params) => string | null;
}

const roots = new Map<string, ListReader | OneReader | WriteReader>();
const relations = new Map<string, RelationReader>();
const computed = new Map<string, (alias: string) => string>();

/** Registers the reader of a root field, `Query.<name>`. */
export function readRoot(coordinate: `Query.${string}`, reader: ListReader | OneReader): void {
  roots.set(coordinate, reader);
}

/** Registers a mutation done in one statement, `Mutation.<name>`. */
export function writeRoot(coordinate: `Mutation.${string}`, writer: Omit<WriteReader, 'kind'>): void {
  roots.set(coordinate, { kind: 'write', ...writer });
}

/** Registers the reader of a relation field, `<Type>.<field>`. */
export function readRelation(coordinate: string, reader: RelationReader): void {
  relations.set(coordinate, reader);
}

/** Registers the SQL of a field its resolver computes from the row (`PackageSubscription.paymentMethodOnFile`). */
export function readComputed(coordinate: string, sql: (alias: string) => string): void {
  computed.set(coordinate, sql);
}

/** The definition of a root field, for the resolvers' path (graphql/sql/reads.ts). */
export function rootReader(coordinate: string): ListReader | OneReader | WriteReader | undefined {
  return roots.get(coordinate);
}

/** The SQL of a computed field (`Invoice.overdue`), for the resolvers' path. */
export function computedReader(coordinate: string): ((alias: string) => string) | undefined {
  return computed.get(coordinate);
}

/** The definition of a relation field (`Customer.sites`), for the resolvers' path. */
export function relationReader(coordinate: string): RelationReader | undefined {
  return relations.get(coordinate);
}

/** Every registered definition's coordinate: what the differential test must exercise. */
export function registeredReads(): { roots: string[]; relations: string[]; computed: string[] } {
  return { roots: [...roots.keys()], relations: [...relations.keys()], computed: [...computed.keys()] };
}

/** Whether every root field of `operation` has a reader (cheap; before any database work). */
export function mayCompile(operation: OperationDefinitionNode): boolean {
  const { selections } = operation.selectionSet;
  if (operation.operation === 'mutation') {
    // One mutation at a time (several run in order, each seeing the last: the resolvers do that).
    const [only] = selections;
    return (
      selections.length === 1 &&
      only.kind === Kind.FIELD &&
      !only.directives?.length &&
      roots.get(`Mutation.${only.name.value}`)?.kind === 'write'
    );
  }
  return (
    operation.operation === 'query' &&
    selections.every(
      (s) =>
        s.kind === Kind.FIELD &&
        !s.directives?.length &&
        (s.name.value === '__typename' || roots.has(`Query.${s.name.value}`)),
    )
  );
}

const restricted = FIELD_PERMISSIONS as Record<string, readonly Role[]>;
const quote = (name: string) => `'${name.replace(/'/g, "''")}'`;
const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
/** json_build_object takes at most 100 arguments. */
const MAX_KEYS = 50;

/** GraphQL object type names and their entity (`PackageSubscription` → `Subscription`), from type-graphql. */
function entityTypes(metadata: MetadataStorage): Map<string, string> {
  return new Map(
    getMetadataStorage()
      .objectTypes.filter((t) => metadata.find(t.target.name))
      .map((t) => [t.name, t.target.name]),
  );
}

/** Which GraphQL fields have their own resolver (type-graphql's metadata): those are never columns. */
function resolvedFields(): Set<string> {
  const storage = getMetadataStorage();
  const names = new Map(storage.objectTypes.map((t) => [t.target, t.name]));
  return new Set(storage.fieldResolvers.map((r) => `${names.get(r.getObjectType?.() as never)}.${r.schemaName}`));
}

/** The column of a plain scalar property, or undefined. */
export function columnOf(meta: EntityMetadata, property: string): string | undefined {
  const prop = meta.properties[property];
  if (!prop || prop.kind !== 'scalar' || prop.persist === false || prop.fieldNames?.length !== 1) return undefined;
  // Of the custom types, those whose JSON from PostgreSQL is what the ORM hands the resolvers.
  if (prop.customType && !['jsonb', 'date', 'bigint'].includes(prop.columnTypes?.[0])) return undefined;
  return prop.fieldNames[0];
}

/**
 * `alias.tenant_id = $1 and <where>` for a table of `meta`: the tenant named as the ORM's filter names
 * it (wall one); the viewer's row rule is PostgreSQL's (row-level security, migration viewer_rules).
 */
export function rowsOf(meta: EntityMetadata, alias: string, where?: string): string {
  const tenant = meta.properties.tenant ? `${alias}.tenant_id = ${TENANT}` : 'true';
  return [tenant, where].filter((p) => p && p !== 'true').join(' and ') || 'true';
}

/** The rows of relation `reader` of the parent row `parent`, as a predicate on `alias`. */
export function relationWhere(meta: EntityMetadata, reader: RelationReader, alias: string, parent: string): string {
  return rowsOf(meta, alias, [reader.on(alias, parent), reader.where?.(alias)].filter(Boolean).join(' and '));
}

/** A root list's arguments, validated (class-validator) and with the sort's defaults applied. */
export interface ListArguments {
  filter?: Record<string, unknown>;
  sort?: SortArgument;
  page?: { take?: number; skip?: number };
}

/**
 * The rows of root list `reader` for `args`, as `from <table> r0 where <where> order by <order>`,
 * `limit take offset skip`: the one definition that the compiled statement and the resolvers both run.
 */
export function listParts(
  meta: EntityMetadata,
  reader: ListReader,
  args: ListArguments,
  params: Params,
): { table: string; where: string; order: (alias: string) => string; take: number; skip: number } {
  const conditions: string[] = [];
  for (const [name, value] of Object.entries(args.filter ?? {})) {
    if (value === undefined || value === null) continue;
    const filter = reader.filters?.[name] ?? refuse(`filter ${name}`);
    conditions.push(filter(value, 'r0', params) ?? refuse(`filter ${name} value`));
  }
  // The viewer's row rule as the planner can use it (viewer-rules.ts): the same policy, for this role.
  const rule = viewerRuleFor(meta.tableName, params.role, 'r0');
  if (rule) conditions.push(rule);
  return {
    table: ident(meta.tableName),
    where: rowsOf(meta, 'r0', conditions.join(' and ') || undefined),
    order: orderOf(reader, meta, args.sort),
    take: args.page?.take ?? 25,
    skip: args.page?.skip ?? 0,
  };
}

function orderOf(reader: ListReader, meta: EntityMetadata, sort: SortArgument | undefined): (alias: string) => string {
  if (reader.orderBy) {
    if (sort) refuse('sort on a list with a fixed order');
    return reader.orderBy;
  }
  if (!sort?.field) refuse('sort without a field');
  const column = columnOf(meta, sort!.field!) ?? refuse(`sort ${sort!.field}`);
  const direction = sort!.order === 'DESC' ? 'desc' : 'asc';
  return (alias) => `${alias}.${ident(column)} ${direction}, ${alias}.id asc`;
}

/** The compiler for one schema and one ORM's metadata; per request, `compile` one operation. */
export class SqlReads {
  private readonly withResolver = resolvedFields();
  private readonly entities: Map<string, string>;
  private readonly inputClasses = new Map<string, (new () => object) | undefined>();
  /** Compiled object selections, per selection set and role: the document is cached by Apollo. */
  private readonly objects = new WeakMap<SelectionSetNode, Map<string, string>>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly metadata: MetadataStorage,
  ) {
    this.entities = entityTypes(metadata);
  }

  /**
   * The statement answering `operation` for `role` (`data` column), or Refused. `variables` are
   * coerced ones (graphql's getVariableValues).
   */
  compile(
    operation: OperationDefinitionNode,
    fragments: Record<string, FragmentDefinitionNode>,
    variables: Record<string, unknown>,
    viewer: { role: Role; tenantId: string; userId: string },
  ): Compiled {
    const params = new Params(viewer.tenantId, viewer.userId, viewer.role);
    if (operation.operation === 'mutation') return this.mutation(operation, fragments, variables, viewer.role, params);
    const query = this.schema.getQueryType()!;
    const fields: Array<[string, string]> = [];
    const keys = new Set<string>();
    for (const selection of operation.selectionSet.selections) {
      const field = selection as FieldNode;
      const key = field.alias?.value ?? field.name.value;
      // The same response key twice (`a: sites { totalCount } a: sites { nodes { id } }`): the
      // executor merges the two selections; json_build_object would keep only the last.
      if (keys.has(key)) refuse('a root response key selected twice');
      keys.add(key);
      if (field.name.value === '__typename') {
        fields.push([quote(key), quote(query.name)]);
        continue;
      }
      const coordinate = `Query.${field.name.value}`;
      const permission = permissionOf(coordinate);
      if (!permission || !mayReach(permission.audience, viewer.role)) refuseToRole(coordinate);
      const definition = query.getFields()[field.name.value];
      const args = getArgumentValues(definition, field, variables);
      const reader = roots.get(coordinate)!;
      const call: RootCall = { definition, field, args, params, role: viewer.role, fragments };
      const sql =
        reader.kind === 'one'
          ? this.one(reader, call)
          : reader.kind === 'list'
            ? this.list(reader, call)
            : refuse('a mutation in a query');
      fields.push([quote(key), sql]);
    }
    if (fields.length > MAX_KEYS) refuse('too many root fields');
    return { data: `json_build_object(${fields.flat().join(', ')})`, values: params.values, roots: fields };
  }

  /** `with …, written as (insert … returning *) select json_build_object(<key>, <selection of written>)`. */
  private mutation(
    operation: OperationDefinitionNode,
    fragments: Record<string, FragmentDefinitionNode>,
    variables: Record<string, unknown>,
    role: Role,
    params: Params,
  ): Compiled {
    const field = operation.selectionSet.selections[0] as FieldNode;
    const coordinate = `Mutation.${field.name.value}`;
    const permission = permissionOf(coordinate);
    if (!permission || !mayReach(permission.audience, role)) refuseToRole(coordinate);
    const definition = this.schema.getMutationType()!.getFields()[field.name.value];
    const args = getArgumentValues(definition, field, variables);
    for (const arg of definition.args)
      if (
        isInputObjectType(getNamedType(arg.type)) &&
        args[arg.name] != null &&
        !this.valid(definition, arg.name, args[arg.name])
      )
        refuse(`${arg.name}: invalid`);
    const writer = roots.get(coordinate) as WriteReader;
    const type = getNamedType(definition.type) as GraphQLObjectType;
    const object = this.object(type, field.selectionSet, 'r0', role, fragments, 0);
    const ctes = writer.write(args, role, params) ?? refuse(`${coordinate}: for the resolvers`);
    const key = quote(field.alias?.value ?? field.name.value);
    return { ctes, data: `json_build_object(${key}, (select ${object} from written r0))`, values: params.values };
  }

  private meta(entity: string): EntityMetadata {
    return this.metadata.get(entity);
  }

  private one(reader: OneReader, { definition, field, args, params, role, fragments }: RootCall): string {
    if (Object.keys(args).some((a) => a !== 'id') || typeof args.id !== 'string') refuse('one: only `id`');
    const type = getNamedType(definition.type) as GraphQLObjectType;
    const table = ident(this.meta(reader.entity).tableName);
    const object = this.object(type, field.selectionSet, 'r0', role, fragments, 0);
    const where = rowsOf(this.meta(reader.entity), 'r0', `r0.id = ${params.add(args.id, 'uuid')}`);
    // Absent or out of scope: null, and the resolvers answer (NOT_FOUND, as they word it).
    return `(select ${object} from ${table} r0 where ${where})`;
  }

  private list(reader: ListReader, { definition, field, args, params, role, fragments }: RootCall): string {
    const meta = this.meta(reader.entity);
    const table = ident(meta.tableName);
    const extra = Object.keys(args).filter((a) => !['filter', 'sort', 'page'].includes(a));
    if (extra.length) refuse(`list: argument ${extra[0]}`);
    // The inputs' own validation (class-validator, as type-graphql runs it): anything it would refuse,
    // the resolvers refuse in their words.
    for (const name of ['filter', 'page'])
      if (args[name] != null && !this.valid(definition, name, args[name])) refuse(`${name}: invalid`);
    const { where, order, take, skip } = listParts(
      meta,
      reader,
      {
        filter: args.filter as Record<string, unknown> | undefined,
        sort: (args.sort ?? this.defaultSort(definition)) as SortArgument | undefined,
        page: args.page as { take?: number; skip?: number } | undefined,
      },
      params,
    );
    const listType = getNamedType(definition.type) as GraphQLObjectType;
    const pairs: string[] = [];
    for (const node of this.fields(listType, field.selectionSet, fragments)) {
      const key = node.alias?.value ?? node.name.value;
      if (node.name.value === '__typename') pairs.push(quote(key), quote(listType.name));
      else if (node.name.value === 'totalCount')
        pairs.push(quote(key), `(select count(*) from ${table} r0 where ${where})::int`);
      else if (node.name.value === 'nodes') {
        const nodeType = getNamedType(listType.getFields().nodes.type) as GraphQLObjectType;
        const object = this.object(nodeType, node.selectionSet, 'r0', role, fragments, 0);
        const limits = `limit ${params.add(take, 'int')} offset ${params.add(skip, 'int')}`;
        pairs.push(
          quote(key),
          `coalesce((select json_agg(${object} order by ${order('r0')}) from ` +
            `(select * from ${table} r0 where ${where} order by ${order('r0')} ${limits}) r0), '[]'::json)`,
        );
      } else refuse(`list field ${node.name.value}`);
    }
    return `json_build_object(${pairs.join(', ')})`;
  }

  /** Whether argument `name` passes its input class's validation (flat inputs: filters and pages). */
  private valid(definition: GraphQLField<unknown, unknown>, name: string, value: unknown): boolean {
    const type = getNamedType(definition.args.find((a) => a.name === name)!.type);
    const target = this.inputClass(type.name);
    if (!target || typeof value !== 'object') return false;
    const instance = Object.assign(new target(), value);
    return validateSync(instance, { forbidUnknownValues: true }).length === 0;
  }

  /**
   * The class behind input type `name`, as class-validator knows it. type-graphql's metadata is
   * global: where several copies of the code share it (test files in one jest worker), the newest
   * class with validation rules is this copy's.
   */
  private inputClass(name: string): (new () => object) | undefined {
    if (!this.inputClasses.has(name)) {
      const validation = getValidationStorage();
      const candidates = getMetadataStorage()
        .inputTypes.filter((t) => t.name === name)
        .map((t) => t.target as new () => object);
      const known = candidates
        .reverse()
        .find((target) => validation.getTargetValidationMetadatas(target, '', false, false).length);
      this.inputClasses.set(name, known);
    }
    return this.inputClasses.get(name);
  }

  /** Without a `sort` argument, the service sorts by the sort input's defaults (`new CustomerSort()`). */
  private defaultSort(definition: GraphQLField<unknown, unknown>): SortArgument | undefined {
    const input = definition.args.find((a) => a.name === 'sort')?.type;
    const named = input && getNamedType(input);
    if (!named || !isInputObjectType(named)) return undefined;
    const fields = named.getFields();
    return { field: fields.field?.defaultValue as string, order: fields.order?.defaultValue as string };
  }

  /** The fields selected on `type`, fragments flattened; refuses directives and other types' fragments. */
  private fields(
    type: GraphQLObjectType,
    set: SelectionSetNode | undefined,
    fragments: Record<string, FragmentDefinitionNode>,
  ): FieldNode[] {
    const out: FieldNode[] = [];
    for (const selection of set?.selections ?? refuse('no selection')) {
      if (selection.directives?.length) refuse('directive');
      if (selection.kind === Kind.FIELD) out.push(selection);
      else {
        const fragment =
          selection.kind === Kind.FRAGMENT_SPREAD
            ? (fragments[selection.name.value] ?? refuse('unknown fragment'))
            : selection;
        const on = fragment.typeCondition?.name.value;
        if (on && on !== type.name) refuse('fragment on another type');
        out.push(...this.fields(type, fragment.selectionSet, fragments));
      }
    }
    // The same response key twice (merged sub-selections) is left to the executor.
    const keys = new Set(out.map((f) => f.alias?.value ?? f.name.value));
    if (keys.size !== out.length) refuse('a response key selected twice');
    return out;
  }

  /** `json_build_object(...)` of the selection on the row `alias` of `type`, cached per selection. */
  private object(
    type: GraphQLObjectType,
    set: SelectionSetNode | undefined,
    alias: string,
    role: Role,
    fragments: Record<string, FragmentDefinitionNode>,
    depth: number,
  ): string {
    if (!set) refuse('no selection');
    const cacheKey = `${role}|${type.name}|${alias}`;
    let cached = this.objects.get(set!);
    const hit = cached?.get(cacheKey);
    if (hit) return hit;
    const meta = this.meta(this.entities.get(type.name) ?? refuse(`${type.name}: not an entity`));
    const pairs: string[] = [];
    for (const node of this.fields(type, set, fragments)) {
      const name = node.name.value;
      const key = node.alias?.value ?? name;
      const coordinate = `${type.name}.${name}`;
      if (name === '__typename') {
        pairs.push(quote(key), quote(type.name));
        continue;
      }
      if (node.arguments?.length) refuse(`${coordinate}: arguments`);
      if (coordinate in restricted && !mayReach(restricted[coordinate], role)) refuse(`${coordinate}: restricted`);
      // A person's own fields: who the person is, the resolvers' guard decides (authorization.ts).
      if (PERSONAL_FIELDS.has(coordinate) && role !== 'ADMIN' && role !== 'EMPLOYEE') refuse(`${coordinate}: personal`);
      const definition = type.getFields()[name] ?? refuse(`${coordinate}: unknown`);
      if (definition.args.length) refuse(`${coordinate}: arguments`);
      const relation = relations.get(coordinate);
      if (relation) {
        pairs.push(quote(key), this.relation(relation, definition, node, alias, role, fragments, depth + 1));
        continue;
      }
      const compute = computed.get(coordinate);
      if (compute) {
        pairs.push(quote(key), compute(alias));
        continue;
      }
      if (this.withResolver.has(coordinate) || !isLeafType(getNamedType(definition.type))) refuse(coordinate);
      pairs.push(quote(key), this.scalar(meta, name, alias) ?? refuse(`${coordinate}: no column`));
    }
    if (pairs.length / 2 > MAX_KEYS) refuse(`${type.name}: too many fields`);
    const sql = `json_build_object(${pairs.join(', ')})`;
    if (!cached) this.objects.set(set!, (cached = new Map()));
    cached.set(cacheKey, sql);
    return sql;
  }

  /** A column as the GraphQL scalar serialises it (a Date as `toISOString()` does). */
  private scalar(meta: EntityMetadata, property: string, alias: string): string | undefined {
    const column = columnOf(meta, property);
    if (!column) return undefined;
    const prop = meta.properties[property];
    const sql = `${alias}.${ident(column)}`;
    if (prop.runtimeType === 'Date') return `to_char(${sql} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
    return ['string', 'boolean', 'number', 'array', 'any'].includes(prop.runtimeType) ||
      prop.columnTypes?.[0] === 'jsonb'
      ? sql
      : undefined;
  }

  private relation(
    reader: RelationReader,
    definition: GraphQLField<unknown, unknown>,
    node: FieldNode,
    parent: string,
    role: Role,
    fragments: Record<string, FragmentDefinitionNode>,
    depth: number,
  ): string {
    const alias = `r${depth}`;
    const type = getNamedType(definition.type) as GraphQLObjectType;
    if (!isObjectType(type)) refuse('relation to a non-object');
    const many = isListType(isNonNullType(definition.type) ? definition.type.ofType : definition.type);
    if (many !== reader.many) refuse('relation shape');
    const table = ident(this.meta(reader.entity).tableName);
    const object = this.object(type, node.selectionSet, alias, role, fragments, depth);
    const where = relationWhere(this.meta(reader.entity), reader, alias, parent);
    if (!reader.many) return `(select ${object} from ${table} ${alias} where ${where})`;
    const order = reader.orderBy?.(alias);
    const ordered = order ? ` order by ${order}` : '';
    // With a limit, the newest rows first in a subquery (an index walk that stops), then aggregated.
    const rows = reader.limit
      ? `(select * from ${table} ${alias} where ${where}${ordered} limit ${reader.limit}) ${alias}`
      : `${table} ${alias} where ${where}`;
    return `coalesce((select json_agg(${object}${ordered}) from ${rows}), '[]'::json)`;
  }
}
