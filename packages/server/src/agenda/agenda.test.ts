import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller } from '../testing/call-as.ts';
import { aPatient } from '../testing/patient-builder.ts';
import { anOrganization, createTestApp, loginAs, type TestApp } from '../testing/test-app.ts';

let t: TestApp;
let org: Awaited<ReturnType<ReturnType<typeof anOrganization>['create']>>;
let secretary: string;
let practitionerCookie: string;
let accountant: string;
let otherOrg: string;
let practitionerId: string;
let siteId: string;
let typeId: string;
let patientId: string;
let otherPatientId: string;
let ultrasoundRoomId: string;

// 2027-03-22 is a Monday; 2027-03-28 is the spring-forward Sunday and Easter, 03-29 Easter Monday.
const weekdays = [
  { start: '08:00', end: '12:00' },
  { start: '14:00', end: '18:00' },
];

/** Builder of a booking body: `anAppointment().at('2027-03-23T09:00').build()` (Paris wall-clock). */
function anAppointment() {
  const body: Record<string, unknown> = {};
  const builder = {
    at(start: string, minutes = 20) {
      body.start = start;
      const [date, time] = start.split('T') as [string, string];
      const [h, m] = time.split(':').map(Number) as [number, number];
      const end = h * 60 + m + minutes;
      body.end = `${date}T${String(Math.floor(end / 60)).padStart(2, '0')}:${String(end % 60).padStart(2, '0')}`;
      return builder;
    },
    with(fields: Record<string, unknown>) {
      Object.assign(body, fields);
      return builder;
    },
    build: () => ({ patientId, practitionerId, appointmentTypeId: typeId, ...body }),
  };
  return builder;
}

const call = caller(() => t.app);
const book = (body: Record<string, unknown>, cookie = secretary) =>
  call('POST', '/api/agenda/appointments', cookie, body);

beforeAll(async () => {
  t = await createTestApp();
  org = await anOrganization('Cabinet A')
    .withUser('secretary')
    .withUser('practitioner')
    .withUser('accountant')
    .create(t.db);
  const b = await anOrganization('Cabinet B').withUser('secretary').create(t.db);
  secretary = await loginAs(t.app, org.byRole('secretary').email);
  practitionerCookie = await loginAs(t.app, org.byRole('practitioner').email);
  accountant = await loginAs(t.app, org.byRole('accountant').email);
  otherOrg = await loginAs(t.app, b.byRole('secretary').email);
  practitionerId = org.byRole('practitioner').id;
  const site = await t.db.kysely
    .insertInto('sites')
    .values({ organization_id: org.id, name: 'Site principal', address: '{}', opening_hours: '{}' })
    .returning('id')
    .executeTakeFirstOrThrow();
  siteId = site.id;
  const rooms = await t.db.kysely
    .insertInto('rooms')
    .values([
      { organization_id: org.id, site_id: siteId, name: 'Cabinet 1', kind: 'consultation' },
      { organization_id: org.id, site_id: siteId, name: 'Échographie', kind: 'ultrasound' },
    ])
    .returning(['id', 'kind'])
    .execute();
  ultrasoundRoomId = rooms.find((r) => r.kind === 'ultrasound')!.id;
  const hours = await call('POST', '/api/agenda/opening-hours', practitionerCookie, {
    resourceId: practitionerId,
    siteId,
    validFrom: '2027-01-01',
    days: {
      monday: weekdays,
      tuesday: weekdays,
      wednesday: weekdays,
      thursday: weekdays,
      friday: weekdays,
      sunday: weekdays,
    },
  });
  expect(hours.statusCode).toBe(201);
  const type = await call('POST', '/api/agenda/appointment-types', practitionerCookie, {
    label: { fr: 'Consultation', en: 'Consultation' },
    durationMinutes: 20,
    colour: '#3366cc',
    eligiblePractitionerIds: [practitionerId],
    preparationInstructions: { fr: 'Venir à jeun.', en: 'Come fasting.' },
  });
  expect(type.statusCode).toBe(201);
  typeId = type.json().id;
  patientId = await aPatient()
    .named('DURAND', 'PAUL')
    .with({ email: 'paul.durand@example.fr' })
    .register(t.app, secretary);
  otherPatientId = await aPatient().named('PETIT', 'LUCIE').bornOn('1990-01-02').register(t.app, secretary);
});
afterAll(() => t.close());

describe('appointment types', () => {
  it('lists the motif created by a practitioner and refuses its creation to a secretary and an accountant', async () => {
    const list = await call('GET', '/api/agenda/appointment-types', secretary);
    expect(list.json().map((x: { label: { fr: string } }) => x.label.fr)).toEqual(['Consultation']);
    const body = {
      label: { fr: 'X', en: 'X' },
      durationMinutes: 10,
      colour: '#000000',
      eligiblePractitionerIds: [practitionerId],
    };
    expect((await call('POST', '/api/agenda/appointment-types', secretary, body)).statusCode).toBe(403);
    expect((await call('GET', '/api/agenda/appointment-types', accountant)).statusCode).toBe(403);
  });

  it('names the faulty field in French', async () => {
    const response = await call('POST', '/api/agenda/appointment-types', practitionerCookie, {
      label: { fr: 'X', en: 'X' },
      durationMinutes: 10,
      colour: 'bleu',
      eligiblePractitionerIds: [practitionerId],
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toMatchObject({ code: 'validation_failed', field: 'colour' });
    expect(response.json().error.message).toContain('Couleur');
  });

  it('refuses a stale version with 409', async () => {
    const current = (await call('GET', '/api/agenda/appointment-types', secretary)).json()[0];
    const body = { ...current, durationMinutes: 20, version: current.version + 5 };
    delete body.id;
    const response = await call('PUT', `/api/agenda/appointment-types/${typeId}`, practitionerCookie, body);
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('stale_version');
  });
});

describe('booking', () => {
  it('books a slot, puts it on the patient timeline, audits it with the patient and queues the confirmation', async () => {
    const response = await book(anAppointment().at('2027-03-23T09:00').build());
    expect(response.statusCode).toBe(201);
    const appointment = response.json();
    expect(appointment).toMatchObject({
      status: 'booked',
      start: '2027-03-23T08:00:00.000Z',
      end: '2027-03-23T08:20:00.000Z',
      version: 0,
    });
    const items = await t.db.kysely
      .selectFrom('record_items')
      .selectAll()
      .where('patient_id', '=', patientId)
      .where('kind', '=', 'appointment')
      .execute();
    expect(items.map((i) => i.title)).toEqual(['appointment_booked']);
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'appointment')
      .where('entity_id', '=', appointment.id)
      .execute();
    expect(audit.map((a) => [a.action, a.patient_id])).toEqual([['create', patientId]]);
    const notices = await t.db.kysely
      .selectFrom('notices')
      .selectAll()
      .where('appointment_id', '=', appointment.id)
      .orderBy('send_after')
      .execute();
    expect(notices[0]).toMatchObject({
      channel: 'email',
      kind: 'confirmation',
      recipient: 'paul.durand@example.fr',
      status: 'pending',
    });
    expect(notices[0]!.body).toContain('Venir à jeun.');
    expect(notices.filter((n) => n.kind === 'reminder').length).toBeGreaterThan(0);
  });

  it('refuses an overlapping booking of the same practitioner with 409 slot_taken and a French message', async () => {
    const response = await book(
      anAppointment().at('2027-03-23T09:10').with({ patientId: otherPatientId }).build(),
    );
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ code: 'slot_taken', field: 'start' });
    expect(response.json().error.message).toMatch(/Ce créneau vient d’être pris/);
  });

  it('refuses a booking outside opening hours unless overridden with a reason', async () => {
    const outside = await book(anAppointment().at('2027-03-23T12:30').build());
    expect(outside.statusCode).toBe(422);
    expect(outside.json().error).toMatchObject({ code: 'outside_opening_hours', field: 'start' });
    const forced = await book(
      anAppointment()
        .at('2027-03-23T12:30')
        .with({ override: { reason: 'Urgence' } })
        .build(),
    );
    expect(forced.statusCode).toBe(201);
    expect(forced.json().overrideReason).toBe('Urgence');
  });

  it('closes Easter Monday (a public holiday) unless opened explicitly', async () => {
    const response = await book(anAppointment().at('2027-03-29T09:00').build());
    expect(response.json().error.code).toBe('outside_opening_hours');
  });

  it('refuses 02:30 on the spring-forward day with the core error', async () => {
    const response = await book(
      anAppointment().at('2027-03-28T02:30').with({ end: '2027-03-28T03:30' }).build(),
    );
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toMatchObject({ code: 'nonexistent_local_time', field: 'start' });
  });

  it('refuses an end before the start and names the end', async () => {
    const response = await book(
      anAppointment().with({ start: '2027-03-23T10:00', end: '2027-03-23T09:00' }).build(),
    );
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toMatchObject({ code: 'end_before_start', field: 'end' });
  });

  it('refuses an appointment longer than a day', async () => {
    const response = await book(
      anAppointment()
        .with({ start: '2027-03-23T09:00', end: '2027-03-24T10:00', override: { reason: 'x' } })
        .build(),
    );
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toMatchObject({ code: 'appointment_too_long', field: 'end' });
  });

  it('gives a motif needing a room a free room of that kind, and refuses when none is free', async () => {
    const echo = await call('POST', '/api/agenda/appointment-types', practitionerCookie, {
      label: { fr: 'Échographie', en: 'Ultrasound' },
      durationMinutes: 30,
      colour: '#aa3366',
      eligiblePractitionerIds: [practitionerId],
      roomKind: 'ultrasound',
    });
    const first = await book(
      anAppointment().at('2027-03-24T09:00', 30).with({ appointmentTypeId: echo.json().id }).build(),
    );
    expect(first.statusCode).toBe(201);
    expect(first.json().roomId).toBe(ultrasoundRoomId);
    const meeting = await call('POST', '/api/agenda/meetings', secretary, {
      title: 'Réunion',
      start: '2027-03-24T08:10:00Z',
      end: '2027-03-24T08:40:00Z',
      roomId: ultrasoundRoomId,
    });
    expect(meeting.statusCode).toBe(409);
    expect(meeting.json().error).toMatchObject({ code: 'slot_taken', field: 'roomId' });
  });

  it('hides another organization’s appointment (404) and refuses an accountant (403)', async () => {
    const created = await book(anAppointment().at('2027-03-25T10:00').build());
    expect((await call('GET', `/api/agenda/appointments/${created.json().id}`, otherOrg)).statusCode).toBe(
      404,
    );
    expect((await call('GET', `/api/agenda/appointments/${created.json().id}`, accountant)).statusCode).toBe(
      403,
    );
    expect((await book(anAppointment().at('2027-03-25T11:00').build(), accountant)).statusCode).toBe(403);
    expect((await book(anAppointment().at('2027-03-25T11:00').build(), otherOrg)).statusCode).toBe(404);
  });
});

describe('moving and status', () => {
  it('moves an appointment keeping its duration, refuses a stale version, and frees the old time', async () => {
    const created = (await book(anAppointment().at('2027-03-26T09:00').build())).json();
    const moved = await call('POST', `/api/agenda/appointments/${created.id}/move`, secretary, {
      start: '2027-03-26T10:00',
      version: 0,
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({
      start: '2027-03-26T09:00:00.000Z',
      end: '2027-03-26T09:20:00.000Z',
      version: 1,
    });
    const stale = await call('POST', `/api/agenda/appointments/${created.id}/move`, secretary, {
      start: '2027-03-26T11:00',
      version: 0,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('stale_version');
    expect(
      (await book(anAppointment().at('2027-03-26T09:00').with({ patientId: otherPatientId }).build()))
        .statusCode,
    ).toBe(201);
  });

  it('cancels only with a reason, records who and why, frees the slot and proposes waitlist patients', async () => {
    const wait = await call('POST', '/api/agenda/waitlist', secretary, {
      patientId: otherPatientId,
      appointmentTypeId: typeId,
    });
    expect(wait.statusCode).toBe(201);
    const created = (await book(anAppointment().at('2027-03-26T15:00').build())).json();
    const noReason = await call('POST', `/api/agenda/appointments/${created.id}/status`, secretary, {
      to: 'cancelled',
      version: 0,
    });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().error).toMatchObject({ code: 'reason_required', field: 'reason' });
    const cancelled = await call('POST', `/api/agenda/appointments/${created.id}/status`, secretary, {
      to: 'cancelled',
      reason: 'Patient malade',
      version: 0,
    });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json().status).toBe('cancelled');
    expect(cancelled.json().waitlistMatches).toEqual([
      expect.objectContaining({
        waitlistEntryId: wait.json().id,
        patientId: otherPatientId,
        start: '2027-03-26T14:00:00.000Z',
      }),
    ]);
    const detail = (await call('GET', `/api/agenda/appointments/${created.id}`, secretary)).json();
    expect(detail.history.map((h: { to: string; reason: string | null }) => [h.to, h.reason])).toEqual([
      ['booked', null],
      ['cancelled', 'Patient malade'],
    ]);
    expect(
      (await book(anAppointment().at('2027-03-26T15:00').with({ patientId: otherPatientId }).build()))
        .statusCode,
    ).toBe(201);
    const reminders = await t.db.kysely
      .selectFrom('notices')
      .select('status')
      .where('appointment_id', '=', created.id)
      .where('kind', '=', 'reminder')
      .execute();
    expect(new Set(reminders.map((r) => r.status))).toEqual(new Set(['cancelled']));
  });

  it('follows the core transitions: arrived, in consultation, seen; a second "arrived" is refused clearly', async () => {
    const a = (await book(anAppointment().at('2027-03-26T16:00').build())).json();
    const step = (to: string, version: number) =>
      call('POST', `/api/agenda/appointments/${a.id}/status`, secretary, { to, version });
    expect((await step('arrived', 0)).statusCode).toBe(200);
    const again = await step('arrived', 1);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('already_in_status');
    expect((await step('in_consultation', 1)).statusCode).toBe(200);
    expect((await step('seen', 2)).json().status).toBe('seen');
    const items = await t.db.kysely
      .selectFrom('record_items')
      .select('title')
      .where('patient_id', '=', patientId)
      .where('title', 'like', 'appointment_%')
      .execute();
    expect(items.map((i) => i.title)).toEqual(
      expect.arrayContaining(['appointment_arrived', 'appointment_seen']),
    );
  });
});

describe('slots and views', () => {
  it('finds the next free slots on the opening grid, skipping booked time, breaks and the Easter Monday', async () => {
    const response = await call('POST', '/api/agenda/slots', secretary, {
      appointmentTypeId: typeId,
      from: '2027-03-29T00:00:00+02:00',
      days: 3,
      count: 3,
      stepMinutes: 20,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().map((s: { start: string }) => s.start)).toEqual([
      '2027-03-30T06:00:00.000Z',
      '2027-03-30T06:20:00.000Z',
      '2027-03-30T06:40:00.000Z',
    ]);
    const afternoon = await call('POST', '/api/agenda/slots', secretary, {
      appointmentTypeId: typeId,
      from: '2027-03-23T00:00:00+01:00',
      days: 1,
      count: 1,
      period: 'afternoon',
    });
    expect(afternoon.json()[0].start).toBe('2027-03-23T13:00:00.000Z');
  });

  it('serves the day view with a column per practitioner and per room, and the appointments of the day', async () => {
    const response = await call('GET', '/api/agenda/day?date=2027-03-23', secretary);
    expect(response.statusCode).toBe(200);
    const day = response.json();
    expect(day.practitioners.map((p: { id: string }) => p.id)).toEqual([practitionerId]);
    expect(day.rooms.map((r: { name: string }) => r.name)).toEqual(['Cabinet 1', 'Échographie']);
    expect(
      day.appointments.map((a: { start: string; patientName: string }) => [a.start, a.patientName]),
    ).toEqual([
      ['2027-03-23T08:00:00.000Z', 'DURAND PAUL'],
      ['2027-03-23T11:30:00.000Z', 'DURAND PAUL'],
    ]);
    expect(day.openIntervals).toHaveLength(2);
    const week = (await call('GET', '/api/agenda/week?date=2027-03-24', secretary)).json();
    expect(week.from).toBe('2027-03-22');
    expect(week.appointments.length).toBeGreaterThan(day.appointments.length);
  });

  it('serves the day view of one site: its practitioners, rooms and their appointments only', async () => {
    await t.db.kysely
      .updateTable('users')
      .set({ site_id: siteId })
      .where('id', '=', practitionerId)
      .execute();
    const annex = await t.db.kysely
      .insertInto('sites')
      .values({ organization_id: org.id, name: 'Annexe', address: '{}', opening_hours: '{}' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db.kysely
      .insertInto('rooms')
      .values({ organization_id: org.id, site_id: annex.id, name: 'Box annexe', kind: 'consultation' })
      .execute();
    const main = (await call('GET', `/api/agenda/day?date=2027-03-23&siteId=${siteId}`, secretary)).json();
    expect(main.practitioners.map((p: { id: string }) => p.id)).toEqual([practitionerId]);
    expect(main.rooms.map((r: { name: string }) => r.name)).toEqual(['Cabinet 1', 'Échographie']);
    expect(main.appointments).toHaveLength(2);
    const other = (await call('GET', `/api/agenda/day?date=2027-03-23&siteId=${annex.id}`, secretary)).json();
    expect(other.practitioners).toEqual([]);
    expect(other.rooms.map((r: { name: string }) => r.name)).toEqual(['Box annexe']);
    expect(other.appointments).toEqual([]);
    expect(other.openIntervals).toEqual([]);
    const all = (await call('GET', '/api/agenda/day?date=2027-03-23', secretary)).json();
    expect(all.rooms).toHaveLength(3);
    const resources = (await call('GET', '/api/agenda/resources', secretary)).json();
    expect(resources.sites.map((x: { name: string }) => x.name)).toEqual(['Annexe', 'Site principal']);
    const bad = await call('GET', '/api/agenda/day?date=2027-03-23&siteId=annexe', secretary);
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.field).toBe('siteId');
  });
});

describe('absences', () => {
  it('shows the affected appointments, proposes a rebooking for each and the patients to notify', async () => {
    const a = (await book(anAppointment().at('2027-04-06T09:00').build())).json();
    const response = await call('POST', '/api/agenda/absences', secretary, {
      personId: practitionerId,
      kind: 'sickness',
      start: '2027-04-06T00:00:00+02:00',
      end: '2027-04-07T00:00:00+02:00',
    });
    expect(response.statusCode).toBe(201);
    const result = response.json();
    expect(result.affected.map((x: { id: string }) => x.id)).toEqual([a.id]);
    expect(result.proposals).toEqual([
      expect.objectContaining({
        appointmentId: a.id,
        slot: expect.objectContaining({ start: '2027-04-07T06:00:00.000Z' }),
      }),
    ]);
    expect(result.patientsToNotify).toEqual([{ patientId, language: 'fr', appointmentIds: [a.id] }]);
    const overlap = await call('POST', '/api/agenda/absences', secretary, {
      personId: practitionerId,
      kind: 'training',
      start: '2027-04-06T12:00:00+02:00',
      end: '2027-04-08T00:00:00+02:00',
    });
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json().error.code).toBe('absence_overlap');
  });

  it('refuses a booking or a move into the practitioner’s absence unless overruled with a reason', async () => {
    const absence = await call('POST', '/api/agenda/absences', secretary, {
      personId: practitionerId,
      kind: 'training',
      start: '2027-04-20T08:00:00+02:00',
      end: '2027-04-20T12:00:00+02:00',
    });
    expect(absence.statusCode).toBe(201);
    const refused = await book(anAppointment().at('2027-04-20T09:00').build());
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({ code: 'practitioner_absent', field: 'start' });
    expect(refused.json().error.message).toMatch(/Le praticien est absent/);
    const afternoon = await book(anAppointment().at('2027-04-20T14:00').build());
    expect(afternoon.statusCode).toBe(201);
    const moved = await call('POST', `/api/agenda/appointments/${afternoon.json().id}/move`, secretary, {
      start: '2027-04-20T11:00',
      version: afternoon.json().version,
    });
    expect(moved.statusCode).toBe(422);
    expect(moved.json().error.code).toBe('practitioner_absent');
    const forced = await book(
      anAppointment()
        .at('2027-04-20T10:00')
        .with({ override: { reason: 'Vient entre deux sessions pour ce patient' } })
        .build(),
    );
    expect(forced.statusCode).toBe(201);
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select('details')
      .where('entity_id', '=', forced.json().id)
      .executeTakeFirstOrThrow();
    expect(audit.details).toEqual({ override: true, duringAbsence: true });
  });
});

describe('calendar feed', () => {
  it('serves an iCalendar feed at a secret URL without patient names, read back by ical.js', async () => {
    const created = await call('POST', '/api/agenda/feeds', secretary, {
      resourceId: practitionerId,
      resourceKind: 'practitioner',
    });
    expect(created.statusCode).toBe(201);
    const feed = await t.app.inject({ method: 'GET', url: created.json().path });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    const events = new ICAL.Component(ICAL.parse(feed.body))
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v));
    expect(events.length).toBeGreaterThan(3);
    expect(events.every((e) => e.summary === 'Consultation' || e.summary === 'Échographie')).toBe(true);
    expect(feed.body).not.toContain('DURAND');
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/agenda/feeds/not-a-real-token.ics' })).statusCode,
    ).toBe(404);
  });

  it('shows patient names only when the practitioner opts in for their own feed', async () => {
    const bySecretary = await call('POST', '/api/agenda/feeds', secretary, {
      resourceId: practitionerId,
      resourceKind: 'practitioner',
      showPatientNames: true,
    });
    expect(bySecretary.statusCode).toBe(403);
    const own = await call('POST', '/api/agenda/feeds', practitionerCookie, {
      resourceId: practitionerId,
      resourceKind: 'practitioner',
      showPatientNames: true,
    });
    const feed = await t.app.inject({ method: 'GET', url: own.json().path });
    const summaries = new ICAL.Component(ICAL.parse(feed.body))
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v).summary);
    expect(summaries).toContain('Consultation – DURAND PAUL');
  });
});

describe('meetings and daily check', () => {
  it('books the room of a meeting and queues an invitation e-mail with an .ics per attendee', async () => {
    const response = await call('POST', '/api/agenda/meetings', secretary, {
      title: 'Staff du lundi',
      start: '2027-05-03T10:00:00Z',
      end: '2027-05-03T11:00:00Z',
      roomId: ultrasoundRoomId,
      attendees: [{ email: 'a@example.fr', name: 'Dr A' }, { email: 'b@example.fr' }],
    });
    expect(response.statusCode).toBe(201);
    const notices = await t.db.kysely
      .selectFrom('notices')
      .selectAll()
      .where('meeting_id', '=', response.json().id)
      .execute();
    expect(notices.map((n) => n.recipient).sort()).toEqual(['a@example.fr', 'b@example.fr']);
    const ics = notices[0]!.attachments[0]!.content;
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!);
    expect(event.summary).toBe('Staff du lundi');
    expect(event.attendees).toHaveLength(2);
  });

  it('lists unconfirmed appointments and absent practitioners of the next working day', async () => {
    const response = await call('GET', '/api/agenda/daily-check?today=2027-04-05', secretary);
    expect(response.statusCode).toBe(200);
    const kinds = response.json().problems.map((p: { kind: string }) => p.kind);
    expect(response.json().date).toBe('2027-04-06');
    expect(kinds).toEqual(expect.arrayContaining(['unconfirmed_appointment', 'absent_practitioner']));
  });
});

describe('concurrency', () => {
  it('gives exactly one booking and 409 slot_taken to the 24 others clicking the same slot', async () => {
    const patients = [patientId, otherPatientId];
    const responses = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        book(
          anAppointment()
            .at('2027-04-13T10:00')
            .with({ patientId: patients[i % 2] })
            .build(),
        ),
      ),
    );
    const statuses = responses.map((r) => r.statusCode).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(24);
    expect(new Set(responses.filter((r) => r.statusCode === 409).map((r) => r.json().error.code))).toEqual(
      new Set(['slot_taken']),
    );
  });
});

describe('patient merge', () => {
  it('moves the appointments of a merged patient to the survivor', async () => {
    const survivor = await aPatient()
      .named('FUSION', 'PAUL')
      .sex('M')
      .bornOn('1950-02-02')
      .register(t.app, secretary);
    const duplicate = await aPatient()
      .named('FUSSION', 'PAUL')
      .sex('M')
      .bornOn('1950-02-02')
      .register(t.app, secretary);
    const booked = (
      await book(anAppointment().at('2027-04-14T09:00').with({ patientId: duplicate }).build())
    ).json();
    const merged = await call('POST', `/api/patients/${survivor}/merge`, secretary, { mergedId: duplicate });
    expect(merged.statusCode).toBe(200);
    const detail = (await call('GET', `/api/agenda/appointments/${booked.id}`, secretary)).json();
    expect(detail.patientId).toBe(survivor);
  });
});
