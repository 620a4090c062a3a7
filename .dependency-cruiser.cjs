// The house shape, checked by `npm run lint` (see docs/architecture.md, "The house shape").
//
// A capability is a folder under packages/<core|server|web>/src/. Other capabilities reach it only
// through its door, `index.ts`. The shared folders below are not capabilities: anyone may import
// them, and they reach capabilities through their doors too.
const shared = [
  'db',
  'http',
  'testing',
  'files',
  'ops',
  'demo',
  'errors',
  'input',
  'calendar',
  'money',
  'app',
];
const sharedPattern = `(?:${shared.join('|')})`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'capability-internals',
      severity: 'error',
      comment:
        'A capability uses another only through its door (index.ts). Export what you need from the other capability’s index.ts and import that.',
      from: {
        path: '^packages/(core|server|web)/src/([^/]+)/',
        pathNot: `^packages/[^/]+/src/${sharedPattern}/`,
      },
      to: {
        path: `^packages/$1/src/(?!$2/)(?!${sharedPattern}/)[^/]+/.+`,
        pathNot: '^packages/[^/]+/src/[^/]+/index\\.tsx?$',
      },
    },
    {
      name: 'shared-reaches-capability-internals',
      severity: 'error',
      comment:
        'Shared folders (db, http, demo…) reach a capability through its door (index.ts), like anyone else.',
      from: {
        path: [
          `^packages/(core|server|web)/src/${sharedPattern}/`,
          '^packages/(core|server|web)/src/[^/]+\\.tsx?$',
        ],
        pathNot: [
          '^packages/server/src/db/schema\\.ts$',
          '^packages/web/src/app/i18n\\.ts$',
          '^packages/core/src/error-catalogue\\.ts$',
        ],
      },
      to: {
        path: `^packages/$1/src/(?!${sharedPattern}/)[^/]+/.+`,
        pathNot: '^packages/[^/]+/src/[^/]+/index\\.tsx?$',
      },
    },
    {
      name: 'schema-reads-only-tables',
      severity: 'error',
      comment:
        'db/schema.ts may import a capability’s tables.ts (its slice of the schema), nothing else of it.',
      from: { path: '^packages/server/src/db/schema\\.ts$' },
      to: {
        path: `^packages/server/src/(?!${sharedPattern}/)[^/]+/.+`,
        pathNot: ['^packages/server/src/[^/]+/(tables|index)\\.ts$'],
      },
    },
    {
      name: 'i18n-reads-only-messages',
      severity: 'error',
      comment:
        'The web shell’s i18n.ts loads each area’s translations (messages.ts) at start, nothing else of it.',
      from: { path: '^packages/web/src/app/i18n\\.ts$' },
      to: {
        path: `^packages/web/src/(?!${sharedPattern}/)[^/]+/.+`,
        pathNot: ['^packages/web/src/[^/]+/(messages|index)\\.ts$'],
      },
    },
    {
      name: 'catalogue-reads-only-messages',
      severity: 'error',
      comment:
        'core’s error-catalogue.ts assembles each capability’s messages (messages.ts, record-messages.ts), nothing else of it.',
      from: { path: '^packages/core/src/error-catalogue\\.ts$' },
      to: {
        path: `^packages/core/src/(?!${sharedPattern}/)[^/]+/.+`,
        pathNot: ['^packages/core/src/[^/]+/(messages|record-messages|index)\\.ts$'],
      },
    },
    {
      name: 'import-cycle',
      severity: 'error',
      comment:
        'Modules must not import each other in a circle (type-only imports excepted: they vanish at run time).',
      from: { path: '^packages/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'production-imports-test-support',
      severity: 'error',
      comment: 'Production code does not import the test kit or test files.',
      from: { path: '^packages/', pathNot: ['\\.test\\.tsx?$', '^packages/server/src/testing/'] },
      to: { path: ['^packages/server/src/testing/', '\\.test\\.tsx?$'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['node_modules', '/dist/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
