/** Escapes `%`, `_` and `\` so user text matches literally inside a LIKE/ILIKE pattern. */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
