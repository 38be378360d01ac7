// Two rules for every argument, before any resolver runs:
// - An explicit `null` for an optional argument (`page: null`, `filter: null`) means the same as
//   leaving it out: the resolver's defaults apply. Only top-level arguments: inside an input object,
//   null keeps its meaning ("clear this field").
// - No string may hold a NUL character: PostgreSQL cannot store one in text, so it is refused here,
//   naming the field, instead of failing in the database. (Both found by the S30 fuzzer.)
import { badInput } from './errors';

function refuseNul(value: unknown, path: string): void {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) throw badInput(path, `Invalid ${path}: must not contain NUL characters`);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => refuseNul(item, `${path}.${i}`));
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) refuseNul(item, path === 'input' ? key : `${path}.${key}`);
  }
}

/** Applies both rules to a field's arguments, in place (called by guardSchema before the resolver). */
export function nullArgsAreAbsent(args: Record<string, unknown>): void {
  for (const key of Object.keys(args)) {
    if (args[key] === null) delete args[key];
    else refuseNul(args[key], key);
  }
}
