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

const project = (name) => ({
  displayName: name,
  rootDir: `${__dirname}/${name}`,
  testEnvironment: 'node',
  transform: { '^.+\\.tsx?$': swc },
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  // Workspace packages are tested from source, not from their build output.
  moduleNameMapper: { '^@sitecare/(schema|seeds)$': `${__dirname}/$1/src/index.ts` },
});

module.exports = {
  projects: [project('server'), project('seeds'), project('tests')],
  globalSetup: '<rootDir>/server/src/testing/global-setup.ts',
  globalTeardown: '<rootDir>/server/src/testing/global-teardown.ts',
  testTimeout: 30_000,
};
