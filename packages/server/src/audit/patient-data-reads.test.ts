import { can, type Permission } from '@pivot/core/auth';
import { parisToday } from '@pivot/core/calendar';
import { richTextDoc } from '@pivot/core/documents';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { seedAgenda } from '../agenda/index.ts';
import { buildApp } from '../app.ts';
import { demoAccounts, demoPassword } from '../demo/demo-accounts.ts';
import { seedDemo } from '../demo/seed.ts';
import { emptyPatient, insertPatientRows } from '../patients/index.ts';
import { caller } from '../testing/call-as.ts';
import { multipart } from '../testing/multipart.ts';
import { aPatient } from '../testing/patient-builder.ts';
import { createTestApp, loginAs, type TestApp } from '../testing/test-app.ts';
import { namesPatient } from './repository.ts';

/**
 * Every read of patient data leaves an entry in the audit log naming the patient, in the read's
 * transaction (CSP L1110-4 and HDS: who accessed which record, when). This walks every GET route
 * of the OpenAPI document, and the POST routes that only read, against one practice where a
 * patient with rare identity values has data in each capability. Whenever an answer shows that
 * identity (name, NIR, birth date) or the patient's id, or the request names the patient or one of
 * their records, the request must have written an audit row naming the patient. A new route is
 * walked as soon as it is declared; one whose parameters cannot be filled fails until listed below.
 */

/** Routes not walked, each with its reason: a visible decision, not an omission. */
const notWalked: Record<string, string> = {
  'GET /api/reception/waiting-room/stream':
    'an event stream (SSE) never ends under inject: read over a socket by its own test below',
  'GET /api/reception/waiting-room/display/stream':
    'an event stream (SSE) for the waiting-room screen: tickets or initials, never an identity',
};

/**
 * Routes whose answer may carry the patient's id, never their identity, without an audit entry
 * naming them: pseudonymous keys, reached from an identity only through an audited read.
 */
const idWithoutIdentity: Record<string, string> = {
  'GET /api/audit': 'the audit log itself: who read which patient, by id',
  'GET /api/billing/reports/ageing': 'receivables totalled by debtor id for the accountant',
  'GET /api/accounting/journal': 'auxiliary account numbers of the bookkeeping entries',
  'GET /api/accounting/fec': 'auxiliary account numbers of the legal FEC export (CompAuxNum)',
};

/** Routes that read with a body (a `*.read` permission) and return no patient data, with why. */
const bodyReadsWithoutPatientData: Record<string, string> = {
  'POST /api/agenda/slots': 'free slots of practitioners, rooms and equipment',
  'POST /api/spell-check': 'the words flagged in the text sent',
  'POST /api/spell-check/suggestions': 'spelling suggestions for one word',
};

/** POST routes that only read, with the body that makes them answer about the patient. */
const postReads = (ids: Ids): Record<string, unknown> => ({
  '/api/patients/search': { q: rareName },
  '/api/patients/duplicates': {
    birthName: rareName,
    birthGivenNames: ['ISOLINE'],
    birthDate: rareBirthDate,
    sex: 'F',
  },
  '/api/billing/visits/preview': {
    patientId: ids.patientId,
    practitionerId: ids.practitionerId,
    date: ids.today,
    acts: [{ code: 'G' }],
  },
  '/api/billing/visits/quote': {
    patientId: ids.patientId,
    practitionerId: ids.practitionerId,
    date: ids.today,
    acts: [{ code: 'G' }],
  },
  '/api/documents/:id/confidentiality-check': { recipients: [{ category: 'insurer' }] },
});

const rareName = 'KERVADOUGUE';
const rareBirthDate = '1931-02-27';
const rareNir = '231027505612317';

interface Ids {
  patientId: string;
  practitionerId: string;
  today: string;
  /** The patient's id and the ids of their records: a request naming one reads their data. */
  ofThePatient: string[];
  /** The value of a path parameter, by the collection it follows ("invoices" for /invoices/:id). */
  byCollection: Record<string, string>;
}

let t: TestApp;
let ids: Ids;
const cookies = new Map<string, string>();

const call = caller(() => t.app);

async function created(method: 'POST' | 'PATCH', url: string, cookie: string, payload?: unknown) {
  const response = await call(method, url, cookie, payload);
  if (response.statusCode >= 300)
    throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
  return response.json();
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

beforeAll(async () => {
  t = await createTestApp();
  // The demo practice (accounts, site, rooms, directory, templates) without its population...
  const { organizationId } = await seedDemo(t.db, { patients: 0 });
  for (const account of demoAccounts) {
    if (!cookies.has(account.role))
      cookies.set(account.role, await loginAs(t.app, account.email, demoPassword));
  }
  const secretary = cookies.get('secretary')!;
  const doctor = cookies.get('practitioner')!;
  const admin = cookies.get('admin')!;
  const today = parisToday();
  // ...then one patient whose identity no other text can contain, and the demo agenda around them.
  const patientId = await aPatient()
    .named(rareName, 'ISOLINE')
    .bornOn(rareBirthDate)
    .sex('F')
    .with({
      nir: rareNir,
      birthPlaceCode: '75056',
      email: 'isoline@example.fr',
      phones: [{ kind: 'mobile', number: '06 11 22 33 44' }],
    })
    .register(t.app, secretary);
  await seedAgenda(t.db, organizationId);
  // A record typed with a letter dropped, for the duplicates worklist.
  await insertPatientRows(t.db, organizationId, [
    emptyPatient({
      birthName: 'KERVADOUGE',
      birthGivenNames: ['ISOLINE'],
      birthDate: rareBirthDate,
      sex: 'F',
    }),
  ]);
  const practitionerId = (
    await t.db.kysely
      .selectFrom('users')
      .select('id')
      .where('email', '=', demoAccounts.find((a) => a.role === 'practitioner')!.email)
      .executeTakeFirstOrThrow()
  ).id;
  const appointment = await t.db.kysely
    .selectFrom('appointments')
    .select('id')
    .where('patient_id', '=', patientId)
    .orderBy('starts_at')
    .executeTakeFirstOrThrow();

  // Coverage, with an ALD exemption (health data).
  await created('POST', `/api/patients/${patientId}/coverage/mandatory`, secretary, {
    beneficiaryNir: rareNir,
    beneficiaryRank: 1,
    regimeCode: '01',
    caisseCode: '751',
    validFrom: '2020-01-01',
  });
  await created('POST', `/api/patients/${patientId}/coverage/exemption`, secretary, {
    kind: 'ald',
    aldLabel: 'Diabète',
    startDate: '2020-01-01',
  });
  // Identity vigilance, record, attachment.
  await created('POST', `/api/patients/${patientId}/identity`, secretary, {
    kind: 'check_document',
    document: { kind: 'national_id_card' },
  });
  await created('POST', `/api/patients/${patientId}/notes`, doctor, { title: 'Note', body: 'Suivi' });
  const pdf = Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  );
  const upload = multipart(
    { classification: 'biology' },
    { name: 'bilan.pdf', content: pdf, type: 'application/pdf' },
  );
  const attachment = await t.app.inject({
    method: 'POST',
    url: `/api/patients/${patientId}/attachments`,
    headers: { cookie: secretary, ...upload.headers },
    payload: upload.payload,
  });
  if (attachment.statusCode !== 201) throw new Error(attachment.body);
  // Billing: an invoice, a payment, a claim batch, a cash deposit slip.
  const invoice = await created('POST', '/api/billing/visits', secretary, {
    patientId,
    practitionerId,
    date: today,
    acts: [{ code: 'G' }],
    thirdPartyPayment: { amo: true, amc: false },
  });
  await created('POST', '/api/billing/payments', secretary, {
    date: today,
    amountCents: 500,
    method: { kind: 'cash' },
    payer: { kind: 'patient', id: patientId },
  });
  // More than owed: a credit kept for the patient (refund balances), by cheque (deposit slip).
  const cheque = await created('POST', '/api/billing/payments', secretary, {
    date: today,
    amountCents: 9000,
    method: { kind: 'cheque', bank: 'Banque Postale', number: '0001234', drawer: 'KERVADOUGUE' },
    payer: { kind: 'patient', id: patientId },
  });
  await created('POST', '/api/billing/claim-batches', secretary);
  await created('POST', '/api/billing/deposit-slips', secretary, {
    bank: 'Banque Postale',
    iban: 'FR7630006000011234567890189',
    date: today,
    paymentIds: [cheque.id],
  });
  const slip = await created('POST', '/api/billing/deposit-slips/cash', secretary, {
    bank: 'Banque Postale',
    iban: 'FR7630006000011234567890189',
    date: today,
    denominations: { '500': 1 },
  });
  // Documents.
  const document = await created('POST', '/api/documents', secretary, {
    kind: 'letter_to_patient',
    patientId,
    practitionerId,
    documentDate: today,
    content: richTextDoc('Madame,'),
  });
  const act = async (cookie: string, body: Record<string, unknown>) => {
    const current = (await call('GET', `/api/documents/${document.id}`, cookie)).json().current;
    return created('POST', `/api/documents/${document.id}/actions`, cookie, {
      version: current.version,
      ...body,
    });
  };
  await act(secretary, { kind: 'submit' });
  await act(doctor, { kind: 'validate' });
  await created('POST', `/api/documents/${document.id}/sendings`, secretary, {
    version: (await call('GET', `/api/documents/${document.id}`, secretary)).json().current.version,
    channel: 'email',
    recipients: [{ category: 'patient', name: 'Isoline Kervadougue', email: 'isoline@example.fr' }],
  });
  // Mail, in and out.
  const mail = await created('POST', '/api/mail/incoming', secretary, {
    receivedOn: today,
    sender: { kind: 'free_text', name: 'Laboratoire Biolab' },
    kind: 'lab_result',
    subject: 'Bilan sanguin',
    patientId,
    assigneeId: practitionerId,
  });
  const scan = multipart({}, { name: 'scan.pdf', content: pdf, type: 'application/pdf' });
  const scanned = await t.app.inject({
    method: 'POST',
    url: `/api/mail/incoming/${mail.id}/scan`,
    headers: { cookie: secretary, ...scan.headers },
    payload: scan.payload,
  });
  if (scanned.statusCode !== 200) throw new Error(scanned.body);
  await created('POST', '/api/mail/outgoing', secretary, {
    recipient: { kind: 'free_text', name: 'Dr Martin' },
    channel: 'post',
    patientId,
  });
  // Reception: a walk-in, a call from the patient, a message about them; the waitlist.
  await created('POST', '/api/reception/walk-ins', secretary, {
    patientId,
    practitionerId,
    reason: 'Renouvellement',
  });
  const call_ = await created('POST', '/api/reception/calls', secretary, {
    direction: 'in',
    at: new Date().toISOString(),
    caller: { kind: 'patient', patientId },
    reasonCategory: 'appointment',
    outcome: 'appointment_booked',
  });
  await created('POST', '/api/reception/messages', secretary, {
    recipientId: practitionerId,
    callerName: 'La patiente',
    callbackNumber: '0611223344',
    content: 'Rappeler',
    callLogId: call_.id,
  });
  await created('POST', '/api/agenda/waitlist', secretary, {
    patientId,
    appointmentTypeId: (
      await t.db.kysely.selectFrom('appointment_types').select('id').limit(1).executeTakeFirstOrThrow()
    ).id,
  });
  const absence = await created('POST', '/api/agenda/absences', admin, {
    personId: practitionerId,
    kind: 'sickness',
    start: `${addDays(today, 1)}T00:00:00+01:00`,
    end: `${addDays(today, 2)}T00:00:00+01:00`,
  });
  // The practitioner's own feed, with patient names (their choice).
  const feed = await created('POST', '/api/agenda/feeds', doctor, {
    resourceId: practitionerId,
    resourceKind: 'practitioner',
    showPatientNames: true,
  });
  const correspondent = await t.db.kysely
    .selectFrom('correspondents')
    .select('id')
    .where('organization_id', '=', organizationId)
    .limit(1)
    .executeTakeFirstOrThrow();
  const list = await created('POST', '/api/directory/lists', secretary, {
    name: 'Liste',
    memberIds: [correspondent.id],
  });
  const sheet = await t.db.kysely
    .selectFrom('information_sheets')
    .select('id')
    .where('organization_id', '=', organizationId)
    .limit(1)
    .executeTakeFirstOrThrow();

  ids = {
    patientId,
    practitionerId,
    today,
    ofThePatient: [patientId, appointment.id, attachment.json().id, invoice.invoiceId, document.id, mail.id],
    byCollection: {
      patients: patientId,
      appointments: appointment.id,
      absences: absence.absence.id,
      feeds: feed.token,
      attachments: attachment.json().id,
      'cash-days': today,
      'deposit-slips': slip.id,
      invoices: invoice.invoiceId,
      'completeness-requirements': 'anesthesia',
      correspondents: correspondent.id,
      lists: list.id,
      documents: document.id,
      incoming: mail.id,
      practitioners: practitionerId,
      'information-sheets': sheet.id,
    },
  };
}, 120_000);
afterAll(() => t.close());

/** Fills the required query parameters of a route from their name and format. */
function queryFor(
  parameters: { name: string; in: string; required?: boolean; schema?: { format?: string } }[],
) {
  const year = ids.today.slice(0, 4);
  const query = new URLSearchParams();
  for (const p of parameters) {
    if (p.in !== 'query' || !p.required) continue;
    const dateTime = p.schema?.format === 'date-time';
    const value: Record<string, string> = {
      from: dateTime ? `${addDays(ids.today, -8)}T00:00:00Z` : addDays(ids.today, -8),
      to: dateTime ? `${addDays(ids.today, 8)}T00:00:00Z` : addDays(ids.today, 8),
      date: ids.today,
      patientId: ids.patientId,
      practitionerId: ids.practitionerId,
      appointmentType: 'anesthesia',
      year,
      siren: '732829320',
      fiscalYearStart: `${year}-01-01`,
      closingDate: `${year}-12-31`,
    };
    if (!(p.name in value)) throw new Error(`no value for the required query parameter ${p.name}`);
    query.set(p.name, value[p.name]!);
  }
  const text = query.toString();
  return text ? `?${text}` : '';
}

function showsTheIdentity(body: string): string | null {
  const flat = body.replace(/\s/g, '');
  if (body.toUpperCase().includes(rareName)) return 'name';
  if (flat.includes(rareNir)) return 'NIR';
  if (body.includes(rareBirthDate) || body.includes('27/02/1931')) return 'birth date';
  return null;
}

async function lastAuditId(): Promise<number> {
  const { rows } = await sql<{ id: number | null }>`SELECT max(id) AS id FROM audit_log`.execute(t.db.kysely);
  return Number(rows[0]?.id ?? 0);
}

async function auditedSince(id: number): Promise<boolean> {
  const row = await t.db.kysely
    .selectFrom('audit_log')
    .select('id')
    .where('id', '>', id)
    .where(namesPatient(ids.patientId))
    .executeTakeFirst();
  return row !== undefined;
}

function cookieFor(permission: Permission): string {
  const role = (['practitioner', 'admin', 'secretary', 'accountant'] as const).find((r) =>
    can(r, permission),
  );
  if (!role) throw new Error(`no role has ${permission}`);
  return cookies.get(role)!;
}

/**
 * Calls every GET route of the app's OpenAPI document and the POST reads, each as a role allowed
 * to, and reports the ones whose answer concerns the patient but left no audit entry naming them.
 */
async function walkReads(app: FastifyInstance) {
  const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  const permissionOf = new Map(
    app.routeCatalogue.flatMap((r) => r.methods.map((m) => [`${m} ${r.url}`, r.permission as Permission])),
  );
  const problems: string[] = [];
  const fill = (route: string, template: string) =>
    template.replace(/\/([\w-]+)\/:(\w+)/g, (whole, collection: string) => {
      const value = ids.byCollection[collection];
      if (!value) problems.push(`${route}: no value for ${whole}; gather one or list the route in notWalked`);
      return `/${collection}/${value}`;
    });
  const requests: { route: string; method: 'GET' | 'POST'; url: string; payload?: unknown }[] = [];
  for (const [path, operations] of Object.entries<Record<string, { parameters?: [] }>>(doc.paths)) {
    const template = path.replace(/\{(\w+)\}/g, ':$1');
    const route = `GET ${template}`;
    if (!operations.get || notWalked[route]) continue;
    try {
      requests.push({
        route,
        method: 'GET',
        url: fill(route, template) + queryFor(operations.get.parameters ?? []),
      });
    } catch (error) {
      problems.push(`${route}: ${(error as Error).message}`);
    }
  }
  for (const [template, payload] of Object.entries(postReads(ids))) {
    const route = `POST ${template}`;
    requests.push({ route, method: 'POST', url: fill(route, template), payload });
  }
  // Nothing escapes the walk: a GET route missing from the document, or a read with a body
  // (a `*.read` permission) neither walked nor listed, fails here.
  const documented = new Set(requests.map((r) => r.route));
  for (const r of app.routeCatalogue) {
    if (!r.url.startsWith('/api/') || r.url.startsWith('/api/docs') || r.url === '/api/openapi.json')
      continue;
    for (const method of r.methods) {
      const route = `${method} ${r.url}`;
      if (method === 'GET' && !documented.has(route) && !notWalked[route])
        problems.push(`${route} is not in the OpenAPI document`);
      if (
        ['POST', 'PUT', 'PATCH'].includes(method) &&
        r.permission?.endsWith('.read') &&
        !documented.has(route) &&
        !bodyReadsWithoutPatientData[route]
      )
        problems.push(`${route} reads with a body: add it to postReads or bodyReadsWithoutPatientData`);
    }
  }
  if (problems.length) return { problems, checked: [], unaudited: [], failed: [] };

  const checked: string[] = [];
  const unaudited: string[] = [];
  const failed: string[] = [];
  for (const request of requests) {
    const permission = permissionOf.get(request.route);
    if (!permission) throw new Error(`${request.route} is not a declared route`);
    const before = await lastAuditId();
    const response = await app.inject({
      method: request.method,
      url: request.url,
      headers: { cookie: cookieFor(permission) },
      payload: request.payload as Record<string, unknown> | undefined,
    });
    if (response.statusCode >= 400) {
      failed.push(`${request.route} → ${response.statusCode} ${response.body.slice(0, 200)}`);
      continue;
    }
    const request_ = `${request.url} ${JSON.stringify(request.payload ?? {})}`;
    const shown =
      showsTheIdentity(response.body) ??
      (ids.ofThePatient.some((id) => request_.includes(id)) ? 'record named in the request' : null) ??
      (response.body.includes(ids.patientId) && !idWithoutIdentity[request.route] ? 'patient id' : null);
    if (!shown) continue;
    checked.push(`${request.route} (${shown})`);
    if (!(await auditedSince(before))) unaudited.push(`${request.route}: ${shown}`);
  }
  return { problems, checked, unaudited, failed };
}

describe('audit of patient-data reads', () => {
  it('writes an audit entry naming the patient for every read of their identity or their data', async () => {
    const { problems, checked, unaudited, failed } = await walkReads(t.app);
    expect(problems).toEqual([]);
    console.log(
      `Reads showing the patient's identity, checked for an audit entry:\n  ${checked.join('\n  ')}`,
    );
    expect(failed).toEqual([]);
    expect(unaudited).toEqual([]);
    expect(checked.length).toBeGreaterThan(20);
  }, 120_000);

  it('catches a new route that shows a patient without an audit entry', async () => {
    const app = await buildApp({ config: t.config, db: t.db, logger: false });
    app.get(
      '/api/patients/:id/forgotten',
      { config: { permission: 'patients.read' }, schema: { params: z.object({ id: z.uuid() }) } },
      async (request) =>
        t.db.kysely
          .selectFrom('patients')
          .select('birth_name')
          .where('id', '=', (request.params as { id: string }).id)
          .execute(),
    );
    await app.ready();
    try {
      expect((await walkReads(app)).unaudited).toEqual(['GET /api/patients/:id/forgotten: name']);
    } finally {
      await app.close();
    }
  }, 120_000);

  it('traces the patients the staff waiting-room stream shows when they appear on it', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const before = await lastAuditId();
    const controller = new AbortController();
    const response = await fetch(`${address}/api/reception/waiting-room/stream`, {
      headers: { cookie: cookies.get('secretary')! },
      signal: controller.signal,
    });
    const reader = response.body!.getReader();
    let text = '';
    while (!text.includes('event: board')) text += new TextDecoder().decode((await reader.read()).value);
    while (!text.includes('\n\n', text.indexOf('event: board')))
      text += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    expect(showsTheIdentity(text)).toBe('name');
    expect(await auditedSince(before)).toBe(true);
  }, 60_000);
});
