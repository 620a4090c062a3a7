import { describe, expect, it } from 'vitest';
import { errorCodeOf } from '../errors/error-code-of.ts';
import { buildCashDepositSlip, buildChequeDepositSlip, formatIban, isValidIban } from './deposit-slip.ts';

const header = {
  number: 'R-2026-0007',
  bank: 'Crédit Agricole',
  iban: 'FR76 3000 6000 0112 3456 7890 189',
  date: '2026-03-10',
};
const cheques = [
  { paymentId: 'pay-1', drawer: 'M. Martin', bank: 'LCL', number: '1234567', amountCents: 3_000 },
  { paymentId: 'pay-2', drawer: 'Mme Durand', bank: 'BNP', number: '7654321', amountCents: 5_000 },
];

describe('IBAN', () => {
  const cases: [string, boolean][] = [
    ['FR7630006000011234567890189', true],
    ['FR76 3000 6000 0112 3456 7890 189', true],
    ['FR1420041010050500013M02606', true],
    ['FR7630006000011234567890188', false],
    ['FR763000600001123456789018', false],
    ['GB82WEST12345698765432', true],
    ['not an iban', false],
  ];
  for (const [iban, valid] of cases) {
    it(`${valid ? 'accepts' : 'refuses'} ${iban} (mod 97)`, () => expect(isValidIban(iban)).toBe(valid));
  }
  it('prints in groups of four', () =>
    expect(formatIban('FR7630006000011234567890189')).toBe('FR76 3000 6000 0112 3456 7890 189'));
});

describe('cheque deposit slip', () => {
  it('lists each cheque with its count and total', () => {
    const slip = buildChequeDepositSlip(header, cheques);
    expect(slip).toMatchObject({
      kind: 'cheque',
      iban: 'FR7630006000011234567890189',
      count: 2,
      totalCents: 8_000,
    });
    expect(slip.lines[1]).toMatchObject({
      drawer: 'Mme Durand',
      bank: 'BNP',
      number: '7654321',
      amountCents: 5_000,
    });
  });
  it('refuses a cheque already on a slip', () =>
    expect(errorCodeOf(() => buildChequeDepositSlip(header, cheques, new Set(['pay-2'])))).toBe(
      'cheque_already_deposited',
    ));
  it('refuses the same cheque twice on one slip', () =>
    expect(errorCodeOf(() => buildChequeDepositSlip(header, [cheques[0]!, cheques[0]!]))).toBe(
      'cheque_already_deposited',
    ));
  it('refuses an invalid IBAN', () =>
    expect(
      errorCodeOf(() => buildChequeDepositSlip({ ...header, iban: 'FR7630006000011234567890188' }, cheques)),
    ).toBe('invalid_iban'));
  it('refuses an empty slip', () =>
    expect(errorCodeOf(() => buildChequeDepositSlip(header, []))).toBe('deposit_slip_empty'));
  it('requires the drawer of each cheque', () =>
    expect(errorCodeOf(() => buildChequeDepositSlip(header, [{ ...cheques[0]!, drawer: '' }]))).toBe(
      'required',
    ));
});

describe('cash deposit slip', () => {
  it('lists denominations and the total', () => {
    const slip = buildCashDepositSlip(header, { 2000: 5, 1000: 2, 200: 10 });
    expect(slip.totalCents).toBe(14_000);
    expect(slip.lines.map((l) => [l.denominationCents, l.count])).toEqual([
      [2_000, 5],
      [1_000, 2],
      [200, 10],
    ]);
  });
  it('refuses an empty cash slip', () =>
    expect(errorCodeOf(() => buildCashDepositSlip(header, { 500: 0 }))).toBe('deposit_slip_empty'));
});
