import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anOrganization, createTestApp, loginAs, type TestApp } from '../testing/test-app.ts';

let t: TestApp;
let a: Awaited<ReturnType<ReturnType<typeof anOrganization>['create']>>;
let b: Awaited<ReturnType<ReturnType<typeof anOrganization>['create']>>;
let adminA: string;
let adminB: string;

const validOrganization = (version: number) => ({
  version,
  name: 'Cabinet des Lilas',
  kind: 'practice',
  finess: '750000010',
  siret: '732 829 320 00074',
  address: { line1: '3 rue des Lilas', postalCode: '75019', city: 'Paris' },
  openingHours: {
    monday: [
      { open: '08:00', close: '12:00' },
      { open: '14:00', close: '19:00' },
    ],
  },
});

beforeAll(async () => {
  t = await createTestApp();
  a = await anOrganization('Cabinet A').withUser('admin').withUser('secretary').create(t.db);
  b = await anOrganization('Cabinet B').withUser('admin').create(t.db);
  adminA = await loginAs(t.app, a.byRole('admin').email);
  adminB = await loginAs(t.app, b.byRole('admin').email);
});
afterAll(() => t.close());

describe('organization', () => {
  it('saves valid FINESS and SIRET and bumps the version', async () => {
    const response = await t.app.inject({
      method: 'PUT',
      url: '/api/organization',
      headers: { cookie: adminA },
      payload: validOrganization(0),
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().version).toBe(1);
    const read = await t.app.inject({ method: 'GET', url: '/api/organization', headers: { cookie: adminA } });
    expect(read.json()).toMatchObject({
      name: 'Cabinet des Lilas',
      siret: '73282932000074',
      finess: '750000010',
      version: 1,
    });
  });

  it('refuses a FINESS whose key is wrong, naming the field', async () => {
    const response = await t.app.inject({
      method: 'PUT',
      url: '/api/organization',
      headers: { cookie: adminA },
      payload: { ...validOrganization(1), finess: '750000011' },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toMatchObject({ code: 'invalid_finess', field: 'finess' });
  });

  it('refuses a SIRET whose Luhn key is wrong', async () => {
    const response = await t.app.inject({
      method: 'PUT',
      url: '/api/organization',
      headers: { cookie: adminA },
      payload: { ...validOrganization(1), siret: '73282932000075' },
    });
    expect(response.json().error).toMatchObject({ code: 'invalid_siret', field: 'siret' });
  });

  it('answers 409 stale_version to a write based on an old version, without writing', async () => {
    const response = await t.app.inject({
      method: 'PUT',
      url: '/api/organization',
      headers: { cookie: adminA },
      payload: { ...validOrganization(0), name: 'Écrasé' },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('stale_version');
    const read = await t.app.inject({ method: 'GET', url: '/api/organization', headers: { cookie: adminA } });
    expect(read.json().name).toBe('Cabinet des Lilas');
  });

  it('refuses opening hours that close before they open', async () => {
    const response = await t.app.inject({
      method: 'PUT',
      url: '/api/organization',
      headers: { cookie: adminA },
      payload: { ...validOrganization(1), openingHours: { monday: [{ open: '12:00', close: '08:00' }] } },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.field).toBe('openingHours');
  });

  it('lets a secretary read but not change the organization', async () => {
    const secretary = await loginAs(t.app, a.byRole('secretary').email);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/organization', headers: { cookie: secretary } }))
        .statusCode,
    ).toBe(200);
    const write = await t.app.inject({
      method: 'PUT',
      url: '/api/organization',
      headers: { cookie: secretary },
      payload: validOrganization(1),
    });
    expect(write.statusCode).toBe(403);
  });
});

describe('tenancy', () => {
  it('never shows one organization the data of another', async () => {
    const readB = await t.app.inject({
      method: 'GET',
      url: '/api/organization',
      headers: { cookie: adminB },
    });
    expect(readB.json().name).toBe('Cabinet B');
    const usersB = await t.app.inject({ method: 'GET', url: '/api/users', headers: { cookie: adminB } });
    expect(usersB.json().map((u: { email: string }) => u.email)).toEqual([b.byRole('admin').email]);
    const auditB = await t.app.inject({ method: 'GET', url: '/api/audit', headers: { cookie: adminB } });
    expect(auditB.json().every((e: { userId: string }) => e.userId === b.byRole('admin').id)).toBe(true);
  });

  it('cannot change an account of another organization', async () => {
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${a.byRole('secretary').id}`,
      headers: { cookie: adminB },
      payload: { version: 0, active: false },
    });
    expect(response.statusCode).toBe(404);
  });

  it('cannot add a room to a site of another organization', async () => {
    const site = await t.db.kysely
      .insertInto('sites')
      .values({ organization_id: a.id, name: 'Site A', address: '{}', opening_hours: '{}' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/organization/rooms',
      headers: { cookie: adminB },
      payload: { name: 'Intrus', siteId: site.id },
    });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.field).toBe('siteId');
  });
});

describe('users', () => {
  it('creates an account with a strong password and traces it', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: adminA },
      payload: {
        email: 'New.Secretary@Test.Pivot',
        displayName: 'Nouvelle',
        role: 'secretary',
        password: 'Strong-Enough-Pass-1',
      },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().email).toBe('new.secretary@test.pivot');
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'user')
      .where('entity_id', '=', response.json().id)
      .execute();
    expect(audit.map((e) => e.action)).toEqual(['create']);
  });

  it('refuses an e-mail already used', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: adminA },
      payload: {
        email: a.byRole('secretary').email,
        displayName: 'Doublon',
        role: 'secretary',
        password: 'Strong-Enough-Pass-1',
      },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ code: 'email_taken', field: 'email' });
  });

  it('refuses to deactivate the last administrator', async () => {
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${b.byRole('admin').id}`,
      headers: { cookie: adminB },
      payload: { version: 0, active: false },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe('last_admin');
  });

  it('closes the sessions of a deactivated account', async () => {
    const o = await anOrganization('Deact').withUser('admin').withUser('secretary').create(t.db);
    const admin = await loginAs(t.app, o.byRole('admin').email);
    const secretary = await loginAs(t.app, o.byRole('secretary').email);
    // The secretary's session is in the server's session cache: the deactivation must still win.
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: secretary } })).statusCode,
    ).toBe(200);
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${o.byRole('secretary').id}`,
      headers: { cookie: admin },
      payload: { version: 0, active: false },
    });
    expect(response.statusCode).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: secretary } })).statusCode,
    ).toBe(401);
  });

  it('applies a role change from the next request, even to a session read just before', async () => {
    const o = await anOrganization('Role').withUser('admin').withUser('secretary').create(t.db);
    const admin = await loginAs(t.app, o.byRole('admin').email);
    const secretary = await loginAs(t.app, o.byRole('secretary').email);
    const me = () => t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: secretary } });
    expect((await me()).json().role).toBe('secretary');
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${o.byRole('secretary').id}`,
      headers: { cookie: admin },
      payload: { version: 0, role: 'accountant', language: 'en' },
    });
    expect(response.statusCode).toBe(200);
    expect((await me()).json()).toMatchObject({ role: 'accountant', language: 'en' });
    // The permission comes from the session lookup (cached), not from /api/auth/me's own read.
    const register = await t.app.inject({
      method: 'POST',
      url: '/api/patients',
      headers: { cookie: secretary },
      payload: {},
    });
    expect(register.statusCode).toBe(403);
  });
});
