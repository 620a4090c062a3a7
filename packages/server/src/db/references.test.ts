import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aPatient } from '../testing/patient-builder.ts';
import { anOrganization, createTestApp, loginAs, type TestApp } from '../testing/test-app.ts';

let t: TestApp;
let secretary: string;
let patientId: string;
let otherPractitionerId: string;

beforeAll(async () => {
  t = await createTestApp();
  const org = await anOrganization('Cabinet A').withUser('secretary').withUser('practitioner').create(t.db);
  const other = await anOrganization('Cabinet B').withUser('practitioner').create(t.db);
  otherPractitionerId = other.byRole('practitioner').id;
  secretary = await loginAs(t.app, org.byRole('secretary').email);
  patientId = await aPatient().register(t.app, secretary);
});
afterAll(() => t.close());

const post = (url: string, payload: object) =>
  t.app.inject({ method: 'POST', url, headers: { cookie: secretary }, payload });

const incomingMail = (extra: Record<string, unknown>) => ({
  receivedOn: '2026-03-02',
  sender: { kind: 'free_text', name: 'Laboratoire' },
  kind: 'lab_result',
  ...extra,
});

describe('references to other rows', () => {
  it('refuses a document whose practitioner belongs to another organization', async () => {
    const response = await post('/api/documents', {
      kind: 'letter_to_patient',
      patientId,
      practitionerId: otherPractitionerId,
      documentDate: '2026-03-02',
    });
    expect(response.statusCode, response.body).toBe(422);
    expect(response.json().error).toMatchObject({ code: 'reference_not_found', field: 'practitionerId' });
  });

  it('refuses a document whose practitioner does not exist, naming the field', async () => {
    const response = await post('/api/documents', {
      kind: 'letter_to_patient',
      patientId,
      practitionerId: randomUUID(),
      documentDate: '2026-03-02',
    });
    expect(response.statusCode, response.body).toBe(422);
    expect(response.json().error).toMatchObject({ code: 'reference_not_found', field: 'practitionerId' });
    expect(response.json().error.message).toContain('Praticien');
  });

  it('refuses an incoming mail whose sender correspondent does not exist in the organization', async () => {
    const response = await post(
      '/api/mail/incoming',
      incomingMail({ sender: { kind: 'directory', correspondentId: randomUUID(), displayName: 'Dr X' } }),
    );
    expect(response.statusCode, response.body).toBe(422);
    expect(response.json().error).toMatchObject({
      code: 'reference_not_found',
      field: 'sender.correspondentId',
    });
  });

  it('refuses an incoming mail naming a scan file (the scan is uploaded afterwards)', async () => {
    const response = await post('/api/mail/incoming', incomingMail({ scanFileId: randomUUID() }));
    expect(response.statusCode, response.body).toBe(422);
    expect(response.json().error).toMatchObject({ code: 'reference_not_found', field: 'scanFileId' });
  });

  it('still registers an incoming mail whose references all exist', async () => {
    const response = await post('/api/mail/incoming', incomingMail({ patientId }));
    expect(response.statusCode, response.body).toBe(201);
  });

  it('gives every foreign key between two practice tables its companion on organization_id', async () => {
    // A key added by a later migration without (organization_id, column) would let a row point
    // at another practice's row: write it as FOREIGN KEY (organization_id, x) REFERENCES t (organization_id, id).
    const missing = await sql<{ key: string }>`
      SELECT c.conrelid::regclass::text || '.' || a.attname AS key
      FROM pg_constraint c
      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
      WHERE c.contype = 'f' AND array_length(c.conkey, 1) = 1 AND a.attname <> 'organization_id'
        AND EXISTS (SELECT 1 FROM pg_attribute x WHERE x.attrelid = c.conrelid AND x.attname = 'organization_id')
        AND EXISTS (SELECT 1 FROM pg_attribute x WHERE x.attrelid = c.confrelid AND x.attname = 'organization_id')
        AND NOT EXISTS (
          SELECT 1 FROM pg_constraint d
          JOIN pg_attribute o ON o.attrelid = d.conrelid AND o.attnum = d.conkey[1] AND o.attname = 'organization_id'
          WHERE d.contype = 'f' AND d.conrelid = c.conrelid AND d.confrelid = c.confrelid
            AND array_length(d.conkey, 1) = 2 AND d.conkey[2] = c.conkey[1])
      ORDER BY 1`.execute(t.db.kysely);
    expect(missing.rows.map((r) => r.key)).toEqual([]);
  });
});
