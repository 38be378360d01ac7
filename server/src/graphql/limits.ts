// The bounds of the GraphQL surface (S1, S2, S6), in one place for the server and its tests.
export const LIMITS = {
  maxDepth: 8,
  maxAliases: 15,
  maxTokens: 2000,
  maxDirectives: 20,
  maxCost: 5000,
  maxPageSize: 100,
} as const;
