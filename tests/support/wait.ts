// Waiting on a condition outside the browser (a row in the database, a file), with the same budget
// as a browser step, so a loaded machine only makes it slower.
import { STEP_TIMEOUT_MS } from './browser';

/** Polls `probe` until `done(value)` holds and returns that value; fails after `timeoutMs` with the last value. */
export async function eventually<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  { timeoutMs = STEP_TIMEOUT_MS, intervalMs = 100, what = 'condition' } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`${what} not met after ${timeoutMs} ms; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
