import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../testing/test-database.ts';
import type { Db } from './connection.ts';
import { migrate, migrationFiles } from './migrate.ts';

let db: Db;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ db, drop } = await freshDatabase());
});
afterAll(() => drop());

describe('database features Pivot relies on', () => {
  it('has pg_trgm: similarity ranks a misspelt name close', async () => {
    const { rows } = await sql<{ s: number }>`SELECT similarity('lefebvre', 'lefevre') AS s`.execute(
      db.kysely,
    );
    expect(rows[0]!.s).toBeGreaterThan(0.4);
  });

  it('has unaccent: accents are removed', async () => {
    const { rows } = await sql<{ u: string }>`SELECT unaccent('Hélène Françoise Œuvre') AS u`.execute(
      db.kysely,
    );
    expect(rows[0]!.u).toBe('Helene Francoise OEuvre');
  });

  it('has btree_gist: an exclusion constraint refuses overlapping ranges of the same resource', async () => {
    await sql`CREATE TEMP TABLE booking_probe (resource uuid, during tstzrange, EXCLUDE USING gist (resource WITH =, during WITH &&))`.execute(
      db.kysely,
    );
    const r = '00000000-0000-0000-0000-000000000001';
    await sql`INSERT INTO booking_probe VALUES (${r}, tstzrange('2026-03-29 09:00+02', '2026-03-29 09:30+02'))`.execute(
      db.kysely,
    );
    await expect(
      sql`INSERT INTO booking_probe VALUES (${r}, tstzrange('2026-03-29 09:15+02', '2026-03-29 09:45+02'))`.execute(
        db.kysely,
      ),
    ).rejects.toThrow(/conflicting key value violates exclusion constraint/);
    await sql`INSERT INTO booking_probe VALUES (${r}, tstzrange('2026-03-29 09:30+02', '2026-03-29 10:00+02'))`.execute(
      db.kysely,
    );
  });

  it('applies each migration once', async () => {
    expect(await migrate(db)).toEqual([]);
    const { rows } = await sql<{ name: string }>`SELECT name FROM schema_migrations ORDER BY name`.execute(
      db.kysely,
    );
    expect(rows.map((r) => r.name)).toEqual(migrationFiles());
  });

  it('returns dates as calendar text and bigints as numbers on both drivers', async () => {
    const { rows } = await sql<{
      d: string;
      n: number;
    }>`SELECT DATE '2024-02-29' AS d, 9007199254740::bigint AS n`.execute(db.kysely);
    expect(rows[0]).toEqual({ d: '2024-02-29', n: 9007199254740 });
  });
});
