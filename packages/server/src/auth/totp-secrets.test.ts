import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { authenticator } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { backup, restore } from '../ops/backup.ts';
import { sealAndCheckStoredSecrets } from '../ops/stored-secrets.ts';
import { anOrganization, createTestApp, loginAs, type TestApp, testPassword } from '../testing/test-app.ts';
import { freshDatabase } from '../testing/test-database.ts';
import { isSealed, secretBox } from './secret-box.ts';
import { sealClearTotpSecrets, totpSecretsOfAnotherKey } from './totp-secrets.ts';

let t: TestApp;
let org: Awaited<ReturnType<ReturnType<typeof anOrganization>['create']>>;
const quiet = { info: () => {}, error: () => {} };

beforeAll(async () => {
  t = await createTestApp();
  org = await anOrganization('Totp at rest')
    .withUser('practitioner')
    .withUser('secretary')
    .withUser('admin')
    .create(t.db);
});
afterAll(() => t.close());

async function enrol(email: string): Promise<string> {
  const cookie = await loginAs(t.app, email);
  const setup = await t.app.inject({ method: 'POST', url: '/api/auth/totp/setup', headers: { cookie } });
  const { secret } = setup.json();
  const confirm = await t.app.inject({
    method: 'POST',
    url: '/api/auth/totp/confirm',
    headers: { cookie },
    payload: { code: authenticator.generate(secret) },
  });
  expect(confirm.statusCode).toBe(200);
  return secret;
}

const loginWithCode = (app: FastifyInstance, email: string, secret: string) =>
  app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password: testPassword, totp: authenticator.generate(secret) },
  });

async function storedSecret(userId: string) {
  const row = await t.db.kysely
    .selectFrom('users')
    .select(['totp_secret', 'failed_attempts', 'locked_until'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  return row;
}

describe('TOTP secrets at rest', () => {
  it('stores no TOTP secret in clear in the database, and the code still signs in', async () => {
    const user = org.byRole('practitioner');
    const secret = await enrol(user.email);
    const { totp_secret } = await storedSecret(user.id);
    expect(totp_secret).not.toContain(secret);
    expect(isSealed(totp_secret!)).toBe(true);
    const users = await t.db.kysely.selectFrom('users').selectAll().execute();
    expect(JSON.stringify(users)).not.toContain(secret);
    expect((await loginWithCode(t.app, user.email, secret)).statusCode).toBe(200);
  });

  it('encrypts at start the TOTP secrets stored in clear before, and their codes keep signing in', async () => {
    const user = org.byRole('secretary');
    const secret = authenticator.generateSecret();
    await t.db.kysely
      .updateTable('users')
      .set({ totp_secret: secret, totp_enabled: true })
      .where('id', '=', user.id)
      .execute();
    expect(await sealClearTotpSecrets(t.db, t.app.secrets)).toBe(1);
    expect((await storedSecret(user.id)).totp_secret).not.toContain(secret);
    expect(await sealClearTotpSecrets(t.db, t.app.secrets)).toBe(0);
    expect((await loginWithCode(t.app, user.email, secret)).statusCode).toBe(200);
  });

  it('refuses TOTP verification cleanly with another server key, without counting a failure', async () => {
    const user = org.byRole('admin');
    const secret = await enrol(user.email);
    const otherKey = secretBox(randomBytes(32));
    const other = await buildApp({ config: t.config, db: t.db, logger: false, secrets: otherKey });
    try {
      const before = await storedSecret(user.id);
      const response = await loginWithCode(other, user.email, secret);
      expect(response.statusCode).toBe(503);
      expect(response.json().error).toMatchObject({ code: 'totp_unavailable', field: 'totp' });
      expect(response.json().error.message).toMatch(/clé des secrets/);
      const after = await storedSecret(user.id);
      expect(after.failed_attempts).toBe(before.failed_attempts);
      expect(after.locked_until).toBeNull();
      expect(await totpSecretsOfAnotherKey(t.db, otherKey)).toBeGreaterThanOrEqual(1);
      expect(await totpSecretsOfAnotherKey(t.db, t.app.secrets)).toBe(0);
    } finally {
      await other.close();
    }
    expect((await loginWithCode(t.app, user.email, secret)).statusCode).toBe(200);
  });

  it('keeps TOTP working after a backup and a restore on a server with the same key', async () => {
    const user = org.byRole('practitioner');
    await t.db.kysely
      .updateTable('users')
      .set({ totp_enabled: false, totp_secret: null })
      .where('id', '=', user.id)
      .execute();
    const secret = await enrol(user.email);
    const file = join(mkdtempSync(join(tmpdir(), 'pivot-totp-backup-')), 'backup.jsonl.gz');
    await backup(t.db, file);
    const restored = await freshDatabase();
    const app = await buildApp({ config: t.config, db: restored.db, logger: false, secrets: t.app.secrets });
    try {
      await restore(restored.db, file);
      expect(await sealAndCheckStoredSecrets(restored.db, t.app.secrets, quiet)).toEqual({
        sealed: 0,
        ofAnotherKey: 0,
      });
      expect((await loginWithCode(app, user.email, secret)).statusCode).toBe(200);
    } finally {
      await app.close();
      await restored.drop();
    }
  });
});
