import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller } from '../testing/call-as.ts';
import { anOrganization, createTestApp, loginAs, type TestApp } from '../testing/test-app.ts';

let t: TestApp;
let organizer: string;
let otherSecretary: string;
let admin: string;
let accountant: string;
let otherOrg: string;
let organizationId: string;
let roomA: string;
let roomB: string;
let englishUserEmail: string;
let otherOrgUserEmail: string;

const call = caller(() => t.app);

/** Builder of a meeting body: `aMeeting().on('2027-06-07', '10:00', '11:00').inRoom(roomA).build()` (UTC). */
function aMeeting() {
  const body: Record<string, unknown> = {
    title: 'Staff du lundi',
    start: '2027-06-07T10:00:00Z',
    end: '2027-06-07T11:00:00Z',
    attendees: [
      { email: 'a@example.fr', name: 'Dr A' },
      { email: 'b@example.fr', name: null },
    ],
  };
  const builder = {
    on(date: string, start: string, end: string) {
      body.start = `${date}T${start}:00Z`;
      body.end = `${date}T${end}:00Z`;
      return builder;
    },
    inRoom(roomId: string | null) {
      body.roomId = roomId;
      return builder;
    },
    with(fields: Record<string, unknown>) {
      Object.assign(body, fields);
      return builder;
    },
    build: () => ({ ...body }),
    create: async (cookie = organizer) => {
      const response = await call('POST', '/api/agenda/meetings', cookie, body);
      expect(response.statusCode).toBe(201);
      return response.json() as { id: string; version: number; sequence: number; [k: string]: unknown };
    },
  };
  return builder;
}

/** The body of an edit: every field of the meeting as it is, changed by `fields`. */
function edit(meeting: Record<string, unknown>, fields: Record<string, unknown> = {}) {
  const { title, kind, start, end, roomId, location, description, agenda, attendees, version } = meeting;
  return { title, kind, start, end, roomId, location, description, agenda, attendees, version, ...fields };
}

async function noticesOf(meetingId: string) {
  return (
    t.db.kysely
      .selectFrom('notices')
      .selectAll()
      .where('meeting_id', '=', meetingId)
      // The rows of one change share their created_at (the transaction's start).
      .orderBy('created_at')
      .orderBy('recipient')
      .execute()
  );
}

/** What the outbox worker does once the e-mails are handed to the relay: they are sent. */
async function deliver(meetingId: string, recipient?: string) {
  let query = t.db.kysely
    .updateTable('notices')
    .set({ status: 'sent', attempts: 1, sent_at: new Date() })
    .where('meeting_id', '=', meetingId)
    .where('status', '=', 'pending');
  if (recipient) query = query.where('recipient', '=', recipient);
  await query.execute();
}

function parseIcs(content: string) {
  const calendar = new ICAL.Component(ICAL.parse(content));
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  return {
    method: calendar.getFirstPropertyValue('method'),
    uid: vevent.getFirstPropertyValue('uid'),
    sequence: vevent.getFirstPropertyValue('sequence'),
    status: vevent.getFirstPropertyValue('status'),
    event: new ICAL.Event(vevent),
    attendees: vevent.getAllProperties('attendee').map((a) => a.getFirstValue()),
  };
}

async function holdsOf(meetingId: string) {
  return t.db.kysely
    .selectFrom('agenda_holds')
    .select(['room_id', 'holds_slot'])
    .where('meeting_id', '=', meetingId)
    .execute();
}

beforeAll(async () => {
  t = await createTestApp();
  const org = await anOrganization('Cabinet A')
    .withUser('secretary')
    .withUser('admin')
    .withUser('accountant')
    .create(t.db);
  organizationId = org.id;
  const second = await t.db.kysely
    .insertInto('users')
    .values({
      organization_id: org.id,
      email: 'second.secretary@test.pivot',
      display_name: 'Second secretary',
      role: 'secretary',
      password_hash: (await t.db.kysely
        .selectFrom('users')
        .select('password_hash')
        .where('id', '=', org.byRole('secretary').id)
        .executeTakeFirstOrThrow())!.password_hash,
    })
    .returning('email')
    .executeTakeFirstOrThrow();
  const english = await t.db.kysely
    .insertInto('users')
    .values({
      organization_id: org.id,
      email: 'English.Doctor@test.pivot',
      display_name: 'English doctor',
      role: 'practitioner',
      language: 'en',
      password_hash: 'unused',
    })
    .returning('email')
    .executeTakeFirstOrThrow();
  englishUserEmail = english.email;
  const b = await anOrganization('Cabinet B').withUser('secretary').create(t.db);
  // A user of another organization who reads English: not a user of Cabinet A's, so French there.
  otherOrgUserEmail = b.byRole('secretary').email;
  await t.db.kysely
    .updateTable('users')
    .set({ language: 'en' })
    .where('email', '=', otherOrgUserEmail)
    .execute();
  organizer = await loginAs(t.app, org.byRole('secretary').email);
  otherSecretary = await loginAs(t.app, second.email);
  admin = await loginAs(t.app, org.byRole('admin').email);
  accountant = await loginAs(t.app, org.byRole('accountant').email);
  otherOrg = await loginAs(t.app, b.byRole('secretary').email);
  const site = await t.db.kysely
    .insertInto('sites')
    .values({ organization_id: org.id, name: 'Site principal', address: '{}', opening_hours: '{}' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const rooms = await t.db.kysely
    .insertInto('rooms')
    .values([
      { organization_id: org.id, site_id: site.id, name: 'Salle A', kind: 'meeting' },
      { organization_id: org.id, site_id: site.id, name: 'Salle B', kind: 'meeting' },
    ])
    .returning(['id', 'name'])
    .execute();
  roomA = rooms.find((r) => r.name === 'Salle A')!.id;
  roomB = rooms.find((r) => r.name === 'Salle B')!.id;
});
afterAll(() => t.close());

describe('creating a meeting', () => {
  it('records its kind and agenda, and sends the agenda points in the invitation', async () => {
    const meeting = await aMeeting()
      .on('2027-06-01', '08:00', '09:00')
      .with({ kind: 'training', agenda: ['Extincteurs', 'Évacuation'] })
      .create();
    expect(meeting).toMatchObject({ kind: 'training', status: 'scheduled', sequence: 0, version: 0 });
    const [notice] = await noticesOf(meeting.id);
    const ics = parseIcs(notice!.attachments[0]!.content);
    expect(ics.method).toBe('REQUEST');
    expect(ics.sequence).toBe(0);
    expect(ics.event.description).toContain('1. Extincteurs\n2. Évacuation');
  });

  it('refuses bad input with 422 naming the field', async () => {
    const noTitle = await call(
      'POST',
      '/api/agenda/meetings',
      organizer,
      aMeeting().with({ title: '' }).build(),
    );
    expect(noTitle.statusCode).toBe(422);
    expect(noTitle.json().error.field).toBe('title');
    const backwards = await call(
      'POST',
      '/api/agenda/meetings',
      organizer,
      aMeeting().on('2027-06-01', '10:00', '09:00').build(),
    );
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json().error).toMatchObject({ code: 'end_before_start', field: 'end' });
    const twice = await call(
      'POST',
      '/api/agenda/meetings',
      organizer,
      aMeeting()
        .with({ attendees: [{ email: 'a@example.fr' }, { email: 'A@example.fr' }] })
        .build(),
    );
    expect(twice.statusCode).toBe(422);
    expect(twice.json().error).toMatchObject({ code: 'duplicate_attendee', field: 'attendees' });
    const badKind = await call(
      'POST',
      '/api/agenda/meetings',
      organizer,
      aMeeting().with({ kind: 'party' }).build(),
    );
    expect(badKind.statusCode).toBe(422);
    expect(badKind.json().error.field).toBe('kind');
  });
});

describe('editing a meeting', () => {
  it('moves the room hold to the new room and time in the same change', async () => {
    const meeting = await aMeeting().on('2027-06-02', '10:00', '11:00').inRoom(roomA).create();
    const response = await call(
      'PUT',
      `/api/agenda/meetings/${meeting.id}`,
      organizer,
      edit(meeting, { roomId: roomB, start: '2027-06-02T14:00:00Z', end: '2027-06-02T15:30:00Z' }),
    );
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ roomId: roomB, location: 'Salle B', version: 1, sequence: 1 });
    expect(await holdsOf(meeting.id)).toEqual([{ room_id: roomB, holds_slot: true }]);
    // The old room and time are free again: another meeting takes them.
    await aMeeting().on('2027-06-02', '10:00', '11:00').inRoom(roomA).create();
  });

  it('keeps its own room when only the time moves within its own slot', async () => {
    const meeting = await aMeeting().on('2027-06-03', '10:00', '11:00').inRoom(roomA).create();
    const response = await call(
      'PUT',
      `/api/agenda/meetings/${meeting.id}`,
      organizer,
      edit(meeting, { end: '2027-06-03T11:30:00Z' }),
    );
    expect(response.statusCode).toBe(200);
  });

  it('answers 409 slot_taken on roomId when the new room is held, and changes nothing', async () => {
    await aMeeting().on('2027-06-04', '10:00', '11:00').inRoom(roomB).create();
    const meeting = await aMeeting().on('2027-06-04', '10:00', '11:00').inRoom(roomA).create();
    const response = await call(
      'PUT',
      `/api/agenda/meetings/${meeting.id}`,
      organizer,
      edit(meeting, { roomId: roomB }),
    );
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ code: 'slot_taken', field: 'roomId' });
    expect(await holdsOf(meeting.id)).toEqual([{ room_id: roomA, holds_slot: true }]);
    expect(await noticesOf(meeting.id)).toHaveLength(2);
  });

  it('releases the room when the edit takes the meeting out of any room', async () => {
    const meeting = await aMeeting().on('2027-06-18', '10:00', '11:00').inRoom(roomA).create();
    const response = await call(
      'PUT',
      `/api/agenda/meetings/${meeting.id}`,
      organizer,
      edit(meeting, { roomId: null, location: 'Visioconférence' }),
    );
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ roomId: null, location: 'Visioconférence' });
    expect(await holdsOf(meeting.id)).toEqual([]);
  });

  it('gives one success and one 409 stale_version to two simultaneous edits of the same version', async () => {
    const meeting = await aMeeting().on('2027-06-21', '10:00', '11:00').inRoom(roomA).create();
    const responses = await Promise.all([
      call('PUT', `/api/agenda/meetings/${meeting.id}`, organizer, edit(meeting, { title: 'Poste 1' })),
      call('PUT', `/api/agenda/meetings/${meeting.id}`, admin, edit(meeting, { title: 'Poste 2' })),
    ]);
    expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(responses.find((r) => r.statusCode === 409)!.json().error.code).toBe('stale_version');
    expect(await holdsOf(meeting.id)).toHaveLength(1);
  });

  it('answers 409 stale_version to an edit made on an old version', async () => {
    const meeting = await aMeeting().on('2027-06-05', '10:00', '11:00').create();
    const first = await call(
      'PUT',
      `/api/agenda/meetings/${meeting.id}`,
      organizer,
      edit(meeting, { title: 'Un' }),
    );
    expect(first.statusCode).toBe(200);
    const second = await call(
      'PUT',
      `/api/agenda/meetings/${meeting.id}`,
      organizer,
      edit(meeting, { title: 'Deux' }),
    );
    expect(second.statusCode).toBe(409);
    expect(second.json().error).toMatchObject({ code: 'stale_version', field: 'version' });
  });

  it('sends an RFC 5546 update to kept and new attendees and a CANCEL to removed ones', async () => {
    const meeting = await aMeeting().on('2027-06-08', '10:00', '11:00').create();
    await deliver(meeting.id);
    const response = await call(
      'PUT',
      `/api/agenda/meetings/${meeting.id}`,
      organizer,
      edit(meeting, {
        title: 'Staff déplacé',
        start: '2027-06-08T12:00:00Z',
        end: '2027-06-08T13:00:00Z',
        attendees: [
          { email: 'a@example.fr', name: 'Dr A' },
          { email: 'c@example.fr', name: 'Dr C' },
        ],
      }),
    );
    expect(response.statusCode).toBe(200);
    const updates = (await noticesOf(meeting.id)).slice(2);
    const byRecipient = Object.fromEntries(
      updates.map((n) => [n.recipient, { kind: n.kind, ics: parseIcs(n.attachments[0]!.content) }]),
    );
    expect(Object.keys(byRecipient).sort()).toEqual(['a@example.fr', 'b@example.fr', 'c@example.fr']);
    const uid = `meeting-${meeting.id}@pivot`;
    for (const email of ['a@example.fr', 'c@example.fr']) {
      const { ics } = byRecipient[email]!;
      expect(ics).toMatchObject({ method: 'REQUEST', uid, sequence: 1, status: 'CONFIRMED' });
      expect(ics.event.summary).toBe('Staff déplacé');
      expect(ics.event.startDate.toJSDate().toISOString()).toBe('2027-06-08T12:00:00.000Z');
      expect(ics.attendees).toEqual(['mailto:a@example.fr', 'mailto:c@example.fr']);
    }
    expect(byRecipient['a@example.fr']!.kind).toBe('invitation_update');
    expect(byRecipient['c@example.fr']!.kind).toBe('invitation');
    const removed = byRecipient['b@example.fr']!;
    expect(removed.kind).toBe('invitation_withdrawn');
    expect(removed.ics).toMatchObject({ method: 'CANCEL', uid, sequence: 1 });
    expect(removed.ics.attendees).toEqual(['mailto:b@example.fr']);
    const list = await call(
      'GET',
      '/api/agenda/meetings?from=2027-06-08T00:00:00Z&to=2027-06-09T00:00:00Z',
      organizer,
    );
    expect(list.json()[0].attendees).toEqual(
      expect.arrayContaining([
        { email: 'a@example.fr', name: 'Dr A' },
        { email: 'c@example.fr', name: 'Dr C' },
      ]),
    );
    expect(list.json()[0].attendees).toHaveLength(2);
  });

  it('refuses with 403 not_meeting_organizer a secretary who did not organize it, and lets an admin edit', async () => {
    const meeting = await aMeeting().on('2027-06-09', '10:00', '11:00').create();
    const other = await call(
      'PUT',
      `/api/agenda/meetings/${meeting.id}`,
      otherSecretary,
      edit(meeting, { title: 'X' }),
    );
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('not_meeting_organizer');
    const cancel = await call('POST', `/api/agenda/meetings/${meeting.id}/cancel`, otherSecretary, {
      reason: 'X',
      version: 0,
    });
    expect(cancel.statusCode).toBe(403);
    expect(cancel.json().error.code).toBe('not_meeting_organizer');
    const byAdmin = await call(
      'PUT',
      `/api/agenda/meetings/${meeting.id}`,
      admin,
      edit(meeting, { title: 'Par l’admin' }),
    );
    expect(byAdmin.statusCode).toBe(200);
    // The organizer stays the organizer of the invitations an admin sends.
    const [latest] = (await noticesOf(meeting.id)).slice(-1);
    expect(latest!.attachments[0]!.content).toContain('ORGANIZER;CN=Test secretary:mailto:');
  });

  it('refuses an accountant (no agenda.write) and hides the meeting from another organization', async () => {
    const meeting = await aMeeting().on('2027-06-10', '10:00', '11:00').create();
    const byAccountant = await call('PUT', `/api/agenda/meetings/${meeting.id}`, accountant, edit(meeting));
    expect(byAccountant.statusCode).toBe(403);
    expect(byAccountant.json().error.code).toBe('forbidden');
    const fromOtherOrg = await call('PUT', `/api/agenda/meetings/${meeting.id}`, otherOrg, edit(meeting));
    expect(fromOtherOrg.statusCode).toBe(404);
  });

  it('refuses bad input with 422 naming the field', async () => {
    const meeting = await aMeeting().on('2027-06-11', '10:00', '11:00').create();
    const noVersion = await call('PUT', `/api/agenda/meetings/${meeting.id}`, organizer, {
      ...edit(meeting),
      version: undefined,
    });
    expect(noVersion.statusCode).toBe(422);
    expect(noVersion.json().error).toMatchObject({ code: 'required', field: 'version' });
    const backwards = await call(
      'PUT',
      `/api/agenda/meetings/${meeting.id}`,
      organizer,
      edit(meeting, { end: '2027-06-11T09:00:00Z' }),
    );
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json().error).toMatchObject({ code: 'end_before_start', field: 'end' });
    const badEmail = await call(
      'PUT',
      `/api/agenda/meetings/${meeting.id}`,
      organizer,
      edit(meeting, { attendees: [{ email: 'not-an-address' }] }),
    );
    expect(badEmail.statusCode).toBe(422);
    expect(badEmail.json().error.field).toBe('attendees.0.email');
  });

  it('audits the edit with the fields that changed', async () => {
    const meeting = await aMeeting().on('2027-06-14', '10:00', '11:00').create();
    await call(
      'PUT',
      `/api/agenda/meetings/${meeting.id}`,
      organizer,
      edit(meeting, { title: 'Renommée', kind: 'conference' }),
    );
    const entry = await t.db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'meeting')
      .where('entity_id', '=', meeting.id)
      .where('action', '=', 'update')
      .executeTakeFirstOrThrow();
    expect(entry.organization_id).toBe(organizationId);
    expect(entry.details).toMatchObject({
      changed: ['title', 'kind'],
      attendeesAdded: 0,
      attendeesRemoved: 0,
    });
  });
});

describe('cancelling a meeting', () => {
  it('frees the room for another meeting and sends METHOD:CANCEL with STATUS:CANCELLED to every attendee', async () => {
    const meeting = await aMeeting().on('2027-06-15', '10:00', '11:00').inRoom(roomA).create();
    const taken = await call(
      'POST',
      '/api/agenda/meetings',
      organizer,
      aMeeting().on('2027-06-15', '10:30', '11:30').inRoom(roomA).build(),
    );
    expect(taken.statusCode).toBe(409);
    await deliver(meeting.id);
    const response = await call('POST', `/api/agenda/meetings/${meeting.id}/cancel`, organizer, {
      reason: 'Intervenant malade',
      version: 0,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      status: 'cancelled',
      cancelledReason: 'Intervenant malade',
      sequence: 1,
      version: 1,
    });
    expect(await holdsOf(meeting.id)).toEqual([{ room_id: roomA, holds_slot: false }]);
    await aMeeting().on('2027-06-15', '10:30', '11:30').inRoom(roomA).create();
    const cancellations = (await noticesOf(meeting.id)).filter((n) => n.kind === 'cancellation');
    expect(cancellations.map((n) => n.recipient).sort()).toEqual(['a@example.fr', 'b@example.fr']);
    for (const notice of cancellations) {
      expect(notice.attachments[0]!.contentType).toContain('method=CANCEL');
      expect(notice.body).toContain('Intervenant malade');
      expect(parseIcs(notice.attachments[0]!.content)).toMatchObject({
        method: 'CANCEL',
        uid: `meeting-${meeting.id}@pivot`,
        sequence: 1,
        status: 'CANCELLED',
      });
    }
    const list = await call(
      'GET',
      '/api/agenda/meetings?from=2027-06-15T00:00:00Z&to=2027-06-16T00:00:00Z',
      organizer,
    );
    expect(list.json().find((m: { id: string }) => m.id === meeting.id)).toMatchObject({
      status: 'cancelled',
      cancelledReason: 'Intervenant malade',
    });
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select('details')
      .where('entity_id', '=', meeting.id)
      .where('action', '=', 'cancel')
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ reason: 'Intervenant malade', attendees: 2 });
  });

  it('refuses to edit or cancel again a cancelled meeting (409 meeting_cancelled)', async () => {
    const meeting = await aMeeting().on('2027-06-16', '10:00', '11:00').create();
    const cancelled = await call('POST', `/api/agenda/meetings/${meeting.id}/cancel`, organizer, {
      reason: 'Reportée',
      version: 0,
    });
    expect(cancelled.statusCode).toBe(200);
    const edited = await call(
      'PUT',
      `/api/agenda/meetings/${meeting.id}`,
      organizer,
      edit(cancelled.json(), { title: 'X' }),
    );
    expect(edited.statusCode).toBe(409);
    expect(edited.json().error.code).toBe('meeting_cancelled');
    const again = await call('POST', `/api/agenda/meetings/${meeting.id}/cancel`, organizer, {
      reason: 'Encore',
      version: 1,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('meeting_cancelled');
  });

  it('refuses to edit or cancel a meeting that is over (409 meeting_over)', async () => {
    const meeting = await aMeeting().on('2024-01-15', '10:00', '11:00').create();
    expect(meeting.status).toBe('over');
    const edited = await call(
      'PUT',
      `/api/agenda/meetings/${meeting.id}`,
      organizer,
      edit(meeting, { title: 'X' }),
    );
    expect(edited.statusCode).toBe(409);
    expect(edited.json().error.code).toBe('meeting_over');
    const cancelled = await call('POST', `/api/agenda/meetings/${meeting.id}/cancel`, organizer, {
      reason: 'Trop tard',
      version: 0,
    });
    expect(cancelled.statusCode).toBe(409);
    expect(cancelled.json().error.code).toBe('meeting_over');
  });

  it('requires a reason (422 on reason) and the version read (409 stale_version)', async () => {
    const meeting = await aMeeting().on('2027-06-17', '10:00', '11:00').create();
    const blank = await call('POST', `/api/agenda/meetings/${meeting.id}/cancel`, organizer, {
      reason: '  ',
      version: 0,
    });
    expect(blank.statusCode).toBe(422);
    expect(blank.json().error).toMatchObject({ code: 'reason_required', field: 'reason' });
    const stale = await call('POST', `/api/agenda/meetings/${meeting.id}/cancel`, organizer, {
      reason: 'Reportée',
      version: 3,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('stale_version');
  });
});

describe('meeting e-mails in the attendee’s language', () => {
  it('writes the invitation in a user’s own language (e-mail matched whatever its case), French for anyone else', async () => {
    const meeting = await aMeeting()
      .on('2027-07-06', '10:00', '11:00')
      .with({
        title: 'Staff',
        location: 'Salle de réunion',
        agenda: ['Plannings'],
        attendees: [
          { email: 'english.doctor@TEST.pivot', name: 'Dr English' },
          { email: 'a@example.fr', name: 'Dr A' },
          { email: otherOrgUserEmail, name: null },
        ],
      })
      .create();
    const notices = await noticesOf(meeting.id);
    const to = (email: string) => notices.find((n) => n.recipient.toLowerCase() === email.toLowerCase())!;
    const english = to(englishUserEmail);
    expect(english).toMatchObject({
      kind: 'invitation',
      language: 'en',
      subject: 'Invitation: Staff',
      body: 'Staff\nTuesday 6 July 2027, from 12:00 to 13:00\nSalle de réunion\n\nAgenda:\n1. Plannings',
    });
    expect(parseIcs(english.attachments[0]!.content).event.description).toBe('Agenda:\n1. Plannings');
    for (const email of ['a@example.fr', otherOrgUserEmail]) {
      const french = to(email);
      expect(french).toMatchObject({
        kind: 'invitation',
        language: 'fr',
        subject: 'Invitation : Staff',
        body: 'Staff\nmardi 6 juillet 2027, de 12:00 à 13:00\nSalle de réunion\n\nOrdre du jour :\n1. Plannings',
      });
      expect(parseIcs(french.attachments[0]!.content).event.description).toBe(
        'Ordre du jour :\n1. Plannings',
      );
    }
  });

  it('writes the update, the withdrawal and the cancellation in the attendee’s language', async () => {
    const meeting = await aMeeting()
      .on('2027-07-07', '10:00', '11:00')
      .with({
        title: 'Staff',
        attendees: [
          { email: englishUserEmail, name: 'Dr English' },
          { email: 'a@example.fr', name: 'Dr A' },
        ],
      })
      .create();
    await deliver(meeting.id);
    const moved = await call(
      'PUT',
      `/api/agenda/meetings/${meeting.id}`,
      organizer,
      edit(meeting, { start: '2027-07-07T14:00:00Z', end: '2027-07-07T15:00:00Z' }),
    );
    expect(moved.statusCode).toBe(200);
    const updates = (await noticesOf(meeting.id)).filter((n) => n.kind === 'invitation_update');
    expect(updates.map((n) => [n.recipient, n.language, n.subject, n.body.split('\n')[1]]).sort()).toEqual([
      [englishUserEmail, 'en', 'Updated: Staff', 'Wednesday 7 July 2027, from 16:00 to 17:00'],
      ['a@example.fr', 'fr', 'Modification : Staff', 'mercredi 7 juillet 2027, de 16:00 à 17:00'],
    ]);
    await deliver(meeting.id);
    const cancelled = await call('POST', `/api/agenda/meetings/${meeting.id}/cancel`, organizer, {
      reason: 'Speaker ill',
      version: 1,
    });
    expect(cancelled.statusCode).toBe(200);
    const cancellations = (await noticesOf(meeting.id)).filter((n) => n.kind === 'cancellation');
    expect(cancellations.map((n) => [n.recipient, n.language, n.subject]).sort()).toEqual([
      [englishUserEmail, 'en', 'Cancelled: Staff'],
      ['a@example.fr', 'fr', 'Annulation : Staff'],
    ]);
    const english = cancellations.find((n) => n.language === 'en')!;
    expect(english.body.startsWith('This meeting is cancelled.\nReason: Speaker ill\n\nStaff\n')).toBe(true);
    const french = cancellations.find((n) => n.language === 'fr')!;
    expect(french.body.startsWith('Cette réunion est annulée.\nMotif : Speaker ill\n\nStaff\n')).toBe(true);
  });

  it('tells a removed English-speaking user in English', async () => {
    const meeting = await aMeeting()
      .on('2027-07-08', '10:00', '11:00')
      .with({
        title: 'Staff',
        attendees: [{ email: englishUserEmail, name: null }, { email: 'a@example.fr' }],
      })
      .create();
    await deliver(meeting.id);
    const response = await call(
      'PUT',
      `/api/agenda/meetings/${meeting.id}`,
      organizer,
      edit(meeting, { attendees: [{ email: 'a@example.fr', name: null }] }),
    );
    expect(response.statusCode).toBe(200);
    const [withdrawn] = (await noticesOf(meeting.id)).filter((n) => n.kind === 'invitation_withdrawn');
    expect(withdrawn).toMatchObject({
      recipient: englishUserEmail,
      language: 'en',
      subject: 'Cancelled: Staff',
    });
    expect(withdrawn!.body.startsWith('You are no longer invited to this meeting.\n\nStaff\n')).toBe(true);
  });
});

describe('invitations still waiting in the outbox', () => {
  const statuses = async (meetingId: string) =>
    (await noticesOf(meetingId)).map((n) => ({
      recipient: n.recipient,
      kind: n.kind,
      status: n.status,
      sequence: parseIcs(n.attachments[0]!.content).sequence,
    }));

  it('withdraws a pending invitation when the meeting is edited, leaves a sent one, and sends the new version to both', async () => {
    const meeting = await aMeeting().on('2027-07-12', '10:00', '11:00').create();
    await deliver(meeting.id, 'a@example.fr');
    const sentBefore = (await noticesOf(meeting.id)).find((n) => n.recipient === 'a@example.fr')!;
    const response = await call(
      'PUT',
      `/api/agenda/meetings/${meeting.id}`,
      organizer,
      edit(meeting, { start: '2027-07-12T12:00:00Z', end: '2027-07-12T13:00:00Z' }),
    );
    expect(response.statusCode).toBe(200);
    expect(await statuses(meeting.id)).toEqual([
      { recipient: 'a@example.fr', kind: 'invitation', status: 'sent', sequence: 0 },
      { recipient: 'b@example.fr', kind: 'invitation', status: 'cancelled', sequence: 0 },
      { recipient: 'a@example.fr', kind: 'invitation_update', status: 'pending', sequence: 1 },
      { recipient: 'b@example.fr', kind: 'invitation', status: 'pending', sequence: 1 },
    ]);
    const sentAfter = (await noticesOf(meeting.id)).find((n) => n.id === sentBefore.id)!;
    expect(sentAfter.sent_at).toEqual(sentBefore.sent_at);
    // b never received the first version: the one pending is this edit's, as their invitation.
    const pendingToB = (await noticesOf(meeting.id)).filter(
      (n) => n.recipient === 'b@example.fr' && n.status === 'pending',
    );
    expect(pendingToB).toHaveLength(1);
    expect(pendingToB[0]!.subject).toBe('Invitation : Staff du lundi');
    expect(parseIcs(pendingToB[0]!.attachments[0]!.content).event.startDate.toJSDate().toISOString()).toBe(
      '2027-07-12T12:00:00.000Z',
    );
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select('details')
      .where('entity_id', '=', meeting.id)
      .where('action', '=', 'update')
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ noticesWithdrawn: 1 });
  });

  it('withdraws the pending update of a first edit on a second edit, so only the latest version goes out', async () => {
    const meeting = await aMeeting().on('2027-07-13', '10:00', '11:00').create();
    await deliver(meeting.id);
    const first = await call(
      'PUT',
      `/api/agenda/meetings/${meeting.id}`,
      organizer,
      edit(meeting, { title: 'Un' }),
    );
    expect(first.statusCode).toBe(200);
    const second = await call(
      'PUT',
      `/api/agenda/meetings/${meeting.id}`,
      organizer,
      edit(first.json(), { title: 'Deux' }),
    );
    expect(second.statusCode).toBe(200);
    const notices = await noticesOf(meeting.id);
    expect(notices.filter((n) => n.status === 'sent').map((n) => n.kind)).toEqual([
      'invitation',
      'invitation',
    ]);
    const firstEdit = notices.filter((n) => n.subject === 'Modification : Un');
    expect(firstEdit.map((n) => n.status)).toEqual(['cancelled', 'cancelled']);
    const pending = notices.filter((n) => n.status === 'pending');
    expect(pending.map((n) => [n.recipient, n.kind, n.subject]).sort()).toEqual([
      ['a@example.fr', 'invitation_update', 'Modification : Deux'],
      ['b@example.fr', 'invitation_update', 'Modification : Deux'],
    ]);
    for (const n of pending) expect(parseIcs(n.attachments[0]!.content).sequence).toBe(2);
  });

  it('sends nothing to an attendee removed while their invitation was still pending', async () => {
    const meeting = await aMeeting().on('2027-07-14', '10:00', '11:00').create();
    const response = await call(
      'PUT',
      `/api/agenda/meetings/${meeting.id}`,
      organizer,
      edit(meeting, { attendees: [{ email: 'a@example.fr', name: 'Dr A' }] }),
    );
    expect(response.statusCode).toBe(200);
    const toB = (await noticesOf(meeting.id)).filter((n) => n.recipient === 'b@example.fr');
    expect(toB.map((n) => [n.kind, n.status])).toEqual([['invitation', 'cancelled']]);
    const toA = (await noticesOf(meeting.id)).filter((n) => n.recipient === 'a@example.fr');
    expect(toA.map((n) => [n.kind, n.status])).toEqual([
      ['invitation', 'cancelled'],
      ['invitation', 'pending'],
    ]);
  });

  it('keeps the pending CANCEL of an attendee removed earlier when the meeting is edited again', async () => {
    const meeting = await aMeeting().on('2027-07-15', '10:00', '11:00').create();
    await deliver(meeting.id);
    const removing = await call(
      'PUT',
      `/api/agenda/meetings/${meeting.id}`,
      organizer,
      edit(meeting, { attendees: [{ email: 'a@example.fr', name: 'Dr A' }] }),
    );
    expect(removing.statusCode).toBe(200);
    const again = await call(
      'PUT',
      `/api/agenda/meetings/${meeting.id}`,
      organizer,
      edit(removing.json(), { title: 'Renommé' }),
    );
    expect(again.statusCode).toBe(200);
    const toB = (await noticesOf(meeting.id)).filter((n) => n.recipient === 'b@example.fr');
    expect(toB.map((n) => [n.kind, n.status])).toEqual([
      ['invitation', 'sent'],
      ['invitation_withdrawn', 'pending'],
    ]);
  });

  it('withdraws pending invitations on cancellation and sends the cancellation only to those who were invited', async () => {
    const meeting = await aMeeting().on('2027-07-16', '10:00', '11:00').create();
    await deliver(meeting.id, 'a@example.fr');
    const response = await call('POST', `/api/agenda/meetings/${meeting.id}/cancel`, organizer, {
      reason: 'Reportée',
      version: 0,
    });
    expect(response.statusCode).toBe(200);
    const notices = await noticesOf(meeting.id);
    expect(notices.map((n) => [n.recipient, n.kind, n.status])).toEqual([
      ['a@example.fr', 'invitation', 'sent'],
      ['b@example.fr', 'invitation', 'cancelled'],
      ['a@example.fr', 'cancellation', 'pending'],
    ]);
    expect(parseIcs(notices[2]!.attachments[0]!.content)).toMatchObject({ method: 'CANCEL', sequence: 1 });
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select('details')
      .where('entity_id', '=', meeting.id)
      .where('action', '=', 'cancel')
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ attendees: 2, noticesWithdrawn: 1 });
  });

  it('sends no cancellation at all when no invitation had gone out yet', async () => {
    const meeting = await aMeeting().on('2027-07-19', '10:00', '11:00').create();
    const response = await call('POST', `/api/agenda/meetings/${meeting.id}/cancel`, organizer, {
      reason: 'Erreur de saisie',
      version: 0,
    });
    expect(response.statusCode).toBe(200);
    expect((await noticesOf(meeting.id)).map((n) => [n.kind, n.status])).toEqual([
      ['invitation', 'cancelled'],
      ['invitation', 'cancelled'],
    ]);
  });
});
