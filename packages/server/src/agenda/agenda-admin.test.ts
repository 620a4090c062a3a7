import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller } from '../testing/call-as.ts';
import { aPatient } from '../testing/patient-builder.ts';
import { pdfText } from '../testing/pdf-reader.ts';
import { anOrganization, createTestApp, loginAs, type TestApp } from '../testing/test-app.ts';

let t: TestApp;
let secretary: string;
let practitionerCookie: string;
let otherOrg: string;
let practitionerId: string;
let secondPractitionerId: string;
let siteId: string;
let typeId: string;
let patientId: string;
let englishPatientId: string;
let noContactPatientId: string;

const weekdays = [
  { start: '08:00', end: '12:00' },
  { start: '14:00', end: '18:00' },
];

const call = caller(() => t.app);

/** Books `minutes` from a Paris wall-clock start, for a given patient. */
async function bookAt(start: string, patient: string, minutes = 20, practitioner = practitionerId) {
  const [date, time] = start.split('T') as [string, string];
  const [h, m] = time.split(':').map(Number) as [number, number];
  const end = h * 60 + m + minutes;
  const response = await call('POST', '/api/agenda/appointments', secretary, {
    patientId: patient,
    practitionerId: practitioner,
    appointmentTypeId: typeId,
    start,
    end: `${date}T${String(Math.floor(end / 60)).padStart(2, '0')}:${String(end % 60).padStart(2, '0')}`,
  });
  expect(response.statusCode).toBe(201);
  return response.json() as { id: string; version: number };
}

beforeAll(async () => {
  t = await createTestApp();
  const org = await anOrganization('Cabinet A')
    .withUser('secretary')
    .withUser('practitioner')
    .withUser('practitioner')
    .create(t.db);
  const b = await anOrganization('Cabinet B').withUser('secretary').create(t.db);
  secretary = await loginAs(t.app, org.byRole('secretary').email);
  practitionerCookie = await loginAs(t.app, org.byRole('practitioner').email);
  otherOrg = await loginAs(t.app, b.byRole('secretary').email);
  practitionerId = org.byRole('practitioner').id;
  secondPractitionerId = org.users.filter((u) => u.role === 'practitioner')[1]!.id;
  await t.db.kysely
    .updateTable('organizations')
    .set({ phone: '01 23 45 67 89' })
    .where('id', '=', org.id)
    .execute();
  const site = await t.db.kysely
    .insertInto('sites')
    .values({
      organization_id: org.id,
      name: 'Maison de santé des Tilleuls',
      address: JSON.stringify({ line1: '3 rue des Tilleuls', postalCode: '69003', city: 'Lyon' }),
      opening_hours: '{}',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  siteId = site.id;
  for (const resourceId of [practitionerId, secondPractitionerId]) {
    const hours = await call('POST', '/api/agenda/opening-hours', practitionerCookie, {
      resourceId,
      siteId,
      validFrom: '2027-01-01',
      days: {
        monday: weekdays,
        tuesday: weekdays,
        wednesday: weekdays,
        thursday: weekdays,
        friday: weekdays,
      },
    });
    expect(hours.statusCode).toBe(201);
  }
  const type = await call('POST', '/api/agenda/appointment-types', practitionerCookie, {
    label: { fr: 'Échographie abdominale', en: 'Abdominal ultrasound' },
    durationMinutes: 20,
    colour: '#3366cc',
    eligiblePractitionerIds: [practitionerId, secondPractitionerId],
    preparationInstructions: { fr: 'Venir à jeun depuis 6 heures.', en: 'Fast for 6 hours before.' },
    documentsToBring: [
      { fr: 'Carte Vitale', en: 'Carte Vitale (health card)' },
      { fr: 'Ordonnance', en: 'Prescription' },
    ],
  });
  expect(type.statusCode).toBe(201);
  typeId = type.json().id;
  patientId = await aPatient()
    .named('DURAND', 'PAUL')
    .with({ email: 'paul.durand@example.fr', phones: [{ kind: 'mobile', number: '0612345678' }] })
    .register(t.app, secretary);
  englishPatientId = await aPatient()
    .named('SMITH', 'JOHN')
    .bornOn('1975-06-01')
    .sex('M')
    .with({ email: 'john.smith@example.com', preferredLanguage: 'en' })
    .register(t.app, secretary);
  noContactPatientId = await aPatient()
    .named('PETIT', 'LUCIE')
    .bornOn('1990-01-02')
    .register(t.app, secretary);
});
afterAll(() => t.close());

describe('equipment settings', () => {
  it('lists every unit with its version, lets a practitioner withdraw one and refuses a stale version', async () => {
    const created = await call('POST', '/api/agenda/equipment', practitionerCookie, {
      name: 'Échographe 1',
      kind: 'ultrasound',
      siteId,
    });
    expect(created.statusCode).toBe(201);
    const list = (await call('GET', '/api/agenda/equipment', secretary)).json();
    expect(list).toEqual([expect.objectContaining({ name: 'Échographe 1', active: true, version: 0 })]);
    const body = { name: 'Échographe 1', kind: 'ultrasound', siteId, active: false, version: 0 };
    expect((await call('PUT', `/api/agenda/equipment/${list[0].id}`, secretary, body)).statusCode).toBe(403);
    const withdrawn = await call('PUT', `/api/agenda/equipment/${list[0].id}`, practitionerCookie, body);
    expect(withdrawn.json()).toMatchObject({ active: false, version: 1 });
    const stale = await call('PUT', `/api/agenda/equipment/${list[0].id}`, practitionerCookie, body);
    expect(stale.statusCode).toBe(409);
    expect((await call('GET', '/api/agenda/resources', secretary)).json().equipment).toEqual([]);
    expect((await call('GET', '/api/agenda/equipment', otherOrg)).json()).toEqual([]);
  });
});

describe('calendar feeds settings', () => {
  it('lists the active subscription without its secret and revokes it so the URL stops working', async () => {
    const created = (
      await call('POST', '/api/agenda/feeds', secretary, {
        resourceId: practitionerId,
        resourceKind: 'practitioner',
      })
    ).json();
    const list = (await call('GET', '/api/agenda/feeds', secretary)).json();
    expect(list).toEqual([
      expect.objectContaining({ id: created.id, resourceId: practitionerId, showPatientNames: false }),
    ]);
    expect(JSON.stringify(list)).not.toContain(created.token);
    expect((await call('DELETE', `/api/agenda/feeds/${created.id}`, otherOrg)).statusCode).toBe(404);
    expect((await call('DELETE', `/api/agenda/feeds/${created.id}`, secretary)).statusCode).toBe(204);
    expect((await call('GET', created.path)).statusCode).toBe(404);
    expect((await call('GET', '/api/agenda/feeds', secretary)).json()).toEqual([]);
  });
});

describe('meetings list', () => {
  it('lists the meetings of a period with room and attendees', async () => {
    const room = await t.db.kysely
      .insertInto('rooms')
      .values({
        organization_id: (await orgOf(secretary))!,
        site_id: siteId,
        name: 'Salle de réunion',
        kind: 'meeting',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const created = await call('POST', '/api/agenda/meetings', secretary, {
      title: 'Staff du lundi',
      start: '2027-05-03T10:00:00Z',
      end: '2027-05-03T11:00:00Z',
      roomId: room.id,
      attendees: [{ email: 'a@example.fr', name: 'Dr A' }],
    });
    expect(created.statusCode).toBe(201);
    const list = await call(
      'GET',
      '/api/agenda/meetings?from=2027-05-01T00:00:00Z&to=2027-05-08T00:00:00Z',
      secretary,
    );
    expect(list.json()).toEqual([
      expect.objectContaining({
        title: 'Staff du lundi',
        roomName: 'Salle de réunion',
        attendees: [{ email: 'a@example.fr', name: 'Dr A' }],
      }),
    ]);
    const before = await call(
      'GET',
      '/api/agenda/meetings?from=2027-04-01T00:00:00Z&to=2027-05-01T00:00:00Z',
      secretary,
    );
    expect(before.json()).toEqual([]);
  });
});

async function orgOf(cookie: string) {
  return (await call('GET', '/api/organization', cookie)).json().id as string;
}

describe('notices outbox', () => {
  it('queues a failed notice again, copies a sent one, refuses a pending one and audits with the patient', async () => {
    const a = await bookAt('2027-03-23T09:00', patientId);
    const list = (await call('GET', `/api/agenda/notices?appointmentId=${a.id}`, secretary)).json();
    const confirmation = list.find((n: { kind: string }) => n.kind === 'confirmation');
    expect(confirmation).toMatchObject({ status: 'pending', patientName: 'DURAND PAUL' });
    const pending = await call('POST', `/api/agenda/notices/${confirmation.id}/resend`, secretary);
    expect(pending.statusCode).toBe(409);
    expect(pending.json().error.code).toBe('notice_pending');

    await t.db.kysely
      .updateTable('notices')
      .set({ status: 'failed', attempts: 5, last_error: 'mailbox unavailable' })
      .where('id', '=', confirmation.id)
      .execute();
    const again = await call('POST', `/api/agenda/notices/${confirmation.id}/resend`, secretary);
    expect(again.json()).toEqual({ id: confirmation.id, status: 'pending' });
    const row = await t.db.kysely
      .selectFrom('notices')
      .selectAll()
      .where('id', '=', confirmation.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'pending', attempts: 0, last_error: null });

    await t.db.kysely
      .updateTable('notices')
      .set({ status: 'sent' })
      .where('id', '=', confirmation.id)
      .execute();
    const copy = (await call('POST', `/api/agenda/notices/${confirmation.id}/resend`, secretary)).json();
    expect(copy.id).not.toBe(confirmation.id);
    const rows = await t.db.kysely
      .selectFrom('notices')
      .select(['status', 'body'])
      .where('appointment_id', '=', a.id)
      .where('kind', '=', 'confirmation')
      .execute();
    expect(rows.map((r) => r.status).sort()).toEqual(['pending', 'sent']);
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'patient_id'])
      .where('entity', '=', 'notice')
      .where('entity_id', '=', confirmation.id)
      .execute();
    expect(audit).toEqual([
      { action: 'resend', patient_id: patientId },
      { action: 'resend', patient_id: patientId },
    ]);
    expect((await call('POST', `/api/agenda/notices/${confirmation.id}/resend`, otherOrg)).statusCode).toBe(
      404,
    );
  });

  it('refuses to send again a reminder withdrawn by the appointment’s cancellation', async () => {
    const a = await bookAt('2027-03-26T09:00', patientId);
    const cancelled = await call('POST', `/api/agenda/appointments/${a.id}/status`, secretary, {
      to: 'cancelled',
      reason: 'Empêchement',
      version: a.version,
    });
    expect(cancelled.statusCode).toBe(200);
    const list = (await call('GET', `/api/agenda/notices?appointmentId=${a.id}`, secretary)).json();
    const reminder = list.find((n: { kind: string; status: string }) => n.kind === 'reminder');
    expect(reminder.status).toBe('cancelled');
    const response = await call('POST', `/api/agenda/notices/${reminder.id}/resend`, secretary);
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ code: 'notice_withdrawn' });
    const row = await t.db.kysely
      .selectFrom('notices')
      .select('status')
      .where('id', '=', reminder.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('cancelled');
  });
});

describe('convocation', () => {
  it('prints the date, place, practitioner, preparation and documents to bring, in the patient’s language', async () => {
    const a = await bookAt('2027-03-24T10:00', patientId);
    const response = await call('GET', `/api/agenda/appointments/${a.id}/convocation`, secretary);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(response.rawPayload);
    expect(text).toContain('Convocation');
    expect(text).toContain('DURAND PAUL');
    expect(text).toContain('mercredi 24 mars 2027');
    expect(text).toContain('10:00');
    expect(text).toContain('Échographie abdominale');
    expect(text).toContain('Maison de santé des Tilleuls, 3 rue des Tilleuls, 69003 Lyon');
    expect(text).toContain('Venir à jeun depuis 6 heures.');
    expect(text).toContain('Carte Vitale');
    expect(text).toContain('01 23 45 67 89');

    const english = await bookAt('2027-03-24T10:20', englishPatientId);
    const en = await pdfText(
      (await call('GET', `/api/agenda/appointments/${english.id}/convocation`, secretary)).rawPayload,
    );
    expect(en).toContain('Appointment notice');
    expect(en).toContain('Wednesday 24 March 2027');
    expect(en).toContain('Fast for 6 hours before.');

    expect((await call('GET', `/api/agenda/appointments/${a.id}/convocation`, otherOrg)).statusCode).toBe(
      404,
    );
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'patient_id'])
      .where('entity', '=', 'convocation')
      .where('entity_id', '=', a.id)
      .execute();
    expect(audit).toEqual([{ action: 'print', patient_id: patientId }]);
  });

  it('e-mails it with the PDF attached through the outbox, and says clearly when the patient has no e-mail', async () => {
    const a = await bookAt('2027-03-24T11:00', patientId);
    const sent = await call('POST', `/api/agenda/appointments/${a.id}/convocation/send`, secretary, {});
    expect(sent.statusCode).toBe(201);
    const notice = await t.db.kysely
      .selectFrom('notices')
      .selectAll()
      .where('id', '=', sent.json().id)
      .executeTakeFirstOrThrow();
    expect(notice).toMatchObject({
      kind: 'convocation',
      recipient: 'paul.durand@example.fr',
      status: 'pending',
    });
    const attachment = notice.attachments[0]!;
    expect(attachment).toMatchObject({ filename: 'convocation.pdf', encoding: 'base64' });
    expect(await pdfText(Buffer.from(attachment.content, 'base64'))).toContain('Carte Vitale');

    const b = await bookAt('2027-03-24T11:20', noContactPatientId);
    const refused = await call('POST', `/api/agenda/appointments/${b.id}/convocation/send`, secretary, {});
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({ code: 'patient_without_email' });
    expect(refused.json().error.message).toMatch(/pas d’adresse e-mail/);
  });
});

describe('absence notices', () => {
  it('queues one message per displaced appointment in the patient’s language with the proposed slot, once', async () => {
    const fr = await bookAt('2027-04-13T09:00', patientId);
    const en = await bookAt('2027-04-13T10:00', englishPatientId);
    const none = await bookAt('2027-04-13T11:00', noContactPatientId);
    const absence = await call('POST', '/api/agenda/absences', secretary, {
      personId: practitionerId,
      kind: 'sickness',
      start: '2027-04-13T00:00:00+02:00',
      end: '2027-04-14T00:00:00+02:00',
    });
    expect(absence.statusCode).toBe(201);
    const id = absence.json().absence.id;
    const result = await call('POST', `/api/agenda/absences/${id}/notices`, secretary);
    expect(result.statusCode).toBe(201);
    expect(result.json()).toMatchObject({
      queued: 3,
      alreadyNotified: 0,
      withoutContact: [{ appointmentId: none.id, patientName: 'PETIT LUCIE' }],
    });
    const notices = await t.db.kysely
      .selectFrom('notices')
      .selectAll()
      .where('kind', '=', 'absence')
      .orderBy('channel')
      .execute();
    const email = notices.find((n) => n.appointment_id === fr.id && n.channel === 'email')!;
    expect(email.body).toContain('sera absent(e) le mardi 13 avril 2027');
    expect(email.body).toContain('Nous vous proposons le mardi 13 avril 2027 à 08:00');
    expect(notices.find((n) => n.appointment_id === fr.id && n.channel === 'sms')!.recipient).toBe(
      '+33612345678',
    );
    const english = notices.find((n) => n.appointment_id === en.id)!;
    expect(english).toMatchObject({ language: 'en', subject: 'Your appointment cannot go ahead' });

    const again = (await call('POST', `/api/agenda/absences/${id}/notices`, secretary)).json();
    expect(again).toMatchObject({ queued: 0, alreadyNotified: 2 });
    expect((await call('POST', `/api/agenda/absences/${id}/notices`, otherOrg)).statusCode).toBe(404);
  });
});

describe('.ics import', () => {
  const vtimezone = [
    'BEGIN:VTIMEZONE',
    'TZID:Europe/Paris',
    'BEGIN:DAYLIGHT',
    'TZOFFSETFROM:+0100',
    'TZOFFSETTO:+0200',
    'TZNAME:CEST',
    'DTSTART:19700329T020000',
    'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
    'END:DAYLIGHT',
    'BEGIN:STANDARD',
    'TZOFFSETFROM:+0200',
    'TZOFFSETTO:+0100',
    'TZNAME:CET',
    'DTSTART:19701025T030000',
    'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
    'END:STANDARD',
    'END:VTIMEZONE',
  ];
  const vevent = (uid: string, lines: string[]) => [
    'BEGIN:VEVENT',
    `UID:${uid}`,
    'DTSTAMP:20261101T000000Z',
    ...lines,
    'END:VEVENT',
  ];
  const ics = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Test//Outlook//FR',
    ...vtimezone,
    // 09:00–10:00 Paris summer time, with the zone defined in the file.
    ...vevent('hospital', [
      'DTSTART;TZID=Europe/Paris:20270504T090000',
      'DTEND;TZID=Europe/Paris:20270504T100000',
      'SUMMARY:Vacation hôpital',
    ]),
    // Overlaps the previous one: merged into 09:00–11:00.
    ...vevent('staff', ['DTSTART:20270504T073000Z', 'DTEND:20270504T090000Z', 'SUMMARY:Staff']),
    // Marked free: not imported.
    ...vevent('free', [
      'DTSTART:20270505T120000Z',
      'DTEND:20270505T130000Z',
      'TRANSP:TRANSPARENT',
      'SUMMARY:Libre',
    ]),
    // Every Thursday afternoon three times, the second one removed.
    ...vevent('weekly', [
      'DTSTART;TZID=Europe/Paris:20270506T140000',
      'DTEND;TZID=Europe/Paris:20270506T180000',
      'RRULE:FREQ=WEEKLY;COUNT=3',
      'EXDATE;TZID=Europe/Paris:20270513T140000',
      'SUMMARY:Cours faculté',
    ]),
    // A whole day, as Paris dates.
    ...vevent('congress', ['DTSTART;VALUE=DATE:20270601', 'DTEND;VALUE=DATE:20270602', 'SUMMARY:Congrès']),
    'END:VCALENDAR',
  ].join('\r\n');

  it('reads zones, recurrences, free and all-day events, reports the appointments hit, and writes nothing on a trial run', async () => {
    const a = await bookAt('2027-05-04T09:20', patientId, 20, secondPractitionerId);
    const trial = await call('POST', '/api/agenda/absences/import', secretary, {
      personId: secondPractitionerId,
      ics,
      dryRun: true,
    });
    expect(trial.statusCode).toBe(200);
    const report = trial.json();
    expect(report.periods).toEqual([
      { start: '2027-05-04T07:00:00.000Z', end: '2027-05-04T09:00:00.000Z' },
      { start: '2027-05-06T12:00:00.000Z', end: '2027-05-06T16:00:00.000Z' },
      { start: '2027-05-20T12:00:00.000Z', end: '2027-05-20T16:00:00.000Z' },
      { start: '2027-05-31T22:00:00.000Z', end: '2027-06-01T22:00:00.000Z' },
    ]);
    expect(report.lines.find((l: { uid: string }) => l.uid === 'free')).toMatchObject({
      outcome: 'skipped',
      reason: 'free_time',
    });
    expect(report.appointmentsInBusyPeriods).toEqual([
      { appointmentId: a.id, start: '2027-05-04T07:20:00.000Z', patientName: 'DURAND PAUL' },
    ]);
    const absences = () =>
      t.db.kysely.selectFrom('absences').selectAll().where('person_id', '=', secondPractitionerId).execute();
    expect(await absences()).toEqual([]);

    const done = await call('POST', '/api/agenda/absences/import', secretary, {
      personId: secondPractitionerId,
      ics,
    });
    expect(done.json()).toMatchObject({ dryRun: false, replaced: 0 });
    const rows = await absences();
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => r.kind === 'external' && r.note === 'Import .ics')).toBe(true);

    // The same calendar imported again replaces the earlier periods rather than clashing with them.
    const again = await call('POST', '/api/agenda/absences/import', secretary, {
      personId: secondPractitionerId,
      ics,
    });
    expect(again.json()).toMatchObject({ replaced: 4 });
    expect(await absences()).toHaveLength(4);
  });

  it('says clearly when the file is not a calendar, and refuses a person of another organization', async () => {
    const bad = await call('POST', '/api/agenda/absences/import', secretary, {
      personId: secondPractitionerId,
      ics: 'Nom;Prénom\nDurand;Paul',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error).toMatchObject({ code: 'ics_unreadable', field: 'ics' });
    expect(bad.json().error.message).toMatch(/n’est pas un calendrier iCalendar/);
    const other = await call('POST', '/api/agenda/absences/import', otherOrg, {
      personId: secondPractitionerId,
      ics,
    });
    expect(other.statusCode).toBe(404);
  });
});
