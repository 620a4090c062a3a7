import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aPatient } from '../testing/patient-builder.ts';
import { anOrganization, createTestApp, loginAs, type TestApp } from '../testing/test-app.ts';
import { demoTemplates, seedDocuments } from './demo.ts';

let t: TestApp;
let secretary: string;
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
    expect(text).toContain('CAMILLE LEROY');
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
    const dir = mkdtempSync(join(tmpdir(), 'pivot-pdf-'));
    writeFileSync(join(dir, 'certificate.pdf'), pdf.rawPayload);
    const printed = execFileSync('/usr/bin/pdftotext', [join(dir, 'certificate.pdf'), '-'], {
      encoding: 'utf8',
    });
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
});
