import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { guardSchema } from './authorization';
import { resolvers } from '../modules';
import { VALIDATOR_OPTIONS } from './validation';

let built: Promise<GraphQLSchema> | undefined;

/** The schema is built once per process: type-graphql's metadata is global. */
export function buildSitecareSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers,
    validate: VALIDATOR_OPTIONS,
    emitSchemaFile: false,
  }).then(guardSchema);
  return built;
}

/** The SDL as committed in schema/schema.graphql: sorted, so diffs show only real changes. */
export async function printSitecareSchema(): Promise<string> {
  return printSchema(lexicographicSortSchema(await buildSitecareSchema())) + '\n';
}
