import { describe, expect, it } from 'vitest';
import { computeFeeSplit } from './fee-split.ts';
import {
  cashClosingInput,
  chequeDepositSlipInput,
  paymentInput,
  tariffInput,
  visitBillingInput,
} from './schemas.ts';

describe('input schemas', () => {
  it('accepts a visit and feeds the fee split', () => {
    const visit = visitBillingInput.parse({
      date: '2026-03-10',
      sector: '1',
      acts: [{ code: 'G', feeCents: 3_000, baseCents: 3_000 }],
      patient: { birthDate: '1980-01-01', carePathway: 'in' },
      complementary: null,
      flatContributionAlready: { today: 0, thisYear: 0 },
      thirdPartyPayment: { amo: false, amc: false },
    });
    expect(computeFeeSplit(visit).amoCents).toBe(1_900);
  });
  it('refuses euros with decimals where cents are expected', () => {
    expect(
      visitBillingInput.safeParse({
        date: '2026-03-10',
        sector: '1',
        acts: [{ code: 'G', feeCents: 30.5, baseCents: 30 }],
      }).success,
    ).toBe(false);
  });
  it('requires bank, number and drawer for a cheque payment', () => {
    const base = {
      date: '2026-03-10',
      amountCents: 3_000,
      payer: { kind: 'patient', id: '0b5e2a36-7c5d-4c0a-9d0e-6f1f6a3b2c11' },
    };
    expect(
      paymentInput.safeParse({ ...base, method: { kind: 'cheque', bank: 'LCL', number: '1' } }).success,
    ).toBe(false);
    expect(
      paymentInput.safeParse({ ...base, method: { kind: 'cheque', bank: 'LCL', number: '1', drawer: 'X' } })
        .success,
    ).toBe(true);
  });
  it('refuses a zero payment', () =>
    expect(
      paymentInput.safeParse({
        date: '2026-03-10',
        amountCents: 0,
        method: { kind: 'cash' },
        payer: { kind: 'patient', id: '0b5e2a36-7c5d-4c0a-9d0e-6f1f6a3b2c11' },
      }).success,
    ).toBe(false));
  it('normalises and checks the IBAN of a deposit slip', () => {
    const slip = chequeDepositSlipInput.parse({
      bank: 'CA',
      iban: 'fr76 3000 6000 0112 3456 7890 189',
      date: '2026-03-10',
      paymentIds: ['0b5e2a36-7c5d-4c0a-9d0e-6f1f6a3b2c14'],
    });
    expect(slip.iban).toBe('FR7630006000011234567890189');
    expect(chequeDepositSlipInput.safeParse({ ...slip, iban: 'FR7630006000011234567890188' }).success).toBe(
      false,
    );
  });
  it('refuses an unknown denomination in a cash count', () =>
    expect(
      cashClosingInput.safeParse({ date: '2026-03-10', countedCents: 100, denominations: { 300: 1 } })
        .success,
    ).toBe(false));
  it('refuses a tariff whose validity ends before it starts', () =>
    expect(
      tariffInput.safeParse({
        code: 'g',
        kind: 'ngap',
        sector: 'all',
        amountCents: 1,
        validFrom: '2026-02-01',
        validTo: '2026-01-01',
        source: 's',
      }).success,
    ).toBe(false));
});
