import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../demo/seed.ts';
import { createTestApp, loginAs, type TestApp } from '../testing/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.db, { patients: 200 });
});
afterAll(() => t.close());

describe('demo agenda', () => {
  it('gives the six demo practitioners opening hours, motifs and two weeks of appointments without overlap', async () => {
    const cookie = await loginAs(t.app, 'secretaire@demo.pivot', 'demo');
    const types = (
      await t.app.inject({ method: 'GET', url: '/api/agenda/appointment-types', headers: { cookie } })
    ).json();
    expect(types.length).toBeGreaterThanOrEqual(6);
    const templates = await t.db.kysely.selectFrom('opening_hours_templates').select('resource_id').execute();
    expect(new Set(templates.map((r) => r.resource_id)).size).toBe(6);
    const count = await t.db.kysely
      .selectFrom('appointments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBeGreaterThan(300);
    const slots = await t.app.inject({
      method: 'POST',
      url: '/api/agenda/slots',
      headers: { cookie },
      payload: {
        appointmentTypeId: types.find((x: { label: { fr: string } }) => x.label.fr === 'Consultation').id,
        count: 5,
      },
    });
    expect(slots.json()).toHaveLength(5);
  });
});
