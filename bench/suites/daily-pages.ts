import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from '@playwright/test';
import { percentile, type Row } from '../measure.ts';
import { startServer } from '../server-under-test.ts';

const root = join(import.meta.dirname, '../..');

/** The pages of the secretary's daily loop; the record is a demo patient's, found at start. */
const pages = [
  { name: 'desk', path: '/accueil' },
  { name: 'agenda day', path: '/agenda' },
  { name: 'patient record', path: '/patients/{patient}' },
  { name: 'billing', path: '/facturation' },
  { name: 'documents', path: '/documents' },
  { name: 'mail', path: '/courrier' },
] as const;

/**
 * Counts the API requests in flight (the waiting room's event stream, which never ends, excepted),
 * so that "the page shows its data" means: its answers are in and no loader is left on screen.
 */
function trackRequests(page: Page) {
  const inFlight = new Set<unknown>();
  const isData = (url: string) => url.includes('/api/') && !/\/(stream|events)\b/.test(url);
  page.on('request', (request) => {
    if (isData(request.url())) inFlight.add(request);
  });
  const done = (request: unknown) => inFlight.delete(request);
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return () => inFlight.size;
}

/** Milliseconds from `navigate` until the page's data is shown: answers in, no loader, rendered. */
async function timeUntilShown(page: Page, pending: () => number, navigate: () => Promise<unknown>) {
  const started = performance.now();
  await navigate();
  // A page asks for its data as it renders: give it the frame in which it does, then wait for the
  // answers and for the last loader to go.
  for (;;) {
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
    const loading = await page.evaluate(
      () => document.querySelector('.mantine-Loader-root, [role="status"] .mantine-Loader-root') !== null,
    );
    if (!loading && pending() === 0) break;
  }
  return performance.now() - started;
}

async function signedInContext(browser: Browser, base: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: base, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  const login = await context.request.post('/api/auth/login', {
    data: { email: 'secretaire@demo.pivot', password: 'demo' },
  });
  if (!login.ok()) throw new Error(`login failed: ${login.status()}`);
  return context;
}

const row = (operation: string, database: string, latencies: number[]): Row => {
  const sorted = [...latencies].sort((a, b) => a - b);
  const total = latencies.reduce((sum, ms) => sum + ms, 0);
  return {
    operation,
    size: 'demo practice',
    database,
    count: latencies.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    throughput: (latencies.length * 1000) / total,
  };
};

/**
 * Issue 15's targets for the daily loop, in Chromium on the demo practice: each page shows its data
 * within 300 ms p95 after a navigation inside the app, and within 1.5 s from a cold load (a new
 * browser profile: nothing cached, the app's files downloaded and the session read).
 */
export async function dailyPagesBench(
  options: { coldLoads?: number; navigations?: number } = {},
): Promise<Row[]> {
  const coldLoads = options.coldLoads ?? 7;
  const navigations = options.navigations ?? 30;
  const build = spawnSync('node', [join(root, 'scripts/build-web-if-changed.mjs')], {
    cwd: root,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`web build failed:\n${build.stdout}${build.stderr}`);
  const server = await startServer(2000);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const setup = await signedInContext(browser, server.base);
    const found = await setup.request.post('/api/patients/search', { data: { q: 'martin', limit: 1 } });
    const patientId = ((await found.json()) as { id: string }[])[0]?.id;
    if (!patientId) throw new Error('the demo practice has no patient to open');
    await setup.close();
    const pathOf = (path: string) => path.replace('{patient}', patientId);

    const rows: Row[] = [];
    for (const target of pages) {
      const cold: number[] = [];
      for (let i = 0; i < coldLoads; i++) {
        const context = await signedInContext(browser, server.base);
        const page = await context.newPage();
        const pending = trackRequests(page);
        cold.push(await timeUntilShown(page, pending, () => page.goto(pathOf(target.path))));
        await context.close();
      }
      rows.push(row(`${target.name}: cold load, data shown`, server.database, cold));
    }

    // Inside the app: one signed-in tab going round the loop, as the router does on a link's click.
    const context = await signedInContext(browser, server.base);
    const page = await context.newPage();
    const pending = trackRequests(page);
    await page.goto(pathOf(pages[0].path));
    await timeUntilShown(page, pending, async () => {});
    const inApp = new Map<string, number[]>(pages.map((p) => [p.name, []]));
    for (let i = 0; i < navigations * pages.length; i++) {
      const target = pages[(i + 1) % pages.length]!;
      const ms = await timeUntilShown(page, pending, () =>
        page.evaluate((path) => {
          window.history.pushState({}, '', path);
          window.dispatchEvent(new PopStateEvent('popstate'));
        }, pathOf(target.path)),
      );
      inApp.get(target.name)!.push(ms);
    }
    await context.close();
    for (const target of pages) {
      rows.push(
        row(`${target.name}: navigation in the app, data shown`, server.database, inApp.get(target.name)!),
      );
    }
    return rows;
  } finally {
    await browser.close();
    await server.stop();
  }
}
