import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anOrganization, createTestApp, loginAs, type TestApp } from '../testing/test-app.ts';

let t: TestApp;
let org: Awaited<ReturnType<ReturnType<typeof anOrganization>['create']>>;

beforeAll(async () => {
  t = await createTestApp();
  org = await anOrganization().withUser('admin').withUser('secretary').withUser('accountant').create(t.db);
});
afterAll(() => t.close());

describe('API conventions', () => {
  it('declares a permission on every API route', () => {
    const api = t.app.routeCatalogue.filter((r) => r.url.startsWith('/api/'));
    expect(api.length).toBeGreaterThan(10);
    expect(api.filter((r) => !r.permission).map((r) => `${r.methods.join(',')} ${r.url}`)).toEqual([]);
  });

  it('refuses a request to a route whose permission is missing', async () => {
    const { buildApp } = await import('../app.ts');
    const app = await buildApp({ config: t.config, db: t.db, logger: false });
    app.get('/api/forgotten', async () => ({ secret: true }));
    await app.ready();
    const cookie = await loginAs(app, org.byRole('admin').email);
    const response = await app.inject({ method: 'GET', url: '/api/forgotten', headers: { cookie } });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('forbidden');
    await app.close();
  });

  it('answers 403 forbidden when the role lacks the permission', async () => {
    const cookie = await loginAs(t.app, org.byRole('secretary').email);
    const response = await t.app.inject({ method: 'GET', url: '/api/audit', headers: { cookie } });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual({
      error: { code: 'forbidden', message: 'Votre rôle ne permet pas cette action.' },
    });
  });

  it('answers 400 malformed_json to a body that is not JSON', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": "a@b.fr", ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('malformed_json');
  });

  it('answers 413 to a body over the size limit', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'a@b.fr', password: 'x'.repeat(2_000_000) }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('payload_too_large');
  });

  it('answers 404 route_not_found to an unknown API route', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('route_not_found');
  });

  it('serves the OpenAPI document and the browsable docs', async () => {
    const doc = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(doc.statusCode).toBe(200);
    expect(doc.json().openapi).toMatch(/^3\./);
    expect(Object.keys(doc.json().paths)).toContain('/api/auth/login');
    const ui = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
  });

  it('reports health with the database driver', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      status: 'ok',
      database: process.env.DATABASE_URL ? 'postgresql' : 'pglite',
    });
  });
});
