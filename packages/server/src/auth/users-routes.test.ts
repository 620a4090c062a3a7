import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anOrganization, createTestApp, loginAs, type TestApp } from '../testing/test-app.ts';

let t: TestApp;
let org: Awaited<ReturnType<ReturnType<typeof anOrganization>['create']>>;
let admin: string;
const validRpps = '10003456786';
const otherRpps = '10000000017';

beforeAll(async () => {
  t = await createTestApp();
  org = await anOrganization()
    .withUser('admin', 'first.admin@test.pivot')
    .withUser('admin', 'second.admin@test.pivot')
    .withUser('secretary')
    .create(t.db);
  admin = await loginAs(t.app, 'first.admin@test.pivot');
});
afterAll(() => t.close());

const account = (extra: Record<string, unknown>) => ({
  email: `dr.${Math.random().toString(36).slice(2, 8)}@test.pivot`,
  displayName: 'Dr Leroy',
  role: 'practitioner',
  password: 'Strong-Enough-Pass-1',
  ...extra,
});
const createAccount = (payload: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: '/api/users', headers: { cookie: admin }, payload });
const outboxFor = (recipient: string) =>
  t.db.kysely.selectFrom('outbox_messages').selectAll().where('recipient', '=', recipient).execute();

describe('practitioner accounts', () => {
  it('refuses a practitioner account without an RPPS, naming the field', async () => {
    const response = await createAccount(account({}));
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toMatchObject({ code: 'practitioner_rpps_required', field: 'rpps' });
    expect(response.json().error.message).toContain('RPPS');
  });

  it('refuses an RPPS whose Luhn key does not match', async () => {
    const response = await createAccount(account({ rpps: '10003456781' }));
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toMatchObject({ code: 'invalid_rpps', field: 'rpps' });
  });

  it('creates it with a valid RPPS, traces the grant and e-mails the other administrators', async () => {
    const before = (await outboxFor('second.admin@test.pivot')).length;
    const response = await createAccount(account({ rpps: '100 034 567 86' }));
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().rpps).toBe(validRpps);
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('entity', '=', 'user')
      .where('entity_id', '=', response.json().id)
      .orderBy('id')
      .execute();
    expect(audit.map((e) => e.action)).toEqual(['create', 'grant_practitioner']);
    expect(audit[1]!.details).toMatchObject({ rppsChecked: true, administratorsNotified: 1 });
    const mails = await outboxFor('second.admin@test.pivot');
    expect(mails).toHaveLength(before + 1);
    expect(mails.at(-1)!).toMatchObject({ channel: 'email', patient_id: null });
    expect(mails.at(-1)!.body).toContain('Dr Leroy');
    expect(await outboxFor('first.admin@test.pivot')).toEqual([]);
  });

  it('refuses to promote an account to practitioner without a valid RPPS, and notifies once promoted', async () => {
    const secretary = org.byRole('secretary');
    const refused = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${secretary.id}`,
      headers: { cookie: admin },
      payload: { version: 0, role: 'practitioner' },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({ code: 'practitioner_rpps_required', field: 'rpps' });
    const before = (await outboxFor('second.admin@test.pivot')).length;
    const promoted = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${secretary.id}`,
      headers: { cookie: admin },
      payload: { version: 0, role: 'practitioner', rpps: otherRpps },
    });
    expect(promoted.statusCode, promoted.body).toBe(200);
    expect(promoted.json()).toMatchObject({ role: 'practitioner', rpps: otherRpps });
    expect(await outboxFor('second.admin@test.pivot')).toHaveLength(before + 1);
    const grant = await t.db.kysely
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'grant_practitioner')
      .where('entity_id', '=', secretary.id)
      .executeTakeFirstOrThrow();
    expect(grant.details).toMatchObject({ previousRole: 'secretary' });
  });

  it('refuses an RPPS another account of the organization already has', async () => {
    const response = await createAccount(account({ rpps: validRpps }));
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ code: 'rpps_taken', field: 'rpps' });
  });

  it('refuses an administrator giving themselves the practitioner role', async () => {
    const self = org.users.find((u) => u.email === 'first.admin@test.pivot')!;
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${self.id}`,
      headers: { cookie: admin },
      payload: { version: 0, role: 'practitioner', rpps: '10000000009' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error).toMatchObject({ code: 'practitioner_self_grant', field: 'role' });
  });
});
