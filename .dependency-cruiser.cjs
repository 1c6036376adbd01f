/**
 * The boundaries between libs, checked on every CI run (`depcruise libs apps --config .dependency-cruiser.cjs`).
 *
 * A lib is used only through its public index (`@app/x` resolves to libs/x/src/index.ts through the tsconfig paths),
 * and libs are layered: a lib imports only the libs below it in LAYERS, so there is no cycle between libs by
 * construction. docs/architecture.md draws the same layers; change both together.
 */

/** Bottom first. A lib may import any lib listed before it, never one listed after it. */
const LAYERS = [
  'common',
  'database',
  'auth',
  'jobs',
  'network',
  'donations',
  'routing',
  'logistics',
  'refurbishing',
  'orders',
  'matching',
  'reconciliation',
  'reporting',
  // prices, quotes and invoices of what is shipped
  'pricing',
  // the papers: donation agreements, tax receipts, public reuse reports, the waste register
  'paperwork',
  'notifications',
];

/** One rule per lib: the libs above it are out of reach. */
const layerRules = LAYERS.slice(0, -1).map((lib, index) => ({
  name: `layer-${lib}`,
  comment: `${lib} sits below ${LAYERS.slice(index + 1).join(', ')}: it may not import them (see docs/architecture.md).`,
  severity: 'error',
  from: { path: `^libs/${lib}/` },
  to: { path: `^libs/(${LAYERS.slice(index + 1).join('|')})/` },
}));

module.exports = {
  forbidden: [
    {
      name: 'lib-public-index-only',
      comment: 'Another lib is imported through its index (`@app/x`), never a path inside it (`@app/x/...` or a relative path).',
      severity: 'error',
      from: { path: '^(libs/[^/]+|apps/[^/]+)/', pathNot: '^apps/web/' },
      to: { path: '^libs/[^/]+/src/', pathNot: ['^$1/', '^libs/[^/]+/src/index\\.ts$'] },
    },
    {
      name: 'web-console-reads-only-the-error-catalogue',
      comment:
        'The browser console (apps/web) shares only the French error catalogue with the server: pure TypeScript, no Node or Nest import. Anything else it learns through GraphQL.',
      severity: 'error',
      from: { path: '^apps/web/' },
      to: { path: '^(libs|apps/(?!web/))', pathNot: '^libs/common/src/errors/(reason-messages\\.fr|error-reason|error-code)\\.ts$' },
    },
    {
      name: 'no-cycle-between-libs',
      comment: 'A cycle that leaves the lib it starts from is a cycle between libs.',
      severity: 'error',
      from: { path: '^(libs/[^/]+)/' },
      to: { circular: true, via: { pathNot: '^$1/' } },
    },
    {
      name: 'no-cycle-inside-a-lib',
      comment: 'Inside one lib a cycle works (Nest forwardRef, TypeORM lazy relations) but is worth a look.',
      severity: 'warn',
      from: { path: '^(libs/[^/]+)/' },
      to: { circular: true, viaOnly: { path: '^$1/' } },
    },
    ...layerRules,
    {
      name: 'libs-do-not-import-apps',
      comment: 'Apps assemble libs; a lib never reaches into an app.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'no-unresolvable',
      comment: 'An import of our own code that resolves to nothing would escape every rule above.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true, path: '^(\\.|@app/)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Unit specs may reach a lib's internals (and its testing helpers); the rules are about the code that ships.
    exclude: { path: '\\.spec\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.json'] },
  },
};
