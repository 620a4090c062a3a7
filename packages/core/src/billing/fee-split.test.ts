import { describe, expect, it } from 'vitest';
import { errorCodeOf } from '../errors/error-code-of.ts';
import {
  type ComplementaryContract,
  computeFeeSplit,
  isInMaternityPeriod,
  thirdPartyPaymentDue,
  type VisitBilling,
} from './fee-split.ts';
import type { BillingRates } from './rates-data.ts';

const date = '2026-03-10';
const adult = { birthDate: '1980-06-15', carePathway: 'in' as const };
const paysTm: ComplementaryContract = { paysCopayment: true, overbillingShare: 0, overbillingCapOfBase: 0 };
const paysTmAndOverbillingUpToBr: ComplementaryContract = {
  paysCopayment: true,
  overbillingShare: 10_000,
  overbillingCapOfBase: 10_000,
};

function visit(overrides: Partial<VisitBilling> = {}): VisitBilling {
  return {
    date,
    sector: '1',
    acts: [{ code: 'G', feeCents: 3_000, baseCents: 3_000 }],
    patient: adult,
    complementary: null,
    flatContributionAlready: { today: 0, thisYear: 0 },
    thirdPartyPayment: { amo: false, amc: false },
    ...overrides,
  };
}

const noTp = { amo: false, amc: false };
const tpBoth = { amo: true, amc: true };
const tpAmo = { amo: true, amc: false };

/**
 * billing.md § Worked examples (consultation, BR 30,00 €). Columns: fee, AMO, flat, AMC,
 * patient at desk without TP (null = TP mandatory), patient at desk with TP AMO+AMC (null = n/a).
 */
const workedExamples: {
  case: string;
  visit: Partial<VisitBilling>;
  fee: number;
  amo: number;
  flat: number;
  amc: number;
  deskNoTp: number | null;
  deskTp: number | null;
  tpWhenBoth?: { amo: boolean; amc: boolean };
}[] = [
  {
    case: 'adult, sector 1, no AMC',
    visit: {},
    fee: 3_000,
    amo: 1_900,
    flat: 200,
    amc: 0,
    deskNoTp: 3_000,
    deskTp: null,
  },
  {
    case: 'adult, sector 1, AMC pays ticket modérateur',
    visit: { complementary: paysTm },
    fee: 3_000,
    amo: 1_900,
    flat: 200,
    amc: 900,
    deskNoTp: 3_000,
    deskTp: 200,
  },
  {
    case: 'adult, ALD-related act',
    visit: { acts: [{ code: 'G', feeCents: 3_000, baseCents: 3_000, aldRelated: true }] },
    fee: 3_000,
    amo: 2_800,
    flat: 200,
    amc: 0,
    deskNoTp: null,
    deskTp: 200,
    tpWhenBoth: tpAmo,
  },
  {
    case: 'maternity period',
    visit: { patient: { ...adult, birthDate: '1992-01-01', pregnancy: { startDate: '2025-09-01' } } },
    fee: 3_000,
    amo: 3_000,
    flat: 0,
    amc: 0,
    deskNoTp: null,
    deskTp: 0,
    tpWhenBoth: tpAmo,
  },
  {
    case: 'child of 10, AMC pays TM',
    visit: { patient: { ...adult, birthDate: '2015-09-01' }, complementary: paysTm },
    fee: 3_000,
    amo: 2_100,
    flat: 0,
    amc: 900,
    deskNoTp: 3_000,
    deskTp: 0,
  },
  {
    case: 'adult, sector 2, fee 50,00, AMC: TM + 100 % of overbilling up to 100 % BR',
    visit: {
      sector: '2',
      acts: [{ code: 'G', feeCents: 5_000, baseCents: 3_000 }],
      complementary: paysTmAndOverbillingUpToBr,
    },
    fee: 5_000,
    amo: 1_900,
    flat: 200,
    amc: 2_900,
    deskNoTp: 5_000,
    deskTp: 200,
  },
  {
    case: 'C2S patient, sector 2 practitioner',
    visit: { sector: '2', patient: { ...adult, c2s: true } },
    fee: 3_000,
    amo: 3_000,
    flat: 0,
    amc: 0,
    deskNoTp: null,
    deskTp: 0,
    tpWhenBoth: tpAmo,
  },
];

describe('fee split — billing.md worked examples (consultation, BR 30,00 €)', () => {
  for (const row of workedExamples) {
    describe(row.case, () => {
      const tp = row.deskNoTp === null ? (row.tpWhenBoth ?? tpBoth) : noTp;
      const split = computeFeeSplit(visit({ ...row.visit, thirdPartyPayment: tp }));

      it(`bills a fee of ${row.fee / 100} €`, () => expect(split.feeCents).toBe(row.fee));
      it(`has AMO pay ${row.amo / 100} € after the flat contribution`, () =>
        expect(split.amoCents).toBe(row.amo));
      it(`charges a flat contribution of ${row.flat / 100} €`, () =>
        expect(split.flatContributionCents).toBe(row.flat));
      it(`has AMC pay ${row.amc / 100} €`, () => expect(split.amcCents).toBe(row.amc));
      it('makes AMO + AMC + patient remainder add up to the fee', () =>
        expect(split.amoCents + split.amcCents + split.patientRemainderCents).toBe(split.feeCents));

      if (row.deskNoTp === null) {
        it('makes third-party payment on AMO mandatory', () => {
          expect(split.thirdPartyPaymentDue.length).toBeGreaterThan(0);
          expect(errorCodeOf(() => computeFeeSplit(visit({ ...row.visit, thirdPartyPayment: noTp })))).toBe(
            'third_party_payment_required',
          );
        });
      } else {
        it(`has the patient pay ${row.deskNoTp / 100} € at the desk without third-party payment`, () => {
          expect(split.patientPaysAtDeskCents).toBe(row.deskNoTp);
          expect(split.refundToPatientByAmoCents).toBe(row.amo);
          expect(split.refundToPatientByAmcCents).toBe(row.amc);
          expect(split.thirdPartyPaymentDue).toEqual([]);
        });
      }

      if (row.deskTp === null) {
        it('has no third-party payment with AMO + AMC (no complementary contract)', () => {
          expect(errorCodeOf(() => computeFeeSplit(visit({ ...row.visit, thirdPartyPayment: tpBoth })))).toBe(
            'complementary_contract_missing',
          );
        });
      } else {
        it(`has the patient pay ${row.deskTp / 100} € at the desk with third-party payment`, () => {
          const withTp = computeFeeSplit(
            visit({ ...row.visit, thirdPartyPayment: row.tpWhenBoth ?? tpBoth }),
          );
          expect(withTp.patientPaysAtDeskCents).toBe(row.deskTp);
          expect(withTp.claimFromAmoCents).toBe(row.amo);
          expect(withTp.claimFromAmcCents).toBe(row.tpWhenBoth?.amc === false ? 0 : row.amc);
          expect(withTp.patientPaysAtDeskCents + withTp.claimFromAmoCents + withTp.claimFromAmcCents).toBe(
            row.fee,
          );
        });
      }
    });
  }

  it('refunds 19,00 € later to an adult in sector 1 without AMC who paid 30,00 €', () => {
    const split = computeFeeSplit(visit());
    expect(split.patientPaysAtDeskCents).toBe(3_000);
    expect(split.refundToPatientByAmoCents).toBe(1_900);
    expect(split.patientRemainderCents).toBe(1_100);
  });

  it('lets the insurer recover the ALD flat contribution later: AMO claim 30,00 €, desk 0,00 €', () => {
    const split = computeFeeSplit(
      visit({
        acts: [{ code: 'G', feeCents: 3_000, baseCents: 3_000, aldRelated: true }],
        thirdPartyPayment: tpAmo,
        flatContributionRecoveredLater: true,
      }),
    );
    expect(split.claimFromAmoCents).toBe(3_000);
    expect(split.patientPaysAtDeskCents).toBe(0);
    expect(split.amoCents).toBe(2_800);
  });

  it('splits the sector 2 AMC share into 9,00 € ticket modérateur and 20,00 € overbilling', () => {
    const split = computeFeeSplit(
      visit({
        sector: '2',
        acts: [{ code: 'G', feeCents: 5_000, baseCents: 3_000 }],
        complementary: paysTmAndOverbillingUpToBr,
      }),
    );
    expect(split.overbillingCents).toBe(2_000);
    expect(split.acts[0]).toMatchObject({ amcCopaymentCents: 900, amcOverbillingCents: 2_000 });
  });

  it('counts the C2S complement inside the AMO payment (21,00 € + 9,00 €)', () => {
    const split = computeFeeSplit(visit({ patient: { ...adult, c2s: true }, thirdPartyPayment: tpAmo }));
    expect(split.acts[0]).toMatchObject({ amoGrossCents: 3_000, c2sPartCents: 900, exemption: 'c2s' });
  });
});

describe('AMO rate by situation', () => {
  const cases: [string, Partial<VisitBilling>, number, string | null][] = [
    ['70 % within the care pathway', {}, 7_000, null],
    ['30 % outside the care pathway', { patient: { ...adult, carePathway: 'out' } }, 3_000, null],
    [
      '100 % for an ALD-related act',
      {
        acts: [{ code: 'G', feeCents: 3_000, baseCents: 3_000, aldRelated: true }],
        thirdPartyPayment: tpAmo,
      },
      10_000,
      'ald',
    ],
    [
      '100 % for AT/MP',
      { patient: { ...adult, occupationalInjury: true }, thirdPartyPayment: tpAmo },
      10_000,
      'occupational_injury',
    ],
    ['100 % for AME', { patient: { ...adult, ame: true }, thirdPartyPayment: tpAmo }, 10_000, 'ame'],
    [
      '100 % in the maternity period',
      { patient: { ...adult, pregnancy: { startDate: '2025-10-10' } }, thirdPartyPayment: tpAmo },
      10_000,
      'maternity',
    ],
  ];
  for (const [name, overrides, rate, exemption] of cases) {
    it(`pays ${name}`, () => {
      const split = computeFeeSplit(visit(overrides));
      expect(split.acts[0]!.amoRate).toBe(rate);
      expect(split.acts[0]!.exemption).toBe(exemption);
    });
  }

  it('pays 9,00 − 2,00 = 7,00 € outside the care pathway, and the AMC does not pay the 40 % penalty', () => {
    const split = computeFeeSplit(
      visit({ patient: { ...adult, carePathway: 'out' }, complementary: paysTm }),
    );
    expect(split.amoCents).toBe(700);
    expect(split.amcCents).toBe(900);
    expect(split.patientRemainderCents).toBe(1_400);
  });

  it('pays 100 % only for the ALD-related act of a mixed visit', () => {
    const split = computeFeeSplit(
      visit({
        acts: [
          { code: 'G', feeCents: 3_000, baseCents: 3_000, aldRelated: true },
          { code: 'DEQP003', feeCents: 1_452, baseCents: 1_452 },
        ],
        thirdPartyPayment: tpAmo,
      }),
    );
    expect(split.acts.map((a) => a.amoRate)).toEqual([10_000, 7_000]);
    expect(split.acts[1]!.amoGrossCents).toBe(1_016); // 14,52 × 70 % = 10,164 → 10,16
  });

  it('rounds each share half up to the cent', () => {
    const split = computeFeeSplit(visit({ acts: [{ code: 'X', feeCents: 1_455, baseCents: 1_455 }] }));
    expect(split.acts[0]!.amoGrossCents).toBe(1_019); // 10,185 → 10,19
    expect(split.amoCents + split.amcCents + split.patientRemainderCents).toBe(1_455);
  });
});

describe('flat contribution', () => {
  const cases: [string, Partial<VisitBilling>, number, string | null][] = [
    ['charges 2 € to an adult', {}, 200, null],
    ['charges nothing to a minor under 18', { patient: { ...adult, birthDate: '2008-03-11' } }, 0, 'minor'],
    ['charges an adult the day they turn 18', { patient: { ...adult, birthDate: '2008-03-10' } }, 200, null],
    [
      'charges nothing to a C2S beneficiary',
      { patient: { ...adult, c2s: true }, thirdPartyPayment: tpAmo },
      0,
      'c2s',
    ],
    [
      'charges nothing to an AME beneficiary',
      { patient: { ...adult, ame: true }, thirdPartyPayment: tpAmo },
      0,
      'ame',
    ],
    [
      'charges nothing in the maternity period',
      { patient: { ...adult, pregnancy: { startDate: '2025-10-10' } }, thirdPartyPayment: tpAmo },
      0,
      'maternity',
    ],
    [
      'charges nothing for AT/MP',
      { patient: { ...adult, occupationalInjury: true }, thirdPartyPayment: tpAmo },
      0,
      'occupational_injury',
    ],
    [
      'charges an ALD patient',
      {
        acts: [{ code: 'G', feeCents: 3_000, baseCents: 3_000, aldRelated: true }],
        thirdPartyPayment: tpAmo,
      },
      200,
      null,
    ],
    [
      'charges only 1 € when 3 € were already charged today',
      { flatContributionAlready: { today: 300, thisYear: 300 } },
      100,
      null,
    ],
    [
      'charges nothing once 4 € were charged today',
      { flatContributionAlready: { today: 400, thisYear: 400 } },
      0,
      null,
    ],
    [
      'charges only 0,50 € when 49,50 € were charged this year',
      { flatContributionAlready: { today: 0, thisYear: 4_950 } },
      50,
      null,
    ],
    [
      'charges nothing once 50 € were charged this year',
      { flatContributionAlready: { today: 0, thisYear: 5_000 } },
      0,
      null,
    ],
    ['charged 1 € per act before 15 May 2024', { date: '2024-05-14' }, 100, null],
    ['charges 2 € per act from 15 May 2024', { date: '2024-05-15' }, 200, null],
  ];
  for (const [name, overrides, flat, exemption] of cases) {
    it(name, () => {
      const split = computeFeeSplit(visit(overrides));
      expect(split.flatContributionCents).toBe(flat);
      expect(split.flatContributionExemption).toBe(exemption);
    });
  }

  it('charges 2 € per act and stops at the 4 € daily cap across three acts', () => {
    const act = { code: 'DEQP003', feeCents: 1_452, baseCents: 1_452 };
    const split = computeFeeSplit(visit({ acts: [act, act, act] }));
    expect(split.acts.map((a) => a.flatContributionCents)).toEqual([200, 200, 0]);
  });

  it('never lets the flat contribution exceed the AMO payment', () => {
    const split = computeFeeSplit(visit({ acts: [{ code: 'X', feeCents: 200, baseCents: 200 }] }));
    expect(split.acts[0]!.amoGrossCents).toBe(140);
    expect(split.flatContributionCents).toBe(140);
    expect(split.amoCents).toBe(0);
  });

  it('is never paid by the complementary insurer', () => {
    const split = computeFeeSplit(visit({ complementary: paysTm }));
    expect(split.amcCents).toBe(900);
    expect(split.patientRemainderCents).toBe(200);
  });

  it('reads its amount from the rates data, not from code', () => {
    const rates: BillingRates = {
      coverage: [
        {
          validFrom: '2000-01-01',
          value: { carePathway: 7_000, outOfPathway: 3_000, fullCover: 10_000 },
          source: 't',
        },
      ],
      flatContribution: [
        {
          validFrom: '2000-01-01',
          value: { perAct: 300, dailyCap: 600, yearlyCap: 6_000, exemptUnderAge: 18 },
          source: 't',
        },
      ],
      quote: [{ validFrom: '2000-01-01', value: { threshold: 7_000 }, source: 't' }],
    };
    expect(computeFeeSplit(visit(), rates).flatContributionCents).toBe(300);
  });

  it('refuses a date with no rates in force', () => {
    expect(errorCodeOf(() => computeFeeSplit(visit({ date: '1999-01-01' })))).toBe(
      'rate_not_defined_on_date',
    );
  });
});

describe('overbilling and quote', () => {
  const overbilled = [{ code: 'G', feeCents: 4_000, baseCents: 3_000 }];
  const cases: [string, Partial<VisitBilling>, string][] = [
    ['allows overbilling in sector 2', { sector: '2', acts: overbilled }, 'no error'],
    ['allows overbilling in OPTAM', { sector: 'optam', acts: overbilled }, 'no error'],
    [
      'refuses overbilling in sector 1',
      { sector: '1', acts: overbilled },
      'overbilling_not_allowed_in_sector_1',
    ],
    [
      'allows overbilling in sector 1 on explicit patient demand (DE)',
      { acts: overbilled, patientDemand: true },
      'no error',
    ],
    [
      'refuses overbilling for a C2S patient, even in sector 2',
      { sector: '2', acts: overbilled, patient: { ...adult, c2s: true }, thirdPartyPayment: tpAmo },
      'overbilling_not_allowed',
    ],
    [
      'refuses overbilling for a C2S patient, even on patient demand',
      { acts: overbilled, patientDemand: true, patient: { ...adult, c2s: true }, thirdPartyPayment: tpAmo },
      'overbilling_not_allowed',
    ],
    [
      'requires a quote when the total fee reaches 70 €',
      { sector: '2', acts: [{ code: 'CS', feeCents: 7_000, baseCents: 3_000 }] },
      'quote_required',
    ],
    [
      'accepts 70 € when the quote was given',
      { sector: '2', acts: [{ code: 'CS', feeCents: 7_000, baseCents: 3_000 }], quoteGiven: true },
      'no error',
    ],
    [
      'needs no quote at 69,99 €',
      { sector: '2', acts: [{ code: 'CS', feeCents: 6_999, baseCents: 3_000 }] },
      'no error',
    ],
    [
      'adds the acts of the visit to reach the quote threshold',
      {
        sector: '2',
        acts: [
          { code: 'CS', feeCents: 4_000, baseCents: 3_000 },
          { code: 'DEQP003', feeCents: 3_000, baseCents: 1_452 },
        ],
      },
      'quote_required',
    ],
    [
      'needs no quote for 70 € without overbilling',
      { acts: [{ code: 'APC', feeCents: 7_000, baseCents: 7_000 }] },
      'no error',
    ],
    [
      'refuses a fee below the reimbursement base',
      { acts: [{ code: 'G', feeCents: 2_000, baseCents: 3_000 }] },
      'fee_below_base',
    ],
    [
      'refuses a fee in fractions of a cent',
      { acts: [{ code: 'G', feeCents: 30.5, baseCents: 30 }] },
      'amount_not_integer_cents',
    ],
    ['refuses a visit without acts', { acts: [] }, 'visit_without_acts'],
  ];
  for (const [name, overrides, code] of cases) {
    it(name, () => expect(errorCodeOf(() => computeFeeSplit(visit(overrides)))).toBe(code));
  }

  it('caps the AMC overbilling share at its percentage of BR', () => {
    const split = computeFeeSplit(
      visit({
        sector: '2',
        acts: [{ code: 'CS', feeCents: 6_000, baseCents: 2_300 }],
        complementary: { paysCopayment: true, overbillingShare: 10_000, overbillingCapOfBase: 5_000 },
      }),
    );
    expect(split.acts[0]!.amcOverbillingCents).toBe(1_150);
    expect(split.patientRemainderCents).toBe(6_000 - split.amoCents - split.amcCents);
  });

  it('pays only its share of the overbilling when below the cap', () => {
    const split = computeFeeSplit(
      visit({
        sector: '2',
        acts: [{ code: 'CS', feeCents: 4_000, baseCents: 3_000 }],
        complementary: { paysCopayment: false, overbillingShare: 5_000, overbillingCapOfBase: 10_000 },
      }),
    );
    expect(split.amcCents).toBe(500);
  });
});

describe('third-party payment due', () => {
  const cases: [string, Parameters<typeof thirdPartyPaymentDue>[0], boolean, string[]][] = [
    ['is optional for a standard adult visit', adult, false, []],
    ['is due for an ALD-related act', adult, true, ['ald']],
    [
      'is due in the maternity period',
      { ...adult, pregnancy: { startDate: '2025-10-01' } },
      false,
      ['maternity'],
    ],
    ['is due for AT/MP', { ...adult, occupationalInjury: true }, false, ['occupational_injury']],
    ['is due for C2S', { ...adult, c2s: true }, false, ['c2s']],
    ['is due for AME', { ...adult, ame: true }, false, ['ame']],
  ];
  for (const [name, patient, ald, reasons] of cases) {
    it(name, () => expect(thirdPartyPaymentDue(patient, [{ aldRelated: ald }], date)).toEqual(reasons));
  }
});

describe('maternity period', () => {
  const pregnancy = { startDate: '2025-01-15', deliveryDate: '2025-09-20' };
  const cases: [string, string, boolean][] = [
    ['is not yet in the 5th month', '2025-06-14', false],
    ['starts on the first day of the 6th month of pregnancy', '2025-06-15', true],
    ['covers the birth', '2025-09-20', true],
    ['lasts until 12 days after birth', '2025-10-02', true],
    ['ends the 13th day after birth', '2025-10-03', false],
  ];
  for (const [name, on, expected] of cases) {
    it(name, () => expect(isInMaternityPeriod(pregnancy, on)).toBe(expected));
  }

  it('stays open while the birth date is unknown', () => {
    expect(isInMaternityPeriod({ startDate: '2025-01-15' }, '2025-12-01')).toBe(true);
  });
});
