import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '@pivot/core/auth';
import type { FastifyInstance } from 'fastify';
import type { DestinationStream } from 'pino';
import { buildApp } from '../app.ts';
import { hashPassword } from '../auth/index.ts';
import { type Config, loadConfig } from '../config.ts';
import type { Db } from '../db/connection.ts';
import { freshDatabase } from './test-database.ts';

export const testPassword = 'Correct-Horse-42';

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  config: Config;
  close(): Promise<void>;
}

/** `logStream`: the app logs there (at the config's level) instead of not at all. */
export async function createTestApp(
  overrides: Partial<Config> = {},
  { logStream }: { logStream?: DestinationStream } = {},
): Promise<TestApp> {
  const { db, drop } = await freshDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'pivot-test-'));
  const config = {
    ...loadConfig({}),
    dataDir,
    loginRateLimitPerMinute: 1000,
    outboxIntervalMs: 0,
    webDist: '/nonexistent',
    ...overrides,
  };
  const app = await buildApp({ config, db, logger: logStream !== undefined, logStream });
  await app.ready();
  return {
    app,
    db,
    config,
    close: async () => {
      await app.close();
      await drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

let passwordHash: Promise<string> | undefined;

/** Builder of an organization with accounts: `anOrganization('Cabinet A').withUser('secretary').create(db)`. */
export function anOrganization(name = 'Cabinet du Parc') {
  const users: { role: Role; email: string }[] = [];
  const builder = {
    withUser(
      role: Role,
      email = `${role}.${users.length}.${Math.random().toString(36).slice(2, 8)}@test.pivot`,
    ) {
      users.push({ role, email });
      return builder;
    },
    async create(db: Db) {
      passwordHash ??= hashPassword(testPassword);
      const hash = await passwordHash;
      const org = await db.kysely
        .insertInto('organizations')
        .values({ name, address: '{}', opening_hours: '{}' })
        .returning(['id', 'version'])
        .executeTakeFirstOrThrow();
      const created: Record<string, { id: string; email: string; role: Role }> = {};
      for (const u of users) {
        const row = await db.kysely
          .insertInto('users')
          .values({
            organization_id: org.id,
            email: u.email,
            display_name: `Test ${u.role}`,
            role: u.role,
            password_hash: hash,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        created[u.email] = { id: row.id, email: u.email, role: u.role };
      }
      const byRole = (role: Role) => Object.values(created).find((u) => u.role === role)!;
      return { id: org.id, users: Object.values(created), byRole };
    },
  };
  return builder;
}

/** Signs in and returns the cookie header to send with the next requests. */
export async function loginAs(app: FastifyInstance, email: string, password = testPassword): Promise<string> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'pivot_session');
  return `pivot_session=${cookie!.value}`;
}
