import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anOrganization, createTestApp, loginAs, type TestApp } from '../testing/test-app.ts';

let t: TestApp;
let cookie: string;
let email: string;

beforeAll(async () => {
  t = await createTestApp();
  const org = await anOrganization().withUser('secretary').create(t.db);
  email = org.byRole('secretary').email;
  cookie = await loginAs(t.app, email);
});
afterAll(() => t.close());

const languageChange = (headers: Record<string, string>) =>
  t.app.inject({
    method: 'PUT',
    url: '/api/auth/me/language',
    headers: { cookie, host: 'pivot.cabinet.fr', ...headers },
    payload: { language: 'fr' },
  });

describe('cross-site requests', () => {
  it('refuses a state-changing request a browser marks as cross-site, with 403 cross_site_request', async () => {
    const response = await languageChange({ 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' });
    expect(response.statusCode).toBe(403);
    expect(response.json().error).toEqual({
      code: 'cross_site_request',
      message: 'Requête refusée : elle vient d’un autre site que Pivot.',
    });
  });

  it('refuses a login form posted from another site (a simple request SameSite does not stop)', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'sec-fetch-site': 'same-site' },
      payload: { email, password: 'x' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('cross_site_request');
  });

  it('refuses another Origin when the browser sends no Sec-Fetch-Site', async () => {
    expect((await languageChange({ origin: 'https://evil.example' })).statusCode).toBe(403);
    expect((await languageChange({ origin: 'null' })).statusCode).toBe(403);
  });

  it('accepts the same origin, by Sec-Fetch-Site or by Origin', async () => {
    expect(
      (await languageChange({ 'sec-fetch-site': 'same-origin', origin: 'https://pivot.cabinet.fr' }))
        .statusCode,
    ).toBe(200);
    expect((await languageChange({ origin: 'https://pivot.cabinet.fr' })).statusCode).toBe(200);
  });

  it('accepts a client that is no browser (neither Origin nor Sec-Fetch-Site)', async () => {
    expect((await languageChange({})).statusCode).toBe(200);
  });

  it('leaves reads alone: a cross-site GET gets its answer', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(response.statusCode).toBe(200);
  });
});
