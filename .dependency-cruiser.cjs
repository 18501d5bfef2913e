// The layers' rules of the house (README: "Rules of the house"). `npm run lint` checks them.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-knows-no-telegram',
      comment: 'domain/ is the product without Telegram: no grammY, no bot/, jobs/ or app/.',
      severity: 'error',
      from: { path: '^domain/' },
      to: { path: ['^bot/', '^jobs/', '^app/', 'node_modules/(grammy|@grammyjs)/'] },
    },
    {
      name: 'bot-calls-domain-services',
      comment:
        'bot/ reaches the database through domain services (ctx.services): no models, no queries, no mongoose.',
      severity: 'error',
      from: { path: '^bot/' },
      to: {
        path: [
          '^domain/.*/model\\.ts$',
          '^domain/ledger/(balance|append|history)\\.ts$',
          'node_modules/(mongoose|mongodb)/',
        ],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'features-do-not-import-features',
      comment: 'One Composer per feature file; what two features share lives outside bot/features/.',
      severity: 'error',
      from: { path: '^bot/features/([^/]+)\\.ts$', pathNot: '^bot/features/index\\.ts$' },
      to: { path: '^bot/features/', pathNot: '^bot/features/$1\\.ts$' },
    },
    {
      name: 'no-cycles',
      comment: 'No import cycles, type-only ones included.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^dist/', '^tools/ferretdb/(bin|src)/', '^test/fixtures/layers/'] },
    // Type-only imports count: a cycle through `import type` is still a cycle.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
