import { errorMessage } from '@pivot/core';
import { type ConfidentialityLevel, confidentialityLevels } from '@pivot/core/records';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalPdf, multipart } from '../testing/multipart.ts';
import { aPatient } from '../testing/patient-builder.ts';
import { anOrganization, createTestApp, loginAs, type TestApp } from '../testing/test-app.ts';
import { addRecordItem } from './record-items.ts';

/**
 * Every reader of record items × every confidentiality level × every role, against a table written
 * by hand from core's rule (restricted: practitioners, the author, the users named on it;
 * practitioner-only: practitioners; an administrator: nothing without breaking the glass).
 */

let t: TestApp;
let patientId: string;
const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};
const attachmentOf: Record<string, string> = {};
const documentOf: Record<string, string> = {};

const viewers = [
  'admin',
  'accountant',
  'secretary (not author, not named)',
  'secretary (named)',
  'secretary (author)',
  'practitioner (author)',
  'practitioner (named)',
  'practitioner (not author, not named)',
  'admin (break-glass)',
  'secretary (break-glass)',
] as const;
type Viewer = (typeof viewers)[number];
const roleOf = (viewer: Viewer) =>
  viewer.split(' ')[0] as 'admin' | 'accountant' | 'secretary' | 'practitioner';

const items: { key: string; level: ConfidentialityLevel; author: Viewer }[] = [
  { key: 'normal-by-doctor', level: 'normal', author: 'practitioner (author)' },
  { key: 'restricted-by-doctor', level: 'restricted', author: 'practitioner (author)' },
  { key: 'practitioner_only-by-doctor', level: 'practitioner_only', author: 'practitioner (author)' },
  { key: 'normal-by-secretary', level: 'normal', author: 'secretary (author)' },
  { key: 'restricted-by-secretary', level: 'restricted', author: 'secretary (author)' },
];
const all = items.map((i) => i.key);
const withoutPractitionerOnly = all.filter((k) => !k.startsWith('practitioner_only'));

const expected: Record<Viewer, string[]> = {
  admin: [],
  accountant: [],
  'secretary (not author, not named)': ['normal-by-doctor', 'normal-by-secretary'],
  'secretary (named)': withoutPractitionerOnly,
  'secretary (author)': ['normal-by-doctor', 'normal-by-secretary', 'restricted-by-secretary'],
  'practitioner (author)': all,
  'practitioner (named)': all,
  'practitioner (not author, not named)': all,
  'admin (break-glass)': withoutPractitionerOnly,
  'secretary (break-glass)': withoutPractitionerOnly,
};

const get = (url: string, viewer: Viewer) =>
  t.app.inject({ method: 'GET', url, headers: { cookie: cookies[viewer]! } });
const keysIn = (titles: string[]) =>
  titles.flatMap((title) => (title.startsWith('dossier ') ? [title.slice(8)] : [])).sort();

/** Each reader answers the keys of the items the viewer got, whatever the way it refuses the others. */
const readers: Record<string, (viewer: Viewer) => Promise<string[]>> = {
  timeline: async (viewer) => {
    const response = await get(`/api/patients/${patientId}/timeline`, viewer);
    if (response.statusCode === 403) return [];
    expect(response.statusCode, response.body).toBe(200);
    return keysIn(response.json().map((i: { title: string }) => i.title));
  },
  search: async (viewer) => {
    const response = await get(`/api/patients/${patientId}/timeline?text=DOSSIER`, viewer);
    if (response.statusCode === 403) return [];
    expect(response.statusCode, response.body).toBe(200);
    return keysIn(response.json().map((i: { title: string }) => i.title));
  },
  export: async (viewer) => {
    const response = await get(`/api/patients/${patientId}/export`, viewer);
    if (response.statusCode === 403) return [];
    expect(response.statusCode, response.body).toBe(200);
    return keysIn(response.json().recordItems.map((i: { title: string }) => i.title));
  },
  'attachment content': async (viewer) => {
    const seen: string[] = [];
    for (const { key } of items) {
      const response = await get(`/api/attachments/${attachmentOf[key]}/content`, viewer);
      expect([200, 403, 404], response.body).toContain(response.statusCode);
      if (response.statusCode === 200) {
        expect(response.rawPayload.equals(minimalPdf)).toBe(true);
        seen.push(key);
      }
    }
    return seen.sort();
  },
  'linked document': async (viewer) => {
    const seen: string[] = [];
    for (const { key } of items) {
      const response = await get(`/api/documents/${documentOf[key]}`, viewer);
      expect([200, 403, 404], response.body).toContain(response.statusCode);
      if (response.statusCode === 200) seen.push(key);
    }
    return seen.sort();
  },
  'document list': async (viewer) => {
    const response = await get(`/api/documents?patientId=${patientId}`, viewer);
    if (response.statusCode === 403) return [];
    const listed = new Set(response.json().map((d: { id: string }) => d.id));
    return items
      .filter((i) => listed.has(documentOf[i.key]!))
      .map((i) => i.key)
      .sort();
  },
};

/** What an administrator breaking the glass may read: the record, not the documents area. */
const documentReaders = new Set(['linked document', 'document list']);
const expectedFor = (reader: string, viewer: Viewer) =>
  viewer === 'admin (break-glass)' && documentReaders.has(reader) ? [] : [...expected[viewer]].sort();

beforeAll(async () => {
  t = await createTestApp();
  const builder = anOrganization();
  for (const viewer of viewers) builder.withUser(roleOf(viewer));
  const org = await builder.create(t.db);
  for (const [index, viewer] of viewers.entries()) {
    ids[viewer] = org.users[index]!.id;
    cookies[viewer] = await loginAs(t.app, org.users[index]!.email);
  }
  patientId = await aPatient().named('SECRET', 'LOUISE').register(t.app, cookies['secretary (author)']!);
  const named = [ids['secretary (named)']!, ids['practitioner (named)']!].join(',');
  for (const item of items) {
    const body = multipart(
      {
        classification: 'other',
        title: `dossier ${item.key}`,
        confidentiality: item.level,
        allowedUserIds: named,
      },
      { name: 'scan.pdf', content: minimalPdf, type: 'application/pdf' },
    );
    const uploaded = await t.app.inject({
      method: 'POST',
      url: `/api/patients/${patientId}/attachments`,
      headers: { cookie: cookies[item.author]!, ...body.headers },
      payload: body.payload,
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    attachmentOf[item.key] = uploaded.json().id;
    const document = await t.app.inject({
      method: 'POST',
      url: '/api/documents',
      headers: { cookie: cookies[item.author]! },
      payload: { kind: 'letter_to_patient', patientId, documentDate: '2026-03-02' },
    });
    expect(document.statusCode, document.body).toBe(201);
    documentOf[item.key] = document.json().id;
    // The trace of the document in the record, at the item's level (as a sent letter's is).
    await addRecordItem(t.db.kysely, {
      organizationId: org.id,
      patientId,
      kind: 'document_sent',
      title: `envoi ${item.key}`,
      authorId: ids[item.author]!,
      confidentiality: item.level,
      allowedUserIds: [ids['secretary (named)']!, ids['practitioner (named)']!],
      data: { documentId: documentOf[item.key] },
    });
  }
  for (const viewer of ['admin (break-glass)', 'secretary (break-glass)'] as const) {
    const broken = await t.app.inject({
      method: 'POST',
      url: `/api/patients/${patientId}/break-glass`,
      headers: { cookie: cookies[viewer]! },
      payload: { reason: 'Patiente hospitalisée en urgence, médecin absent' },
    });
    expect(broken.statusCode, broken.body).toBe(201);
  }
}, 120_000);
afterAll(() => t.close());

describe('who reads record items', () => {
  it('covers every confidentiality level core defines', () => {
    expect(new Set(items.map((i) => i.level))).toEqual(new Set(confidentialityLevels));
  });

  for (const [reader, read] of Object.entries(readers))
    describe(reader, () => {
      it.each(viewers)(`shows the %s exactly the items the rule gives them`, async (viewer) => {
        expect(await read(viewer)).toEqual(expectedFor(reader, viewer));
      });
    });
});

describe('an administrator', () => {
  it('opens neither documents nor mail nor their outbox, and may not file into a record', async () => {
    for (const url of ['/api/documents', '/api/mail/incoming', '/api/outbox', '/api/classification-plan'])
      expect((await get(url, 'admin')).statusCode, url).toBe(403);
    const note = await t.app.inject({
      method: 'POST',
      url: `/api/patients/${patientId}/notes`,
      headers: { cookie: cookies.admin! },
      payload: { title: 'Note' },
    });
    expect(note.statusCode).toBe(403);
  });
});

describe('break-glass', () => {
  it('refuses an administrator the record with break_glass_required, in French and English', async () => {
    const response = await get(`/api/patients/${patientId}/timeline`, 'admin');
    expect(response.statusCode).toBe(403);
    expect(response.json().error).toMatchObject({ code: 'break_glass_required', field: 'reason' });
    expect(response.json().error.message).toContain('bris de glace');
    expect(errorMessage('break_glass_required', 'en')).toContain('break-glass');
  });

  it('refuses a break-glass without a reason of ten characters, naming the field', async () => {
    for (const payload of [{}, { reason: '  urgent  ' }]) {
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/patients/${patientId}/break-glass`,
        headers: { cookie: cookies.admin! },
        payload,
      });
      expect(response.statusCode).toBe(422);
      expect(response.json().error).toMatchObject({ code: 'break_glass_reason_required', field: 'reason' });
      expect(response.json().error.message).toContain('motif');
    }
  });

  it('lets neither a practitioner nor an accountant break the glass (practitioners read every item)', async () => {
    for (const viewer of ['practitioner (author)', 'accountant'] as const) {
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/patients/${patientId}/break-glass`,
        headers: { cookie: cookies[viewer]! },
        payload: { reason: 'Patiente hospitalisée en urgence' },
      });
      expect(response.statusCode).toBe(403);
    }
  });

  it('audits the access with the presence of a reason, never the reason itself', async () => {
    const entries = await t.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'entity', 'patient_id', 'details'])
      .where('user_id', '=', ids['admin (break-glass)']!)
      .where('action', '=', 'break_glass')
      .execute();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ entity: 'record', patient_id: patientId });
    expect(entries[0]!.details).toMatchObject({ reasonGiven: true });
    expect(JSON.stringify(entries[0]!.details)).not.toContain('urgence');
    const reads = await t.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'entity', 'details'])
      .where('user_id', '=', ids['admin (break-glass)']!)
      .where((eb) =>
        eb.or([
          eb.and([eb('action', '=', 'read'), eb('entity', 'in', ['record', 'attachment'])]),
          eb.and([eb('action', '=', 'export'), eb('entity', '=', 'patient')]),
        ]),
      )
      .execute();
    // Each reader traced the read with the access it went through.
    expect(new Set(reads.map((r) => `${r.action} ${r.entity}`))).toEqual(
      new Set(['read record', 'read attachment', 'export patient']),
    );
    for (const read of reads) expect(read.details).toHaveProperty('breakGlassId');
  });

  it('shows the accesses and their reasons to the patient’s practitioners', async () => {
    const onRecord = await get(
      `/api/patients/${patientId}/break-glass`,
      'practitioner (not author, not named)',
    );
    expect(onRecord.statusCode).toBe(200);
    expect(
      onRecord
        .json()
        .map((a: { userId: string }) => a.userId)
        .sort(),
    ).toEqual([ids['admin (break-glass)']!, ids['secretary (break-glass)']!].sort());
    expect(onRecord.json()[0]).toMatchObject({
      reason: 'Patiente hospitalisée en urgence, médecin absent',
      active: true,
    });
    // Their own patients: the author of items in the record sees them; a colleague with no
    // relation to the patient does not.
    const mine = await get('/api/break-glass-accesses', 'practitioner (author)');
    expect(mine.json().filter((a: { patientId: string }) => a.patientId === patientId)).toHaveLength(2);
    const other = await get('/api/break-glass-accesses', 'practitioner (not author, not named)');
    expect(other.json()).toEqual([]);
    expect((await get(`/api/patients/${patientId}/break-glass`, 'admin (break-glass)')).statusCode).toBe(403);
  });

  it('closes the record again once the access has expired', async () => {
    const viewer = 'secretary (break-glass)';
    await t.db.kysely
      .updateTable('break_glass_accesses')
      .set({ started_at: new Date(Date.now() - 5 * 3_600_000), expires_at: new Date(Date.now() - 3_600_000) })
      .where('user_id', '=', ids[viewer]!)
      .execute();
    expect(await readers.timeline!(viewer)).toEqual(expected['secretary (not author, not named)']);
    expect(await readers['attachment content']!(viewer)).toEqual(
      expected['secretary (not author, not named)'],
    );
  });
});

describe('named users', () => {
  it('refuses to name on an item someone who is not an active account of the organization', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/patients/${patientId}/notes`,
      headers: { cookie: cookies['secretary (author)']! },
      payload: {
        title: 'Note',
        confidentiality: 'restricted',
        allowedUserIds: ['00000000-0000-4000-8000-000000000000'],
      },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toMatchObject({
      code: 'record_item_user_unknown',
      field: 'allowedUserIds',
    });
  });
});
