// One Jest run covers unit specs beside the code and end-to-end specs in test/.
// Every e2e file gets its own database cloned from a migrated template (see test/global-setup.ts).
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

const libs = ['admin', 'database', 'tenancy', 'scim', 'audit', 'events', 'webhooks', 'connectors', 'outbound', 'config', 'observability'];

module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/{apps,libs,migrations,scripts,bench}/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  moduleNameMapper: Object.fromEntries(libs.map((lib) => [`^@provisio/${lib}$`, `<rootDir>/libs/${lib}/src/index.ts`])),
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  testTimeout: 30000,
  maxWorkers: 2,
};
