import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3200);
const dataDir = process.env.E2E_DATA_DIR ?? `/tmp/pivot-e2e-${process.pid}`;

/** End-to-end flows in Debian's Chromium against a real Pivot started on a fresh demo database. */
export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [['list'], ['json', { outputFile: 'ci-reports/e2e.json' }]] : 'list',
  use: {
    baseURL: `http://localhost:${port}`,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `rm -rf ${dataDir} && node --import tsx packages/server/src/main.ts`,
    url: `http://localhost:${port}/api/health`,
    env: {
      PORT: String(port),
      PIVOT_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      PIVOT_LOGIN_RATE_LIMIT: '1000',
      PIVOT_DEMO_PATIENTS: '2000',
    },
    timeout: 120_000,
    reuseExistingServer: false,
  },
});
