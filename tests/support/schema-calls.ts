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

/** The operation as a document with variables; `overrides` replace generated argument values. */
export function callFor({ kind, field }: Operation, overrides: Record<string, unknown> = {}) {
  const defs = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isObjectType(getNamedType(field.type)) ? ' { __typename }' : '';
  return {
    query: `${kind}${defs ? `(${defs})` : ''} { ${field.name}${args ? `(${args})` : ''}${selection} }`,
    variables: Object.fromEntries(
      field.args.map((a) => [a.name, a.name in overrides ? overrides[a.name] : sample(a.type, a.name)]),
    ),
  };
}
