import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DomainError } from '@pivot/core';
import {
  type Claim,
  type ClaimBatch,
  type ClaimReceivable,
  type ClaimStatus,
  groupClaimsIntoBatches,
  parseRemittance,
  reconcileRemittance,
  writeClaimBatchFile,
} from '@pivot/core/billing';
import type { Kysely } from 'kysely';
import { auditFrom, auditOfPatientsFrom } from '../audit/index.ts';
import type { Database } from '../db/schema.ts';
import { privateDirectoryMode, privateFileMode } from '../files/private-files.ts';
import type { Actor } from '../http/request-context.ts';
import { loadCoverage } from '../patients/index.ts';
import {
  countClaimBatches,
  findRemittanceImport,
  insertClaimBatch,
  insertRemittanceImport,
  listClaimBatches,
  listClaimsWithPatients,
  listInsurerClaimReceivables,
  listPendingClaims,
  lockClaim,
  lockClaimSending,
  lockRemittanceImports,
  markClaimsSent,
  resetClaimForResending,
  updateClaimBatchStatus,
  updateClaimOutcome,
} from './claim-repository.ts';
import { insertPayment } from './payment-service.ts';
import { moveOpenAmoReceivables } from './receivable-repository.ts';
import { amoDebtorId } from './visit-service.ts';

/**
 * Where claim batches go. Real SESAM-Vitale transmission needs CNDA-approved components that a
 * deployment plugs in behind this interface; Pivot ships the file adapter below.
 */
export interface ClaimTransmissionAdapter {
  readonly name: string;
  send(batch: ClaimBatch, content: string): Promise<{ fileName: string }>;
}

/** Writes each batch as a `pivot-claim-batch/1` file (format documented in core claims.ts) in a directory. */
export function fileTransmissionAdapter(directory: string): ClaimTransmissionAdapter {
  return {
    name: 'file',
    async send(batch, content) {
      await mkdir(directory, { recursive: true, mode: privateDirectoryMode });
      const fileName = `lot-${batch.destination}-${batch.number}.jsonl`;
      await writeFile(join(directory, fileName), content, { encoding: 'utf8', mode: privateFileMode });
      return { fileName };
    },
  };
}

/** Claims to insurers, newest first; each patient shown is traced (CSP L1110-4). */
export async function listClaims(db: Kysely<Database>, actor: Actor, status?: string) {
  const { organizationId } = actor;
  return db.transaction().execute(async (tx) => {
    const rows = await listClaimsWithPatients(tx, organizationId, status);
    await auditOfPatientsFrom(actor)(
      tx,
      { action: 'read', entity: 'claims', details: { status: status ?? null, count: rows.length } },
      rows.map((r) => r.patient_id),
    );
    return rows.map((r) => ({
      id: r.id,
      number: r.number,
      destination: r.destination,
      date: r.claim_date,
      feeCents: r.fee_cents,
      amoCents: r.amo_cents,
      amcCents: r.amc_cents,
      status: r.status,
      rejection: r.rejection_code ? { code: r.rejection_code, label: r.rejection_label } : null,
      batchNumber: r.batch_number,
      patientId: r.patient_id,
      patientName: `${r.used_name || r.birth_name} ${r.first_given_name}`,
    }));
  });
}

/** Groups the pending claims in batches per destination insurer and sends each through the adapter. */
export async function sendPendingClaims(
  db: Kysely<Database>,
  actor: Actor,
  adapter: ClaimTransmissionAdapter,
  today: string,
) {
  return db.transaction().execute(async (tx) => {
    await lockClaimSending(tx, actor.organizationId);
    const pending = await listPendingClaims(tx, actor.organizationId);
    if (pending.length === 0) throw new DomainError('no_pending_claims');
    const count = await countClaimBatches(tx, actor.organizationId);
    const batches = groupClaimsIntoBatches(
      pending.map((p) => p.data as unknown as Claim),
      { firstBatchNumber: Number(count?.n ?? 0) + 1, createdOn: today },
    );
    const sent = [];
    for (const batch of batches) {
      const { fileName } = await adapter.send(batch, writeClaimBatchFile(batch));
      const row = await insertClaimBatch(tx, actor.organizationId, {
        number: batch.number,
        destination: batch.destination,
        created_on: batch.createdOn,
        claim_count: batch.count,
        total_fee_cents: batch.totalFeeCents,
        total_amo_cents: batch.totalAmoCents,
        adapter: adapter.name,
        file_name: fileName,
        rejection_code: null,
        created_by: actor.userId,
      });
      const ids = pending.filter((p) => batch.claims.some((c) => c.number === p.number)).map((p) => p.id);
      await markClaimsSent(tx, row.id, ids);
      sent.push({
        id: row.id,
        number: batch.number,
        destination: batch.destination,
        count: batch.count,
        fileName,
      });
    }
    await auditFrom(actor)(tx, {
      action: 'send',
      entity: 'claim_batch',
      details: { batches: sent.length, claims: pending.length, adapter: adapter.name },
    });
    return { batches: sent };
  });
}

export async function listBatches(db: Kysely<Database>, organizationId: string) {
  const rows = await listClaimBatches(db, organizationId);
  return rows.map((b) => ({
    id: b.id,
    number: b.number,
    destination: b.destination,
    createdOn: b.created_on,
    count: b.claim_count,
    totalFeeCents: b.total_fee_cents,
    totalAmoCents: b.total_amo_cents,
    adapter: b.adapter,
    fileName: b.file_name,
    status: b.status,
  }));
}

const receivableStatus = (claimStatus: string): ClaimStatus =>
  claimStatus === 'sent' || claimStatus === 'cancelled' ? 'pending' : (claimStatus as ClaimStatus);

/**
 * Imports a remittance (NOEMIE-like return, format in core claims.ts): acknowledgements, payments
 * and rejections reconciled against the insurer's receivables. A return already imported (same
 * return id) changes nothing.
 */
export async function importRemittance(
  db: Kysely<Database>,
  actor: Actor,
  input: { fileName: string; content: string },
) {
  const parsed = parseRemittance(input.content);
  if (!parsed.remittance) {
    const first = parsed.errors[0]!;
    throw new DomainError(first.code, {
      field: 'content',
      params: { line: first.line },
      details: { errors: parsed.errors },
    });
  }
  const remittance = parsed.remittance;
  return db.transaction().execute(async (tx) => {
    await lockRemittanceImports(tx, actor.organizationId);
    const existing = await findRemittanceImport(tx, actor.organizationId, remittance.returnId);
    if (existing) return { alreadyImported: true, id: existing.id, ...(existing.summary as object) };
    const rows = await listInsurerClaimReceivables(tx, actor.organizationId, remittance.insurerKind);
    const receivables: ClaimReceivable[] = rows.map((r) => ({
      claimNumber: r.claim_number,
      batchNumber: r.batch_number ?? '',
      debtor: { kind: r.debtor_kind, id: r.debtor_id },
      amountCents: r.amount_cents,
      paidCents: r.paid_cents,
      status: receivableStatus(r.claim_status),
    }));
    const result = reconcileRemittance(receivables, remittance, new Set());
    const summary = {
      returnId: remittance.returnId,
      payments: result.payments.length,
      paidCents: result.payments.reduce((s, p) => s + p.amountCents, 0),
      rejections: remittance.rejections.length,
      acknowledgements: remittance.acknowledgements.length,
      unknownClaims: result.unknownClaims,
      differences: result.differences,
    };
    const imported = await insertRemittanceImport(tx, actor.organizationId, {
      return_id: remittance.returnId,
      file_name: input.fileName,
      file_sha256: createHash('sha256').update(input.content).digest('hex'),
      insurer_kind: remittance.insurerKind,
      insurer_id: remittance.insurerId,
      return_date: remittance.date,
      summary: JSON.stringify(summary),
      imported_by: actor.userId,
    });
    for (const payment of result.payments) {
      const row = rows.find((r) => r.claim_number === payment.claimNumber)!;
      await insertPayment(
        tx,
        actor,
        {
          date: payment.paidOn,
          amountCents: payment.amountCents,
          method: { kind: 'transfer', reference: payment.reference },
          payer: { kind: remittance.insurerKind, id: row.debtor_id },
          targetDueIds: [row.id],
        },
        {
          remittanceImportId: imported.id,
          label: `Règlement ${remittance.insurerKind.toUpperCase()} ${remittance.returnId}`,
        },
      );
    }
    for (const r of result.receivables) {
      const row = rows.find((x) => x.claim_number === r.claimNumber)!;
      if (receivableStatus(row.claim_status) === r.status) continue;
      await updateClaimOutcome(tx, row.claim_id, {
        status: r.status === 'pending' ? 'sent' : r.status,
        rejection_code: r.rejectionCode ?? null,
        rejection_label:
          remittance.rejections.find((x) => x.claimNumber === r.claimNumber)?.label ??
          remittance.acknowledgements.find((a) => a.batchNumber === r.batchNumber)?.label ??
          null,
      });
    }
    for (const ack of remittance.acknowledgements) {
      await updateClaimBatchStatus(tx, actor.organizationId, ack.batchNumber, {
        status: ack.accepted ? 'acknowledged' : 'rejected',
        rejection_code: ack.reasonCode ?? null,
      });
    }
    await auditFrom(actor)(tx, {
      action: 'import',
      entity: 'remittance',
      entityId: imported.id,
      details: { returnId: remittance.returnId, payments: summary.payments, rejections: summary.rejections },
    });
    return { alreadyImported: false, id: imported.id, ...summary };
  });
}

/**
 * Reworks a rejected claim: it is sent again with the next batches, with the insured person as
 * the patient's coverage now says on the date of care (a rejection for closed rights or a wrong
 * NIR is fixed on the patient's coverage first). The receivable follows a change of insurer.
 */
export async function resendClaim(db: Kysely<Database>, actor: Actor, claimId: string) {
  return db.transaction().execute(async (tx) => {
    const claim = await lockClaim(tx, actor.organizationId, claimId);
    if (!claim) throw new DomainError('not_found');
    if (claim.status !== 'rejected')
      throw new DomainError('claim_not_rejected', { field: 'status', params: { number: claim.number } });
    const coverage = await loadCoverage(tx, actor.organizationId, claim.patient_id);
    const mandatory = coverage.mandatory.find(
      (m) => m.validFrom <= claim.claim_date && (!m.validTo || m.validTo >= claim.claim_date),
    );
    if (!mandatory) throw new DomainError('mandatory_coverage_missing', { field: 'patientId' });
    const person = {
      nir: mandatory.beneficiaryNir,
      rank: mandatory.beneficiaryRank,
      regime: mandatory.regimeCode,
      fund: mandatory.caisseCode,
    };
    const data = claim.data as unknown as Claim;
    const destination = `${person.regime}${person.fund}`;
    const reworked: Claim = { ...data, insured: person, beneficiary: person, destination };
    await resetClaimForResending(tx, claim.id, { destination, data: JSON.stringify(reworked) });
    await moveOpenAmoReceivables(tx, claim.id, amoDebtorId(mandatory));
    await auditFrom(actor)(tx, {
      action: 'resend',
      entity: 'claim',
      entityId: claim.id,
      patientId: claim.patient_id,
      details: {
        number: claim.number,
        rejection: claim.rejection_code,
        destination: { before: claim.destination, after: destination },
      },
    });
    return { id: claim.id, number: claim.number, status: 'pending' as const, destination };
  });
}
