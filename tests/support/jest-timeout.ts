// Run before every file of the tests project (jest.config.js): the black-box suites start server
// processes and Chromium and must pass on a loaded machine (two cores, one of them busy), so each
// test and hook gets two minutes, one budget for every file. Tests wait on conditions; this only
// bounds how long a broken one hangs. (Jest reads `testTimeout` from the global config only, so a
// project sets its own this way.) A single browser step gets half of it (STEP_TIMEOUT_MS in
// browser.ts), so a failure names the step it waited on.
jest.setTimeout(120_000);
