import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalPdf, multipart } from '../testing/multipart.ts';
import { aPatient } from '../testing/patient-builder.ts';
import { anOrganization, createTestApp, loginAs, type TestApp } from '../testing/test-app.ts';

let t: TestApp;
let secretary: string;
let patientId: string;

const upload = (fields: Record<string, string>, file?: { name: string; content: Buffer; type: string }) => {
  const body = multipart(fields, file);
  return t.app.inject({
    method: 'POST',
    url: `/api/patients/${patientId}/attachments`,
    headers: { cookie: secretary, ...body.headers },
    payload: body.payload,
  });
};

beforeAll(async () => {
  t = await createTestApp();
  const org = await anOrganization().withUser('secretary').create(t.db);
  secretary = await loginAs(t.app, org.byRole('secretary').email);
  patientId = await aPatient().named('SCAN', 'ANNE').bornOn('1970-07-07').register(t.app, secretary);
});
afterAll(() => t.close());

describe('attachment names', () => {
  it('refuses a file whose name holds a NUL byte, naming the file field', async () => {
    const response = await upload(
      { classification: 'administrative' },
      { name: 'ordonnance\u0000.pdf', content: minimalPdf, type: 'application/pdf' },
    );
    expect(response.statusCode, response.body).toBe(422);
    expect(response.json().error).toMatchObject({ code: 'text_invalid_character', field: 'file' });
  });
});

describe('completeness checklist', () => {
  it('lists what an appointment type requires and is missing, then nothing once the scan is filed', async () => {
    const admin = await (async () => {
      const o = await t.db.kysely
        .selectFrom('users')
        .select(['organization_id'])
        .limit(1)
        .executeTakeFirstOrThrow();
      const email = `admin.${Date.now()}@test.pivot`;
      const { hashPassword } = await import('../auth/index.ts');
      await t.db.kysely
        .insertInto('users')
        .values({
          organization_id: o.organization_id,
          email,
          display_name: 'Admin',
          role: 'admin',
          password_hash: await hashPassword('Correct-Horse-42'),
        })
        .execute();
      return loginAs(t.app, email);
    })();
    const set = await t.app.inject({
      method: 'PUT',
      url: '/api/completeness-requirements/anesthesia',
      headers: { cookie: admin },
      payload: {
        requirements: [
          {
            classificationCode: 'imaging',
            labels: { fr: 'Radiographie thoracique', en: 'Chest X-ray' },
            maxAgeDays: 90,
          },
        ],
      },
    });
    expect(set.statusCode).toBe(200);
    const other = await aPatient()
      .named('ANESTH', 'PAUL')
      .sex('M')
      .bornOn('1966-06-06')
      .register(t.app, secretary);
    const before = (
      await t.app.inject({
        method: 'GET',
        url: `/api/patients/${other}/completeness?appointmentType=anesthesia`,
        headers: { cookie: secretary },
      })
    ).json();
    expect(before.missing).toHaveLength(1);
    expect(before.missing[0]).toMatchObject({
      reason: 'absent',
      requirement: { labels: { fr: 'Radiographie thoracique' } },
    });
    const body = multipart(
      { classification: 'imaging' },
      { name: 'radio.pdf', content: minimalPdf, type: 'application/pdf' },
    );
    await t.app.inject({
      method: 'POST',
      url: `/api/patients/${other}/attachments`,
      headers: { cookie: secretary, ...body.headers },
      payload: body.payload,
    });
    const plan = await t.app.inject({
      method: 'PUT',
      url: '/api/classification-plan',
      headers: { cookie: admin },
      payload: {
        categories: [
          { code: 'imaging', labels: { fr: 'Imagerie', en: 'Imaging' } },
          { code: 'ecg', labels: { fr: 'ECG', en: 'ECG' } },
          { code: 'biology', labels: { fr: 'Biologie', en: 'Laboratory' } },
        ],
      },
    });
    expect(plan.statusCode).toBe(200);
    const codes = (
      await t.app.inject({ method: 'GET', url: '/api/classification-plan', headers: { cookie: secretary } })
    )
      .json()
      .map((c: { code: string }) => c.code);
    expect(codes).toEqual(['imaging', 'ecg', 'biology']);
    const refused = await t.app.inject({
      method: 'PUT',
      url: '/api/classification-plan',
      headers: { cookie: secretary },
      payload: { categories: [] },
    });
    expect(refused.statusCode).toBe(403);
    const after = (
      await t.app.inject({
        method: 'GET',
        url: `/api/patients/${other}/completeness?appointmentType=anesthesia`,
        headers: { cookie: secretary },
      })
    ).json();
    expect(after.missing).toEqual([]);
  });
});

describe('attachments', () => {
  it('stores a PDF scan, classifies it, puts it on the timeline and serves it back for viewing', async () => {
    const response = await upload(
      { classification: 'biology', title: 'Bilan sanguin' },
      { name: 'bilan.pdf', content: minimalPdf, type: 'application/pdf' },
    );
    expect(response.statusCode).toBe(201);
    expect(response.json().mediaType).toBe('application/pdf');
    const timeline = (
      await t.app.inject({
        method: 'GET',
        url: `/api/patients/${patientId}/timeline?kind=attachment`,
        headers: { cookie: secretary },
      })
    ).json();
    expect(timeline).toHaveLength(1);
    expect(timeline[0]).toMatchObject({
      title: 'Bilan sanguin',
      classification: 'biology',
      media_type: 'application/pdf',
    });
    const content = await t.app.inject({
      method: 'GET',
      url: `/api/attachments/${response.json().id}/content`,
      headers: { cookie: secretary },
    });
    expect(content.statusCode).toBe(200);
    expect(content.headers['content-type']).toBe('application/pdf');
    expect(content.rawPayload.equals(minimalPdf)).toBe(true);
  });

  it('refuses a file named .pdf that is not a PDF', async () => {
    const response = await upload(
      { classification: 'biology' },
      { name: 'faux.pdf', content: Buffer.from('MZ this is an executable'), type: 'application/pdf' },
    );
    expect(response.statusCode).toBe(415);
    expect(response.json().error).toMatchObject({ code: 'file_type_mismatch', field: 'file' });
  });

  it('refuses an oversized upload with a clear message', async () => {
    const big = Buffer.concat([minimalPdf, Buffer.alloc(11 * 1024 * 1024, 32)]);
    const response = await upload(
      { classification: 'biology' },
      { name: 'gros.pdf', content: big, type: 'application/pdf' },
    );
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toMatch(/file_too_large|payload_too_large/);
  });

  it('refuses an unknown classification and a missing file', async () => {
    expect(
      (
        await upload(
          { classification: 'nope' },
          { name: 'a.pdf', content: minimalPdf, type: 'application/pdf' },
        )
      ).json().error.code,
    ).toBe('classification_unknown');
    expect((await upload({ classification: 'biology' })).json().error).toMatchObject({
      code: 'file_missing',
      field: 'file',
    });
  });
});
