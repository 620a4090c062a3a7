import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aPatient } from '../testing/patient-builder.ts';
import { anOrganization, createTestApp, loginAs, type TestApp } from '../testing/test-app.ts';

let t: TestApp;
let secretary: string;
const mapping = {
  birthName: 'NOM',
  birthGivenNames: 'PRENOMS',
  birthDate: 'NAISSANCE',
  sex: 'SEXE',
  nir: 'NIR',
  mobilePhone: 'PORTABLE',
};
const csv = [
  'NOM;PRENOMS;NAISSANCE;SEXE;NIR;PORTABLE',
  'Bernard;Luc;12/05/1971;M;;06 11 22 33 44',
  'Petit;Émilie Rose;01/02/1988;F;;',
  'Durand3;Paul;01/01/1990;M;;',
  'Roux;Anna;31/02/1990;F;;',
  'Garnier;Louise;03/03/1944;F;;',
  'Garnier;Louise;03/03/1944;F;;',
  'Existant;Marc;10/10/1980;M;;',
].join('\n');

beforeAll(async () => {
  t = await createTestApp();
  const org = await anOrganization().withUser('secretary').create(t.db);
  secretary = await loginAs(t.app, org.byRole('secretary').email);
  await aPatient().named('EXISTANT', 'MARC').sex('M').bornOn('1980-10-10').register(t.app, secretary);
});
afterAll(() => t.close());

const importCsv = (commit: boolean) =>
  t.app.inject({
    method: 'POST',
    url: '/api/patients/import',
    headers: { cookie: secretary },
    payload: { csv, mapping, commit },
  });

describe('CSV import', () => {
  it('reports errors and suspected duplicates line by line in a dry run, and writes nothing', async () => {
    const response = await importCsv(false);
    expect(response.statusCode).toBe(200);
    const report = response.json();
    expect(report.total).toBe(7);
    expect(report.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: 4, field: 'birthName' }),
        expect.objectContaining({ line: 5, field: 'birthDate' }),
      ]),
    );
    expect(report.duplicatesInFile).toEqual([expect.objectContaining({ line: 7, otherLine: 6 })]);
    expect(report.duplicatesInDatabase.map((d: { line: number }) => d.line)).toEqual([8]);
    expect(report.committed).toBe(false);
    const count = await t.db.kysely
      .selectFrom('patients')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it('creates the valid lines that are not suspected duplicates, traced', async () => {
    const report = (await importCsv(true)).json();
    expect(report.created).toBe(2);
    const names = (
      await t.db.kysely.selectFrom('patients').select('birth_name').orderBy('birth_name').execute()
    ).map((p) => p.birth_name);
    expect(names).toEqual(['BERNARD', 'EXISTANT', 'PETIT']);
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'in', ['import', 'import_commit'])
      .execute();
    expect(audit).toHaveLength(3);
  });

  it('refuses a file that is not CSV, naming the field', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/patients/import',
      headers: { cookie: secretary },
      payload: { csv: 'A;B\n"unterminated;x', mapping, commit: false },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toMatchObject({ code: 'csv_unreadable', field: 'csv' });
  });
});
