import { describe, expect, it } from 'vitest';
import { errorCodeOf } from '../errors/error-code-of.ts';
import { type ActCatalogue, applyTariffUpdate, ngapAmount, tariffOn } from './catalogue.ts';
import { shippedCatalogue } from './catalogue-data.ts';
import { catalogueUpdateOf, parseCatalogueUpdate } from './catalogue-update.ts';

describe('shipped catalogue (billing.md § Act codes)', () => {
  const cases: [string, string, string, 'optam' | '1' | '2', number, string?][] = [
    ['G is 30 € from 22 Dec 2024', 'G', '2024-12-22', '1', 3_000],
    ['G was 26,50 € the day before', 'G', '2024-12-21', '1', 2_650],
    ['G is 30 € for OPTAM', 'G', '2026-01-10', 'optam', 3_000],
    ['VG is 30 € from 22 Dec 2024', 'VG', '2025-03-01', '1', 3_000],
    ['C is a 23 € base for sector 2 non-OPTAM', 'C', '2026-01-10', '2', 2_300],
    ['V is a 23 € base for sector 2 non-OPTAM', 'V', '2026-01-10', '2', 2_300],
    ['APC is 60 € from 22 Dec 2024', 'APC', '2025-01-10', '2', 6_000],
    ['the psychiatrist consultation is 50 € until 30 Jun 2025', 'CNPSY', '2025-06-30', '1', 5_000],
    ['the psychiatrist consultation is 52 € from 1 Jul 2025', 'CNPSY', '2025-07-01', '1', 5_200],
    [
      'the medical gynaecologist consultation is 32 € until 30 Jun 2025',
      'CS',
      '2025-06-30',
      '1',
      3_200,
      'medical_gynaecology',
    ],
    [
      'the medical gynaecologist consultation is 35 € from 1 Jul 2025',
      'CS',
      '2025-07-01',
      '1',
      3_500,
      'medical_gynaecology',
    ],
    ['a specialist consultation CS is 26,50 €', 'CS', '2025-07-01', '1', 2_650],
    ['MCS is 5 €', 'MCS', '2025-07-01', '1', 500],
    ['COE is 54 € before 1 Jul 2025', 'COE', '2025-06-30', '1', 5_400],
    ['COE is 60 € from 1 Jul 2025', 'COE', '2025-07-01', '1', 6_000],
    ['CEH is 39 € before 1 Jul 2025', 'CEH', '2025-06-30', '1', 3_900],
    ['CEH is 40 € from 1 Jul 2025', 'CEH', '2025-07-01', '1', 4_000],
    ['CEK is 35 €', 'CEK', '2025-07-01', '1', 3_500],
    ['CEG is 31,50 €', 'CEG', '2025-07-01', '1', 3_150],
    ['the long consultation over 80 is 60 € in 2026', 'GL', '2026-02-01', '1', 6_000],
    ['DEQP003 (ECG) is in the CCAM subset', 'DEQP003', '2026-02-01', '2', 1_452],
  ];
  for (const [name, code, date, sector, amount, specialty] of cases) {
    it(name, () =>
      expect(tariffOn(shippedCatalogue, code, date, sector, { specialty }).amountCents).toBe(amount),
    );
  }

  it('names a source for every tariff and marks CCAM amounts to verify', () => {
    for (const t of shippedCatalogue.tariffs) expect(t.source.length).toBeGreaterThan(0);
    for (const t of shippedCatalogue.tariffs.filter((x) => x.kind === 'ccam')) {
      expect(t.source).toContain('to verify against the CCAM reference');
    }
  });

  it('has every CCAM code as 4 letters and 3 digits with activity 1', () => {
    for (const act of shippedCatalogue.acts.filter((a) => a.kind === 'ccam')) {
      expect(act.code).toMatch(/^[A-Z]{4}\d{3}$/);
      expect(act.kind === 'ccam' && act.activity).toBe(1);
    }
  });

  it('refuses G before any of its tariffs', () =>
    expect(errorCodeOf(() => tariffOn(shippedCatalogue, 'G', '2020-01-01', '1'))).toBe(
      'act_not_valid_on_date',
    ));
  it('refuses G for a sector 2 non-OPTAM practitioner (who bills C)', () =>
    expect(errorCodeOf(() => tariffOn(shippedCatalogue, 'G', '2026-01-01', '2'))).toBe(
      'act_not_valid_on_date',
    ));
  it('refuses the long consultation before 2026', () =>
    expect(errorCodeOf(() => tariffOn(shippedCatalogue, 'GL', '2025-12-31', '1'))).toBe(
      'act_not_valid_on_date',
    ));
  it('refuses an unknown act', () =>
    expect(errorCodeOf(() => tariffOn(shippedCatalogue, 'ZZZ', '2026-01-01', '1'))).toBe('act_unknown'));
  it('refuses an impossible date', () =>
    expect(errorCodeOf(() => tariffOn(shippedCatalogue, 'G', '2026-02-30', '1'))).toBe('date_invalid'));
});

describe('NGAP key × coefficient', () => {
  it('prices K 20 at 20 × 1,92 € = 38,40 €', () => expect(ngapAmount(192, 20)).toBe(3_840));
  it('prices K 1.5 exactly', () => expect(ngapAmount(192, 1.5)).toBe(288));
  it('refuses a coefficient finer than a hundredth', () =>
    expect(errorCodeOf(() => ngapAmount(192, 1.005))).toBe('coefficient_invalid'));
  it('refuses a zero coefficient', () =>
    expect(errorCodeOf(() => ngapAmount(192, 0))).toBe('coefficient_invalid'));
});

const small: ActCatalogue = {
  edition: 't',
  source: 't',
  publishedOn: '2025-01-01',
  acts: [{ kind: 'ngap', code: 'G', label: 'G' }],
  tariffs: [
    { code: 'G', kind: 'ngap', sector: 'all', amountCents: 2_650, validFrom: '2023-01-01', source: 'old' },
  ],
};

describe('catalogue update file', () => {
  const header = 'code;kind;label;sector;amount_cents;valid_from;valid_to';

  it('reads valid lines', () => {
    const { entries, errors } = parseCatalogueUpdate(
      `${header}\nG;ngap;Consultation;all;3200;2027-01-01;\nDEQP003;ccam;ECG;all;1500;2027-01-01;2027-12-31\n`,
    );
    expect(errors).toEqual([]);
    expect(entries).toMatchObject([
      {
        line: 2,
        code: 'G',
        kind: 'ngap',
        sector: 'all',
        amountCents: 3_200,
        validFrom: '2027-01-01',
        validTo: undefined,
      },
      { line: 3, code: 'DEQP003', kind: 'ccam', validTo: '2027-12-31' },
    ]);
  });

  const bad: [string, string, string][] = [
    ['an unknown kind', 'G;lpp;X;all;100;2027-01-01;', 'act_kind_invalid'],
    ['a malformed CCAM code', 'DEQP03;ccam;X;all;100;2027-01-01;', 'act_code_malformed'],
    ['an unknown sector', 'G;ngap;X;3;100;2027-01-01;', 'sector_invalid'],
    ['an amount in euros', 'G;ngap;X;all;30,00;2027-01-01;', 'amount_not_integer_cents'],
    ['an impossible date', 'G;ngap;X;all;100;2027-02-30;', 'date_invalid'],
    ['a reversed validity', 'G;ngap;X;all;100;2027-02-01;2027-01-01', 'validity_reversed'],
    ['an empty label', 'G;ngap;;all;100;2027-02-01;', 'required'],
  ];
  for (const [name, line, code] of bad) {
    it(`reports ${name} with its line number`, () => {
      const { entries, errors } = parseCatalogueUpdate(`${header}\nG;ngap;ok;all;100;2027-01-01;\n${line}`);
      expect(entries).toHaveLength(1);
      expect(errors).toEqual([expect.objectContaining({ line: 3, code })]);
    });
  }

  it('reports a missing column', () => {
    expect(parseCatalogueUpdate('code;kind;label\n').errors[0]).toMatchObject({
      code: 'catalogue_column_missing',
      field: 'sector',
    });
  });

  it('applies a tariff change from its date and keeps history', () => {
    const { entries } = parseCatalogueUpdate(`${header}\nG;ngap;Consultation;all;3200;2027-01-01;`);
    const updated = applyTariffUpdate(small, catalogueUpdateOf(entries, 'admin file'), {
      edition: 'e2',
      source: 'admin file',
      publishedOn: '2026-12-01',
    });
    expect(tariffOn(updated, 'G', '2026-12-31', '1').amountCents).toBe(2_650);
    expect(tariffOn(updated, 'G', '2027-01-01', '1').amountCents).toBe(3_200);
    expect(updated.tariffs).toHaveLength(2);
    expect(updated.tariffs[0]!.validTo).toBe('2026-12-31');
    expect(small.tariffs[0]!.validTo).toBeUndefined();
  });

  it('replaces a tariff starting on the same day (correction)', () => {
    const update = catalogueUpdateOf(
      parseCatalogueUpdate(`${header}\nG;ngap;G;all;2700;2023-01-01;`).entries,
      'fix',
    );
    const updated = applyTariffUpdate(small, update, {
      edition: 'e3',
      source: 'fix',
      publishedOn: '2026-01-01',
    });
    expect(updated.tariffs).toHaveLength(1);
    expect(tariffOn(updated, 'G', '2024-01-01', '1').amountCents).toBe(2_700);
  });

  it('adds a new act from the file', () => {
    const update = catalogueUpdateOf(
      parseCatalogueUpdate(`${header}\nDEQP003;ccam;ECG;all;1452;2025-01-01;`).entries,
      'f',
    );
    const updated = applyTariffUpdate(small, update, {
      edition: 'e4',
      source: 'f',
      publishedOn: '2026-01-01',
    });
    expect(tariffOn(updated, 'DEQP003', '2026-01-01', '2').amountCents).toBe(1_452);
  });
});
