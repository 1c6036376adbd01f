/**
 * Three projects: fast unit tests beside the code, the web console's components in a DOM (jsdom), and
 * end-to-end tests through GraphQL in test/.
 */
const moduleNameMapper = {
  '^@app/([a-z-]+)$': '<rootDir>/libs/$1/src',
  '^@app/([a-z-]+)/(.*)$': '<rootDir>/libs/$1/src/$2',
};
const tsJest = ['ts-jest', { diagnostics: false, tsconfig: { allowJs: true, isolatedModules: true } }];
// A few dependencies ship ESM only; Node 20 requires them natively, Jest's runtime does not.
const esmOnly = ['content-disposition'];
const transform = { '^.+\\.ts$': tsJest, [`node_modules/(${esmOnly.join('|')})/.+\\.js$`]: tsJest };
const common = {
  rootDir: __dirname,
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper,
  transform,
  transformIgnorePatterns: [`^(?!.*/node_modules/(${esmOnly.join('|')})/).*/node_modules/`],
  testEnvironment: 'node',
};

const fastCheck = '<rootDir>/test/setup/fast-check.ts';

// the console's components: TSX compiled as the browser bundle is (React's automatic runtime), to CommonJS for Jest
const webTsJest = [
  'ts-jest',
  { diagnostics: false, tsconfig: { jsx: 'react-jsx', module: 'commonjs', target: 'ES2022', isolatedModules: true, esModuleInterop: true } },
];
const web = {
  rootDir: __dirname,
  displayName: 'web',
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/apps/web/src/**/*.test.ts', '<rootDir>/apps/web/src/**/*.test.tsx'],
  moduleFileExtensions: ['tsx', 'ts', 'js', 'json'],
  transform: { '^.+\\.tsx?$': webTsJest },
  setupFilesAfterEnv: ['<rootDir>/apps/web/src/test-support/setup.ts'],
};

module.exports = {
  testTimeout: 60000,
  // e2e files wait on PostgreSQL, Redis and child processes more than on the CPU: three workers even on two
  // cores (the whole run on the two-core CI machine: 583 s with two, 479 s with three, the same day)
  maxWorkers: Math.max(3, Math.floor(require('node:os').availableParallelism() / 2)),
  globalSetup: '<rootDir>/test/setup/fast-check-seed.js',
  globalTeardown: '<rootDir>/test/setup/report-open-handles.js',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts'], setupFilesAfterEnv: [fastCheck] },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      // each worker on its own clone of a template migrated once (test/support/test-database.ts)
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/setup/worker-database.ts', fastCheck],
    },
    web,
  ],
};
