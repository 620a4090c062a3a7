import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticRpps } from '../demo/seed.ts';
import { caller } from '../testing/call-as.ts';
import { aPatient } from '../testing/patient-builder.ts';
import { anOrganization, createTestApp, loginAs, type TestApp } from '../testing/test-app.ts';
import { medicalTermIndexStarted, warmMedicalTermIndex } from './medical-reference.ts';

let t: TestApp;
let secretary: string;
let doctorId: string;
let patientId: string;
const call = caller(() => t.app);

const text = (value: string) => ({ type: 'text', text: value });
const certificateTemplate = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [text('Certificat médical')] },
    {
      type: 'paragraph',
      content: [
        text('Je soussigné(e) certifie avoir examiné '),
        { type: 'mergeField', attrs: { field: 'patient.fullName' } },
        text(', né(e) le {{patient.birthDate}}, poids : {{patient.weight}}.'),
      ],
    },
    { type: 'paragraph', content: [text('Certificat établi à la demande de l’intéressé(e).')] },
  ],
};

beforeAll(async () => {
  t = await createTestApp({ outboxIntervalMs: 0 });
  const org = await anOrganization('Cabinet des Tilleuls')
    .withUser('secretary')
    .withUser('practitioner')
    .create(t.db);
  doctorId = org.byRole('practitioner').id;
  await t.db.kysely
    .updateTable('users')
    .set({ display_name: 'Dr Anne Morel', rpps: syntheticRpps(3), specialty: 'Médecine générale' })
    .where('id', '=', doctorId)
    .execute();
  secretary = await loginAs(t.app, org.byRole('secretary').email);
  patientId = await aPatient()
    .named('BERNARD', 'LUCIE')
    .bornOn('1990-04-12')
    .sex('F')
    .register(t.app, secretary);
});
afterAll(() => t.close());

async function certificateWith(written: string) {
  const template = await call('POST', '/api/document-templates', secretary, {
    name: 'Certificat',
    kind: 'certificate',
    language: 'fr',
    content: certificateTemplate,
  });
  expect(template.statusCode, template.body).toBe(201);
  const created = await call('POST', '/api/documents', secretary, {
    kind: 'certificate',
    patientId,
    practitionerId: doctorId,
    templateId: template.json().id,
    documentDate: '2026-03-02',
  });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  const current = (await call('GET', `/api/documents/${id}`, secretary)).json().current;
  const edited = await call('POST', `/api/documents/${id}/actions`, secretary, {
    kind: 'edit',
    version: current.version,
    content: {
      ...current.content,
      content: [...current.content.content, { type: 'paragraph', content: [text(written)] }],
    },
    details: { certificate: { examinationDate: '2026-03-02', observations: 'Examen sans particularité.' } },
  });
  expect(edited.statusCode, edited.body).toBe(200);
  return id;
}

describe('the confidentiality check of a document made from a template', () => {
  it('flags the medical sentence written about the patient, not the template’s heading and fixed text', async () => {
    const id = await certificateWith('Elle est suivie pour un diabète de type 2 traité par metformine.');
    const check = await call('POST', `/api/documents/${id}/confidentiality-check`, secretary, {
      recipients: [{ category: 'employer' }],
    });
    expect(check.statusCode, check.body).toBe(200);
    const { text: checked, results } = check.json();
    const flagged = results[0].spans.map((s: { start: number; end: number }) =>
      checked.slice(s.start, s.end),
    );
    expect(flagged).toEqual(['diabète', 'metformine']);
    // The template's and Pivot's own words are in the text, and not flagged.
    for (const word of ['Certificat médical', 'demande', 'Constatations', 'poids', '[à compléter : Poids]'])
      expect(checked).toContain(word);
  });

  it('sends once the flagged terms are confirmed: the guard leaves the template’s words out too', async () => {
    const id = await certificateWith('Arrêt de travail pour une hypertension essentielle.');
    const check = (
      await call('POST', `/api/documents/${id}/confidentiality-check`, secretary, {
        recipients: [{ category: 'employer' }],
      })
    ).json();
    const terms = check.results[0].spans.map((s: { start: number; end: number }) =>
      check.text.slice(s.start, s.end),
    );
    expect(terms).toEqual(['hypertension essentielle']);
    const version = (await call('GET', `/api/documents/${id}`, secretary)).json().current.version;
    const recipients = [{ category: 'employer', name: 'Société Martin' }];
    const refused = await call('POST', `/api/documents/${id}/sendings`, secretary, {
      version,
      channel: 'print',
      recipients,
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details.spans).toHaveLength(1);
  });
});

describe('the reference index of the confidentiality check', () => {
  it('is built when the server starts listening, in a worker, before any check', async () => {
    const app = await createTestApp({ outboxIntervalMs: 0 });
    try {
      await app.app.listen({ port: 0, host: '127.0.0.1' });
      expect(medicalTermIndexStarted()).toBe(true);
      const index = await warmMedicalTermIndex();
      expect(index.size).toBeGreaterThan(10_000);
      expect(index.byFirstKey.get('metformine')?.[0]?.source).toBe('drug');
      // Words CIM-10 labels do not use are part of it.
      expect(index.byFirstKey.has('cancer')).toBe(true);
    } finally {
      await app.close();
    }
  });
});
