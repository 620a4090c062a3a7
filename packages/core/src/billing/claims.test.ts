import { describe, expect, it } from 'vitest';
import { errorCodeOf } from '../errors/error-code-of.ts';
import {
  buildClaim,
  type ClaimInput,
  type ClaimReceivable,
  groupClaimsIntoBatches,
  parseClaimBatchFile,
  parseRemittance,
  reconcileRemittance,
  writeClaimBatchFile,
} from './claims.ts';
import { computeFeeSplit } from './fee-split.ts';

const split = computeFeeSplit({
  date: '2026-03-10',
  sector: '1',
  acts: [{ code: 'G', feeCents: 3_000, baseCents: 3_000, aldRelated: true }],
  patient: { birthDate: '1985-05-01', carePathway: 'in' },
  complementary: null,
  flatContributionAlready: { today: 0, thisYear: 0 },
  thirdPartyPayment: { amo: true, amc: false },
});
const insured = { nir: '1 85 05 78 006 084 91', rank: 1, regime: '01', fund: '751' };
const input: ClaimInput = {
  number: '000000101',
  practitioner: { rpps: '10001234565' },
  insured,
  date: '2026-03-10',
  coefficients: [1],
  split,
  thirdPartyPayment: { amo: true, amc: false },
  mode: 'secure',
};

describe('claim (FSE) from a billed visit', () => {
  const claim = buildClaim(input);
  it('carries the acts with their amounts and shares', () => {
    expect(claim.acts).toEqual([
      {
        code: 'G',
        coefficient: 1,
        feeCents: 3_000,
        baseCents: 3_000,
        amoCents: 2_800,
        amcCents: 0,
        exemption: 'ald',
      },
    ]);
    expect(claim).toMatchObject({
      feeCents: 3_000,
      amoCents: 2_800,
      flatContributionCents: 200,
      patientCents: 200,
    });
  });
  it('names the exemption reason and third-party payment flags', () => {
    expect(claim.exemptionReason).toBe('ald');
    expect(claim.thirdPartyPayment).toEqual({ amo: true, amc: false });
  });
  it('uses the insured as beneficiary when none is given', () =>
    expect(claim.beneficiary.nir).toBe('1850578006084' + '91'));
  it('is sent to the insured person’s régime and caisse', () => expect(claim.destination).toBe('01751'));

  const invalid: [string, Partial<ClaimInput>, string][] = [
    ['an RPPS with a wrong key', { practitioner: { rpps: '10001234566' } }, 'invalid_rpps'],
    ['a NIR with a wrong key', { insured: { ...insured, nir: '1 85 05 78 006 084 92' } }, 'invalid_nir'],
    ['a birth rank of 0', { insured: { ...insured, rank: 0 } }, 'beneficiary_rank_invalid'],
    ['a 3-digit régime', { insured: { ...insured, regime: '001' } }, 'regime_invalid'],
    ['a 2-digit caisse', { insured: { ...insured, fund: '75' } }, 'fund_invalid'],
    [
      'AMC third-party payment without the AMC id',
      { thirdPartyPayment: { amo: true, amc: true } },
      'required',
    ],
    [
      'a prescriber with a wrong RPPS',
      { prescriber: { rpps: '123', prescribedOn: '2026-03-01' } },
      'invalid_rpps',
    ],
  ];
  for (const [name, overrides, code] of invalid) {
    it(`refuses ${name}`, () => expect(errorCodeOf(() => buildClaim({ ...input, ...overrides }))).toBe(code));
  }
});

describe('claim batches', () => {
  const claims = [
    buildClaim(input),
    buildClaim({ ...input, number: '000000102' }),
    buildClaim({ ...input, number: '000000103', insured: { ...insured, fund: '921' } }),
  ];
  it('groups claims per destination insurer', () => {
    const batches = groupClaimsIntoBatches(claims, { firstBatchNumber: 7, createdOn: '2026-03-10' });
    expect(batches.map((b) => [b.number, b.destination, b.count, b.totalAmoCents])).toEqual([
      ['000007', '01751', 2, 5_600],
      ['000008', '01921', 1, 2_800],
    ]);
  });
  it('splits a destination into batches of at most maxPerBatch claims', () => {
    const batches = groupClaimsIntoBatches(claims, {
      firstBatchNumber: 1,
      createdOn: '2026-03-10',
      maxPerBatch: 1,
    });
    expect(batches).toHaveLength(3);
  });
  it('writes a batch file and reads it back unchanged', () => {
    const [batch] = groupClaimsIntoBatches(claims, { firstBatchNumber: 7, createdOn: '2026-03-10' });
    const text = writeClaimBatchFile(batch!);
    expect(text.split('\n')[0]).toContain('"format":"pivot-claim-batch/1"');
    expect(parseClaimBatchFile(text)).toEqual(batch);
  });
  it('refuses a batch file whose count does not match', () => {
    const [batch] = groupClaimsIntoBatches(claims, { firstBatchNumber: 7, createdOn: '2026-03-10' });
    const lines = writeClaimBatchFile(batch!).trim().split('\n');
    lines.splice(1, 1);
    expect(errorCodeOf(() => parseClaimBatchFile(lines.join('\n')))).toBe('batch_file_malformed');
  });
  it('refuses a file that is not a batch', () =>
    expect(errorCodeOf(() => parseClaimBatchFile('hello'))).toBe('batch_file_malformed'));
});

describe('remittance return files', () => {
  const text = [
    'RET;R-2026-0042;amo;01751;2026-03-20',
    'ARL;000007;OK',
    'PAY;000000101;2800;2026-03-20;VIR-889',
    'PAY;000000102;2500;2026-03-20;VIR-889',
    'REJ;000000103;C11;Droits non ouverts',
    'PAY;000000999;1000;2026-03-20;VIR-889',
    'END;5',
  ].join('\r\n');

  it('reads acknowledgements, payments and rejections', () => {
    const { remittance, errors } = parseRemittance(text);
    expect(errors).toEqual([]);
    expect(remittance).toMatchObject({
      returnId: 'R-2026-0042',
      insurerKind: 'amo',
      insurerId: '01751',
      date: '2026-03-20',
    });
    expect(remittance!.acknowledgements).toEqual([{ batchNumber: '000007', accepted: true }]);
    expect(remittance!.payments).toHaveLength(3);
    expect(remittance!.rejections).toEqual([
      { claimNumber: '000000103', reasonCode: 'C11', label: 'Droits non ouverts' },
    ]);
  });
  it('reads a rejected batch with its reason', () => {
    const { remittance } = parseRemittance(
      'RET;R1;amo;01751;2026-03-20\nARL;000008;KO;L02;Lot illisible\nEND;1',
    );
    expect(remittance!.acknowledgements).toEqual([
      { batchNumber: '000008', accepted: false, reasonCode: 'L02', label: 'Lot illisible' },
    ]);
  });
  it('reports an unreadable line with its number', () => {
    expect(parseRemittance('RET;R1;amo;01751;2026-03-20\nPAY;1;12,00;2026-03-20;x\nEND;1').errors).toEqual([
      { line: 2, code: 'remittance_line_invalid' },
    ]);
  });
  it('reports a wrong trailer count', () =>
    expect(parseRemittance('RET;R1;amo;01751;2026-03-20\nARL;1;OK\nEND;3').errors[0]!.code).toBe(
      'remittance_trailer_invalid',
    ));
  it('reports a bad header', () =>
    expect(parseRemittance('XYZ').errors[0]!.code).toBe('remittance_header_invalid'));

  const receivables: ClaimReceivable[] = ['000000101', '000000102', '000000103'].map((claimNumber) => ({
    claimNumber,
    batchNumber: claimNumber === '000000103' ? '000008' : '000007',
    debtor: { kind: 'amo', id: '01751' },
    amountCents: 2_800,
    paidCents: 0,
    status: 'pending',
  }));
  const { remittance } = parseRemittance(text);

  it('reconciles payments, differences, rejections and unknown claims', () => {
    const result = reconcileRemittance(receivables, remittance!, new Set());
    expect(result.alreadyImported).toBe(false);
    expect(result.receivables.map((r) => [r.claimNumber, r.status, r.paidCents, r.rejectionCode])).toEqual([
      ['000000101', 'paid', 2_800, undefined],
      ['000000102', 'partially_paid', 2_500, undefined],
      ['000000103', 'rejected', 0, 'C11'],
    ]);
    expect(result.differences).toEqual([
      { claimNumber: '000000102', expectedCents: 2_800, paidCents: 2_500 },
    ]);
    expect(result.unknownClaims).toEqual(['000000999']);
    expect(result.payments.map((p) => p.claimNumber)).toEqual(['000000101', '000000102']);
  });
  it('changes nothing when the same return is imported twice', () => {
    const once = reconcileRemittance(receivables, remittance!, new Set());
    const twice = reconcileRemittance(once.receivables, remittance!, new Set(['R-2026-0042']));
    expect(twice.alreadyImported).toBe(true);
    expect(twice.receivables).toEqual(once.receivables);
    expect(twice.payments).toEqual([]);
  });
  it('leaves the AMC part of a claim alone in an AMO return', () => {
    const amc: ClaimReceivable = { ...receivables[0]!, debtor: { kind: 'amc', id: 'mut' } };
    const result = reconcileRemittance([amc], remittance!, new Set());
    expect(result.receivables[0]!.status).toBe('pending');
  });
  it('marks a batch acknowledged by its ARL', () => {
    const { remittance: ack } = parseRemittance('RET;R2;amo;01751;2026-03-12\nARL;000007;OK\nEND;1');
    const result = reconcileRemittance(receivables, ack!, new Set());
    expect(result.receivables.map((r) => r.status)).toEqual(['acknowledged', 'acknowledged', 'pending']);
  });
});
