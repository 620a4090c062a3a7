import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { namesPatient } from '../audit/index.ts';
import { caller } from '../testing/call-as.ts';
import { minimalPdf, multipart } from '../testing/multipart.ts';
import { aPatient } from '../testing/patient-builder.ts';
import { anOrganization, createTestApp, loginAs, type TestApp } from '../testing/test-app.ts';

let t: TestApp;
let secretary: string;
let doctor: string;
let doctorId: string;
let patientId: string;
let accountant: string;

const call = caller(() => t.app);

const uploadScan = (id: string, file: { name: string; content: Buffer; type: string }) => {
  const body = multipart({}, file);
  return t.app.inject({
    method: 'POST',
    url: `/api/mail/incoming/${id}/scan`,
    headers: { cookie: secretary, ...body.headers },
    payload: body.payload,
  });
};

async function register(extra: Record<string, unknown> = {}) {
  const response = await call('POST', '/api/mail/incoming', secretary, {
    receivedOn: '2026-03-02',
    sender: { kind: 'free_text', name: 'Laboratoire Biolab' },
    kind: 'lab_result',
    subject: 'Bilan sanguin',
    ...extra,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

beforeAll(async () => {
  t = await createTestApp({ outboxIntervalMs: 0 });
  const org = await anOrganization()
    .withUser('secretary')
    .withUser('practitioner')
    .withUser('accountant')
    .create(t.db);
  accountant = await loginAs(t.app, org.byRole('accountant').email);
  secretary = await loginAs(t.app, org.byRole('secretary').email);
  doctor = await loginAs(t.app, org.byRole('practitioner').email);
  doctorId = org.byRole('practitioner').id;
  patientId = await aPatient().named('COURRIER', 'ANNE').bornOn('1975-04-04').register(t.app, secretary);
});
afterAll(() => t.close());

describe('incoming mail', () => {
  it('refuses a due date before the reception date, naming the field', async () => {
    const response = await call('POST', '/api/mail/incoming', secretary, {
      receivedOn: '2026-03-02',
      sender: { kind: 'free_text', name: 'X' },
      kind: 'letter',
      dueDate: '2026-03-01',
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.field).toBe('dueDate');
  });

  it('refuses a scan that is not what its name says', async () => {
    const mail = await register();
    const response = await uploadScan(mail.id, {
      name: 'scan.pdf',
      content: Buffer.from('not a pdf'),
      type: 'application/pdf',
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().error.code).toBe('file_type_mismatch');
  });

  it('assigns to a practitioner whose tray counts it, overdue first', async () => {
    const late = await register({ dueDate: '2026-03-03' });
    const later = await register({ dueDate: '2099-01-01' });
    for (const mail of [late, later]) {
      const assigned = await call('PATCH', `/api/mail/incoming/${mail.id}`, secretary, {
        version: mail.version,
        assigneeId: doctorId,
      });
      expect(assigned.statusCode, assigned.body).toBe(200);
    }
    const tray = (await call('GET', '/api/mail/tray', doctor)).json();
    expect(tray.counter).toMatchObject({ open: 2, toProcess: 2, overdue: 1 });
    expect(tray.items.map((m: { id: string }) => m.id)).toEqual([late.id, later.id]);
  });

  it('follows the status transitions and refuses a jump', async () => {
    const mail = await register();
    const archived = await call('PATCH', `/api/mail/incoming/${mail.id}`, secretary, {
      version: mail.version,
      status: 'archived',
    });
    expect(archived.statusCode).toBe(409);
    expect(archived.json().error.code).toBe('mail_transition_not_allowed');
    const inProgress = await call('PATCH', `/api/mail/incoming/${mail.id}`, secretary, {
      version: mail.version,
      status: 'in_progress',
    });
    expect(inProgress.json().status).toBe('in_progress');
    const annotated = await call('POST', `/api/mail/incoming/${mail.id}/annotations`, doctor, {
      text: 'Rappeler la patiente',
    });
    expect(annotated.statusCode).toBe(201);
    expect(annotated.json().annotations[0].text).toBe('Rappeler la patiente');
    const stale = await call('PATCH', `/api/mail/incoming/${mail.id}`, secretary, {
      version: mail.version,
      status: 'done',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('stale_version');
  });

  it('files the scan into the patient record in one action', async () => {
    const mail = await register();
    const scanned = await uploadScan(mail.id, {
      name: 'bilan.pdf',
      content: minimalPdf,
      type: 'application/pdf',
    });
    expect(scanned.statusCode, scanned.body).toBe(200);
    const filed = await call('POST', `/api/mail/incoming/${mail.id}/file-into-record`, secretary, {
      version: scanned.json().version,
      patientId,
      classificationCode: 'biology',
    });
    expect(filed.statusCode, filed.body).toBe(200);
    expect(filed.json()).toMatchObject({ status: 'done', patientId });
    expect(filed.json().filedAttachmentId).toBeTruthy();
    const timeline = (
      await call('GET', `/api/patients/${patientId}/timeline?kind=attachment`, secretary)
    ).json();
    expect(timeline[0]).toMatchObject({
      title: 'Bilan sanguin',
      classification: 'biology',
      media_type: 'application/pdf',
    });
    const again = await call('POST', `/api/mail/incoming/${mail.id}/file-into-record`, secretary, {
      version: filed.json().version,
      patientId,
      classificationCode: 'biology',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('mail_already_filed');
  });
});

describe('the register shows the linked patient, and traces it', () => {
  const readsOf = (id: string) =>
    t.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'entity', 'user_id', 'details'])
      .where(namesPatient(id))
      .where('entity', '=', 'mail_register')
      .execute();

  it('lists the patient’s name and birth date on each row linked to a patient', async () => {
    const other = await aPatient().named('REGISTRE', 'PAUL').bornOn('1990-12-01').register(t.app, secretary);
    const linked = await register({ patientId: other, subject: 'Compte rendu' });
    const unlinked = await register({ subject: 'Publicité' });
    const list = (await call('GET', '/api/mail/incoming', secretary)).json();
    const row = list.find((m: { id: string }) => m.id === linked.id);
    expect(row.patient).toEqual({
      id: other,
      birthName: 'REGISTRE',
      usedName: '',
      firstGivenName: 'PAUL',
      birthDate: '1990-12-01',
    });
    expect(list.find((m: { id: string }) => m.id === unlinked.id).patient).toBeNull();
  });

  it('writes one read entry per patient listed, in that patient’s access log', async () => {
    const a = await aPatient().named('TRACE', 'ALICE').bornOn('1981-01-01').register(t.app, secretary);
    const b = await aPatient().named('TRACE', 'BRUNO').bornOn('1982-02-02').register(t.app, secretary);
    await register({ patientId: a });
    await register({ patientId: a });
    await register({ patientId: b });
    const response = await call('GET', '/api/mail/incoming', doctor);
    expect(response.statusCode).toBe(200);
    const ofA = await readsOf(a);
    const ofB = await readsOf(b);
    expect(ofA.map((e) => [e.action, e.details])).toEqual([['read', { register: 'incoming' }]]);
    expect(ofB).toHaveLength(1);
    expect(ofA[0]!.user_id).toBe(doctorId);
    // The patient's own access log lists the register read.
    const log = (await call('GET', `/api/patients/${a}/access-log`, doctor)).json();
    expect(JSON.stringify(log)).toContain('mail_register');
  });

  it('shows the patient in the practitioner’s tray and in the outgoing register, traced too', async () => {
    const p = await aPatient().named('PLATEAU', 'CLAIRE').bornOn('1970-07-07').register(t.app, secretary);
    const mail = await register({ patientId: p });
    const assigned = await call('PATCH', `/api/mail/incoming/${mail.id}`, secretary, {
      version: mail.version,
      assigneeId: doctorId,
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    const tray = (await call('GET', '/api/mail/tray', doctor)).json();
    expect(tray.items.find((m: { id: string }) => m.id === mail.id).patient).toMatchObject({
      birthName: 'PLATEAU',
      birthDate: '1970-07-07',
    });
    const sent = await call('POST', '/api/mail/outgoing', secretary, {
      recipient: { kind: 'free_text', name: 'Dr Martin' },
      channel: 'post',
      patientId: p,
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const outgoing = (await call('GET', '/api/mail/outgoing', secretary)).json();
    expect(outgoing.find((m: { id: string }) => m.id === sent.json().id).patient).toMatchObject({
      firstGivenName: 'CLAIRE',
    });
    expect((await readsOf(p)).map((e) => (e.details as { register: string }).register).sort()).toEqual([
      'outgoing',
      'tray',
    ]);
  });

  it('refuses the register to a user without the mail permission, and traces no read', async () => {
    const p = await aPatient().named('REFUS', 'LEA').bornOn('1999-09-09').register(t.app, secretary);
    await register({ patientId: p });
    expect((await t.app.inject({ method: 'GET', url: '/api/mail/incoming' })).statusCode).toBe(401);
    const denied = await call('GET', '/api/mail/incoming', accountant);
    expect(denied.statusCode).toBe(403);
    expect(await readsOf(p)).toEqual([]);
  });
});

describe('outgoing mail', () => {
  it('registers a registered letter and needs its tracking number to mark it sent', async () => {
    const created = await call('POST', '/api/mail/outgoing', secretary, {
      recipient: { kind: 'free_text', name: 'CPAM de Paris' },
      channel: 'registered_post',
      subject: 'Contestation',
    });
    expect(created.statusCode, created.body).toBe(201);
    const mail = created.json();
    const refused = await call('POST', `/api/mail/outgoing/${mail.id}/status`, secretary, {
      version: mail.version,
      status: 'sent',
      on: '2026-03-04',
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.field).toBe('trackingNumber');
    const sent = await call('POST', `/api/mail/outgoing/${mail.id}/status`, secretary, {
      version: mail.version,
      status: 'sent',
      on: '2026-03-04',
      trackingNumber: '1A23456789012',
    });
    expect(sent.json()).toMatchObject({
      status: 'sent',
      sentOn: '2026-03-04',
      trackingNumber: '1A23456789012',
    });
    const list = (await call('GET', '/api/mail/outgoing', doctor)).json();
    expect(list.some((m: { id: string }) => m.id === mail.id)).toBe(true);
  });
});
