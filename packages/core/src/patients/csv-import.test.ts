import { describe, expect, it } from 'vitest';
import { parseCsvRows } from '../identity/index.ts';
import { type ColumnMapping, importDate, importPatientRows, rowToRegistrationInput } from './csv-import.ts';

const mapping: ColumnMapping = {
  birthName: 'NOM',
  birthGivenNames: 'PRENOMS',
  usedName: 'NOM_USAGE',
  birthDate: 'DDN',
  sex: 'SEXE',
  nir: 'NIR',
  mobilePhone: 'PORTABLE',
  email: 'MAIL',
  postalCode: 'CP',
  city: 'VILLE',
};

function rowsOf(csv: string): Record<string, string>[] {
  const [header, ...rows] = parseCsvRows(csv, ';');
  return rows.map((row) => Object.fromEntries(header!.map((column, i) => [column, row[i] ?? ''])));
}

const today = '2025-06-15';

describe('importDate', () => {
  it('reads French and ISO dates', () => {
    expect(importDate('14/03/1975')).toBe('1975-03-14');
    expect(importDate('4.3.1975')).toBe('1975-03-04');
    expect(importDate('1975-03-14T00:00:00')).toBe('1975-03-14');
  });
});

describe('rowToRegistrationInput', () => {
  it('maps columns to fields, reading sex words and leaving blanks out', () => {
    expect(
      rowToRegistrationInput(
        {
          NOM: 'Dupont',
          PRENOMS: 'Jean',
          DDN: '01/02/1980',
          SEXE: 'Homme',
          NIR: '',
          PORTABLE: '0612345678',
          CP: '75002',
        },
        mapping,
      ),
    ).toEqual({
      birthName: 'Dupont',
      birthGivenNames: 'Jean',
      birthDate: '1980-02-01',
      sex: 'M',
      phones: [{ kind: 'mobile', number: '0612345678' }],
      address: { postalCode: '75002' },
    });
  });
});

describe('importPatientRows', () => {
  const csv = [
    'NOM;PRENOMS;NOM_USAGE;DDN;SEXE;NIR;PORTABLE;MAIL;CP;VILLE',
    'Lefèbvre;Hélène Marie;;14/03/1975;F;;06 12 34 56 78;helene@example.fr;49000;Angers',
    'Dupont2;Jean;;31/02/1980;X;1 85 05 78 006 084 92;12;bad@;;',
    'Lefevre;Hélène;;14/03/1975;F;;;;;',
    'Martin;Paul;;01/01/2030;M;;;;;',
    ';;;;;;;;;',
  ].join('\n');
  const result = importPatientRows(rowsOf(csv), mapping, { today });

  it('turns a valid line into a registration input', () => {
    const first = result.lines[0]!;
    expect(first).toMatchObject({
      line: 2,
      ok: true,
      input: {
        birthName: 'LEFEBVRE',
        birthGivenNames: ['HELENE', 'MARIE'],
        phones: [{ number: '+33612345678' }],
      },
    });
  });

  it('lists every error of an invalid line with its line, field and code', () => {
    const second = result.lines[1]!;
    expect(second.ok).toBe(false);
    if (second.ok) return;
    expect(second.errors).toEqual([
      { line: 3, field: 'birthName', code: 'name_invalid_characters' },
      { line: 3, field: 'birthDate', code: 'date_invalid' },
      { line: 3, field: 'sex', code: 'value_invalid' },
      { line: 3, field: 'nir', code: 'nir_key_mismatch' },
      { line: 3, field: 'mobilePhone', code: 'phone_invalid' },
      { line: 3, field: 'email', code: 'email_invalid' },
    ]);
  });

  it('refuses a birth date in the future with the domain code', () => {
    expect(result.lines[3]).toEqual({
      line: 5,
      ok: false,
      errors: [{ line: 5, field: 'birthDate', code: 'birth_date_in_future' }],
    });
  });

  it('reports missing required fields', () => {
    const last = result.lines[4]!;
    expect(last.ok).toBe(false);
    if (last.ok) return;
    expect(last.errors.map((e) => `${e.field}:${e.code}`)).toEqual([
      'birthName:required',
      'birthGivenNames:required',
      'birthDate:required',
      'sex:required',
    ]);
  });

  it('pairs lines of the file that look like the same person', () => {
    expect(result.duplicates).toHaveLength(1);
    expect(result.duplicates[0]).toMatchObject({ line: 4, otherLine: 2 });
    expect(result.duplicates[0]!.reasons.map((r) => r.code)).toContain('birth_name_phonetic');
  });

  it('pairs lines with the same NIR when it agrees with the traits', () => {
    const rows = rowsOf(
      [
        'NOM;PRENOMS;NOM_USAGE;DDN;SEXE;NIR;PORTABLE;MAIL;CP;VILLE',
        'Durand;Paul;;12/05/1985;M;185057800608491;;;;',
        'Durant;Pol;;12/05/1985;M;1 85 05 78 006 084 91;;;;',
      ].join('\n'),
    );
    const { duplicates } = importPatientRows(rows, mapping, { today });
    expect(duplicates).toEqual([
      { line: 3, otherLine: 2, score: 100, reasons: [{ code: 'same_ins', points: 100 }] },
    ]);
  });

  it('does not take a NIR that disagrees with the traits as the person’s INS', () => {
    const rows = rowsOf(
      [
        'NOM;PRENOMS;NOM_USAGE;DDN;SEXE;NIR;PORTABLE;MAIL;CP;VILLE',
        'Durand;Lea;;01/01/2010;F;185057800608491;;;;',
        'Durand;Hugo;;02/02/2012;M;185057800608491;;;;',
      ].join('\n'),
    );
    expect(importPatientRows(rows, mapping, { today }).duplicates).toEqual([]);
  });
});
