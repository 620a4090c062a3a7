import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/connection.ts';
import { seedDemo } from '../demo/seed.ts';
import { freshDatabase } from '../testing/test-database.ts';
import { backup, isEncryptedBackup, restore } from './backup.ts';

let source: { db: Db; drop: () => Promise<void> };
let target: { db: Db; drop: () => Promise<void> };
let encryptedTarget: { db: Db; drop: () => Promise<void> };
let emptyTarget: { db: Db; drop: () => Promise<void> };
const folder = mkdtempSync(join(tmpdir(), 'pivot-backup-'));
const file = join(folder, 'pivot.jsonl.gz');
const encryptedFile = join(folder, 'pivot.jsonl.gz.age');
const passphrase = 'cheval-agrafe-batterie-correcte';
// A low scrypt work factor keeps the tests fast; backups use age's default (2^18).
const scryptWorkFactor = 12;

beforeAll(async () => {
  source = await freshDatabase();
  target = await freshDatabase();
  encryptedTarget = await freshDatabase();
  emptyTarget = await freshDatabase();
  await seedDemo(source.db, { patients: 2500 });
}, 120_000);
afterAll(async () => {
  await source.drop();
  await target.drop();
  await encryptedTarget.drop();
  await emptyTarget.drop();
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

  it('writes the backup file readable and writable by its owner only (0600)', async () => {
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});

describe('encrypted backup', () => {
  async function isEmpty(db: Db) {
    const users = await db.kysely.selectFrom('users').select('id').execute();
    const patients = await db.kysely.selectFrom('patients').select('id').execute();
    return users.length === 0 && patients.length === 0;
  }

  it('encrypts with a passphrase (age format) and restores exactly what was backed up', async () => {
    const written = await backup(source.db, encryptedFile, { passphrase, scryptWorkFactor });
    expect(statSync(encryptedFile).mode & 0o777).toBe(0o600);
    expect(await isEncryptedBackup(encryptedFile)).toBe(true);
    expect(await isEncryptedBackup(file)).toBe(false);
    const restored = await restore(encryptedTarget.db, encryptedFile, { passphrase });
    expect(restored.rows).toBe(written.rows);
    expect(await fingerprint(encryptedTarget.db)).toEqual(await fingerprint(source.db));
  });

  it('holds no clear patient name, no password hash and no gzip stream anyone could open', async () => {
    const bytes = readFileSync(encryptedFile);
    expect(bytes.subarray(0, 22).toString('latin1')).toBe('age-encryption.org/v1\n');
    expect(() => gunzipSync(bytes)).toThrow();
    // Short names (LY, LE…) occur by chance in any half-megabyte of random bytes: only names of six
    // letters or more say something about the file.
    const patients = (
      await source.db.kysely.selectFrom('patients').select('birth_name').limit(200).execute()
    ).filter((p) => p.birth_name.length >= 6);
    expect(patients.length).toBeGreaterThan(10);
    for (const p of patients) expect(bytes.includes(Buffer.from(p.birth_name))).toBe(false);
    const plain = gunzipSync(readFileSync(file)).toString('utf8');
    expect(plain).toContain(patients[0]!.birth_name);
    expect(bytes.includes(Buffer.from('$argon2id$'))).toBe(false);
  });

  it('refuses a wrong passphrase with a clear error and restores nothing', async () => {
    await expect(restore(emptyTarget.db, encryptedFile, { passphrase: 'not-the-right-one' })).rejects.toThrow(
      /wrong passphrase/,
    );
    expect(await isEmpty(emptyTarget.db)).toBe(true);
  });

  it('asks for the passphrase of an encrypted backup instead of reading it as gzip', async () => {
    await expect(restore(emptyTarget.db, encryptedFile)).rejects.toThrow(/encrypted.*passphrase/);
    expect(await isEmpty(emptyTarget.db)).toBe(true);
  });

  it('restores nothing from an encrypted backup damaged after its header', async () => {
    const damaged = readFileSync(encryptedFile);
    const middle = Math.floor(damaged.length / 2);
    damaged[middle] = damaged[middle]! ^ 0xff;
    const damagedFile = join(folder, 'damaged.jsonl.gz.age');
    writeFileSync(damagedFile, damaged);
    await expect(restore(emptyTarget.db, damagedFile, { passphrase })).rejects.toThrow();
    expect(await isEmpty(emptyTarget.db)).toBe(true);
  });

  it('refuses a file that is not a backup', async () => {
    const other = join(folder, 'notes.txt');
    writeFileSync(other, 'hello');
    await expect(restore(emptyTarget.db, other)).rejects.toThrow(/not a Pivot backup/);
  });
});
