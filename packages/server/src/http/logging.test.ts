import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { captureLog } from '../testing/log-capture.ts';
import { anOrganization, createTestApp, loginAs, type TestApp } from '../testing/test-app.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/**
 * The app with two more routes whose statements fail quoting a birth date: one with an error the
 * server does not expect (a 500), one with a value the database refuses (a 422).
 */
async function appFailingOnADate(logErrorDetail: boolean) {
  const log = captureLog();
  const app = await buildApp({ config: { ...t.config, logErrorDetail }, db: t.db, logStream: log.stream });
  app.get('/api/test/birth-date/:id', { config: { permission: 'public' } }, async () => {
    await sql`DO $$ BEGIN RAISE EXCEPTION 'no record born %', '1980-02-31'; END $$`.execute(t.db.kysely);
    return {};
  });
  app.get('/api/test/refused-date/:id', { config: { permission: 'public' } }, async () => {
    await sql`SELECT ${'1980-02-31'}::date`.execute(t.db.kysely);
    return {};
  });
  await app.ready();
  return { app, log };
}

describe('server log', () => {
  it('logs a database failure by its route and code, without the value the database quotes or a stack', async () => {
    const { app, log } = await appFailingOnADate(false);
    const response = await app.inject({ method: 'GET', url: '/api/test/birth-date/4242?name=DUPONT' });
    await app.close();
    expect(response.statusCode).toBe(500);
    expect(response.json().error.code).toBe('internal_error');
    const failure = log.entries().find((e) => e.msg === 'unhandled error');
    expect(failure).toMatchObject({ level: 50, route: '/api/test/birth-date/:id', err: { code: 'P0001' } });
    expect(log.text()).not.toContain('1980-02-31');
    expect(log.text()).not.toContain('DUPONT');
    expect(log.text()).not.toMatch(/"stack"|at .*\.ts:\d+/);
  });

  it('logs a value the database refuses as a warning with its code, without the value', async () => {
    const { app, log } = await appFailingOnADate(false);
    const response = await app.inject({ method: 'GET', url: '/api/test/refused-date/4242?name=DUPONT' });
    await app.close();
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe('value_not_storable');
    expect(log.entries().find((e) => e.msg === 'value refused by the database')).toMatchObject({
      level: 40,
      code: '22008',
    });
    expect(log.text()).not.toContain('1980-02-31');
    expect(log.text()).not.toContain('DUPONT');
  });

  it('logs the error detail only when PIVOT_LOG_ERROR_DETAIL asks for it', async () => {
    const { app, log } = await appFailingOnADate(true);
    await app.inject({ method: 'GET', url: '/api/test/birth-date/1' });
    await app.close();
    expect(log.text()).toContain('1980-02-31');
  });

  it('logs a calendar feed fetch without the secret token of its URL', async () => {
    const log = captureLog();
    const logged = await createTestApp({}, { logStream: log.stream });
    try {
      const org = await anOrganization().withUser('secretary').withUser('practitioner').create(logged.db);
      const cookie = await loginAs(logged.app, org.byRole('secretary').email);
      const feed = (
        await logged.app.inject({
          method: 'POST',
          url: '/api/agenda/feeds',
          headers: { cookie },
          payload: { resourceId: org.byRole('practitioner').id, resourceKind: 'practitioner' },
        })
      ).json();
      const fetched = await logged.app.inject({ method: 'GET', url: feed.path });
      expect(fetched.statusCode).toBe(200);
      expect(log.text()).not.toContain(feed.token);
      expect(log.entries().some((e) => (e.req as { url?: string })?.url === '/api/agenda/feeds/:token')).toBe(
        true,
      );
    } finally {
      await logged.close();
    }
  });
});
