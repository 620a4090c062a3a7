import { richTextDoc } from '@pivot/core/documents';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller } from '../testing/call-as.ts';
import { aPatient } from '../testing/patient-builder.ts';
import { anOrganization, createTestApp, loginAs, type TestApp } from '../testing/test-app.ts';

let t: TestApp;
let secretary: string;
let otherSecretary: string;
let documentId: string;
let otherDocumentId: string;

const call = caller(() => t.app);

const flagged = async (text: string, extra: Record<string, unknown> = {}, cookie = secretary) => {
  const response = await call('POST', '/api/spell-check', cookie, { text, ...extra });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().misspellings.map((m: { word: string }) => m.word);
};

const correspondent = (cookie: string, payload: Record<string, unknown>) =>
  call('POST', '/api/directory/correspondents', cookie, {
    address: { line1: '1 rue de Brest', postalCode: '29000', city: 'Quimper' },
    ...payload,
  }).then((r) => expect(r.statusCode, r.body).toBe(201));

async function aDocument(cookie: string, patientId: string) {
  const response = await call('POST', '/api/documents', cookie, {
    kind: 'letter_to_patient',
    patientId,
    documentDate: '2026-03-02',
    content: richTextDoc('Madame,'),
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as string;
}

beforeAll(async () => {
  t = await createTestApp({ outboxIntervalMs: 0 });
  const org = await anOrganization('Cabinet de Quimper')
    .withUser('secretary')
    .withUser('practitioner')
    .create(t.db);
  const other = await anOrganization('Cabinet de Brest').withUser('secretary').create(t.db);
  await t.db.kysely
    .updateTable('users')
    .set({ display_name: 'Dr Paul Zanetti' })
    .where('id', '=', org.byRole('practitioner').id)
    .execute();
  secretary = await loginAs(t.app, org.byRole('secretary').email);
  otherSecretary = await loginAs(t.app, other.byRole('secretary').email);
  const patientId = await aPatient()
    .named('KERBRAT', 'YANNICK')
    .bornOn('1971-03-03')
    .register(t.app, secretary);
  documentId = await aDocument(secretary, patientId);
  const otherPatient = await aPatient()
    .named('CADIOU', 'LOIC')
    .bornOn('1980-01-01')
    .register(t.app, otherSecretary);
  otherDocumentId = await aDocument(otherSecretary, otherPatient);
  await correspondent(secretary, {
    kind: 'practitioner',
    familyName: 'Pouliquen',
    givenName: 'Gwenola',
    rpps: '10000000017',
  });
  await correspondent(secretary, { kind: 'body', bodyType: 'clinic', name: 'Clinique Saint-Quéméneur' });
  await correspondent(otherSecretary, {
    kind: 'practitioner',
    familyName: 'Lagadec',
    givenName: 'Anne',
    rpps: '10000000017',
  });
});
afterAll(() => t.close());

const letter =
  'Mme Kerbrat, vue par le Dr Zanetti, adressée par le Dr Pouliquen de la clinique Saint-Quéméneur. Une fautte.';

describe('proper names in the spell-check', () => {
  it('knows the patient of the document, the practitioners and the correspondents of the directory', async () => {
    expect(await flagged(letter, { documentId })).toEqual(['fautte']);
  }, 60_000);

  it('knows the patient only through the document the text belongs to', async () => {
    expect(await flagged(letter)).toEqual(['Kerbrat', 'fautte']);
  }, 60_000);

  it('still flags a name written in lower case and the names of another organisation’s directory', async () => {
    expect(await flagged('le docteur pouliquen et le Dr Lagadec', { documentId })).toEqual([
      'pouliquen',
      'Lagadec',
    ]);
  }, 60_000);

  it('leaves surnames in capitals alone, known or not', async () => {
    expect(await flagged('M. LAGADEC et Mme KERBRAT-CADIOU.')).toEqual([]);
  }, 60_000);

  it('refuses a document of another organisation or unknown, naming the field', async () => {
    for (const id of [otherDocumentId, '5f0c6d1e-8a4b-4c39-9d7e-1b2c3d4e5f60']) {
      const response = await call('POST', '/api/spell-check', secretary, { text: letter, documentId: id });
      expect(response.statusCode).toBe(404);
      expect(response.json().error).toMatchObject({ code: 'not_found', field: 'documentId' });
    }
    const malformed = await call('POST', '/api/spell-check', secretary, { text: letter, documentId: 'x' });
    expect(malformed.statusCode).toBe(422);
    expect(malformed.json().error.field).toBe('documentId');
  }, 60_000);
});
