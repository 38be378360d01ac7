// A translation has exactly the English messages' shape: every key, each a string.
export type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };
