import { describe, expect, it } from 'vitest';
import { coverageStatusOn, periodsStateOn } from './coverage.ts';
import type { ComplementaryInsurance, MandatoryInsurance } from './schemas.ts';

const amo = (validFrom: string, validTo: string | null): MandatoryInsurance => ({
  beneficiaryNir: '185057800608491',
  beneficiaryRank: 1,
  regimeCode: '01',
  caisseCode: '751',
  validFrom,
  validTo,
});
const amc = (
  validFrom: string,
  validTo: string | null,
  thirdPartyPayment = true,
): ComplementaryInsurance => ({
  organizationName: 'MGEN',
  thirdPartyPayment,
  validFrom,
  validTo,
});

describe('periodsStateOn', () => {
  it('is valid inside the period and with an open end', () => {
    expect(periodsStateOn([{ validFrom: '2025-01-01', validTo: '2025-12-31' }], '2025-06-01')).toBe('valid');
    expect(periodsStateOn([{ validFrom: '2025-01-01', validTo: null }], '2030-06-01')).toBe('valid');
  });

  it('is expiring within 30 days of the end, the end day included', () => {
    expect(periodsStateOn([{ validFrom: '2025-01-01', validTo: '2025-12-31' }], '2025-12-01')).toBe(
      'expiring',
    );
    expect(periodsStateOn([{ validFrom: '2025-01-01', validTo: '2025-12-31' }], '2025-11-30')).toBe('valid');
    expect(periodsStateOn([{ validFrom: '2025-01-01', validTo: '2025-12-31' }], '2025-12-31')).toBe(
      'expiring',
    );
  });

  it('is expired after the end and missing without any period', () => {
    expect(periodsStateOn([{ validFrom: '2024-01-01', validTo: '2024-12-31' }], '2025-01-01')).toBe(
      'expired',
    );
    expect(periodsStateOn([], '2025-01-01')).toBe('missing');
    expect(periodsStateOn([{ validFrom: '2026-01-01', validTo: null }], '2025-01-01')).toBe('missing');
  });

  it('takes the best of several periods', () => {
    expect(
      periodsStateOn(
        [
          { validFrom: '2024-01-01', validTo: '2024-12-31' },
          { validFrom: '2025-01-01', validTo: '2025-12-31' },
        ],
        '2025-03-01',
      ),
    ).toBe('valid');
  });
});

describe('coverageStatusOn', () => {
  it('flags nothing urgent for valid rights and shows third-party payment', () => {
    const status = coverageStatusOn(
      {
        mandatory: [amo('2025-01-01', null)],
        complementary: [amc('2025-01-01', '2025-12-31')],
        exemptions: [],
      },
      '2025-06-01',
    );
    expect(status).toEqual({
      mandatory: 'valid',
      complementary: 'valid',
      activeExemptions: [],
      thirdPartyPayment: true,
      flags: ['third_party_payment'],
    });
  });

  it('flags missing mandatory insurance and expired complementary', () => {
    const status = coverageStatusOn(
      { mandatory: [], complementary: [amc('2024-01-01', '2024-12-31')], exemptions: [] },
      '2025-06-01',
    );
    expect(status.flags).toEqual(['mandatory_missing', 'complementary_expired']);
    expect(status.thirdPartyPayment).toBe(false);
  });

  it('flags rights expiring within 30 days', () => {
    const status = coverageStatusOn(
      { mandatory: [amo('2025-01-01', '2025-06-20')], complementary: [], exemptions: [] },
      '2025-06-01',
    );
    expect(status.flags).toEqual(['mandatory_expiring', 'complementary_missing']);
  });

  it('lists the exemptions in force and flags one ending soon', () => {
    const status = coverageStatusOn(
      {
        mandatory: [amo('2025-01-01', null)],
        complementary: [amc('2025-01-01', null, false)],
        exemptions: [
          { kind: 'ald', startDate: '2020-01-01', endDate: '2025-06-15', aldLabel: 'Diabète' },
          { kind: 'maternity', startDate: '2024-01-01', endDate: '2024-09-01' },
        ],
      },
      '2025-06-01',
    );
    expect(status.activeExemptions).toEqual(['ald']);
    expect(status.flags).toEqual(['exemption_active', 'exemption_expiring']);
  });
});
