import type { AddressInfo } from 'node:net';
import { toParisLocal } from '@pivot/core/agenda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller } from '../testing/call-as.ts';
import { aPatient } from '../testing/patient-builder.ts';
import { anOrganization, createTestApp, loginAs, type TestApp } from '../testing/test-app.ts';

let t: TestApp;
let org: Awaited<ReturnType<ReturnType<typeof anOrganization>['create']>>;
let secretary: string;
let practitioner: string;
let accountant: string;
let otherOrg: string;
let practitionerId: string;
let accountantId: string;
let typeId: string;
let siteId: string;
let durand: string;
let petit: string;

const call = caller(() => t.app);

/** An appointment today starting `minutes` from now (inserted directly: the booking rules are the agenda's). */
/**
 * The desk and the boards show today in Paris: in the last hour before midnight there, the tests'
 * appointments are placed an hour earlier, so that none falls on tomorrow (their order is kept).
 */
function todayBase() {
  const now = Date.now();
  return toParisLocal(now).date === toParisLocal(now + 3_600_000).date ? now : now - 3_600_000;
}

async function appointmentToday(patientId: string, minutes = 0, status = 'booked') {
  const start = todayBase() + minutes * 60_000;
  const row = await t.db.kysely
    .insertInto('appointments')
    .values({
      organization_id: org.id,
      patient_id: patientId,
      practitioner_id: practitionerId,
      appointment_type_id: typeId,
      site_id: siteId,
      starts_at: new Date(start),
      ends_at: new Date(start + 20 * 60_000),
      status,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function arrive(appointmentId: string, cookie = secretary) {
  const version = (
    await t.db.kysely
      .selectFrom('appointments')
      .select('version')
      .where('id', '=', appointmentId)
      .executeTakeFirstOrThrow()
  ).version;
  return call('POST', '/api/reception/arrivals', cookie, { appointmentId, version });
}

beforeAll(async () => {
  t = await createTestApp();
  org = await anOrganization('Cabinet A')
    .withUser('secretary')
    .withUser('practitioner')
    .withUser('accountant')
    .create(t.db);
  const other = await anOrganization('Cabinet B').withUser('secretary').create(t.db);
  secretary = await loginAs(t.app, org.byRole('secretary').email);
  practitioner = await loginAs(t.app, org.byRole('practitioner').email);
  accountant = await loginAs(t.app, org.byRole('accountant').email);
  otherOrg = await loginAs(t.app, other.byRole('secretary').email);
  practitionerId = org.byRole('practitioner').id;
  accountantId = org.byRole('accountant').id;
  siteId = (
    await t.db.kysely
      .insertInto('sites')
      .values({ organization_id: org.id, name: 'Site principal', address: '{}', opening_hours: '{}' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  typeId = (
    await t.db.kysely
      .insertInto('appointment_types')
      .values({
        organization_id: org.id,
        label: JSON.stringify({ fr: 'Consultation anesthésie', en: 'Anaesthesia consultation' }),
        duration_minutes: 20,
        colour: '#3366cc',
        eligible_practitioner_ids: [practitionerId],
        room_kind: null,
        equipment_kinds: [],
        preparation_instructions: JSON.stringify({ fr: '', en: '' }),
        documents_to_bring: '[]',
        new_patients_allowed: true,
        bookable_online: false,
        urgent_same_day_only: false,
        active: true,
        completeness_code: 'anesthesia',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  await t.db.kysely
    .insertInto('completeness_requirements')
    .values({
      organization_id: org.id,
      appointment_type_code: 'anesthesia',
      classification: 'biology',
      label_fr: 'Bilan sanguin de moins de 30 jours',
      label_en: 'Blood test less than 30 days old',
      max_age_days: 30,
    })
    .execute();
  durand = await aPatient().named('DURAND', 'PAUL').register(t.app, secretary);
  petit = await aPatient()
    .named('PETIT', 'LUCIE')
    .bornOn('1990-01-02')
    .with({ email: 'lucie.petit@example.fr' })
    .register(t.app, secretary);
});
afterAll(() => t.close());

describe("today's desk", () => {
  it('lists the day in time order with what to check at arrival, for this organization only', async () => {
    const later = await appointmentToday(petit, 1);
    const now = await appointmentToday(durand, 0);
    const response = await call('GET', `/api/reception/desk?siteId=${siteId}`, secretary);
    expect(response.statusCode).toBe(200);
    const ids = response.json().appointments.map((a: { appointmentId: string }) => a.appointmentId);
    expect(ids.indexOf(now)).toBeLessThan(ids.indexOf(later));
    const row = response.json().appointments.find((a: { appointmentId: string }) => a.appointmentId === now);
    expect(row).toMatchObject({
      patientName: 'DURAND PAUL',
      status: 'booked',
      identityToCheck: true,
      noMandatoryCoverage: true,
      missingDocuments: ['biology'],
      visit: null,
    });
    expect(response.json().requirementLabels.biology.fr).toBe('Bilan sanguin de moins de 30 jours');
    expect(response.json().practitioners[row.practitionerId]).toBeTruthy();
    expect(response.json().appointmentTypes[row.appointmentTypeId].fr).toBe('Consultation anesthésie');
    const elsewhere = await call('GET', '/api/reception/desk', otherOrg);
    expect(elsewhere.json().appointments).toEqual([]);
  });

  it('is closed to the accountant and traced in the audit log', async () => {
    expect((await call('GET', '/api/reception/desk', accountant)).statusCode).toBe(403);
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('organization_id', '=', org.id)
      .where('entity', '=', 'reception_desk')
      .execute();
    expect(audit.length).toBeGreaterThan(0);
  });
});

describe('arrivals and the waiting room', () => {
  it('marks arrived once: the appointment moves, a ticket is given, a second desk gets 409', async () => {
    const id = await appointmentToday(durand, 5);
    const [a, b] = await Promise.all([arrive(id), arrive(id)]);
    const statuses = [a.statusCode, b.statusCode].sort();
    expect(statuses).toEqual([201, 409]);
    const refused = a.statusCode === 409 ? a : b;
    expect(['already_arrived', 'stale_version', 'already_in_status']).toContain(refused.json().error.code);
    const visit = (a.statusCode === 201 ? a : b).json();
    expect(visit).toMatchObject({ stage: 'waiting', patientName: 'DURAND PAUL', appointmentId: id });
    expect(visit.ticket).toBeGreaterThan(0);
    const appointment = await t.db.kysely
      .selectFrom('appointments')
      .select('status')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(appointment.status).toBe('arrived');
    const again = await arrive(id);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('already_arrived');
  });

  it('refuses to mark arrived a cancelled appointment, with a clear message', async () => {
    const id = await appointmentToday(petit, 10, 'cancelled');
    const response = await arrive(id);
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('appointment_cancelled');
    expect(response.json().error.message).toMatch(/annulé/);
  });

  it('moves a visit waiting → in consultation → seen, in step with the appointment, into the billing queue', async () => {
    const id = await appointmentToday(petit, 15);
    const visit = (await arrive(id)).json();
    const skip = await call('POST', `/api/reception/visits/${visit.id}/stage`, secretary, {
      to: 'seen',
      version: visit.version,
    });
    expect(skip.statusCode).toBe(409);
    expect(skip.json().error).toMatchObject({ code: 'invalid_transition', field: 'stage' });
    const called = await call('POST', `/api/reception/visits/${visit.id}/stage`, practitioner, {
      to: 'in_consultation',
      version: visit.version,
      roomLabel: 'Cabinet 2',
    });
    expect(called.statusCode).toBe(200);
    expect(called.json()).toMatchObject({ stage: 'in_consultation', roomLabel: 'Cabinet 2' });
    const stale = await call('POST', `/api/reception/visits/${visit.id}/stage`, secretary, {
      to: 'seen',
      version: visit.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('stale_version');
    const seen = await call('POST', `/api/reception/visits/${visit.id}/stage`, practitioner, {
      to: 'seen',
      version: called.json().version,
    });
    expect(seen.json().stage).toBe('seen');
    const appointment = await t.db.kysely
      .selectFrom('appointments')
      .select('status')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(appointment.status).toBe('seen');
    const board = (await call('GET', '/api/reception/waiting-room', secretary)).json();
    expect(board.billingQueue).toContain(visit.id);
    const stat = board.stats.find((s: { practitionerId: string }) => s.practitionerId === practitionerId);
    expect(stat.called).toBeGreaterThan(0);

    // Billing the visit takes it out of the queue.
    await t.db.kysely
      .insertInto('visits')
      .values({
        organization_id: org.id,
        patient_id: petit,
        practitioner_id: practitionerId,
        appointment_id: id,
        visit_date: board.date,
        sector: '1',
        care_pathway: 'in',
        fee_cents: 3000,
        split: '{}',
      })
      .execute();
    const after = (await call('GET', '/api/reception/waiting-room', secretary)).json();
    expect(after.billingQueue).not.toContain(visit.id);
    expect(after.visits.find((v: { id: string }) => v.id === visit.id).stage).toBe('billed');
  });

  it('lets a patient leave without being seen: the appointment is cancelled with the reason', async () => {
    const id = await appointmentToday(durand, 20);
    const visit = (await arrive(id)).json();
    const left = await call('POST', `/api/reception/visits/${visit.id}/stage`, secretary, {
      to: 'left',
      version: visit.version,
      reason: 'Parti après 1 h d’attente',
    });
    expect(left.json().stage).toBe('left');
    const event = await t.db.kysely
      .selectFrom('appointment_status_events')
      .select(['to_status', 'reason'])
      .where('appointment_id', '=', id)
      .orderBy('at', 'desc')
      .executeTakeFirstOrThrow();
    expect(event).toEqual({ to_status: 'cancelled', reason: 'Parti après 1 h d’attente' });
  });

  it('adds a walk-in with the next ticket, shown on the desk and the board', async () => {
    const before = (await call('GET', '/api/reception/waiting-room', secretary)).json();
    const maxTicket = Math.max(0, ...before.visits.map((v: { ticket: number }) => v.ticket));
    const response = await call('POST', '/api/reception/walk-ins', secretary, {
      patientId: petit,
      practitionerId,
      reason: 'Renouvellement',
      urgency: 'soon',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ ticket: maxTicket + 1, stage: 'waiting', appointmentId: null });
    const desk = (await call('GET', '/api/reception/desk', secretary)).json();
    expect(desk.walkIns.map((w: { id: string }) => w.id)).toContain(response.json().id);
    const unknown = await call('POST', '/api/reception/walk-ins', otherOrg, { patientId: petit });
    expect(unknown.statusCode).toBe(404);

    // Seen, then billed by billing (no appointment: same patient, same day, after being seen).
    const walkIn = response.json();
    const called = await call('POST', `/api/reception/visits/${walkIn.id}/stage`, secretary, {
      to: 'in_consultation',
      version: walkIn.version,
    });
    await call('POST', `/api/reception/visits/${walkIn.id}/stage`, secretary, {
      to: 'seen',
      version: called.json().version,
    });
    const stageOf = async () =>
      (await call('GET', '/api/reception/waiting-room', secretary))
        .json()
        .visits.find((v: { id: string }) => v.id === walkIn.id).stage;
    expect(await stageOf()).toBe('seen');
    await t.db.kysely
      .insertInto('visits')
      .values({
        organization_id: org.id,
        patient_id: petit,
        practitioner_id: practitionerId,
        visit_date: desk.date,
        sector: '1',
        care_pathway: 'in',
        fee_cents: 3000,
        split: '{}',
      })
      .execute();
    expect(await stageOf()).toBe('billed');
  });

  it('pushes every change to open boards, and the public screen shows no names', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const open = async (path: string) => {
      const controller = new AbortController();
      const response = await fetch(`http://127.0.0.1:${port}${path}`, {
        headers: { cookie: secretary },
        signal: controller.signal,
      });
      expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      const boards: unknown[] = [];
      const pump = (async () => {
        for (;;) {
          const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
          if (done) return;
          buffer += decoder.decode(value, { stream: true });
          let end = buffer.indexOf('\n\n');
          while (end >= 0) {
            const frame = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = frame.split('\n').find((l) => l.startsWith('data: '));
            if (frame.includes('event: board') && data) boards.push(JSON.parse(data.slice(6)));
            end = buffer.indexOf('\n\n');
          }
        }
      })();
      const waitFor = async (predicate: (board: never) => boolean) => {
        for (let i = 0; i < 100; i++) {
          const found = boards.find((b) => predicate(b as never));
          if (found) return found;
          await new Promise((r) => setTimeout(r, 20));
        }
        throw new Error('no board matched');
      };
      const close = () => {
        controller.abort();
        return pump;
      };
      return { boards, waitFor, close };
    };
    const desk = await open('/api/reception/waiting-room/stream');
    const screen = await open('/api/reception/waiting-room/display/stream?mode=initials');
    await desk.waitFor(() => true);
    const id = await appointmentToday(durand, 25);
    const visit = (await arrive(id)).json();
    const board = (await desk.waitFor((b: { visits: { id: string }[] }) =>
      b.visits.some((v) => v.id === visit.id),
    )) as { visits: { id: string; patientName: string }[] };
    expect(board.visits.find((v) => v.id === visit.id)!.patientName).toBe('DURAND PAUL');
    const display = (await screen.waitFor((b: { entries: { label: string }[] }) =>
      b.entries.some((e) => e.label === 'P. D.'),
    )) as { entries: unknown[] };
    expect(JSON.stringify(display)).not.toMatch(/DURAND|PETIT|PAUL|LUCIE/);
    await desk.close();
    await screen.close();
  });
});

describe('calls, triage and messages', () => {
  const at = () => new Date().toISOString();

  it('keeps the triage answers with the call and raises its urgency to the result', async () => {
    const response = await call('POST', '/api/reception/calls', secretary, {
      direction: 'in',
      at: at(),
      caller: { kind: 'patient', patientId: durand },
      reasonCategory: 'urgent',
      urgency: 'soon',
      outcome: 'oriented',
      note: 'Orienté vers le 15',
      triage: { protocolId: 'chest_pain', answers: { pain_type: 'crushing' } },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      urgency: 'vital',
      triage: {
        protocolId: 'chest_pain',
        level: 'vital',
        path: 'call_samu_15',
        answers: { pain_type: 'crushing' },
      },
    });
    const log = (await call('GET', '/api/reception/calls', secretary)).json();
    expect(log.calls[0]).toMatchObject({
      caller: { kind: 'patient', name: 'DURAND PAUL' },
      urgency: 'vital',
    });
    expect(log.summary.urgentOrVital).toBeGreaterThan(0);
  });

  it('names the field of bad input: a phone number that is not one, a transfer to nobody', async () => {
    const bad = await call('POST', '/api/reception/calls', secretary, {
      direction: 'in',
      at: at(),
      caller: { kind: 'free_text', name: 'Laboratoire', phone: '06 12' },
      reasonCategory: 'result',
      outcome: 'oriented',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error).toMatchObject({ code: 'invalid_phone', field: 'caller.phone' });
    const transfer = await call('POST', '/api/reception/calls', secretary, {
      direction: 'in',
      at: at(),
      caller: { kind: 'free_text', name: 'Laboratoire', phone: null },
      reasonCategory: 'result',
      outcome: 'transferred',
    });
    expect(transfer.statusCode).toBe(422);
    expect(transfer.json().error.field).toBe('transferredTo');
    const unknownAnswer = await call('POST', '/api/reception/triage/evaluate', secretary, {
      protocolId: 'chest_pain',
      answers: { pain_type: 'banana' },
    });
    expect(unknownAnswer.statusCode).toBe(422);
    expect(unknownAnswer.json().error).toMatchObject({ code: 'triage_unknown_answer', field: 'pain_type' });
  });

  it('takes a message with its call in one transaction, or nothing when the recipient is missing', async () => {
    const base = {
      direction: 'in',
      at: at(),
      caller: { kind: 'free_text', name: 'Mme Roux', phone: '+44 20 7946 0958' },
      reasonCategory: 'result',
      outcome: 'message_taken',
    };
    const before = await t.db.kysely.selectFrom('call_log').select('id').execute();
    const noRecipient = await call('POST', '/api/reception/calls', secretary, {
      ...base,
      message: { recipientId: '', content: 'Rappeler pour résultats' },
    });
    expect(noRecipient.statusCode).toBe(422);
    expect(noRecipient.json().error.code).toBe('recipient_required');
    expect(noRecipient.json().error.message).toMatch(/destinataire/);
    expect(await t.db.kysely.selectFrom('call_log').select('id').execute()).toHaveLength(before.length);
    const ok = await call('POST', '/api/reception/calls', secretary, {
      ...base,
      message: {
        recipientId: practitionerId,
        content: 'Rappeler pour résultats',
        callbackNumber: '06 12 34 56 78',
        urgency: 'urgent',
      },
    });
    expect(ok.statusCode).toBe(201);
    const mine = (await call('GET', '/api/reception/messages/mine', practitioner)).json();
    const message = mine.find((m: { id: string }) => m.id === ok.json().messageId);
    expect(message).toMatchObject({
      callerName: 'Mme Roux',
      callbackNumber: '+33612345678',
      status: 'unread',
      callLogId: ok.json().id,
    });
  });

  it('counts unread and overdue messages for their recipient, who marks them done', async () => {
    const past = new Date(Date.now() - 3_600_000).toISOString();
    const taken = await call('POST', '/api/reception/messages', secretary, {
      recipientId: accountantId,
      callerName: 'Mutuelle Harmonie',
      callbackNumber: '01 40 00 00 00',
      content: 'Question sur un remboursement',
      dueAt: past,
    });
    expect(taken.statusCode).toBe(201);
    expect(taken.json().overdue).toBe(true);
    const counters = (await call('GET', '/api/reception/messages/mine/counters', accountant)).json();
    expect(counters).toMatchObject({ unread: 1, open: 1, overdue: 1 });
    // The accountant has no desk access but receives messages; a colleague's message stays theirs.
    expect((await call('GET', '/api/reception/messages', accountant)).statusCode).toBe(403);
    const someoneElses = (await call('GET', '/api/reception/messages/mine', practitioner)).json()[0];
    const refused = await call('POST', `/api/reception/messages/${someoneElses.id}/status`, accountant, {
      status: 'done',
      version: someoneElses.version,
    });
    expect(refused.statusCode).toBe(403);
    const done = await call('POST', `/api/reception/messages/${taken.json().id}/status`, accountant, {
      status: 'done',
      version: taken.json().version,
    });
    expect(done.json()).toMatchObject({ status: 'done', overdue: false });
    const back = await call('POST', `/api/reception/messages/${taken.json().id}/status`, accountant, {
      status: 'read',
      version: done.json().version,
    });
    expect(back.statusCode).toBe(409);
    expect((await call('GET', '/api/reception/messages/mine/counters', accountant)).json().open).toBe(0);
  });

  it('refuses a message with no recipient or a callback number that is not a phone number', async () => {
    const none = await call('POST', '/api/reception/messages', secretary, {
      callerName: 'M. Blanc',
      content: 'Rappeler',
    });
    expect(none.statusCode).toBe(422);
    expect(none.json().error).toMatchObject({ code: 'recipient_required', field: 'recipientId' });
    const badNumber = await call('POST', '/api/reception/messages', secretary, {
      recipientId: practitionerId,
      callerName: 'M. Blanc',
      content: 'Rappeler',
      callbackNumber: '12345',
    });
    expect(badNumber.statusCode).toBe(422);
    expect(badNumber.json().error).toMatchObject({ code: 'invalid_phone', field: 'callbackNumber' });
  });

  it('ships the default protocols, editable by a practitioner and not by a secretary', async () => {
    const list = (await call('GET', '/api/reception/triage-protocols', secretary)).json();
    const chest = list.find((p: { id: string }) => p.id === 'chest_pain');
    expect(chest.title.fr).toBe('Douleur thoracique');
    const { active: _a, version, updatedAt: _u, ...protocol } = chest;
    const edited = { ...protocol, baseline: { level: 'urgent', path: 'same_day' } };
    const body = { protocol: edited, active: true, version };
    expect(
      (await call('PUT', '/api/reception/triage-protocols/chest_pain', secretary, body)).statusCode,
    ).toBe(403);
    const ok = await call('PUT', '/api/reception/triage-protocols/chest_pain', practitioner, body);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().version).toBe(version + 1);
    const stale = await call('PUT', '/api/reception/triage-protocols/chest_pain', practitioner, body);
    expect(stale.json().error.code).toBe('stale_version');
    const mismatch = await call('PUT', '/api/reception/triage-protocols/chest_pain', practitioner, {
      ...body,
      version: version + 1,
      protocol: { ...edited, baseline: { level: 'urgent', path: 'call_samu_15' } },
    });
    expect(mismatch.statusCode).toBe(422);
    expect(mismatch.json().error.code).toBe('triage_path_level_mismatch');
  });
});

describe('incidents and information sheets', () => {
  it('keeps an incident open until the mandatory steps of its procedure are ticked', async () => {
    const procedures = (await call('GET', '/api/reception/incident-procedures', secretary)).json();
    const aggression = procedures.find((p: { kind: string }) => p.kind === 'aggression');
    const mandatory = aggression.steps
      .filter((s: { mandatory: boolean }) => s.mandatory)
      .map((s: { id: string }) => s.id);
    const body = {
      kind: 'aggression',
      occurredAt: new Date().toISOString(),
      description: 'Patient agressif verbalement à l’accueil',
      patientIds: [durand],
      completedStepIds: ['protect'],
    };
    const created = await call('POST', '/api/reception/incidents', secretary, body);
    expect(created.statusCode).toBe(201);
    expect(created.json().status).toBe('open');
    expect(created.json().missingSteps.length).toBeGreaterThan(0);
    const early = await call('PUT', `/api/reception/incidents/${created.json().id}`, secretary, {
      ...body,
      version: created.json().version,
      close: true,
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('incident_steps_missing');
    const closed = await call('PUT', `/api/reception/incidents/${created.json().id}`, secretary, {
      ...body,
      completedStepIds: mandatory,
      declaredToOnvs: true,
      version: created.json().version,
      close: true,
    });
    expect(closed.json()).toMatchObject({ status: 'closed', missingSteps: [], declaredToOnvs: true });
    const unknownStep = await call('POST', '/api/reception/incidents', secretary, {
      ...body,
      completedStepIds: ['dance'],
    });
    expect(unknownStep.statusCode).toBe(422);
    expect(unknownStep.json().error.field).toBe('completedStepIds');
  });

  it('prints a sheet as PDF and e-mails it through the outbox, traced on the record', async () => {
    const created = await call('POST', '/api/reception/information-sheets', secretary, {
      category: 'exam_preparation',
      title: { fr: 'Préparation à la prise de sang', en: 'Preparing for a blood test' },
      body: { fr: 'Venez à jeun depuis 12 heures.', en: 'Do not eat for 12 hours before.' },
    });
    expect(created.statusCode).toBe(201);
    const pdf = await call(
      'GET',
      `/api/reception/information-sheets/${created.json().id}/pdf?language=en`,
      secretary,
    );
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const noEmail = await call(
      'POST',
      `/api/reception/information-sheets/${created.json().id}/send`,
      secretary,
      {
        patientId: durand,
      },
    );
    expect(noEmail.statusCode).toBe(409);
    expect(noEmail.json().error).toMatchObject({ code: 'patient_email_missing', field: 'email' });
    const sent = await call(
      'POST',
      `/api/reception/information-sheets/${created.json().id}/send`,
      secretary,
      {
        patientId: petit,
        language: 'en',
      },
    );
    expect(sent.statusCode).toBe(202);
    const outbox = await t.db.kysely
      .selectFrom('outbox_messages')
      .select(['recipient', 'subject', 'status'])
      .where('id', '=', sent.json().outboxId)
      .executeTakeFirstOrThrow();
    expect(outbox).toEqual({
      recipient: 'lucie.petit@example.fr',
      subject: 'Preparing for a blood test',
      status: 'pending',
    });
  });
});
