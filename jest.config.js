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
  // Two workers on this project's two-core machines: most of a suite's time is spent waiting on its own
  // server process, PostgreSQL and Chromium, so two files side by side roughly halve the run (issue 24).
  // Proven under load: 1,179 tests green with five other sessions building and testing on the same cores.
  maxWorkers: 2,
};
