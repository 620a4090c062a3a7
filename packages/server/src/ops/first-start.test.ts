import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import type { Db } from '../db/connection.ts';
import { freshDatabase } from '../testing/test-database.ts';
import { firstStart } from './first-start.ts';

const quiet = { info: () => {}, warn: () => {} };
let current: { db: Db; drop: () => Promise<void> } | undefined;
afterEach(async () => {
  await current?.drop();
  current = undefined;
});

describe('first start', () => {
  it('creates the demo practice and the demo accounts in demo mode, once', async () => {
    current = await freshDatabase();
    const config = loadConfig({});
    expect(await firstStart(current.db, config, quiet, 50)).toBe('demo_created');
    const emails = (await current.db.kysely.selectFrom('users').select('email').execute()).map(
      (u) => u.email,
    );
    expect(emails).toEqual(
      expect.arrayContaining([
        'admin@demo.pivot',
        'secretaire@demo.pivot',
        'medecin@demo.pivot',
        'comptable@demo.pivot',
      ]),
    );
    const practitioners = await current.db.kysely
      .selectFrom('users')
      .select(['rpps', 'specialty'])
      .where('role', '=', 'practitioner')
      .execute();
    expect(practitioners).toHaveLength(6);
    expect(new Set(practitioners.map((p) => p.specialty)).size).toBeGreaterThan(3);
    expect(await firstStart(current.db, config, quiet, 50)).toBe('ready');
  });

  it('creates no account in production mode and lets the first-run page create the first administrator once', async () => {
    current = await freshDatabase();
    const config = loadConfig({ PIVOT_MODE: 'production', PIVOT_SECRET_KEY: 'a'.repeat(64) });
    expect(await firstStart(current.db, config, quiet)).toBe('awaiting_setup');
    const app = await buildApp({
      config: { ...config, webDist: '/nonexistent' },
      db: current.db,
      logger: false,
    });
    expect((await app.inject({ method: 'GET', url: '/api/setup' })).json()).toEqual({
      mode: 'production',
      needed: true,
    });
    const weak = await app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: { organizationName: 'Cabinet', email: 'a@b.fr', displayName: 'A', password: 'demo' },
    });
    expect(weak.json().error.code).toBe('password_too_weak');
    const body = {
      organizationName: 'Cabinet du Parc',
      email: 'admin@parc.fr',
      displayName: 'Dr Parc',
      password: 'Very-Strong-Pass-9',
    };
    expect((await app.inject({ method: 'POST', url: '/api/setup', payload: body })).statusCode).toBe(201);
    const again = await app.inject({ method: 'POST', url: '/api/setup', payload: body });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('setup_already_done');
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'admin@parc.fr', password: 'Very-Strong-Pass-9' },
    });
    expect(login.json().role).toBe('admin');
    await app.close();
  });
});
