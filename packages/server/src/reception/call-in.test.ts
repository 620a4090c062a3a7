import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller } from '../testing/call-as.ts';
import { aPatient } from '../testing/patient-builder.ts';
import { aPractice } from '../testing/practice-builder.ts';
import { anOrganization, createTestApp, loginAs, type TestApp } from '../testing/test-app.ts';

// Calling a patient in: the room is one of the organization's rooms, of the visit's site; the
// board preselects the practitioner's last room; its statistics count the waits of those called.

let t: TestApp;
let practice: Awaited<ReturnType<typeof aPractice>>;
let mainSite: string;
let annexSite: string;
let cabinet1: string;
let cabinet2: string;
let annexRoom: string;
let sharedRoom: string;
let otherOrgRoom: string;
let patient: string;

const call = caller(() => t.app);

type Board = {
  visits: { id: string; stage: string; roomId: string | null; roomLabel: string | null }[];
  stats: {
    practitionerId: string | null;
    called: number;
    waiting: number;
    averageMinutes: number | null;
    maxMinutes: number | null;
  }[];
  lastRoomByPractitioner: Record<string, string>;
};

async function aSite(organizationId: string, name: string) {
  const row = await t.db.kysely
    .insertInto('sites')
    .values({ organization_id: organizationId, name, address: '{}', opening_hours: '{}' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function aRoom(cookie: string, name: string, siteId: string | null) {
  const response = await call('POST', '/api/organization/rooms', cookie, { name, siteId });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as string;
}

/** A walk-in for the practitioner at the site, arrived `minutesAgo` minutes ago. */
async function walkIn(practitionerId: string, siteId: string | null, minutesAgo = 0) {
  const response = await call('POST', '/api/reception/walk-ins', practice.secretary, {
    patientId: patient,
    practitionerId,
    siteId,
  });
  expect(response.statusCode, response.body).toBe(201);
  const visit = response.json();
  if (minutesAgo > 0) {
    // The arrival is moved back so that the wait is known to the minute (the clock is not the test's).
    await t.db.kysely
      .updateTable('reception_visits')
      .set({ arrived_at: new Date(Date.now() - minutesAgo * 60_000 - 5_000) })
      .where('id', '=', visit.id)
      .execute();
  }
  return visit as { id: string; version: number };
}

const callIn = (visit: { id: string; version: number }, body: Record<string, unknown>) =>
  call('POST', `/api/reception/visits/${visit.id}/stage`, practice.secretary, {
    to: 'in_consultation',
    version: visit.version,
    ...body,
  });

const board = async () =>
  (await call('GET', '/api/reception/waiting-room', practice.secretary)).json() as Board;

beforeAll(async () => {
  t = await createTestApp();
  practice = await aPractice(t, 'Maison de santé des Lilas');
  mainSite = await aSite(practice.org.id, 'Site principal');
  annexSite = await aSite(practice.org.id, 'Annexe');
  cabinet1 = await aRoom(practice.admin, 'Cabinet 1', mainSite);
  cabinet2 = await aRoom(practice.admin, 'Cabinet 2', mainSite);
  annexRoom = await aRoom(practice.admin, 'Cabinet de l’annexe', annexSite);
  sharedRoom = await aRoom(practice.admin, 'Salle de soins', null);
  const other = await anOrganization('Cabinet voisin').withUser('admin').create(t.db);
  otherOrgRoom = await aRoom(await loginAs(t.app, other.byRole('admin').email), 'Cabinet 1', null);
  patient = await aPatient()
    .named('LEROY', 'CAMILLE')
    .bornOn('1984-06-30')
    .register(t.app, practice.secretary);
});
afterAll(() => t.close());

describe('calling a patient into a room', () => {
  it('calls into a room picked by id: the visit keeps the room and its name, the board shows it, the call is traced with it', async () => {
    const visit = await walkIn(practice.gp, mainSite);
    const response = await callIn(visit, { roomId: cabinet2 });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      stage: 'in_consultation',
      roomId: cabinet2,
      roomLabel: 'Cabinet 2',
      siteId: mainSite,
    });
    expect((await board()).visits.find((v) => v.id === visit.id)).toMatchObject({
      roomId: cabinet2,
      roomLabel: 'Cabinet 2',
    });
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select('details')
      .where('entity', '=', 'reception_visit')
      .where('entity_id', '=', visit.id)
      .where('action', '=', 'in_consultation')
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ roomId: cabinet2 });
  });

  it('preselects on the board the room each practitioner was last called into', async () => {
    const before = await board();
    expect(before.lastRoomByPractitioner[practice.gp]).toBe(cabinet2);
    expect(before.lastRoomByPractitioner[practice.specialist]).toBeUndefined();
    const visit = await walkIn(practice.specialist, mainSite);
    expect((await callIn(visit, { roomId: cabinet1 })).statusCode).toBe(200);
    const after = await board();
    expect(after.lastRoomByPractitioner).toMatchObject({
      [practice.gp]: cabinet2,
      [practice.specialist]: cabinet1,
    });
    const again = await walkIn(practice.gp, mainSite);
    expect((await callIn(again, { roomId: sharedRoom })).statusCode).toBe(200);
    expect((await board()).lastRoomByPractitioner[practice.gp]).toBe(sharedRoom);
  });

  it('lets a room with no site serve every site', async () => {
    const visit = await walkIn(practice.gp, annexSite);
    const response = await callIn(visit, { roomId: sharedRoom });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().roomLabel).toBe('Salle de soins');
  });

  it('refuses an unknown room, or another organization’s, naming the field; the patient stays waiting', async () => {
    const visit = await walkIn(practice.gp, mainSite);
    for (const roomId of [randomUUID(), otherOrgRoom]) {
      const response = await callIn(visit, { roomId });
      expect(response.statusCode, response.body).toBe(422);
      expect(response.json().error).toMatchObject({ code: 'reference_not_found', field: 'roomId' });
      expect(response.json().error.message).toContain('Salle');
    }
    const still = (await board()).visits.find((v) => v.id === visit.id)!;
    expect(still).toMatchObject({ stage: 'waiting', roomId: null, roomLabel: null });
  });

  it('refuses a room that is not an id, naming the field', async () => {
    const visit = await walkIn(practice.gp, mainSite);
    const response = await callIn(visit, { roomId: 'Cabinet 2' });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.field).toBe('roomId');
  });

  it('refuses a room of another site than the visit’s, and a room no longer in use', async () => {
    const visit = await walkIn(practice.gp, mainSite);
    const elsewhere = await callIn(visit, { roomId: annexRoom });
    expect(elsewhere.statusCode).toBe(422);
    expect(elsewhere.json().error).toMatchObject({ code: 'room_other_site', field: 'roomId' });
    await t.db.kysely.updateTable('rooms').set({ active: false }).where('id', '=', cabinet1).execute();
    const closed = await callIn(visit, { roomId: cabinet1 });
    expect(closed.statusCode).toBe(422);
    expect(closed.json().error).toMatchObject({ code: 'room_inactive', field: 'roomId' });
    expect(closed.json().error.message).toMatch(/plus en service/);
    await t.db.kysely.updateTable('rooms').set({ active: true }).where('id', '=', cabinet1).execute();
  });

  it('still takes a typed room from an API client that gives no room id', async () => {
    const visit = await walkIn(practice.gp, null);
    const response = await callIn(visit, { roomLabel: 'Box 3' });
    expect(response.json()).toMatchObject({ roomId: null, roomLabel: 'Box 3' });
  });

  it('is closed to the accountant', async () => {
    const visit = await walkIn(practice.gp, mainSite);
    const response = await call('POST', `/api/reception/visits/${visit.id}/stage`, practice.accountant, {
      to: 'in_consultation',
      version: visit.version,
      roomId: cabinet2,
    });
    expect(response.statusCode).toBe(403);
  });
});

describe('the waiting statistics of the board', () => {
  it('averages the waits from arrival to call of the patients called, and counts those still waiting', async () => {
    // A practitioner of their own, so that the other tests' visits do not count.
    const org = await anOrganization('Cabinet des statistiques')
      .withUser('secretary')
      .withUser('practitioner')
      .create(t.db);
    const secretary = await loginAs(t.app, org.byRole('secretary').email);
    const practitionerId = org.byRole('practitioner').id;
    const someone = await aPatient().named('MOREAU', 'JULES').register(t.app, secretary);
    const arrive = async (minutesAgo: number) => {
      const visit = (
        await call('POST', '/api/reception/walk-ins', secretary, { patientId: someone, practitionerId })
      ).json();
      await t.db.kysely
        .updateTable('reception_visits')
        .set({ arrived_at: new Date(Date.now() - minutesAgo * 60_000 - 5_000) })
        .where('id', '=', visit.id)
        .execute();
      return visit;
    };
    const statsOf = async () =>
      ((await call('GET', '/api/reception/waiting-room', secretary)).json() as Board).stats.find(
        (s) => s.practitionerId === practitionerId,
      );
    const first = await arrive(12);
    const second = await arrive(20);
    await arrive(45); // still waiting: not a wait that ended
    expect(await statsOf()).toEqual({
      practitionerId,
      practitionerName: 'Test practitioner',
      called: 0,
      waiting: 3,
      averageMinutes: null,
      maxMinutes: null,
    });
    for (const visit of [first, second]) {
      const response = await call('POST', `/api/reception/visits/${visit.id}/stage`, secretary, {
        to: 'in_consultation',
        version: visit.version,
      });
      expect(response.statusCode).toBe(200);
    }
    // 12 min 5 s and 20 min 5 s: average 16 min, maximum 20 min; the one waiting 45 min is not counted.
    expect(await statsOf()).toMatchObject({ called: 2, waiting: 1, averageMinutes: 16, maxMinutes: 20 });
  });
});
