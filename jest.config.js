// One jest run over every package: one embedded PostgreSQL per run (globalSetup), one database per test file.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
    },
    module: { type: 'commonjs', ignoreDynamic: true },
    sourceMaps: 'inline',
  },
];

const project = (name, extra = {}) => ({
  displayName: name,
  rootDir: `${__dirname}/${name}`,
  testEnvironment: 'node',
  transform: { '^.+\\.tsx?$': swc, '^.+\\.m?js$': swc },
  // otplib (issue 20) and the audited crypto it uses ship only ES modules: compile those to CommonJS too.
  transformIgnorePatterns: ['/node_modules/(?!\\.pnpm/|otplib/|@otplib/|@scure/|@noble/)'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  // Workspace packages are tested from source, not from their build output.
  moduleNameMapper: { '^@sitecare/(schema|seeds)$': `${__dirname}/$1/src/index.ts` },
  ...extra,
});

// The dashboard's component tests render React in jsdom (Testing Library); no database needed, but
// they share the run. `virtual:sitecare-schema` is what vite.config.ts makes from the committed SDL.
const dashboard = {
  displayName: 'dashboard',
  rootDir: `${__dirname}/dashboard`,
  testEnvironment: 'jsdom',
  transform: {
    '^.+\\.(tsx?|m?js)$': [
      '@swc/jest',
      {
        jsc: {
          // Decorators too: jest transforms the run's globalSetup (server code) with the selected project's transform.
          parser: { syntax: 'typescript', tsx: true, decorators: true },
          transform: {
            react: { runtime: 'automatic' },
            legacyDecorator: true,
            decoratorMetadata: true,
            useDefineForClassFields: false,
          },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
  // A few of react-admin's dependencies ship only ES modules: compile those to CommonJS too.
  transformIgnorePatterns: ['/node_modules/(?!\\.pnpm/|react-hotkeys-hook/)'],
  testMatch: ['**/*.test.tsx', '**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  setupFiles: ['<rootDir>/src/testing/polyfills.ts'],
  setupFilesAfterEnv: ['<rootDir>/src/testing/setup.ts'],
  moduleNameMapper: {
    '^virtual:sitecare-schema$': '<rootDir>/src/testing/schema.ts',
    '^@sitecare/schema$': `${__dirname}/schema/src/index.ts`,
  },
};

module.exports = {
  projects: [
    project('server'),
    project('seeds'),
    // Black-box suites: two minutes per test and hook, for a loaded machine (tests/support/jest-timeout.ts).
    project('tests', { setupFilesAfterEnv: ['<rootDir>/support/jest-timeout.ts'] }),
    dashboard,
  ],
  // Longest files first, also on a fresh clone with no timings cached (jest.sequencer.js).
  testSequencer: '<rootDir>/jest.sequencer.js',
  globalSetup: '<rootDir>/server/src/testing/global-setup.ts',
  globalTeardown: '<rootDir>/server/src/testing/global-teardown.ts',
  testTimeout: 30_000,
  // Three workers on this project's two-core machines (issue 24): most of a suite's time is spent waiting
  // on its own server process, PostgreSQL and Chromium. Two files side by side left the cores about a
  // tenth idle (vmstat over a whole run); a third file uses that: 648 s with two, 588 s with three.
  // Each file has its own database and server, so nothing more is shared. Proven under load: the whole
  // run green with a busy loop on one of the two cores (see docs/developing.md).
  maxWorkers: 3,
};
