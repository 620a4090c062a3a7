import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { anOrganization, createTestApp, type TestApp, testPassword } from '../testing/test-app.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const anAccount = async () => (await anOrganization().withUser('admin').create(t.db)).byRole('admin');

function login(
  app: TestApp['app'],
  email: string,
  password: string,
  from: string,
  headers: Record<string, string> = {},
) {
  return app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress: from,
    headers,
    payload: { email, password },
  });
}

async function auditedIps(app: TestApp, userId: string) {
  const rows = await app.db.kysely
    .selectFrom('audit_log')
    .select(['ip', 'action'])
    .where('user_id', '=', userId)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.ip);
}

describe('client address', () => {
  it('ignores X-Forwarded-For from a client that is not a named proxy: rotating it neither escapes the brake nor changes the audited address', async () => {
    const admin = await anAccount();
    for (let i = 0; i < 5; i++) {
      const r = await login(t.app, admin.email, 'wrong', '203.0.113.5', { 'x-forwarded-for': `10.9.8.${i}` });
      expect(r.statusCode).toBe(401);
    }
    const sixth = await login(t.app, admin.email, testPassword, '203.0.113.5', {
      'x-forwarded-for': '10.9.8.77',
    });
    expect(sixth.statusCode).toBe(423);
    expect(new Set(await auditedIps(t, admin.id))).toEqual(new Set(['203.0.113.5']));
  });

  it('ignores X-Forwarded-For in the per-address rate limit of logins', async () => {
    const limited = await createTestApp({ loginRateLimitPerMinute: 3 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) {
        const r = await login(limited.app, 'nobody@test.pivot', 'wrong', '203.0.113.6', {
          'x-forwarded-for': `10.7.7.${i}`,
        });
        codes.push(r.statusCode);
      }
      expect(codes).toEqual([401, 401, 401, 429]);
    } finally {
      await limited.close();
    }
  });

  it('takes the client address from X-Forwarded-For when the peer is the proxy named in PIVOT_TRUST_PROXY', async () => {
    const config = loadConfig({ PIVOT_TRUST_PROXY: '10.0.0.1' });
    expect(config.trustProxy).toEqual(['10.0.0.1']);
    const proxied = await createTestApp({ trustProxy: config.trustProxy });
    try {
      const admin = (await anOrganization().withUser('admin').create(proxied.db)).byRole('admin');
      const viaProxy = await login(proxied.app, admin.email, testPassword, '10.0.0.1', {
        'x-forwarded-for': '198.51.100.20',
      });
      expect(viaProxy.statusCode).toBe(200);
      const direct = await login(proxied.app, admin.email, testPassword, '203.0.113.8', {
        'x-forwarded-for': '198.51.100.21',
      });
      expect(direct.statusCode).toBe(200);
      expect(await auditedIps(proxied, admin.id)).toEqual(['198.51.100.20', '203.0.113.8']);
    } finally {
      await proxied.close();
    }
  });

  it('takes the client address one hop back when PIVOT_TRUST_PROXY is a hop count', async () => {
    const proxied = await createTestApp({ trustProxy: loadConfig({ PIVOT_TRUST_PROXY: '1' }).trustProxy });
    try {
      const admin = (await anOrganization().withUser('admin').create(proxied.db)).byRole('admin');
      const response = await login(proxied.app, admin.email, testPassword, '10.0.0.1', {
        'x-forwarded-for': '192.0.2.99, 198.51.100.30',
      });
      expect(response.statusCode).toBe(200);
      expect(await auditedIps(proxied, admin.id)).toEqual(['198.51.100.30']);
    } finally {
      await proxied.close();
    }
  });

  it('reads PIVOT_TRUST_PROXY as a hop count or a list, and refuses to trust every peer', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ PIVOT_TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ PIVOT_TRUST_PROXY: '127.0.0.1, 10.0.0.0/8' }).trustProxy).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
    ]);
    expect(() => loadConfig({ PIVOT_TRUST_PROXY: 'true' })).toThrow(/PIVOT_TRUST_PROXY/);
  });

  it('listens on the loopback unless HOST says otherwise', () => {
    expect(loadConfig({}).host).toBe('localhost');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  });
});

describe('login brake', () => {
  it('does not lock the owner out when a stranger fails five times from another source', async () => {
    const admin = await anAccount();
    for (let i = 0; i < 5; i++) {
      expect((await login(t.app, admin.email, 'guess', '203.0.113.66')).statusCode).toBe(401);
    }
    expect((await login(t.app, admin.email, testPassword, '198.51.100.3')).statusCode).toBe(200);
  });

  it('stops a brute force from one source, even once it finds the password', async () => {
    const admin = await anAccount();
    for (let i = 0; i < 5; i++) {
      expect((await login(t.app, admin.email, `guess-${i}`, '203.0.113.67')).statusCode).toBe(401);
    }
    const found = await login(t.app, admin.email, testPassword, '203.0.113.67');
    expect(found.statusCode).toBe(423);
    expect(found.json().error.code).toBe('account_locked');
    expect(found.json().error.message).toMatch(/15 minutes/);
    const actions = await t.db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('user_id', '=', admin.id)
      .execute();
    expect(actions.map((a) => a.action)).toContain('login_locked');
  });

  it('stops a guessing spread over many sources, except from a source the owner signed in from', async () => {
    const admin = await anAccount();
    expect((await login(t.app, admin.email, testPassword, '198.51.100.4')).statusCode).toBe(200);
    for (let i = 0; i < 10; i++) {
      expect((await login(t.app, admin.email, `guess-${i}`, `192.0.2.${i + 1}`)).statusCode).toBe(401);
    }
    expect((await login(t.app, admin.email, testPassword, '192.0.2.200')).statusCode).toBe(423);
    expect((await login(t.app, admin.email, testPassword, '198.51.100.4')).statusCode).toBe(200);
  });
});
