import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type TestApp } from '../testing/test-app.ts';
import { seedDemo } from './seed.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.db, { patients: 300 });
}, 60_000);
afterAll(() => t.close());

describe('demo data', () => {
  it('holds a few duplicates that the worklist finds', async () => {
    const cookie = await loginAs(t.app, 'secretaire@demo.pivot', 'demo');
    const pairs = (
      await t.app.inject({ method: 'GET', url: '/api/patients/duplicates/worklist', headers: { cookie } })
    ).json();
    expect(pairs.length).toBeGreaterThanOrEqual(4);
    expect(pairs[0].score).toBeGreaterThanOrEqual(50);
  });
});
