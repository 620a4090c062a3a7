import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anOrganization, createTestApp, loginAs, type TestApp } from '../testing/test-app.ts';
import { createOrganization } from './setup.ts';

let t: TestApp;
const password = 'Second-Practice-42';

beforeAll(async () => {
  t = await createTestApp();
  await anOrganization('Cabinet du Parc').withUser('admin', 'admin@parc.fr').create(t.db);
});
afterAll(() => t.close());

describe('create-organization', () => {
  it('creates a second organization with its first administrator on a server that has accounts', async () => {
    const created = await createOrganization(t.db, {
      organizationName: 'Cabinet des Tilleuls',
      email: 'Admin@Tilleuls.fr',
      displayName: 'Dr Tilleul',
      password,
    });
    const cookie = await loginAs(t.app, 'admin@tilleuls.fr', password);
    const me = (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).json();
    expect(me).toMatchObject({
      role: 'admin',
      organizationId: created.organizationId,
      organizationName: 'Cabinet des Tilleuls',
    });
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('organization_id', '=', created.organizationId)
      .where('action', '=', 'organization_created')
      .execute();
    expect(audit).toEqual([{ action: 'organization_created', entity_id: created.organizationId }]);
  });

  it('refuses an e-mail address already used by an account of any organization, whatever its case', async () => {
    const input = { organizationName: 'Cabinet Bis', displayName: 'X', password };
    await expect(createOrganization(t.db, { ...input, email: 'ADMIN@parc.fr' })).rejects.toMatchObject({
      code: 'email_taken',
      field: 'email',
    });
    const organizations = await t.db.kysely.selectFrom('organizations').select('name').execute();
    expect(organizations.map((o) => o.name)).not.toContain('Cabinet Bis');
  });

  it('refuses a weak administrator password', async () => {
    await expect(
      createOrganization(t.db, {
        organizationName: 'Cabinet Ter',
        email: 'ter@cabinet.fr',
        displayName: 'Ter',
        password: 'demo',
      }),
    ).rejects.toMatchObject({ code: 'password_too_weak' });
  });
});
