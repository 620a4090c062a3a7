import { richTextDoc } from '@pivot/core/documents';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticRpps } from '../demo/seed.ts';
import { caller } from '../testing/call-as.ts';
import { aPatient } from '../testing/patient-builder.ts';
import { anOrganization, createTestApp, loginAs, type TestApp } from '../testing/test-app.ts';

let t: TestApp;
let secretary: string;
let doctor: string;
let otherSecretary: string;
let doctorId: string;
let patientId: string;
let colleagues: { id: string }[];
let insurer: { id: string };
let careList: string;
let mixedList: string;
let emptyList: string;
let foreignList: string;

const call = caller(() => t.app);

const aColleague = (familyName: string) => ({
  kind: 'practitioner',
  familyName,
  givenName: 'Anne',
  rpps: '10000000017',
  specialty: 'Cardiologie',
  address: { line1: '4 avenue Foch', postalCode: '75016', city: 'Paris' },
  secureEmail: `${familyName.toLowerCase()}@medecin.mssante.fr`,
});

async function created(cookie: string, url: string, payload: unknown) {
  const response = await call('POST', url, cookie, payload);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

/** A validated prescription for the patient, ready to send. */
async function validatedDocument(text = 'Ordonnance pour {{patient.fullName}}.') {
  const template = await created(secretary, '/api/document-templates', {
    name: 'Ordonnance',
    kind: 'prescription',
    language: 'fr',
    content: richTextDoc(text),
  });
  const { id } = await created(secretary, '/api/documents', {
    kind: 'prescription',
    patientId,
    practitionerId: doctorId,
    templateId: template.id,
    documentDate: '2026-03-02',
  });
  const act = async (cookie: string, body: Record<string, unknown>) => {
    const doc = (await call('GET', `/api/documents/${id}`, cookie)).json();
    const response = await call('POST', `/api/documents/${id}/actions`, cookie, {
      version: doc.current.version,
      ...body,
    });
    expect(response.statusCode, response.body).toBe(200);
  };
  const doc = (await call('GET', `/api/documents/${id}`, secretary)).json();
  await act(secretary, {
    kind: 'edit',
    content: doc.current.content,
    details: {
      items: [{ product: 'Metformine', dosage: '1000 mg', posology: '1 matin et soir', duration: '3 mois' }],
    },
  });
  await act(secretary, { kind: 'submit' });
  await act(doctor, { kind: 'validate' });
  return { id, version: (await call('GET', `/api/documents/${id}`, secretary)).json().current.version };
}

beforeAll(async () => {
  t = await createTestApp({ outboxIntervalMs: 0 });
  const org = await anOrganization('Cabinet des Listes')
    .withUser('secretary')
    .withUser('practitioner')
    .create(t.db);
  const other = await anOrganization('Autre cabinet').withUser('secretary').create(t.db);
  await t.db.kysely
    .updateTable('organizations')
    .set({
      address: JSON.stringify({ line1: '3 rue des Lilas', postalCode: '75019', city: 'Paris' }),
      phone: '+33142000000',
    })
    .where('id', '=', org.id)
    .execute();
  doctorId = org.byRole('practitioner').id;
  await t.db.kysely
    .updateTable('users')
    .set({ display_name: 'Dr Paul Durand', rpps: syntheticRpps(3), specialty: 'Médecine générale' })
    .where('id', '=', doctorId)
    .execute();
  secretary = await loginAs(t.app, org.byRole('secretary').email);
  doctor = await loginAs(t.app, org.byRole('practitioner').email);
  otherSecretary = await loginAs(t.app, other.byRole('secretary').email);
  patientId = await aPatient()
    .named('LISTE', 'MARIE')
    .bornOn('1960-05-05')
    .sex('F')
    .register(t.app, secretary);
  colleagues = [
    await created(secretary, '/api/directory/correspondents', aColleague('Moreau')),
    await created(secretary, '/api/directory/correspondents', aColleague('Bernard')),
  ];
  insurer = await created(secretary, '/api/directory/correspondents', {
    kind: 'body',
    bodyType: 'cpam',
    name: 'CPAM de Paris',
    address: { line1: '21 rue Georges Auric', postalCode: '75019', city: 'Paris' },
  });
  const list = (cookie: string, name: string, memberIds: string[]) =>
    created(cookie, '/api/directory/lists', { name, memberIds }).then((l) => l.id as string);
  careList = await list(
    secretary,
    'Équipe de soins',
    colleagues.map((c) => c.id),
  );
  mixedList = await list(secretary, 'Dossier ALD', [colleagues[0]!.id, insurer.id]);
  emptyList = await list(secretary, 'Liste vide', []);
  foreignList = await list(otherSecretary, 'Liste d’un autre cabinet', []);
});
afterAll(() => t.close());

const sendingsOf = async (id: string) =>
  (
    (await call('GET', `/api/documents/${id}/sendings`, secretary)).json() as {
      recipientName: string;
      recipientAddress: string | null;
      recipientCategory: string;
    }[]
  )
    .map((s) => [s.recipientName, s.recipientAddress, s.recipientCategory])
    .sort();

describe('sending to a distribution list', () => {
  it('sends to each member of the list, with the address the directory holds for the channel', async () => {
    const { id, version } = await validatedDocument();
    const response = await call('POST', `/api/documents/${id}/sendings`, secretary, {
      version,
      channel: 'secure_messaging',
      distributionListIds: [careList],
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().sendings).toHaveLength(2);
    expect(await sendingsOf(id)).toEqual([
      ['BERNARD Anne', 'bernard@medecin.mssante.fr', 'health_professional'],
      ['MOREAU Anne', 'moreau@medecin.mssante.fr', 'health_professional'],
    ]);
    const timeline = (
      await call('GET', `/api/patients/${patientId}/timeline?kind=document_sent`, secretary)
    ).json();
    expect(timeline.filter((i: { data: { documentId: string } }) => i.data.documentId === id)).toHaveLength(
      2,
    );
  });

  it('sends once to a correspondent chosen by hand and also in the list', async () => {
    const { id, version } = await validatedDocument();
    const response = await call('POST', `/api/documents/${id}/sendings`, secretary, {
      version,
      channel: 'post',
      recipients: [
        { category: 'health_professional', correspondentId: colleagues[0]!.id, name: 'MOREAU Anne' },
        { category: 'patient', name: 'Mme LISTE' },
      ],
      distributionListIds: [careList, careList],
      // The patient receives her own prescription: the drug name is confirmed for her.
      confirmedTerms: ['Metformine'],
    });
    expect(response.statusCode, response.body).toBe(201);
    expect((await sendingsOf(id)).map(([name]) => name)).toEqual([
      'BERNARD Anne',
      'MOREAU Anne',
      'Mme LISTE',
    ]);
    const register = (await call('GET', '/api/mail/outgoing', secretary)).json();
    expect(register.filter((m: { documentId: string }) => m.documentId === id)).toHaveLength(3);
  });

  it('checks the confidentiality for an insurer in the list, and refuses sending until confirmed', async () => {
    const { id, version } = await validatedDocument('Suivi du diabète de {{patient.fullName}}.');
    const check = await call('POST', `/api/documents/${id}/confidentiality-check`, secretary, {
      distributionListIds: [mixedList],
    });
    expect(check.statusCode, check.body).toBe(200);
    expect(check.json().results.map((r: { category: string }) => r.category)).toEqual([
      'health_professional',
      'insurer',
    ]);
    expect(check.json().results.map((r: { needsConfirmation: boolean }) => r.needsConfirmation)).toEqual([
      false,
      true,
    ]);
    const refused = await call('POST', `/api/documents/${id}/sendings`, secretary, {
      version,
      channel: 'post',
      distributionListIds: [mixedList],
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({
      code: 'confidential_terms_unconfirmed',
      field: 'recipients.1',
    });
    expect(await sendingsOf(id)).toEqual([]);
  });

  it('refuses an unknown list, naming its position (a malformed id as id_invalid)', async () => {
    const { id, version } = await validatedDocument();
    for (const [listId, code] of [
      ['5f0c6d1e-8a4b-4c39-9d7e-1b2c3d4e5f60', 'distribution_list_unknown'],
      ['pas-une-liste', 'id_invalid'],
    ]) {
      const response = await call('POST', `/api/documents/${id}/sendings`, secretary, {
        version,
        channel: 'post',
        distributionListIds: [careList, listId],
      });
      expect(response.statusCode).toBe(422);
      expect(response.json().error).toMatchObject({ code, field: 'distributionListIds.1' });
    }
    expect(await sendingsOf(id)).toEqual([]);
    expect((await call('GET', `/api/documents/${id}`, secretary)).json().current.status).toBe('validated');
  });

  it('refuses the list of another organisation as unknown', async () => {
    const { id, version } = await validatedDocument();
    const response = await call('POST', `/api/documents/${id}/sendings`, secretary, {
      version,
      channel: 'post',
      distributionListIds: [foreignList],
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toMatchObject({
      code: 'distribution_list_unknown',
      field: 'distributionListIds.0',
    });
  });

  it('refuses an empty list with a message naming it', async () => {
    const { id, version } = await validatedDocument();
    const response = await call('POST', `/api/documents/${id}/sendings`, secretary, {
      version,
      channel: 'post',
      distributionListIds: [emptyList],
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toMatchObject({
      code: 'distribution_list_empty',
      field: 'distributionListIds.0',
    });
    expect(response.json().error.message).toContain('Liste vide');
    const check = await call('POST', `/api/documents/${id}/confidentiality-check`, secretary, {
      distributionListIds: [emptyList],
    });
    expect(check.json().error.code).toBe('distribution_list_empty');
  });

  it('refuses a sending with neither recipient nor list', async () => {
    const { id, version } = await validatedDocument();
    const response = await call('POST', `/api/documents/${id}/sendings`, secretary, {
      version,
      channel: 'post',
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toMatchObject({ code: 'recipients_missing', field: 'recipients' });
  });
});
