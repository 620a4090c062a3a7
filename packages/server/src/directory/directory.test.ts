import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aPatient } from '../testing/patient-builder.ts';
import { anOrganization, createTestApp, loginAs, type TestApp } from '../testing/test-app.ts';

let t: TestApp;
let a: Awaited<ReturnType<ReturnType<typeof anOrganization>['create']>>;
let secretaryA: string;
let accountantA: string;
let secretaryB: string;

const validRpps = '10000000017';

/** Builder of a correspondent body: `aCorrespondent().named('LEROY', 'Anne').build()`. */
function aPractitioner() {
  const body: Record<string, unknown> = {
    kind: 'practitioner',
    familyName: 'Leroy',
    givenName: 'Anne',
    rpps: validRpps,
    specialty: 'Cardiologie',
    address: { line1: '4 avenue Foch', postalCode: '75016', city: 'Paris' },
    phones: [{ kind: 'secretariat', number: '01 45 00 00 01' }],
    secureEmail: 'anne.leroy@medecin.mssante.fr',
  };
  const builder = {
    with(fields: Record<string, unknown>) {
      Object.assign(body, fields);
      return builder;
    },
    build: () => ({ ...body }),
  };
  return builder;
}

async function create(cookie: string, payload: Record<string, unknown>) {
  return t.app.inject({ method: 'POST', url: '/api/directory/correspondents', headers: { cookie }, payload });
}

async function auditOf(entity: string, entityId: string) {
  return t.db.kysely
    .selectFrom('audit_log')
    .selectAll()
    .where('entity', '=', entity)
    .where('entity_id', '=', entityId)
    .orderBy('id')
    .execute();
}

beforeAll(async () => {
  t = await createTestApp();
  a = await anOrganization('Cabinet A').withUser('secretary').withUser('accountant').create(t.db);
  const b = await anOrganization('Cabinet B').withUser('secretary').create(t.db);
  secretaryA = await loginAs(t.app, a.byRole('secretary').email);
  accountantA = await loginAs(t.app, a.byRole('accountant').email);
  secretaryB = await loginAs(t.app, b.byRole('secretary').email);
});
afterAll(() => t.close());

describe('correspondents', () => {
  it('creates a practitioner with a valid RPPS, stores phones in E.164 and traces the creation', async () => {
    const response = await create(secretaryA, aPractitioner().with({ rpps: '100 000 000 17' }).build());
    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(created).toMatchObject({
      kind: 'practitioner',
      displayName: 'LEROY Anne',
      rpps: validRpps,
      phones: [{ kind: 'secretariat', number: '+33145000001' }],
      active: true,
      version: 0,
    });
    expect((await auditOf('correspondent', created.id)).map((e) => [e.action, e.user_id])).toEqual([
      ['create', a.byRole('secretary').id],
    ]);
  });

  it('refuses an RPPS whose Luhn key is wrong with a French message naming the field', async () => {
    const response = await create(secretaryA, aPractitioner().with({ rpps: '10000000018' }).build());
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toEqual({
      code: 'invalid_rpps',
      field: 'rpps',
      message: 'Le numéro RPPS est invalide (11 chiffres, clé de Luhn).',
      details: { issues: [{ field: 'rpps', code: 'invalid_rpps' }] },
    });
  });

  it('refuses a secure e-mail outside MSSanté and an impossible phone number', async () => {
    const mail = await create(secretaryA, aPractitioner().with({ secureEmail: 'anne@gmail.com' }).build());
    expect(mail.json().error).toMatchObject({ code: 'secure_email_not_mssante', field: 'secureEmail' });
    const phone = await create(
      secretaryA,
      aPractitioner()
        .with({ phones: [{ number: '01 23' }] })
        .build(),
    );
    expect(phone.json().error).toMatchObject({ code: 'phone_invalid', field: 'phones.0.number' });
  });

  it('names the missing family name in French', async () => {
    const response = await create(secretaryA, aPractitioner().with({ familyName: '' }).build());
    expect(response.statusCode).toBe(422);
    expect(response.json().error.field).toBe('familyName');
    expect(response.json().error.message).toContain('Nom');
  });

  it('creates a body with what it handles and its opening hours', async () => {
    const response = await create(secretaryA, {
      kind: 'body',
      bodyType: 'cpam',
      name: 'CPAM de Paris',
      phone: '01 40 00 00 00',
      handles: 'Cartes Vitale, attestations de droits, arrêts de travail',
      openingHours: 'lun-ven 8h30-16h30',
      address: { line1: '21 rue Georges Auric', postalCode: '75019', city: 'Paris' },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      kind: 'body',
      bodyType: 'cpam',
      displayName: 'CPAM de Paris',
      phone: '+33140000000',
      openingHours: 'lun-ven 8h30-16h30',
    });
  });

  it('finds correspondents by words in any order, without accents, by specialty or phone', async () => {
    await create(
      secretaryA,
      aPractitioner()
        .with({ familyName: 'Lefèvre', givenName: 'Zoé', specialty: 'Rhumatologie', rpps: null, phones: [] })
        .build(),
    );
    const search = async (q: string, extra = '') =>
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/directory/correspondents?q=${encodeURIComponent(q)}${extra}`,
          headers: { cookie: secretaryA },
        })
      )
        .json()
        .map((c: { displayName: string }) => c.displayName);
    expect(await search('zoe lefevre')).toEqual(['LEFÈVRE Zoé']);
    expect(await search('rhumato')).toEqual(['LEFÈVRE Zoé']);
    expect(await search('01 45 00 00 01')).toContain('LEROY Anne');
    expect(await search('paris', '&kind=body')).toEqual(['CPAM de Paris']);
    expect(await search('inconnu')).toEqual([]);
  });

  it('finds for a typed % or _ only the correspondents whose text holds it (LIKE wildcards escaped)', async () => {
    const mutuelle = await create(secretaryA, {
      kind: 'body',
      bodyType: 'mutuelle',
      name: 'Mutuelle 100% Santé',
    });
    expect(mutuelle.statusCode, mutuelle.body).toBe(201);
    const labo = await create(secretaryA, {
      kind: 'body',
      bodyType: 'laboratory',
      name: 'Laboratoire Bichat',
      email: 'resultats_bichat@labo.example',
    });
    expect(labo.statusCode, labo.body).toBe(201);
    const search = async (q: string) =>
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/directory/correspondents?q=${encodeURIComponent(q)}&kind=body`,
          headers: { cookie: secretaryA },
        })
      )
        .json()
        .map((c: { displayName: string }) => c.displayName);
    expect(await search('%')).toEqual(['Mutuelle 100% Santé']);
    expect(await search('100%')).toEqual(['Mutuelle 100% Santé']);
    expect(await search('_')).toEqual(['Laboratoire Bichat']);
    expect(await search('resultats_bichat')).toEqual(['Laboratoire Bichat']);
    expect(await search('resultats bichat')).toEqual(['Laboratoire Bichat']);
  });

  it('finds by % and _ a correspondent saved before they were kept in its search text (migration 0013)', async () => {
    const created = (
      await create(secretaryA, {
        kind: 'body',
        bodyType: 'other',
        name: 'Hôpital de jour 50%',
        email: 'hdj_soins@x.example',
      })
    ).json();
    expect(created.id).toBeDefined();
    // The search text as the former folding wrote it: % and _ were spaces.
    await t.db.kysely
      .updateTable('correspondents')
      .set({ search_text: 'hopital de jour 50 other hdj soins@x.example' })
      .where('id', '=', created.id)
      .execute();
    const migration = readFileSync(
      new URL('../db/migrations/0013_directory_search_wildcards.sql', import.meta.url),
      'utf8',
    );
    await t.db.exec(migration);
    const { search_text } = await t.db.kysely
      .selectFrom('correspondents')
      .select('search_text')
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(search_text.split(' ')).toEqual(expect.arrayContaining(['hopital', '50%', 'hdj_soins@x.example']));
    const found = await t.app.inject({
      method: 'GET',
      url: `/api/directory/correspondents?q=${encodeURIComponent('jour 50% hdj_soins')}`,
      headers: { cookie: secretaryA },
    });
    expect(found.json().map((c: { id: string }) => c.id)).toEqual([created.id]);
  });

  it('updates with the version read, answers 409 stale_version to an old one', async () => {
    const created = (
      await create(secretaryA, aPractitioner().with({ familyName: 'Versionné' }).build())
    ).json();
    const update = (version: number, specialty: string) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/directory/correspondents/${created.id}`,
        headers: { cookie: secretaryA },
        payload: { ...aPractitioner().with({ familyName: 'Versionné', specialty }).build(), version },
      });
    const first = await update(0, 'Pneumologie');
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ specialty: 'Pneumologie', version: 1 });
    const stale = await update(0, 'Écrasée');
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('stale_version');
    const read = await t.app.inject({
      method: 'GET',
      url: `/api/directory/correspondents/${created.id}`,
      headers: { cookie: secretaryA },
    });
    expect(read.json().specialty).toBe('Pneumologie');
    expect((await auditOf('correspondent', created.id)).map((e) => e.action)).toEqual(['create', 'update']);
  });

  it('deactivates a correspondent: hidden from searches unless asked, reactivable', async () => {
    const created = (
      await create(secretaryA, aPractitioner().with({ familyName: 'Retraité' }).build())
    ).json();
    const off = await t.app.inject({
      method: 'POST',
      url: `/api/directory/correspondents/${created.id}/deactivate`,
      headers: { cookie: secretaryA },
      payload: { version: 0 },
    });
    expect(off.json()).toMatchObject({ active: false, version: 1 });
    const list = async (extra: string) =>
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/directory/correspondents?q=retraite${extra}`,
          headers: { cookie: secretaryA },
        })
      ).json();
    expect(await list('')).toEqual([]);
    expect((await list('&includeInactive=true')).map((c: { id: string }) => c.id)).toEqual([created.id]);
    const on = await t.app.inject({
      method: 'POST',
      url: `/api/directory/correspondents/${created.id}/reactivate`,
      headers: { cookie: secretaryA },
      payload: { version: 1 },
    });
    expect(on.json()).toMatchObject({ active: true, version: 2 });
  });
});

describe('permissions and tenancy', () => {
  it('refuses the directory to an accountant (403)', async () => {
    const read = await t.app.inject({
      method: 'GET',
      url: '/api/directory/correspondents',
      headers: { cookie: accountantA },
    });
    expect(read.statusCode).toBe(403);
    expect(read.json().error.code).toBe('forbidden');
    expect((await create(accountantA, aPractitioner().build())).statusCode).toBe(403);
  });

  it('asks for a session', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/directory/lists' });
    expect(response.statusCode).toBe(401);
  });

  it('shows another organization’s correspondent as 404, and never in its searches', async () => {
    const created = (await create(secretaryA, aPractitioner().with({ familyName: 'Privé' }).build())).json();
    const read = await t.app.inject({
      method: 'GET',
      url: `/api/directory/correspondents/${created.id}`,
      headers: { cookie: secretaryB },
    });
    expect(read.statusCode).toBe(404);
    const update = await t.app.inject({
      method: 'PUT',
      url: `/api/directory/correspondents/${created.id}`,
      headers: { cookie: secretaryB },
      payload: { ...aPractitioner().build(), version: 0 },
    });
    expect(update.statusCode).toBe(404);
    const search = await t.app.inject({
      method: 'GET',
      url: '/api/directory/correspondents?q=prive',
      headers: { cookie: secretaryB },
    });
    expect(search.json()).toEqual([]);
  });

  it('takes the organization from the session, not from the body', async () => {
    const response = await create(secretaryB, { ...aPractitioner().build(), organizationId: a.id });
    const row = await t.db.kysely
      .selectFrom('correspondents')
      .select('organization_id')
      .where('id', '=', response.json().id)
      .executeTakeFirstOrThrow();
    expect(row.organization_id).not.toBe(a.id);
  });
});

describe('distribution lists', () => {
  it('creates a list with members in order, renames it, and refuses a stale version', async () => {
    const one = (await create(secretaryA, aPractitioner().with({ familyName: 'Un' }).build())).json();
    const two = (await create(secretaryA, aPractitioner().with({ familyName: 'Deux' }).build())).json();
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/directory/lists',
      headers: { cookie: secretaryA },
      payload: { name: 'RCP oncologie', memberIds: [two.id, one.id] },
    });
    expect(created.statusCode).toBe(201);
    const list = created.json();
    expect(list.members.map((m: { displayName: string }) => m.displayName)).toEqual(['DEUX Anne', 'UN Anne']);
    const renamed = await t.app.inject({
      method: 'PUT',
      url: `/api/directory/lists/${list.id}`,
      headers: { cookie: secretaryA },
      payload: { name: 'RCP sein', memberIds: [one.id], version: 0 },
    });
    expect(renamed.json()).toMatchObject({ name: 'RCP sein', version: 1, members: [{ id: one.id }] });
    const stale = await t.app.inject({
      method: 'PUT',
      url: `/api/directory/lists/${list.id}`,
      headers: { cookie: secretaryA },
      payload: { name: 'Écrasée', memberIds: [], version: 0 },
    });
    expect(stale.statusCode).toBe(409);
    const all = await t.app.inject({
      method: 'GET',
      url: '/api/directory/lists',
      headers: { cookie: secretaryA },
    });
    expect(all.json()).toContainEqual(expect.objectContaining({ name: 'RCP sein', memberCount: 1 }));
    expect((await auditOf('distribution_list', list.id)).map((e) => e.action)).toEqual(['create', 'update']);
    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/directory/lists/${list.id}?version=1`,
      headers: { cookie: secretaryA },
    });
    expect(removed.statusCode).toBe(204);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/directory/lists/${list.id}`,
          headers: { cookie: secretaryA },
        })
      ).statusCode,
    ).toBe(404);
  });

  it('refuses a member from another organization, naming the field', async () => {
    const foreign = (await create(secretaryB, aPractitioner().build())).json();
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/directory/lists',
      headers: { cookie: secretaryA },
      payload: { name: 'Intrus', memberIds: [foreign.id] },
    });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.field).toBe('memberIds');
    const lists = await t.app.inject({
      method: 'GET',
      url: '/api/directory/lists',
      headers: { cookie: secretaryA },
    });
    expect(lists.json().map((l: { name: string }) => l.name)).not.toContain('Intrus');
  });
});

describe('care team', () => {
  let patientId: string;
  let doctor: { id: string };
  let lab: { id: string };

  beforeAll(async () => {
    patientId = await aPatient().named('EQUIPE', 'LUCIE').register(t.app, secretaryA);
    doctor = (await create(secretaryA, aPractitioner().with({ familyName: 'Traitant' }).build())).json();
    lab = (await create(secretaryA, { kind: 'body', bodyType: 'laboratory', name: 'Labo Bio+' })).json();
  });

  const url = () => `/api/patients/${patientId}/care-team`;

  it('adds the attending physician and a body, attending physician first, each change traced', async () => {
    const first = await t.app.inject({
      method: 'POST',
      url: url(),
      headers: { cookie: secretaryA },
      payload: { correspondentId: lab.id, role: 'other', note: 'Bilans sanguins' },
    });
    expect(first.statusCode).toBe(201);
    const second = await t.app.inject({
      method: 'POST',
      url: url(),
      headers: { cookie: secretaryA },
      payload: { correspondentId: doctor.id, role: 'attending_physician' },
    });
    expect(
      second.json().map((m: { role: string; correspondent: { id: string } }) => [m.role, m.correspondent.id]),
    ).toEqual([
      ['attending_physician', doctor.id],
      ['other', lab.id],
    ]);
    const entries = await t.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'patient_id'])
      .where('entity', '=', 'care_team')
      .where('patient_id', '=', patientId)
      .execute();
    expect(entries.map((e) => e.action)).toEqual(['create', 'create']);
  });

  it('traces each read of the care team against the patient', async () => {
    const read = await t.app.inject({ method: 'GET', url: url(), headers: { cookie: secretaryA } });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toHaveLength(2);
    const reads = await t.db.kysely
      .selectFrom('audit_log')
      .select(['user_id'])
      .where('entity', '=', 'care_team')
      .where('action', '=', 'read')
      .where('patient_id', '=', patientId)
      .execute();
    expect(reads.map((r) => r.user_id)).toEqual([a.byRole('secretary').id]);
  });

  it('refuses a second attending physician, a correspondent twice, a body as attending physician', async () => {
    const other = (await create(secretaryA, aPractitioner().with({ familyName: 'Second' }).build())).json();
    const second = await t.app.inject({
      method: 'POST',
      url: url(),
      headers: { cookie: secretaryA },
      payload: { correspondentId: other.id, role: 'attending_physician' },
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().error).toMatchObject({ code: 'attending_physician_taken', field: 'role' });
    const twice = await t.app.inject({
      method: 'POST',
      url: url(),
      headers: { cookie: secretaryA },
      payload: { correspondentId: lab.id, role: 'specialist' },
    });
    expect(twice.json().error.code).toBe('already_in_care_team');
    const patient2 = await aPatient().named('AUTRE', 'PAUL').sex('M').register(t.app, secretaryA);
    const body = await t.app.inject({
      method: 'POST',
      url: `/api/patients/${patient2}/care-team`,
      headers: { cookie: secretaryA },
      payload: { correspondentId: lab.id, role: 'attending_physician' },
    });
    expect(body.json().error.code).toBe('attending_physician_not_practitioner');
  });

  it('removes a member and traces the removal', async () => {
    const team = (await t.app.inject({ method: 'GET', url: url(), headers: { cookie: secretaryA } })).json();
    const labMember = team.find((m: { correspondent: { id: string } }) => m.correspondent.id === lab.id);
    const response = await t.app.inject({
      method: 'DELETE',
      url: `${url()}/${labMember.id}`,
      headers: { cookie: secretaryA },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().map((m: { correspondent: { id: string } }) => m.correspondent.id)).toEqual([
      doctor.id,
    ]);
    const entry = await t.db.kysely
      .selectFrom('audit_log')
      .select(['patient_id'])
      .where('entity', '=', 'care_team')
      .where('action', '=', 'delete')
      .where('entity_id', '=', labMember.id)
      .executeTakeFirstOrThrow();
    expect(entry.patient_id).toBe(patientId);
  });

  it('answers 404 for the care team of another organization’s patient, and refuses a foreign correspondent', async () => {
    const read = await t.app.inject({ method: 'GET', url: url(), headers: { cookie: secretaryB } });
    expect(read.statusCode).toBe(404);
    const add = await t.app.inject({
      method: 'POST',
      url: url(),
      headers: { cookie: secretaryB },
      payload: { correspondentId: doctor.id, role: 'specialist' },
    });
    expect(add.statusCode).toBe(404);
    const foreign = (
      await create(secretaryB, aPractitioner().with({ familyName: 'Étranger' }).build())
    ).json();
    const mine = await t.app.inject({
      method: 'POST',
      url: url(),
      headers: { cookie: secretaryA },
      payload: { correspondentId: foreign.id, role: 'specialist' },
    });
    expect(mine.statusCode).toBe(404);
    expect(mine.json().error.field).toBe('correspondentId');
  });

  it('merges two records sharing a correspondent: the duplicate link stays with the merged identity, and undo restores it', async () => {
    const survivor = await aPatient()
      .named('EQUIPEFUSION', 'MAX')
      .sex('M')
      .bornOn('1961-01-01')
      .register(t.app, secretaryA);
    const duplicate = await aPatient()
      .named('EQUIPEFUSSION', 'MAX')
      .sex('M')
      .bornOn('1961-01-01')
      .register(t.app, secretaryA);
    const add = (patient: string, correspondentId: string, role: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/patients/${patient}/care-team`,
        headers: { cookie: secretaryA },
        payload: { correspondentId, role },
      });
    expect((await add(survivor, doctor.id, 'attending_physician')).statusCode).toBe(201);
    expect((await add(duplicate, doctor.id, 'attending_physician')).statusCode).toBe(201);
    expect((await add(duplicate, lab.id, 'other')).statusCode).toBe(201);
    const merge = await t.app.inject({
      method: 'POST',
      url: `/api/patients/${survivor}/merge`,
      headers: { cookie: secretaryA },
      payload: { mergedId: duplicate },
    });
    expect(merge.statusCode).toBe(200);
    expect(merge.json().keptOnMergedRecord).toEqual({ patient_care_team: 1 });
    const team = (
      await t.app.inject({
        method: 'GET',
        url: `/api/patients/${survivor}/care-team`,
        headers: { cookie: secretaryA },
      })
    ).json();
    expect(team.map((m: { correspondent: { id: string } }) => m.correspondent.id).sort()).toEqual(
      [doctor.id, lab.id].sort(),
    );
  });

  it('keeps the attending physician chosen on the patient form and the care team in step', async () => {
    const other = (
      await create(secretaryA, aPractitioner().with({ familyName: 'Autretraitant' }).build())
    ).json();
    const patient = await aPatient()
      .named('TRAITANT', 'JULES')
      .sex('M')
      .bornOn('1970-03-03')
      .with({ attendingPhysicianId: doctor.id })
      .register(t.app, secretaryA);
    const team = async () =>
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/patients/${patient}/care-team`,
          headers: { cookie: secretaryA },
        })
      ).json();
    expect(
      (await team()).map((m: { role: string; correspondent: { id: string } }) => [
        m.role,
        m.correspondent.id,
      ]),
    ).toEqual([['attending_physician', doctor.id]]);
    const read = async () =>
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/patients/${patient}`,
          headers: { cookie: secretaryA },
        })
      ).json();
    const { version } = await read();
    const changed = await t.app.inject({
      method: 'PATCH',
      url: `/api/patients/${patient}`,
      headers: { cookie: secretaryA },
      payload: { version, attendingPhysicianId: other.id },
    });
    expect(changed.statusCode).toBe(200);
    expect((await team()).map((m: { correspondent: { id: string } }) => m.correspondent.id)).toEqual([
      other.id,
    ]);
    expect((await read()).attendingPhysicianId).toBe(other.id);
    const refused = await t.app.inject({
      method: 'PATCH',
      url: `/api/patients/${patient}`,
      headers: { cookie: secretaryA },
      payload: { version: version + 1, attendingPhysicianId: lab.id },
    });
    expect(refused.json().error).toMatchObject({
      code: 'attending_physician_not_practitioner',
      field: 'attendingPhysicianId',
    });
    const member = (await team())[0];
    await t.app.inject({
      method: 'DELETE',
      url: `/api/patients/${patient}/care-team/${member.id}`,
      headers: { cookie: secretaryA },
    });
    expect((await read()).attendingPhysicianId).toBeNull();
  });

  it('refuses the care team to an accountant', async () => {
    expect(
      (await t.app.inject({ method: 'GET', url: url(), headers: { cookie: accountantA } })).statusCode,
    ).toBe(403);
  });
});
