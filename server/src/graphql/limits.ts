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
  /**
   * Fields × page sizes. 10,000 since issue 19 widened orders and customers (VAT, buyer and refund
   * fields): the staff home page's 100 pending orders with their customers alone came near 5,000, and
   * the benchmark's attention document (five lists in one request) reached 5,940. Depth, aliases,
   * tokens and the page-size cap still bound a request.
   */
  maxCost: 10000,
  maxPageSize: 100,
} as const;
