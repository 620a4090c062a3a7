import { assertIsoDate, type IsoDate, isIsoDate } from '../calendar/index.ts';
import { DomainError } from '../errors/domain-error.ts';
import { isValidNir } from '../identity/index.ts';
import type { Cents } from '../money/index.ts';
import { isValidRpps } from '../organization/index.ts';
import type { ExemptionReason, FeeSplit } from './fee-split.ts';
import type { Debtor } from './payments.ts';

/** An insured person or a beneficiary as the insurer knows them. */
export interface CoveredPerson {
  nir: string;
  /** Birth rank (rang de naissance) distinguishing twins on the same NIR: 1 to 9. */
  rank: number;
  /** Régime code, 2 digits (01 régime général). */
  regime: string;
  /** Caisse (fund) code, 3 digits. */
  fund: string;
}

export interface ClaimAct {
  code: string;
  coefficient?: number | undefined;
  feeCents: Cents;
  baseCents: Cents;
  amoCents: Cents;
  amcCents: Cents;
  exemption: ExemptionReason | null;
}

/** A feuille de soins électronique (FSE): billing.md § Claims. */
export interface Claim {
  number: string;
  practitioner: { rpps: string; amNumber?: string | undefined };
  insured: CoveredPerson;
  beneficiary: CoveredPerson;
  date: IsoDate;
  acts: ClaimAct[];
  feeCents: Cents;
  amoCents: Cents;
  amcCents: Cents;
  flatContributionCents: Cents;
  patientCents: Cents;
  exemptionReason: ExemptionReason | null;
  thirdPartyPayment: { amo: boolean; amc: boolean };
  amcId?: string | undefined;
  prescriber?: { rpps: string; prescribedOn: IsoDate } | undefined;
  /** Secure with the Vitale card, degraded without (a paper copy follows). */
  mode: 'secure' | 'degraded';
  /** The destination insurer: régime + caisse. */
  destination: string;
}

export interface ClaimInput {
  number: string;
  practitioner: { rpps: string; amNumber?: string | undefined };
  insured: CoveredPerson;
  beneficiary?: CoveredPerson | undefined;
  date: IsoDate;
  /** Coefficients by act position, for NGAP acts billed with one. */
  coefficients?: readonly (number | undefined)[] | undefined;
  split: FeeSplit;
  thirdPartyPayment: { amo: boolean; amc: boolean };
  amcId?: string | undefined;
  prescriber?: { rpps: string; prescribedOn: IsoDate } | undefined;
  mode: 'secure' | 'degraded';
}

function checkPerson(person: CoveredPerson, field: string): CoveredPerson {
  if (!isValidNir(person.nir)) throw new DomainError('invalid_nir', { field: `${field}.nir` });
  if (!Number.isInteger(person.rank) || person.rank < 1 || person.rank > 9) {
    throw new DomainError('beneficiary_rank_invalid', { field: `${field}.rank` });
  }
  if (!/^\d{2}$/.test(person.regime)) throw new DomainError('regime_invalid', { field: `${field}.regime` });
  if (!/^\d{3}$/.test(person.fund)) throw new DomainError('fund_invalid', { field: `${field}.fund` });
  return { ...person, nir: person.nir.replace(/\s/g, '').toUpperCase() };
}

export function buildClaim(input: ClaimInput): Claim {
  if (input.number.trim() === '') throw new DomainError('required', { field: 'number' });
  if (!isValidRpps(input.practitioner.rpps))
    throw new DomainError('invalid_rpps', { field: 'practitioner.rpps' });
  if (input.prescriber && !isValidRpps(input.prescriber.rpps))
    throw new DomainError('invalid_rpps', { field: 'prescriber.rpps' });
  const date = assertIsoDate(input.date, 'date');
  if (input.thirdPartyPayment.amc && !input.amcId) throw new DomainError('required', { field: 'amcId' });
  const insured = checkPerson(input.insured, 'insured');
  const beneficiary = checkPerson(input.beneficiary ?? input.insured, 'beneficiary');
  const { split } = input;
  const exemptions = split.acts.map((a) => a.exemption).filter((e): e is ExemptionReason => e !== null);
  return {
    number: input.number.trim(),
    practitioner: { ...input.practitioner, rpps: input.practitioner.rpps.replace(/\s/g, '') },
    insured,
    beneficiary,
    date,
    acts: split.acts.map((a, i) => ({
      code: a.code,
      coefficient: input.coefficients?.[i],
      feeCents: a.feeCents,
      baseCents: a.baseCents,
      amoCents: a.amoCents,
      amcCents: a.amcCents,
      exemption: a.exemption,
    })),
    feeCents: split.feeCents,
    amoCents: split.amoCents,
    amcCents: split.amcCents,
    flatContributionCents: split.flatContributionCents,
    patientCents: split.patientRemainderCents,
    exemptionReason: exemptions[0] ?? null,
    thirdPartyPayment: { ...input.thirdPartyPayment },
    amcId: input.amcId,
    prescriber: input.prescriber,
    mode: input.mode,
    destination: `${insured.regime}${insured.fund}`,
  };
}

export interface ClaimBatch {
  number: string;
  destination: string;
  createdOn: IsoDate;
  claims: Claim[];
  count: number;
  totalFeeCents: Cents;
  totalAmoCents: Cents;
}

/**
 * Groups claims into batches (lots) per destination insurer, at most `maxPerBatch` claims each;
 * batch numbers follow on from `firstBatchNumber` (destinations in code order, for stable output).
 */
export function groupClaimsIntoBatches(
  claims: readonly Claim[],
  options: { firstBatchNumber: number; createdOn: IsoDate; maxPerBatch?: number },
): ClaimBatch[] {
  const max = options.maxPerBatch ?? 500;
  if (!Number.isInteger(max) || max < 1)
    throw new DomainError('batch_size_invalid', { field: 'maxPerBatch' });
  const byDestination = new Map<string, Claim[]>();
  for (const claim of claims)
    byDestination.set(claim.destination, [...(byDestination.get(claim.destination) ?? []), claim]);
  const batches: ClaimBatch[] = [];
  let next = options.firstBatchNumber;
  for (const destination of [...byDestination.keys()].sort()) {
    const all = byDestination.get(destination)!;
    for (let i = 0; i < all.length; i += max) {
      const part = all.slice(i, i + max);
      batches.push({
        number: String(next++).padStart(6, '0'),
        destination,
        createdOn: options.createdOn,
        claims: part,
        count: part.length,
        totalFeeCents: part.reduce((s, c) => s + c.feeCents, 0),
        totalAmoCents: part.reduce((s, c) => s + c.amoCents, 0),
      });
    }
  }
  return batches;
}

/**
 * Batch file format `pivot-claim-batch/1`: UTF-8 JSON lines, `\n`-separated.
 *   line 1: {"record":"batch","format":"pivot-claim-batch/1","number","destination","createdOn","count","totalFeeCents","totalAmoCents"}
 *   then one {"record":"claim", ...Claim} per claim
 *   last:   {"record":"end","count"}
 * The reader checks the format tag, the count in header and trailer and both totals.
 */
export const claimBatchFormat = 'pivot-claim-batch/1';

export function writeClaimBatchFile(batch: ClaimBatch): string {
  const { claims, ...header } = batch;
  return [
    JSON.stringify({ record: 'batch', format: claimBatchFormat, ...header }),
    ...claims.map((c) => JSON.stringify({ record: 'claim', ...c })),
    JSON.stringify({ record: 'end', count: claims.length }),
  ]
    .join('\n')
    .concat('\n');
}

function malformed(line: number, reason: string): DomainError {
  return new DomainError('batch_file_malformed', { field: 'file', params: { line, reason } });
}

export function parseClaimBatchFile(text: string): ClaimBatch {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const records = lines.map((line, i) => {
    try {
      return JSON.parse(line) as Record<string, unknown>;
    } catch {
      throw malformed(i + 1, 'json');
    }
  });
  const header = records[0];
  const trailer = records[records.length - 1];
  if (header?.record !== 'batch' || header.format !== claimBatchFormat) throw malformed(1, 'header');
  if (trailer?.record !== 'end' || records.length < 2) throw malformed(records.length, 'trailer');
  const claims = records.slice(1, -1).map((r, i) => {
    if (r.record !== 'claim') throw malformed(i + 2, 'record');
    const { record: _record, ...claim } = r;
    return claim as unknown as Claim;
  });
  const { record: _r, format: _f, ...rest } = header;
  const batch = { ...(rest as Omit<ClaimBatch, 'claims'>), claims };
  if (batch.count !== claims.length || trailer.count !== claims.length)
    throw malformed(records.length, 'count');
  if (batch.totalFeeCents !== claims.reduce((s, c) => s + c.feeCents, 0)) throw malformed(1, 'total_fee');
  if (batch.totalAmoCents !== claims.reduce((s, c) => s + c.amoCents, 0)) throw malformed(1, 'total_amo');
  if (!isIsoDate(batch.createdOn)) throw malformed(1, 'date');
  return batch;
}

/**
 * Remittance (NOEMIE-like return) file format `pivot-remittance/1`: `;`-separated text lines.
 *   RET;<returnId>;<amo|amc>;<insurerId>;<YYYY-MM-DD>     first line, once
 *   ARL;<batchNumber>;OK                                  batch acknowledged
 *   ARL;<batchNumber>;KO;<reasonCode>;<label>             batch rejected
 *   PAY;<claimNumber>;<amountCents>;<YYYY-MM-DD>;<paymentReference>
 *   REJ;<claimNumber>;<reasonCode>;<label>
 *   END;<number of lines between RET and END>             last line
 */
export interface Remittance {
  returnId: string;
  insurerKind: 'amo' | 'amc';
  insurerId: string;
  date: IsoDate;
  acknowledgements: {
    batchNumber: string;
    accepted: boolean;
    reasonCode?: string | undefined;
    label?: string | undefined;
  }[];
  payments: { claimNumber: string; amountCents: Cents; paidOn: IsoDate; reference: string }[];
  rejections: { claimNumber: string; reasonCode: string; label: string }[];
}

export interface RemittanceParse {
  remittance: Remittance | null;
  errors: { line: number; code: string }[];
}

export function parseRemittance(text: string): RemittanceParse {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((l) => l.trim());
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const errors: { line: number; code: string }[] = [];
  const head = (lines[0] ?? '').split(';');
  if (
    head[0] !== 'RET' ||
    head.length !== 5 ||
    !head[1] ||
    (head[2] !== 'amo' && head[2] !== 'amc') ||
    !isIsoDate(head[4] ?? '')
  ) {
    return { remittance: null, errors: [{ line: 1, code: 'remittance_header_invalid' }] };
  }
  const remittance: Remittance = {
    returnId: head[1],
    insurerKind: head[2],
    insurerId: head[3] ?? '',
    date: head[4]!,
    acknowledgements: [],
    payments: [],
    rejections: [],
  };
  const last = (lines[lines.length - 1] ?? '').split(';');
  if (last[0] !== 'END' || Number(last[1]) !== lines.length - 2) {
    errors.push({ line: lines.length, code: 'remittance_trailer_invalid' });
  }
  lines.slice(1, -1).forEach((raw, i) => {
    const line = i + 2;
    const f = raw.split(';');
    if (f[0] === 'ARL' && f[1] && (f[2] === 'OK' || (f[2] === 'KO' && f[3]))) {
      remittance.acknowledgements.push(
        f[2] === 'OK'
          ? { batchNumber: f[1], accepted: true }
          : { batchNumber: f[1], accepted: false, reasonCode: f[3], label: f[4] ?? '' },
      );
    } else if (f[0] === 'PAY' && f.length === 5 && f[1] && /^\d+$/.test(f[2]!) && isIsoDate(f[3]!)) {
      remittance.payments.push({
        claimNumber: f[1],
        amountCents: Number(f[2]),
        paidOn: f[3]!,
        reference: f[4]!,
      });
    } else if (f[0] === 'REJ' && f.length >= 3 && f[1] && f[2]) {
      remittance.rejections.push({ claimNumber: f[1], reasonCode: f[2], label: f[3] ?? '' });
    } else {
      errors.push({ line, code: 'remittance_line_invalid' });
    }
  });
  return { remittance: errors.length === 0 ? remittance : null, errors };
}

export type ClaimStatus = 'pending' | 'acknowledged' | 'paid' | 'partially_paid' | 'rejected';

/** What one insurer owes on one claim. */
export interface ClaimReceivable {
  claimNumber: string;
  batchNumber: string;
  debtor: Debtor;
  amountCents: Cents;
  paidCents: Cents;
  status: ClaimStatus;
  rejectionCode?: string | undefined;
}

export interface Reconciliation {
  alreadyImported: boolean;
  receivables: ClaimReceivable[];
  payments: { claimNumber: string; amountCents: Cents; paidOn: IsoDate; reference: string }[];
  unknownClaims: string[];
  differences: { claimNumber: string; expectedCents: Cents; paidCents: Cents }[];
}

/**
 * Applies a remittance to the claim receivables of its insurer. Importing the same return twice
 * changes nothing: returns are identified by their id.
 */
export function reconcileRemittance(
  receivables: readonly ClaimReceivable[],
  remittance: Remittance,
  importedReturnIds: ReadonlySet<string>,
): Reconciliation {
  if (importedReturnIds.has(remittance.returnId)) {
    return {
      alreadyImported: true,
      receivables: [...receivables],
      payments: [],
      unknownClaims: [],
      differences: [],
    };
  }
  const mine = (r: ClaimReceivable) => r.debtor.kind === remittance.insurerKind;
  const updated = receivables.map((r) => ({ ...r }));
  const unknownClaims: string[] = [];
  const differences: Reconciliation['differences'] = [];
  for (const ack of remittance.acknowledgements) {
    for (const r of updated) {
      if (!mine(r) || r.batchNumber !== ack.batchNumber || r.status !== 'pending') continue;
      r.status = ack.accepted ? 'acknowledged' : 'rejected';
      if (!ack.accepted) r.rejectionCode = ack.reasonCode;
    }
  }
  for (const payment of remittance.payments) {
    const r = updated.find((x) => mine(x) && x.claimNumber === payment.claimNumber);
    if (!r) {
      unknownClaims.push(payment.claimNumber);
      continue;
    }
    r.paidCents += payment.amountCents;
    r.status = r.paidCents >= r.amountCents ? 'paid' : 'partially_paid';
    if (r.paidCents !== r.amountCents) {
      differences.push({ claimNumber: r.claimNumber, expectedCents: r.amountCents, paidCents: r.paidCents });
    }
  }
  for (const rejection of remittance.rejections) {
    const r = updated.find((x) => mine(x) && x.claimNumber === rejection.claimNumber);
    if (!r) {
      unknownClaims.push(rejection.claimNumber);
      continue;
    }
    r.status = 'rejected';
    r.rejectionCode = rejection.reasonCode;
  }
  return {
    alreadyImported: false,
    receivables: updated,
    payments: remittance.payments.filter((p) => !unknownClaims.includes(p.claimNumber)),
    unknownClaims,
    differences,
  };
}
