import { defineConfig } from 'vitest/config';

// `npm test` runs core and server: Node and npm are all they need. Tests that check Pivot's
// output with other programs (LibreOffice, poppler) are `*.system.test.ts`, run by
// `npm run test:system` once those programs are installed.
const systemTests = 'packages/**/*.system.test.ts';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'core', include: ['packages/core/src/**/*.test.ts'], exclude: [systemTests] } },
      // The web app's models and rules (plain TypeScript, no DOM).
      { test: { name: 'web', include: ['packages/web/src/**/*.test.ts'], exclude: [systemTests] } },
      // The web app's forms, rendered in jsdom with Testing Library (kit: packages/web/src/app/testing).
      {
        esbuild: { jsx: 'automatic' },
        test: {
          name: 'web-dom',
          include: ['packages/web/src/**/*.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['packages/web/src/app/testing/setup-dom.ts'],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'server',
          include: ['packages/server/src/**/*.test.ts'],
          exclude: [systemTests, '**/node_modules/**'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      // The repository's own tooling (the house-shape check of `npm run lint`).
      { test: { name: 'tools', include: ['scripts/**/*.test.ts'], testTimeout: 60_000 } },
      { test: { name: 'system', include: [systemTests], testTimeout: 120_000, hookTimeout: 60_000 } },
    ],
  },
});
