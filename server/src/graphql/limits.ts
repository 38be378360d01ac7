// The bounds of the GraphQL surface (S1, S2, S6) and of a request, in one place for the server and its tests.
export const LIMITS = {
  /** The same field (or fragment) at most this often in one selection set: field duplication is refused. */
  maxFieldRepeats: 10,
  /** A JSON request body larger than this is refused with 413 before it is parsed. */
  maxBodyBytes: 1024 * 1024,
  maxDepth: 8,
  maxAliases: 15,
  maxTokens: 2000,
  maxDirectives: 20,
  maxCost: 5000,
  maxPageSize: 100,
} as const;
