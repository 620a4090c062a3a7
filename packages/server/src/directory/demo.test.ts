import { isValidRpps } from '@pivot/core/organization';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anOrganization, createTestApp, loginAs, type TestApp } from '../testing/test-app.ts';
import { seedDirectory } from './demo.ts';

let t: TestApp;
let cookie: string;

beforeAll(async () => {
  t = await createTestApp();
  const org = await anOrganization('Démo').withUser('secretary').create(t.db);
  cookie = await loginAs(t.app, org.byRole('secretary').email);
  await seedDirectory(t.db, org.id);
});
afterAll(() => t.close());

describe('demo directory', () => {
  it('holds practitioners with Luhn-valid RPPS and the bodies the front desk needs', async () => {
    const all = (
      await t.app.inject({
        method: 'GET',
        url: '/api/directory/correspondents?limit=100',
        headers: { cookie },
      })
    ).json() as { kind: string; rpps?: string; bodyType?: string }[];
    expect(all.length).toBeGreaterThanOrEqual(15);
    const practitioners = all.filter((c) => c.kind === 'practitioner');
    expect(practitioners.every((c) => c.rpps && isValidRpps(c.rpps))).toBe(true);
    const types = new Set(all.map((c) => c.bodyType));
    for (const type of ['cpam', 'mutuelle', 'hospital', 'laboratory', 'imaging'])
      expect(types).toContain(type);
  });

  it('finds the SAMU by a word of what it handles', async () => {
    const found = (
      await t.app.inject({
        method: 'GET',
        url: '/api/directory/correspondents?q=urgences',
        headers: { cookie },
      })
    ).json() as { displayName: string }[];
    expect(found.map((c) => c.displayName)).toContain('SAMU de Paris – Centre 15');
  });
});
