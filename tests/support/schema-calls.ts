// Calls generated from the committed SDL, so suites cover new operations without being edited.
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
} from 'graphql';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './sitecare-process';

export const sdl = buildSchema(readFileSync(path.join(REPO_ROOT, 'schema', 'schema.graphql'), 'utf8'));
export const ABSENT_ID = '00000000-0000-4000-8000-000000000000';

export type OperationKind = 'query' | 'mutation';
export interface Operation {
  kind: OperationKind;
  field: GraphQLField<unknown, unknown>;
  coordinate: string;
}

export const operations: Operation[] = (['query', 'mutation'] as const).flatMap((kind) => {
  const type = kind === 'query' ? sdl.getQueryType()! : sdl.getMutationType()!;
  return Object.values(type.getFields()).map((field) => ({ kind, field, coordinate: `${type.name}.${field.name}` }));
});

/** Strings that pass validation, by the name of the field they fill. */
function sampleString(name: string): string {
  if (/domain$/i.test(name)) return 'probe.example.com';
  if (/url$/i.test(name)) return 'https://probe.example.com';
  if (/email$/i.test(name)) return 'nobody@example.com';
  if (/country$/i.test(name)) return 'SE';
  if (/language$/i.test(name)) return 'en';
  if (/currency$/i.test(name)) return 'SEK';
  if (/On$/.test(name)) return '2026-01-01'; // a calendar date (paidOn)
  if (/^month$/.test(name)) return '2026-01'; // a calendar month (care reports)
  return 'probe';
}

/** A well-formed placeholder for a required argument (required input fields filled in, recursively). */
export function sample(type: GraphQLInputType, name = ''): unknown {
  if (isNonNullType(type)) return sample(type.ofType, name);
  if (isListType(type)) return [sample(type.ofType, name)];
  const named = getNamedType(type);
  if (isInputObjectType(named)) {
    return Object.fromEntries(
      Object.values(named.getFields())
        .filter((f) => isNonNullType(f.type) && f.defaultValue === undefined)
        .map((f) => [f.name, sample(f.type, f.name)]),
    );
  }
  if (isScalarType(named)) {
    const fixed: Record<string, unknown> = {
      UUID: ABSENT_ID,
      ID: ABSENT_ID,
      Int: 1,
      Float: 1,
      Boolean: false,
      DateTimeISO: '2026-01-01T00:00:00.000Z',
    };
    return named.name in fixed ? fixed[named.name] : sampleString(name);
  }
  return isEnumType(named) ? named.getValues()[0].value : null;
}

/**
 * The operation as a document with variables; `overrides` replace generated argument values and
 * `selection` replaces the default `{ __typename }` of an object result.
 */
export function callFor({ kind, field }: Operation, overrides: Record<string, unknown> = {}, selection?: string) {
  const defs = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const select =
    selection !== undefined ? ` ${selection}` : isObjectType(getNamedType(field.type)) ? ' { __typename }' : '';
  return {
    query: `${kind}${defs ? `(${defs})` : ''} { ${field.name}${args ? `(${args})` : ''}${select} }`,
    variables: Object.fromEntries(
      field.args.map((a) => [a.name, a.name in overrides ? overrides[a.name] : sample(a.type, a.name)]),
    ),
  };
}

/** Where an operation takes an id: an argument or an input field (at any depth) of type UUID or ID. */
export interface IdLocation {
  /** Argument name, then input field names: ['input', 'lines', 'orderLineId']. */
  path: string[];
  /** The argument's or field's own name (`id`, `contactId`, `assigneeId`, …). */
  name: string;
  /** Non-null all the way: a call cannot leave it out. */
  required: boolean;
}

/** Every id an operation takes, walked from the SDL through its input types. */
export function idLocations({ field }: Operation): IdLocation[] {
  const found: IdLocation[] = [];
  const walk = (type: GraphQLInputType, path: string[], required: boolean, seen: Set<string>) => {
    const named = getNamedType(type);
    const here = required && isNonNullType(type);
    if (isScalarType(named) && (named.name === 'UUID' || named.name === 'ID')) {
      found.push({ path, name: path[path.length - 1], required: here });
    } else if (isInputObjectType(named) && !seen.has(named.name)) {
      for (const f of Object.values(named.getFields()))
        walk(f.type, [...path, f.name], here, new Set([...seen, named.name]));
    }
  };
  for (const arg of field.args) walk(arg.type, [arg.name], true, new Set());
  return found;
}

/** `variables` with `value` put at `path` (optional input objects on the way filled like `sample`). */
export function withValueAt(
  { field }: Operation,
  variables: Record<string, unknown>,
  [argName, ...rest]: string[],
  value: unknown,
): Record<string, unknown> {
  const put = (type: GraphQLInputType, current: unknown, path: string[]): unknown => {
    if (isNonNullType(type)) return put(type.ofType, current, path);
    if (isListType(type)) {
      const list = Array.isArray(current) && current.length > 0 ? [...current] : [sample(type.ofType)];
      list[0] = put(type.ofType, list[0], path);
      return list;
    }
    if (path.length === 0) return value;
    const named = getNamedType(type);
    if (!isInputObjectType(named)) throw new Error(`no input field ${path.join('.')} in ${named.name}`);
    const object = (current && typeof current === 'object' ? { ...current } : sample(named)) as Record<string, unknown>;
    object[path[0]] = put(named.getFields()[path[0]].type, object[path[0]], path.slice(1));
    return object;
  };
  const arg = field.args.find((a) => a.name === argName);
  if (!arg) throw new Error(`no argument ${argName} on ${field.name}`);
  return { ...variables, [argName]: put(arg.type, variables[argName], rest) };
}

/**
 * A selection of what a result counts and identifies: `__typename`, every id and every Int field
 * (counts, totals), and the same of nested objects (list nodes) down to `depth`; fields with
 * required arguments, and those `mayRead` refuses (by `Type.field`), are left out. Empty for a scalar result.
 */
export function countingSelection(
  type: GraphQLOutputType,
  depth = 2,
  mayRead: (coordinate: string) => boolean = () => true,
): string {
  const named = getNamedType(type);
  if (!isObjectType(named)) return '';
  const fields = Object.values(named.getFields())
    .filter((f) => f.args.every((a) => !isNonNullType(a.type)) && mayRead(`${named.name}.${f.name}`))
    .flatMap((f) => {
      const inner = getNamedType(f.type);
      if (isScalarType(inner)) return ['ID', 'UUID', 'Int'].includes(inner.name) ? [f.name] : [];
      if (isObjectType(inner) && depth > 1) return [`${f.name}${countingSelection(f.type, depth - 1, mayRead)}`];
      return [];
    });
  return ` { ${['__typename', ...fields].join(' ')} }`;
}

/** A result with nothing in it: null, an empty list, or an object of zeros and empty lists. */
export function isEmptyResult(value: unknown): boolean {
  if (value === null || value === undefined || value === 0) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object')
    return Object.entries(value).every(([key, v]) => key === '__typename' || isEmptyResult(v));
  return false;
}
