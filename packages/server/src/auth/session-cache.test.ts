import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anOrganization, createTestApp, type TestApp } from '../testing/test-app.ts';
import { SessionCache, type SessionRow } from './session-cache.ts';

let t: TestApp;
let org: Awaited<ReturnType<ReturnType<typeof anOrganization>['create']>>;

beforeAll(async () => {
  t = await createTestApp();
  org = await anOrganization('Cache').withUser('secretary').create(t.db);
});
afterAll(() => t.close());

const row = { session_id: 's1', last_seen_at: new Date(0) } as SessionRow;

describe('session cache', () => {
  it('keeps a lookup for its time limit only', () => {
    const cache = new SessionCache(t.db, 10);
    cache.set('h', row, 1_000);
    expect(cache.get('h', 10_999)).toBe(row);
    expect(cache.get('h', 11_000)).toBeUndefined();
    expect(cache.get('h', 1_000)).toBeUndefined();
  });

  it('keeps nothing when disabled', () => {
    const cache = new SessionCache(t.db, 0);
    cache.set('h', row, 1_000);
    expect(cache.get('h', 1_000)).toBeUndefined();
  });

  it('forgets everything at an update or delete of sessions or users, builder or raw SQL', async () => {
    const cache = new SessionCache(t.db, 60);
    const user = org.byRole('secretary').id;
    const writes = [
      () => t.db.kysely.updateTable('users').set({ language: 'fr' }).where('id', '=', user).execute(),
      () => t.db.kysely.updateTable('users as u').set({ language: 'fr' }).where('u.id', '=', user).execute(),
      () => t.db.kysely.deleteFrom('sessions').where('user_id', '=', user).execute(),
      () => sql`UPDATE sessions SET revoked_at = now() WHERE user_id = ${user}`.execute(t.db.kysely),
      () => sql`UPDATE ${sql.table('users')} SET language = 'fr' WHERE id = ${user}`.execute(t.db.kysely),
      () =>
        t.db.kysely
          .transaction()
          .execute(async (tx) =>
            tx.updateTable('users').set({ active: true }).where('id', '=', user).execute(),
          ),
    ];
    for (const write of writes) {
      cache.set('h', row, Date.now());
      await write();
      expect(cache.get('h', Date.now())).toBeUndefined();
    }
  });

  it('keeps its lookups when only last_seen_at is touched or another table is written', async () => {
    const cache = new SessionCache(t.db, 60);
    cache.set('h', row, Date.now());
    await t.db.kysely
      .updateTable('sessions')
      .set({ last_seen_at: new Date() })
      .where('id', '=', org.id)
      .execute();
    await t.db.kysely.updateTable('organizations').set({ name: 'Cache' }).where('id', '=', org.id).execute();
    expect(cache.get('h', Date.now())).toBe(row);
    cache.touched('h', new Date(5));
    expect(cache.get('h', Date.now())?.last_seen_at).toEqual(new Date(5));
  });
});
