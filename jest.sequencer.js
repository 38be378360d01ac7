// The order of a jest run (jest.config.js, issue 24). Jest runs the longest files first, by the times
// it cached in an earlier run, so that no worker sits idle at the end while the other finishes one
// long file. Without that cache (a fresh clone, a new CI machine) it falls back to file size, and the
// slowest files are small ones: a browser suite spends its time in Chromium and the server, the bench
// smoke test in its measurements. So a file without a cached time is given an estimate instead: its
// size times its kind's rate (the median milliseconds per byte of each kind in a full run).
const Sequencer = require('@jest/test-sequencer').default;

const MS_PER_BYTE = [
  [/[\\/]tests[\\/]bench[\\/]/, 24],
  [/[\\/]tests[\\/]ui[\\/]/, 4.2],
  [/[\\/]tests[\\/]reliability[\\/]/, 3.2],
  [/[\\/]tests[\\/]security[\\/]/, 2.2],
  [/[\\/]tests[\\/]api[\\/]/, 0.8],
];
const OTHER_MS_PER_BYTE = 0.5; // unit and component tests beside the code

class LongestFirst extends Sequencer {
  time(test) {
    const cached = super.time(test);
    if (cached != null) return cached;
    const rate = MS_PER_BYTE.find(([kind]) => kind.test(test.path))?.[1] ?? OTHER_MS_PER_BYTE;
    return rate * (test.context.hasteFS.getSize(test.path) ?? 0);
  }
}

module.exports = LongestFirst;
