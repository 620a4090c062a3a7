import { sql } from 'kysely';
import { authenticator } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anOrganization, createTestApp, loginAs, type TestApp, testPassword } from '../testing/test-app.ts';

let t: TestApp;
let org: Awaited<ReturnType<ReturnType<typeof anOrganization>['create']>>;

beforeAll(async () => {
  t = await createTestApp();
  org = await anOrganization()
    .withUser('admin')
    .withUser('secretary')
    .withUser('practitioner')
    .withUser('accountant')
    .create(t.db);
});
afterAll(() => t.close());

describe('login', () => {
  it('opens an HTTP-only SameSite session and returns the user with the areas of the role', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: org.byRole('secretary').email, password: testPassword },
    });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'pivot_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    expect(response.json().role).toBe('secretary');
    expect(response.json().areas).toEqual([
      'reception',
      'agenda',
      'patients',
      'billing',
      'documents',
      'mail',
      'stock',
      'reports',
    ]);
  });

  it('answers the same to a wrong password and to an unknown account', async () => {
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: org.byRole('practitioner').email, password: 'nope' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'nobody@test.pivot', password: 'nope' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error.code).toBe('invalid_credentials');
    expect(wrong.json().error.message).toBe('Identifiant ou mot de passe incorrect.');
  });

  it('answers in English when the browser asks for English', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'accept-language': 'en-GB,en;q=0.9' },
      payload: { email: 'nobody@test.pivot', password: 'nope' },
    });
    expect(response.json().error.message).toBe('Incorrect e-mail or password.');
  });

  it('locks the source out of the account for 15 minutes after five failures, even with the right password then', async () => {
    const o = await anOrganization('Lock').withUser('secretary').create(t.db);
    const email = o.byRole('secretary').email;
    for (let i = 0; i < 5; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email, password: 'wrong' },
      });
      expect(r.statusCode).toBe(401);
    }
    const locked = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password: testPassword },
    });
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.code).toBe('account_locked');
    const actions = await t.db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('user_id', '=', o.byRole('secretary').id)
      .execute();
    expect(actions.map((a) => a.action)).toContain('login_locked');
  });

  it('refuses a malformed e-mail naming the field', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'not-an-email', password: 'x' },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toMatchObject({ code: 'validation_failed', field: 'email' });
    expect(response.json().error.message).toMatch(/e-mail/i);
  });

  it('reports a missing field as required', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'a@b.fr' },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toMatchObject({ code: 'required', field: 'password' });
  });
});

describe('sessions', () => {
  it('refuses a request without a session with 401 unauthenticated', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('unauthenticated');
  });

  it('ends the session at logout', async () => {
    const cookie = await loginAs(t.app, org.byRole('secretary').email);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(
      200,
    );
    await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(
      401,
    );
  });

  it('answers session_expired once the session is past its expiry', async () => {
    const cookie = await loginAs(t.app, org.byRole('accountant').email);
    // Read once first, so that the session sits in the server's session cache.
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(
      200,
    );
    await sql`UPDATE sessions SET expires_at = now() - interval '1 minute' WHERE user_id = ${org.byRole('accountant').id}`.execute(
      t.db.kysely,
    );
    const response = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('session_expired');
  });

  it('answers session_expired after the idle time', async () => {
    const cookie = await loginAs(t.app, org.byRole('practitioner').email);
    // Read once first, so that the session sits in the server's session cache.
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(
      200,
    );
    await sql`UPDATE sessions SET last_seen_at = now() - interval '3 hours' WHERE user_id = ${org.byRole('practitioner').id}`.execute(
      t.db.kysely,
    );
    const response = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(response.json().error.code).toBe('session_expired');
  });

  it('revokes every other session of the user and keeps the current one', async () => {
    const o = await anOrganization('Revoke').withUser('secretary').create(t.db);
    const email = o.byRole('secretary').email;
    const first = await loginAs(t.app, email);
    const second = await loginAs(t.app, email);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: first } })).statusCode,
    ).toBe(200);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sessions/revoke-all',
      headers: { cookie: second },
    });
    expect(response.json().revoked).toBe(1);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: first } })).statusCode,
    ).toBe(401);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: second } })).statusCode,
    ).toBe(200);
  });
});

describe('password and second factor', () => {
  it('refuses a weak new password and accepts a strong one', async () => {
    const o = await anOrganization('Pwd').withUser('secretary').create(t.db);
    const cookie = await loginAs(t.app, o.byRole('secretary').email);
    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie },
      payload: { currentPassword: testPassword, newPassword: 'short' },
    });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().error).toMatchObject({ code: 'password_too_weak', field: 'newPassword' });
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie },
      payload: { currentPassword: testPassword, newPassword: 'Another-Strong-Pass-7' },
    });
    expect(ok.statusCode).toBe(200);
    await loginAs(t.app, o.byRole('secretary').email, 'Another-Strong-Pass-7');
  });

  it('asks for the TOTP code once enrolled and accepts a valid one', async () => {
    const o = await anOrganization('Totp').withUser('practitioner').create(t.db);
    const email = o.byRole('practitioner').email;
    const cookie = await loginAs(t.app, email);
    const setup = await t.app.inject({ method: 'POST', url: '/api/auth/totp/setup', headers: { cookie } });
    const { secret, otpauthUrl } = setup.json();
    expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/auth/totp/confirm',
      headers: { cookie },
      payload: { code: '000000' === authenticator.generate(secret) ? '111111' : '000000' },
    });
    expect(bad.json().error.code).toBe('totp_invalid');
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/totp/confirm',
      headers: { cookie },
      payload: { code: authenticator.generate(secret) },
    });
    const without = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password: testPassword },
    });
    expect(without.statusCode).toBe(401);
    expect(without.json().error).toMatchObject({ code: 'totp_required', field: 'totp' });
    const withCode = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password: testPassword, totp: authenticator.generate(secret) },
    });
    expect(withCode.statusCode).toBe(200);
  });
});
