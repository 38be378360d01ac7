// Scalars used across modules. Ids arrive as UUIDs: a malformed one is BAD_USER_INPUT before any SQL.
export { GraphQLUUID as UUID } from 'graphql-scalars';
