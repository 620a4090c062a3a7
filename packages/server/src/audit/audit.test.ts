import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aPatient } from '../testing/patient-builder.ts';
import { anOrganization, createTestApp, loginAs, type TestApp } from '../testing/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('audit log', () => {
  it('cannot be updated or deleted', async () => {
    const o = await anOrganization().withUser('admin').create(t.db);
    await loginAs(t.app, o.byRole('admin').email);
    await expect(sql`UPDATE audit_log SET action = 'x'`.execute(t.db.kysely)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log`.execute(t.db.kysely)).rejects.toThrow(/append-only/);
    const count = await t.db.kysely
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBeGreaterThan(0);
  });

  it('is listed newest first for an admin and filtered by action and user', async () => {
    const o = await anOrganization().withUser('admin').withUser('secretary').create(t.db);
    await loginAs(t.app, o.byRole('secretary').email);
    const admin = await loginAs(t.app, o.byRole('admin').email);
    const all = await t.app.inject({ method: 'GET', url: '/api/audit', headers: { cookie: admin } });
    expect(all.json().map((e: { action: string; userId: string }) => [e.action, e.userId])).toEqual([
      ['login', o.byRole('admin').id],
      ['login', o.byRole('secretary').id],
    ]);
    const filtered = await t.app.inject({
      method: 'GET',
      url: `/api/audit?userId=${o.byRole('secretary').id}&action=login`,
      headers: { cookie: admin },
    });
    expect(filtered.json()).toHaveLength(1);
    const bad = await t.app.inject({
      method: 'GET',
      url: '/api/audit?userId=not-a-uuid',
      headers: { cookie: admin },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.field).toBe('userId');
  });

  it('is written in the same transaction as the change: a failed change leaves no entry', async () => {
    const o = await anOrganization().withUser('admin').create(t.db);
    const admin = await loginAs(t.app, o.byRole('admin').email);
    const before = await t.db.kysely
      .selectFrom('audit_log')
      .select('id')
      .where('organization_id', '=', o.id)
      .execute();
    const stale = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${o.byRole('admin').id}`,
      headers: { cookie: admin },
      payload: { version: 7, displayName: 'X' },
    });
    expect(stale.statusCode).toBe(409);
    const after = await t.db.kysely
      .selectFrom('audit_log')
      .select('id')
      .where('organization_id', '=', o.id)
      .execute();
    expect(after.length).toBe(before.length);
  });

  it('traces a search in one entry naming every patient found, never the words typed, and the search that finds nobody', async () => {
    const o = await anOrganization().withUser('secretary').create(t.db);
    const secretary = await loginAs(t.app, o.byRole('secretary').email);
    const twins = [
      await aPatient().named('JUMEAUDIN', 'PAUL').bornOn('2001-01-01').sex('M').register(t.app, secretary),
      await aPatient().named('JUMEAUDIN', 'PIERRE').bornOn('2001-01-01').sex('M').register(t.app, secretary),
    ];
    const searches = () =>
      t.db.kysely
        .selectFrom('audit_log')
        .select(['patient_id', 'patient_ids', 'details'])
        .where('organization_id', '=', o.id)
        .where('action', '=', 'search')
        .orderBy('id')
        .execute();
    const search = (q: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/patients/search',
        headers: { cookie: secretary },
        payload: { q },
      });
    expect((await search('jumeaudin')).json()).toHaveLength(2);
    const [found] = await searches();
    expect(found!.patient_ids.sort()).toEqual([...twins].sort());
    expect(JSON.stringify(found)).not.toContain('JUMEAUDIN');
    expect((await search('introuvablissime')).json()).toEqual([]);
    expect((await searches()).slice(1)).toEqual([
      { patient_id: null, patient_ids: [], details: { results: 0 } },
    ]);
    // Each twin's access log shows the search.
    const log = await t.app.inject({
      method: 'GET',
      url: `/api/patients/${twins[1]}/access-log`,
      headers: { cookie: secretary },
    });
    expect(log.json().map((e: { action: string }) => e.action)).toContain('search');
  });

  it('traces the candidates a registration refused as a possible duplicate shows', async () => {
    const o = await anOrganization().withUser('secretary').create(t.db);
    const secretary = await loginAs(t.app, o.byRole('secretary').email);
    const existing = await aPatient()
      .named('DOUBLONNEAU', 'JEAN')
      .bornOn('1955-05-05')
      .sex('M')
      .register(t.app, secretary);
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/patients',
      headers: { cookie: secretary },
      payload: aPatient().named('DOUBLONNEAU', 'JEAN').bornOn('1955-05-05').sex('M').build(),
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('DOUBLONNEAU');
    const entries = await t.db.kysely
      .selectFrom('audit_log')
      .select(['entity', 'patient_ids'])
      .where('organization_id', '=', o.id)
      .where('entity', '=', 'duplicate_candidates')
      .execute();
    expect(entries).toEqual([{ entity: 'duplicate_candidates', patient_ids: [existing] }]);
  });
});
