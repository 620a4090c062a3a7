import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../testing/test-database.ts';
import type { Db } from './connection.ts';
import { escapeLike, likeContaining, likeStartingWith } from './like-pattern.ts';

let db: Db;
let drop: () => Promise<void>;
beforeAll(async () => ({ db, drop } = await freshDatabase()));
afterAll(() => drop());

const texts = [
  'remise 50% mutuelle',
  'remise 500 euros',
  'jean_dupont',
  'jeanXdupont',
  'c:\\dossiers',
  'c:dossiers',
];

/** The texts the database finds with `LIKE pattern`, in the order above. */
async function matching(pattern: string): Promise<string[]> {
  const { rows } = await sql<{ text: string }>`
    SELECT t.text FROM unnest(${texts}::text[]) WITH ORDINALITY AS t(text, n)
    WHERE t.text LIKE ${pattern} ORDER BY t.n`.execute(db.kysely);
  return rows.map((r) => r.text);
}

describe('LIKE patterns over typed text', () => {
  it('escapes %, _ and the backslash', () => expect(escapeLike('50%_a\\b')).toBe('50\\%\\_a\\\\b'));

  it('finds only the texts holding a typed %, _ or backslash', async () => {
    expect(await matching(likeContaining('%'))).toEqual(['remise 50% mutuelle']);
    expect(await matching(likeContaining('50%'))).toEqual(['remise 50% mutuelle']);
    expect(await matching(likeContaining('_'))).toEqual(['jean_dupont']);
    expect(await matching(likeContaining('n_d'))).toEqual(['jean_dupont']);
    expect(await matching(likeContaining('\\'))).toEqual(['c:\\dossiers']);
  });

  it('matches a typed beginning literally', async () => {
    expect(await matching(likeStartingWith('jean_'))).toEqual(['jean_dupont']);
    expect(await matching(likeStartingWith('remise 50'))).toEqual([
      'remise 50% mutuelle',
      'remise 500 euros',
    ]);
  });
});
