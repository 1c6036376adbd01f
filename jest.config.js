/** Two projects: fast unit tests beside the code, and end-to-end tests through GraphQL in test/. */
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

module.exports = {
  testTimeout: 60000,
  globalTeardown: '<rootDir>/test/setup/report-open-handles.js',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
    },
  ],
};
