// node-postgres's own value mapping (Date, Buffer, arrays, objects → wire text), used by
// graphql/sql/pipeline.ts to bind values exactly as a pg Query does. pg ships it without types.
declare module 'pg/lib/utils' {
  export function prepareValue(value: unknown): unknown;
}
