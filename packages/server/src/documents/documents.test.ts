import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { richTextDoc } from '@pivot/core/documents';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticRpps } from '../demo/seed.ts';
import { caller } from '../testing/call-as.ts';
import { readDocx } from '../testing/docx-reader.ts';
import { aPatient } from '../testing/patient-builder.ts';
import { pdfText, readPdf } from '../testing/pdf-reader.ts';
import { anOrganization, createTestApp, loginAs, type TestApp } from '../testing/test-app.ts';

let t: TestApp;
let secretary: string;
let doctor: string;
let doctorId: string;
let patientId: string;
let childId: string;

const prescriptionTemplate = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Ordonnance' }] },
    {
      type: 'paragraph',
      content: [
        {
          type: 'text',
          text: '{{practitioner.fullName}}, {{practitioner.specialty}}, RPPS {{practitioner.rpps}}',
        },
      ],
    },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: '{{patient.civility}} {{patient.fullName}}, ' },
        { type: 'mergeField', attrs: { field: 'patient.age' } },
        { type: 'text', text: ', le {{today}}' },
      ],
    },
    {
      type: 'bulletList',
      content: [
        {
          type: 'listItem',
          content: [
            {
              type: 'paragraph',
              content: [{ type: 'text', text: 'Paracétamol 1 g, 3 fois par jour, 5 jours' }],
            },
          ],
        },
      ],
    },
  ],
};

const items = [
  { product: 'Paracétamol', dosage: '1 g', posology: '1 comprimé 3 fois par jour', duration: '5 jours' },
];

const call = caller(() => t.app);

async function createTemplate(content: unknown = prescriptionTemplate, kind = 'prescription') {
  const response = await call('POST', '/api/document-templates', secretary, {
    name: 'Ordonnance simple',
    kind,
    language: 'fr',
    content,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as string;
}

async function draft(templateId: string, patient = patientId, extra: Record<string, unknown> = {}) {
  const response = await call('POST', '/api/documents', secretary, {
    kind: 'prescription',
    patientId: patient,
    practitionerId: doctorId,
    templateId,
    documentDate: '2026-03-02',
    ...extra,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as string;
}

const getDoc = async (id: string, cookie = secretary) =>
  (await call('GET', `/api/documents/${id}`, cookie)).json();

async function act(id: string, cookie: string, body: Record<string, unknown>) {
  const current = await getDoc(id, cookie);
  return call('POST', `/api/documents/${id}/actions`, cookie, { version: current.current.version, ...body });
}

/** A validated prescription, ready to send; `written`: a paragraph the secretary adds to the template. */
async function validatedPrescription(content?: unknown, written?: string) {
  const id = await draft(await createTemplate(content));
  const filled = (await getDoc(id)).current.content;
  const edit = await act(id, secretary, {
    kind: 'edit',
    content: written
      ? {
          ...filled,
          content: [...filled.content, { type: 'paragraph', content: [{ type: 'text', text: written }] }],
        }
      : filled,
    details: { items },
  });
  expect(edit.statusCode, edit.body).toBe(200);
  expect((await act(id, secretary, { kind: 'submit' })).statusCode).toBe(200);
  const validation = await act(id, doctor, { kind: 'validate' });
  expect(validation.statusCode, validation.body).toBe(200);
  return id;
}

beforeAll(async () => {
  t = await createTestApp({ outboxIntervalMs: 0 });
  const org = await anOrganization('Cabinet des Lilas')
    .withUser('secretary')
    .withUser('practitioner')
    .create(t.db);
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
    .set({ display_name: 'Dr Paul Durand', rpps: syntheticRpps(7), specialty: 'Médecine générale' })
    .where('id', '=', doctorId)
    .execute();
  secretary = await loginAs(t.app, org.byRole('secretary').email);
  doctor = await loginAs(t.app, org.byRole('practitioner').email);
  patientId = await aPatient()
    .named('LEROY', 'CAMILLE')
    .bornOn('1984-06-10')
    .sex('F')
    .register(t.app, secretary);
  childId = await aPatient().named('PETIT', 'LOUIS').bornOn('2022-01-15').sex('M').register(t.app, secretary);
});
afterAll(() => t.close());

describe('templates', () => {
  it('refuses a template with an unknown merge field, naming it', async () => {
    const response = await call('POST', '/api/document-templates', secretary, {
      name: 'Faux',
      kind: 'letter_to_patient',
      language: 'fr',
      content: richTextDoc('Bonjour {{patient.nickname}}'),
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toMatchObject({ code: 'unknown_merge_field', field: 'content' });
    expect(response.json().error.message).toContain('patient.nickname');
  });

  it('lists the merge fields to insert from and keeps the fields a template uses', async () => {
    const fields = (await call('GET', '/api/documents/merge-fields', secretary)).json();
    expect(fields.map((f: { field: string }) => f.field)).toContain('practitioner.rpps');
    const id = await createTemplate();
    const list = (await call('GET', '/api/document-templates?kind=prescription', secretary)).json();
    const template = list.find((x: { id: string }) => x.id === id);
    expect(template.mergeFields).toEqual(
      expect.arrayContaining(['practitioner.rpps', 'patient.fullName', 'patient.age', 'today']),
    );
  });

  it('names the invalid field in French when the body is malformed', async () => {
    const response = await call('POST', '/api/document-templates', secretary, {
      name: 'x',
      kind: 'love_letter',
      language: 'fr',
      content: richTextDoc('x'),
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.field).toBe('kind');
  });
});

describe('documents from a template', () => {
  it('fills the merge fields with the patient, the practitioner, the organisation and the age', async () => {
    const id = await draft(await createTemplate());
    const doc = await getDoc(id);
    const text = JSON.stringify(doc.current.content);
    expect(text).toContain(`Dr Paul Durand, Médecine générale, RPPS ${syntheticRpps(7)}`);
    expect(text).toContain('Madame Camille LEROY');
    expect(text).toContain('41 ans');
    expect(text).toContain('02/03/2026');
    expect(doc.current.status).toBe('draft');
  });

  it('refuses a document for a merged patient', async () => {
    const merged = await aPatient().named('DOUBLON', 'ANNE').bornOn('1990-01-01').register(t.app, secretary);
    await t.db.kysely
      .updateTable('patients')
      .set({ merged_into: patientId })
      .where('id', '=', merged)
      .execute();
    const response = await call('POST', '/api/documents', secretary, {
      kind: 'letter_to_patient',
      patientId: merged,
      documentDate: '2026-03-02',
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('patient_merged');
  });
});

describe('workflow and role rule', () => {
  it('refuses a secretary validating a prescription with 403 and a clear message', async () => {
    const id = await draft(await createTemplate());
    const response = await act(id, secretary, { kind: 'validate' });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('validation_requires_practitioner');
    expect(response.json().error.message).toMatch(/Seul un praticien/);
  });

  it('lists the missing mandatory mentions before validation, then validates once completed', async () => {
    const id = await draft(await createTemplate());
    expect((await getDoc(id, doctor)).missingMentions.map((m: { code: string }) => m.code)).toContain(
      'prescription_items',
    );
    const refused = await act(id, doctor, { kind: 'validate' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('mandatory_mentions_missing');
    expect(refused.json().error.details.missingMentions[0].labels.fr).toBeTruthy();
    await act(id, secretary, {
      kind: 'edit',
      content: (await getDoc(id)).current.content,
      details: { items },
    });
    expect((await getDoc(id, doctor)).missingMentions).toEqual([]);
    const ok = await act(id, doctor, { kind: 'validate' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await getDoc(id)).current.status).toBe('validated');
  });

  it('asks for the weight of a child on a prescription', async () => {
    const id = await draft(await createTemplate(), childId);
    await act(id, secretary, {
      kind: 'edit',
      content: (await getDoc(id)).current.content,
      details: { items },
    });
    const mentions = (await getDoc(id, doctor)).missingMentions.map((m: { code: string }) => m.code);
    expect(mentions).toEqual(['patient_weight']);
  });

  it('never changes a validated version: an edit is refused, a revision supersedes it', async () => {
    const id = await validatedPrescription();
    const edit = await act(id, secretary, { kind: 'edit', content: richTextDoc('changé') });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('document_immutable');
    const before = await getDoc(id);
    const revision = await call('POST', `/api/documents/${id}/revisions`, doctor, {
      version: before.current.version,
      content: richTextDoc('Ordonnance corrigée'),
    });
    expect(revision.statusCode, revision.body).toBe(201);
    const after = await getDoc(id);
    expect(after.versions).toHaveLength(2);
    expect(after.versions[0].supersededBy).toBe(after.versions[1].id);
    expect(after.versions[0].content).toEqual(before.current.content);
    expect(after.current.number).toBe(2);
    expect(after.current.status).toBe('draft');
    // The database refuses too, whatever the code does.
    await expect(
      t.db.kysely
        .updateTable('document_versions')
        .set({ content: JSON.stringify(richTextDoc('falsifié')) })
        .where('id', '=', after.versions[0].id)
        .execute(),
    ).rejects.toThrow(/immutable/);
  });
});

describe('output', () => {
  it('renders an A4 PDF with embedded fonts whose text reads back', async () => {
    const id = await validatedPrescription();
    const response = await call('GET', `/api/documents/${id}/pdf`, secretary);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const { text, pages, fonts } = await readPdf(response.rawPayload);
    expect(text).toContain('Ordonnance');
    expect(text).toContain('Camille LEROY');
    expect(text).toContain('Paracétamol 1 g');
    // The prescription lines are printed after the text, with their posology and duration.
    expect(text).toContain('Paracétamol 1 g — 1 comprimé 3 fois par jour — pendant 5 jours');
    expect(text).toContain('Signé électroniquement');
    expect(pages).toEqual([{ width: 595.28, height: 841.89 }]);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font, font.name).toMatchObject({ embedded: true });
    expect(fonts.map((f) => f.name).join(' ')).toMatch(/Arimo/);
  });

  it('prints the practitioner’s own letterhead and signature once set, the defaults before', async () => {
    const url = `/api/practitioners/${doctorId}/letterhead`;
    const before = (await call('GET', url, secretary)).json();
    expect(before.letterhead).toBe('');
    expect(before.defaults.letterhead).toContain('Cabinet des Lilas');
    expect(before.defaults.letterhead.join('\n')).toMatch(/Dr Paul Durand — Médecine générale\nRPPS \d{11}/);
    const saved = await call('PUT', url, secretary, {
      letterhead: 'Dr Paul Durand\nAncien interne des hôpitaux de Paris\nSur rendez-vous',
      signature: 'Dr P. Durand',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await call('GET', url, secretary)).json().letterhead).toContain('Ancien interne');
    const id = await validatedPrescription();
    const response = await call('GET', `/api/documents/${id}/pdf`, secretary);
    const text = await pdfText(response.rawPayload);
    expect(text).toContain('Ancien interne des hôpitaux de Paris');
    expect(text).toContain('Dr P. Durand');
    await call('PUT', url, secretary, { letterhead: '', signature: '' });
    // Only a practitioner of the organisation has a letterhead.
    const secretaryId = (await call('GET', '/api/auth/me', secretary)).json().id;
    expect((await call('GET', `/api/practitioners/${secretaryId}/letterhead`, secretary)).statusCode).toBe(
      404,
    );
  });

  it('prints a two-zone ALD prescription with each line under its zone', async () => {
    const id = await draft(await createTemplate(prescriptionTemplate, 'prescription_ald'), patientId, {
      kind: 'prescription_ald',
    });
    const aldItems = [
      {
        product: 'Metformine',
        dosage: '1000 mg',
        posology: '1 comprimé matin et soir',
        duration: '3 mois',
        zone: 'ald',
      },
      {
        product: 'Ibuprofène',
        dosage: '400 mg',
        posology: '1 comprimé si douleur',
        duration: '5 jours',
        zone: 'other',
      },
    ];
    const edit = await act(id, secretary, {
      kind: 'edit',
      content: (await getDoc(id)).current.content,
      details: { items: aldItems },
    });
    expect(edit.statusCode, edit.body).toBe(200);
    const response = await call('GET', `/api/documents/${id}/pdf`, secretary);
    const text = (await pdfText(response.rawPayload)).replace(/\s+/g, ' ');
    const upper = text.indexOf('Prescriptions relatives au traitement de l’affection de longue durée');
    const lower = text.indexOf('Prescriptions SANS RAPPORT avec l’affection de longue durée');
    expect(upper).toBeGreaterThan(0);
    expect(lower).toBeGreaterThan(upper);
    expect(text.indexOf('Metformine 1000 mg')).toBeGreaterThan(upper);
    expect(text.indexOf('Metformine 1000 mg')).toBeLessThan(lower);
    expect(text.indexOf('Ibuprofène 400 mg')).toBeGreaterThan(lower);
  });

  it('renders a DOCX whose main part is a Word document holding the printed text', async () => {
    const id = await validatedPrescription();
    const response = await call('GET', `/api/documents/${id}/docx`, secretary);
    expect(response.statusCode).toBe(200);
    const docx = await readDocx(response.rawPayload);
    expect(docx.parts).toEqual(
      expect.arrayContaining(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']),
    );
    expect(docx.mainContentType).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
    );
    expect(docx.text).toContain('Ordonnance');
    expect(docx.text).toContain('Camille LEROY');
    expect(docx.text).toContain('Paracétamol 1 g — 1 comprimé 3 fois par jour — pendant 5 jours');
  });
});

describe('confidentiality and sending', () => {
  let smtp: SMTPServer;
  let refusing: SMTPServer;
  let port: number;
  let refusingPort: number;
  const received: { to: string; raw: string }[] = [];

  const listen = (server: SMTPServer) =>
    new Promise<number>((resolve) => {
      server.listen(0, '127.0.0.1', () => resolve((server.server.address() as { port: number }).port));
    });

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push({
            to: session.envelope.rcptTo.map((r) => r.address).join(','),
            raw: Buffer.concat(chunks).toString(),
          });
          callback();
        });
      },
    });
    refusing = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onRcptTo(_address, _session, callback) {
        const error = new Error('Mailbox unavailable') as Error & { responseCode: number };
        error.responseCode = 550;
        callback(error);
      },
    });
    port = await listen(smtp);
    refusingPort = await listen(refusing);
  });
  afterAll(async () => {
    await new Promise<void>((r) => smtp.close(() => r()));
    await new Promise<void>((r) => refusing.close(() => r()));
  });

  const withSmtp = (p: number) => {
    t.app.config.smtp = { host: '127.0.0.1', port: p, from: 'secretariat@cabinet.test' };
  };

  it('highlights medical terms for a non-health recipient and refuses sending until confirmed', async () => {
    // What the secretary writes is checked; the template's own words are not.
    const id = await validatedPrescription(
      {
        type: 'doc',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'Certificat pour {{patient.fullName}}.' }] },
        ],
      },
      'Suivi pour diabète, traitement par metformine.',
    );
    const check = await call('POST', `/api/documents/${id}/confidentiality-check`, secretary, {
      recipients: [{ category: 'employer' }, { category: 'health_professional' }],
    });
    expect(check.statusCode).toBe(200);
    const [employer, colleague] = check.json().results;
    expect(employer.needsConfirmation).toBe(true);
    const terms = employer.spans.map((s: { start: number; end: number }) =>
      check.json().text.slice(s.start, s.end),
    );
    expect(terms).toEqual(expect.arrayContaining(['diabète', 'metformine']));
    expect(colleague.needsConfirmation).toBe(false);

    const version = (await getDoc(id)).current.version;
    const recipients = [{ category: 'employer', name: 'Société Durand', email: 'rh@durand.test' }];
    const refused = await call('POST', `/api/documents/${id}/sendings`, secretary, {
      version,
      channel: 'print',
      recipients,
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('confidential_terms_unconfirmed');
    const sent = await call('POST', `/api/documents/${id}/sendings`, secretary, {
      version,
      channel: 'print',
      recipients,
      confirmedTerms: terms,
    });
    expect(sent.statusCode, sent.body).toBe(201);
  });

  it('sends by e-mail through SMTP with the PDF and records the sending on the timeline', async () => {
    withSmtp(port);
    const id = await validatedPrescription();
    const version = (await getDoc(id)).current.version;
    const response = await call('POST', `/api/documents/${id}/sendings`, secretary, {
      version,
      channel: 'email',
      recipients: [
        { category: 'health_professional', name: 'Dr Claire Moreau', email: 'claire.moreau@confrere.test' },
      ],
    });
    expect(response.statusCode, response.body).toBe(201);
    const processed = (await call('POST', '/api/outbox/process', secretary)).json();
    expect(processed.sent).toBe(1);
    const mail = received.find((m) => m.to === 'claire.moreau@confrere.test');
    expect(mail?.raw).toContain('Content-Type: application/pdf');
    const sendings = (await call('GET', `/api/documents/${id}/sendings`, secretary)).json();
    expect(sendings[0]).toMatchObject({
      channel: 'email',
      outboxStatus: 'sent',
      attempts: 1,
      lastError: null,
    });
    expect((await getDoc(id)).current.status).toBe('sent');
    const timeline = (
      await call('GET', `/api/patients/${patientId}/timeline?kind=document_sent`, secretary)
    ).json();
    expect(timeline.some((i: { data: { documentId: string } }) => i.data.documentId === id)).toBe(true);
  });

  it('keeps a refused e-mail in the outbox with the SMTP error and retries it', async () => {
    withSmtp(refusingPort);
    const id = await validatedPrescription();
    const version = (await getDoc(id)).current.version;
    await call('POST', `/api/documents/${id}/sendings`, secretary, {
      version,
      channel: 'email',
      recipients: [{ category: 'health_professional', name: 'Dr Inconnu', email: 'nobody@confrere.test' }],
    });
    const processed = (await call('POST', '/api/outbox/process', secretary)).json();
    expect(processed.failed).toBe(1);
    let [sending] = (await call('GET', `/api/documents/${id}/sendings`, secretary)).json();
    expect(sending).toMatchObject({ outboxStatus: 'pending', attempts: 1 });
    expect(sending.lastError).toMatch(/550|Mailbox unavailable/);
    withSmtp(port);
    expect((await call('POST', `/api/outbox/${sending.outboxId}/retry`, secretary)).statusCode).toBe(200);
    await call('POST', '/api/outbox/process', secretary);
    [sending] = (await call('GET', `/api/documents/${id}/sendings`, secretary)).json();
    expect(sending).toMatchObject({ outboxStatus: 'sent', attempts: 2, lastError: null });
  });

  it('hands a secure message to the file outbox when no MSSanté operator is configured', async () => {
    const id = await validatedPrescription();
    const version = (await getDoc(id)).current.version;
    const response = await call('POST', `/api/documents/${id}/sendings`, secretary, {
      version,
      channel: 'secure_messaging',
      recipients: [
        { category: 'health_professional', name: 'Dr Moreau', email: 'claire.moreau@medecin.mssante.fr' },
      ],
    });
    expect(response.statusCode, response.body).toBe(201);
    await call('POST', '/api/outbox/process', secretary);
    const outboxId = response.json().sendings[0].outboxId;
    const message = JSON.parse(
      readFileSync(join(t.config.dataDir, 'secure-messaging-outbox', outboxId, 'message.json'), 'utf8'),
    );
    expect(message.to).toBe('claire.moreau@medecin.mssante.fr');
  });
});

describe('snippets and spell-check', () => {
  it('refuses a snippet shortcut already taken', async () => {
    const first = await call('POST', '/api/snippets', secretary, {
      shortcut: '.cv',
      text: 'Je vous remercie de votre confiance.',
    });
    expect(first.statusCode).toBe(201);
    const second = await call('POST', '/api/snippets', secretary, { shortcut: '.CV', text: 'Autre' });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.field).toBe('shortcut');
  });

  it('answers 404 not_found to the removal of an unknown snippet or of another organization’s', async () => {
    const created = await call('POST', '/api/snippets', secretary, {
      shortcut: '.rdv',
      text: 'Rendez-vous pris.',
    });
    expect(created.statusCode).toBe(201);
    const other = await anOrganization('Cabinet voisin').withUser('secretary').create(t.db);
    const outsider = await loginAs(t.app, other.byRole('secretary').email);
    const remove = (id: string, cookie: string) =>
      t.app.inject({ method: 'DELETE', url: `/api/snippets/${id}`, headers: { cookie } });

    const foreign = await remove(created.json().id, outsider);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe('not_found');
    const unknown = await remove('7c1f4e0e-0a56-4f7e-9d0b-1f2a3b4c5d6e', secretary);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('not_found');
    const kept = (await call('GET', '/api/snippets', secretary)).json();
    expect(kept.map((s: { shortcut: string }) => s.shortcut)).toContain('.rdv');

    expect((await remove(created.json().id, secretary)).statusCode).toBe(200);
    expect((await remove(created.json().id, secretary)).statusCode).toBe(404);
  });

  it('knows French and medical words, flags misspellings and learns the users’ words', async () => {
    const text =
      'La patiente présente une hypertension artérielle traitée par amlodipine. Pas de dyspnée. Une fautte.';
    const first = (await call('POST', '/api/spell-check', secretary, { text })).json();
    expect(first.misspellings.map((m: { word: string }) => m.word)).toEqual(['fautte']);
    await call('POST', '/api/medical-words', secretary, { terms: ['fautte'] });
    const second = (await call('POST', '/api/spell-check', secretary, { text })).json();
    expect(second.misspellings).toEqual([]);
  }, 60_000);

  it('suggests the right spelling of a misspelt medical word', async () => {
    const response = await call('POST', '/api/spell-check/suggestions', secretary, { word: 'amlodipinne' });
    expect(response.json().suggestions[0]).toBe('amlodipine');
  }, 60_000);
});
