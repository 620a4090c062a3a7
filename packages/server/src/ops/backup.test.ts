import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/connection.ts';
import { seedDemo } from '../demo/seed.ts';
import { freshDatabase } from '../testing/test-database.ts';
import { backup, restore } from './backup.ts';

let source: { db: Db; drop: () => Promise<void> };
let target: { db: Db; drop: () => Promise<void> };
const file = join(mkdtempSync(join(tmpdir(), 'pivot-backup-')), 'pivot.jsonl.gz');

beforeAll(async () => {
  source = await freshDatabase();
  target = await freshDatabase();
  await seedDemo(source.db, { patients: 2500 });
}, 120_000);
afterAll(async () => {
  await source.drop();
  await target.drop();
});

async function fingerprint(db: Db) {
  const count = async (table: 'patients' | 'users' | 'audit_log' | 'rooms') =>
    Number(
      (
        await db.kysely
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const patient = await db.kysely
    .selectFrom('patients')
    .select([
      'id',
      'birth_name',
      'birth_given_names',
      'birth_date',
      'nir',
      'details',
      'phones',
      'search_text',
    ])
    .orderBy('id')
    .limit(1)
    .executeTakeFirstOrThrow();
  return {
    patients: await count('patients'),
    users: await count('users'),
    rooms: await count('rooms'),
    patient,
  };
}

describe('backup and restore', () => {
  it('restores into an empty database exactly what was backed up', async () => {
    const written = await backup(source.db, file);
    expect(written.rows).toBeGreaterThan(2500);
    const restored = await restore(target.db, file);
    expect(restored.rows).toBe(written.rows);
    expect(await fingerprint(target.db)).toEqual(await fingerprint(source.db));
  });

  it('refuses to restore over a database that already has accounts', async () => {
    await expect(restore(source.db, file)).rejects.toThrow(/empty database/);
  });
});
