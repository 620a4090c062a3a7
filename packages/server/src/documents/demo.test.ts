import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aPatient } from '../testing/patient-builder.ts';
import { pdfText } from '../testing/pdf-reader.ts';
import { anOrganization, createTestApp, loginAs, type TestApp } from '../testing/test-app.ts';
import { demoTemplates, seedDocuments } from './demo.ts';

let t: TestApp;
let secretary: string;
let doctor: string;
let doctorId: string;

beforeAll(async () => {
  t = await createTestApp({ outboxIntervalMs: 0 });
  const org = await anOrganization('Maison de santé démo')
    .withUser('secretary')
    .withUser('practitioner')
    .create(t.db);
  doctorId = org.byRole('practitioner').id;
  await seedDocuments(t.db, org.id);
  secretary = await loginAs(t.app, org.byRole('secretary').email);
  doctor = await loginAs(t.app, org.byRole('practitioner').email);
});
afterAll(() => t.close());

describe('demo templates', () => {
  it('gives the demo practice a letter, a certificate, both prescriptions and a report, with snippets', async () => {
    const templates = (
      await t.app.inject({ method: 'GET', url: '/api/document-templates', headers: { cookie: secretary } })
    ).json();
    expect(templates.map((x: { kind: string }) => x.kind).sort()).toEqual(
      demoTemplates.map((x) => x.kind).sort(),
    );
    for (const kind of [
      'letter_to_colleague',
      'certificate',
      'prescription',
      'prescription_ald',
      'consultation_report',
      'operative_report',
      'liaison_letter',
    ])
      expect(templates.some((x: { kind: string }) => x.kind === kind)).toBe(true);
    const snippets = (
      await t.app.inject({ method: 'GET', url: '/api/snippets', headers: { cookie: secretary } })
    ).json();
    expect(snippets.map((s: { shortcut: string }) => s.shortcut)).toContain('.ras');
  });

  it('fills a document from the certificate template with the patient and the practitioner', async () => {
    const patientId = await aPatient()
      .named('LEROY', 'CAMILLE')
      .bornOn('1984-06-10')
      .sex('F')
      .register(t.app, secretary);
    const templates = (
      await t.app.inject({ method: 'GET', url: '/api/document-templates', headers: { cookie: secretary } })
    ).json();
    const certificate = templates.find((x: { kind: string }) => x.kind === 'certificate');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/documents',
      headers: { cookie: secretary },
      payload: {
        kind: 'certificate',
        patientId,
        practitionerId: doctorId,
        templateId: certificate.id,
        documentDate: '2026-03-02',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const doc = (
      await t.app.inject({
        method: 'GET',
        url: `/api/documents/${created.json().id}`,
        headers: { cookie: secretary },
      })
    ).json();
    const text = JSON.stringify(doc.current.content);
    expect(text).toContain('Camille LEROY');
    expect(text).toContain('10/06/1984');
    expect(text).not.toContain('{{');
    // The certificate form completes the mandatory mentions, and prints below the text.
    const before = doc.missingMentions.map((m: { code: string }) => m.code);
    expect(before).toEqual(
      expect.arrayContaining(['certificate_purpose', 'certificate_observations', 'certificate_handed_over']),
    );
    const edit = await t.app.inject({
      method: 'POST',
      url: `/api/documents/${doc.id}/actions`,
      headers: { cookie: secretary },
      payload: {
        kind: 'edit',
        version: doc.current.version,
        content: doc.current.content,
        details: {
          certificate: {
            examinationDate: '2026-03-02',
            purpose: 'licence de football',
            observations: 'Absence de contre-indication cliniquement décelable.',
            handedOver: true,
          },
        },
      },
    });
    expect(edit.statusCode, edit.body).toBe(200);
    const after = (
      await t.app.inject({ method: 'GET', url: `/api/documents/${doc.id}`, headers: { cookie: secretary } })
    ).json();
    // (The test practitioner has no RPPS or address: only the certificate's own mentions are checked here.)
    expect(after.missingMentions.filter((m: { code: string }) => m.code.startsWith('certificate_'))).toEqual(
      [],
    );
    const pdf = await t.app.inject({
      method: 'GET',
      url: `/api/documents/${doc.id}/pdf`,
      headers: { cookie: secretary },
    });
    const printed = await pdfText(pdf.rawPayload);
    expect(printed).toContain('Date de l’examen : 02/03/2026');
    expect(printed).toContain('Absence de contre-indication cliniquement décelable.');
    expect(printed).toContain('Certificat remis en main propre à l’intéressé(e).');
  });

  it('reads the sections of a report from the template’s headings for the mandatory mentions', async () => {
    const patientId = await aPatient()
      .named('MOREAU', 'JULIE')
      .bornOn('1979-02-01')
      .sex('F')
      .register(t.app, secretary);
    const templates = (
      await t.app.inject({ method: 'GET', url: '/api/document-templates', headers: { cookie: secretary } })
    ).json();
    const report = templates.find((x: { kind: string }) => x.kind === 'consultation_report');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/documents',
      headers: { cookie: secretary },
      payload: {
        kind: 'consultation_report',
        patientId,
        practitionerId: doctorId,
        templateId: report.id,
        documentDate: '2026-03-02',
      },
    });
    const id = created.json().id;
    const get = async () =>
      (
        await t.app.inject({ method: 'GET', url: `/api/documents/${id}`, headers: { cookie: secretary } })
      ).json();
    const before = await get();
    expect(
      before.missingMentions
        .filter((m: { code: string }) => m.code === 'report_section')
        .map((m: { section: string }) => m.section),
    ).toEqual(['reason', 'examination', 'conclusion']);
    // The secretary types the dictated report under the headings.
    const written = {
      ...before.current.content,
      content: before.current.content.content.flatMap(
        (node: { type: string; content?: { text?: string }[] }) =>
          node.type === 'heading' && node.content?.[0]?.text !== 'Compte rendu de consultation'
            ? [
                node,
                {
                  type: 'paragraph',
                  content: [{ type: 'text', text: `Texte de ${node.content?.[0]?.text}` }],
                },
              ]
            : [node],
      ),
    };
    const edit = await t.app.inject({
      method: 'POST',
      url: `/api/documents/${id}/actions`,
      headers: { cookie: secretary },
      payload: { kind: 'edit', version: before.current.version, content: written },
    });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(
      (await get()).missingMentions.filter((m: { code: string }) => m.code === 'report_section'),
    ).toEqual([]);
  });

  const templateOf = async (kind: string) =>
    (await t.app.inject({ method: 'GET', url: '/api/document-templates', headers: { cookie: secretary } }))
      .json()
      .find((x: { kind: string }) => x.kind === kind);

  const createFrom = async (kind: string, patientId: string) => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/documents',
      headers: { cookie: secretary },
      payload: {
        kind,
        patientId,
        practitionerId: doctorId,
        templateId: (await templateOf(kind)).id,
        documentDate: '2026-03-02',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    return created.json().id as string;
  };

  const getDocument = async (id: string) =>
    (
      await t.app.inject({ method: 'GET', url: `/api/documents/${id}`, headers: { cookie: secretary } })
    ).json();

  const printedPdf = async (id: string) => {
    const pdf = await t.app.inject({
      method: 'GET',
      url: `/api/documents/${id}/pdf`,
      headers: { cookie: secretary },
    });
    expect(pdf.statusCode).toBe(200);
    return pdfText(pdf.rawPayload);
  };

  it('gives the operative report its five sections, incidents included, checked before validation', async () => {
    const patientId = await aPatient()
      .named('BLOC', 'HUGO')
      .bornOn('1966-11-20')
      .sex('M')
      .register(t.app, secretary);
    const id = await createFrom('operative_report', patientId);
    const before = await getDocument(id);
    expect(JSON.stringify(before.current.content)).toContain('Hugo BLOC');
    expect(JSON.stringify(before.current.content)).not.toContain('INS');
    expect(
      before.missingMentions
        .filter((m: { code: string }) => m.code === 'report_section')
        .map((m: { section: string }) => m.section),
    ).toEqual(['indication', 'anaesthesia', 'procedure', 'incidents', 'post_operative_instructions']);
    // The operator dictated everything but the incidents.
    const dictated: Record<string, string> = {
      Indication: 'Hernie inguinale droite symptomatique.',
      Anesthésie: 'Anesthésie générale.',
      'Description de l’intervention': 'Cure selon Lichtenstein avec plaque.',
      'Consignes post-opératoires': 'Lever précoce, pas de port de charge pendant un mois.',
    };
    const write = (texts: Record<string, string>) => ({
      ...before.current.content,
      content: before.current.content.content.flatMap(
        (node: { type: string; content?: { text?: string }[] }) => {
          const text = node.type === 'heading' ? texts[node.content?.[0]?.text ?? ''] : undefined;
          return text ? [node, { type: 'paragraph', content: [{ type: 'text', text }] }] : [node];
        },
      ),
    });
    const edit = async (content: unknown) => {
      const current = await getDocument(id);
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/documents/${id}/actions`,
        headers: { cookie: secretary },
        payload: { kind: 'edit', version: current.current.version, content },
      });
      expect(response.statusCode, response.body).toBe(200);
      return getDocument(id);
    };
    const partial = await edit(write(dictated));
    expect(
      partial.missingMentions.filter((m: { code: string }) => m.code === 'report_section'),
    ).toMatchObject([{ section: 'incidents', labels: { fr: 'Rubrique du compte rendu : Incidents' } }]);
    const complete = await edit(write({ ...dictated, Incidents: 'Aucun incident.' }));
    expect(complete.missingMentions.filter((m: { code: string }) => m.code === 'report_section')).toEqual([]);
    const printed = await printedPdf(id);
    expect(printed).toContain('Compte rendu opératoire');
    expect(printed).toContain('Aucun incident.');
  });

  it('fills the liaison letter from its form: mentions complete once filled, printed below the text', async () => {
    const attending = await t.app.inject({
      method: 'POST',
      url: '/api/directory/correspondents',
      headers: { cookie: secretary },
      payload: {
        kind: 'practitioner',
        familyName: 'Moreau',
        givenName: 'Anne',
        rpps: '10000000017',
        address: { line1: '1 rue Haute', postalCode: '75001', city: 'Paris' },
      },
    });
    expect(attending.statusCode, attending.body).toBe(201);
    const patientId = await aPatient()
      .named('SORTIE', 'ROSE')
      .bornOn('1948-04-12')
      .sex('F')
      .with({ attendingPhysicianId: attending.json().id })
      .register(t.app, secretary);
    const id = await createFrom('liaison_letter', patientId);
    const before = await getDocument(id);
    // The records fill what they know: the signing practitioner and the attending physician.
    const signer = await t.db.kysely
      .selectFrom('users')
      .select('display_name')
      .where('id', '=', doctorId)
      .executeTakeFirstOrThrow();
    expect(before.current.details.liaison).toEqual({
      dischargingPractitioner: signer.display_name,
      attendingPhysician: 'Dr MOREAU Anne',
    });
    const refusedValidation = await t.app.inject({
      method: 'POST',
      url: `/api/documents/${id}/actions`,
      headers: { cookie: doctor },
      payload: { kind: 'validate', version: before.current.version },
    });
    // Validation is refused while the liaison letter lacks its mentions, each one listed.
    expect(refusedValidation.statusCode).toBe(422);
    expect(refusedValidation.json().error.code).toBe('mandatory_mentions_missing');
    expect(
      refusedValidation.json().error.details.missingMentions.map((m: { code: string }) => m.code),
    ).toEqual([
      'liaison_reason',
      'liaison_summary',
      'liaison_treatments',
      'liaison_follow_up',
      'liaison_handed_to_patient',
    ]);
    expect(before.missingMentions.map((m: { code: string }) => m.code)).toEqual(
      expect.arrayContaining([
        'liaison_reason',
        'liaison_summary',
        'liaison_treatments',
        'liaison_follow_up',
        'liaison_handed_to_patient',
      ]),
    );
    const liaison = {
      dischargingPractitioner: 'Dr Paul Durand',
      attendingPhysician: 'Dr Anne Moreau',
      reasonForStay: 'Décompensation cardiaque',
      staySummary: 'Diurétiques IV, perte de 4 kg.',
      dischargeTreatments: [
        { product: 'Furosémide 40 mg', change: 'changed' },
        { product: 'Ramipril 2,5 mg', change: 'started' },
      ],
      followUp: 'Consultation de cardiologie dans un mois.',
      handedToPatient: true,
    };
    const edit = await t.app.inject({
      method: 'POST',
      url: `/api/documents/${id}/actions`,
      headers: { cookie: secretary },
      payload: {
        kind: 'edit',
        version: before.current.version,
        content: before.current.content,
        details: { liaison },
      },
    });
    expect(edit.statusCode, edit.body).toBe(200);
    const after = await getDocument(id);
    expect(after.current.details.liaison).toEqual(liaison);
    expect(after.missingMentions.filter((m: { code: string }) => m.code.startsWith('liaison_'))).toEqual([]);
    // A treatment without its change is named by its line.
    const incomplete = await t.app.inject({
      method: 'POST',
      url: `/api/documents/${id}/actions`,
      headers: { cookie: secretary },
      payload: {
        kind: 'edit',
        version: after.current.version,
        content: after.current.content,
        details: {
          liaison: {
            ...liaison,
            dischargeTreatments: [...liaison.dischargeTreatments, { product: 'Bisoprolol' }],
          },
        },
      },
    });
    expect(incomplete.statusCode, incomplete.body).toBe(200);
    expect(
      (await getDocument(id)).missingMentions
        .filter((m: { code: string }) => m.code.startsWith('liaison_'))
        .map((m: { code: string; itemIndex: number }) => [m.code, m.itemIndex]),
    ).toEqual([['liaison_treatment_change', 2]]);
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/documents/${id}/actions`,
      headers: { cookie: secretary },
      payload: {
        kind: 'edit',
        version: 0,
        content: after.current.content,
        details: { liaison: { dischargeTreatments: [{ change: 'paused' }] } },
      },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({ code: 'validation_failed' });
    // Completed, the practitioner validates it.
    const completed = await getDocument(id);
    const fix = await t.app.inject({
      method: 'POST',
      url: `/api/documents/${id}/actions`,
      headers: { cookie: secretary },
      payload: {
        kind: 'edit',
        version: completed.current.version,
        content: completed.current.content,
        details: { liaison },
      },
    });
    expect(fix.statusCode, fix.body).toBe(200);
    const validated = await t.app.inject({
      method: 'POST',
      url: `/api/documents/${id}/actions`,
      headers: { cookie: doctor },
      payload: { kind: 'validate', version: (await getDocument(id)).current.version },
    });
    expect(validated.statusCode, validated.body).toBe(200);
    expect(validated.json().status).toBe('validated');
    const printed = await printedPdf(id);
    expect(printed).toContain('Lettre de liaison à la sortie');
    expect(printed).toContain('Médecin traitant : Dr Anne Moreau');
    expect(printed).toContain('Furosémide 40 mg — modifié');
    expect(printed).toContain('Lettre remise au patient le jour de sa sortie');
  });
});
