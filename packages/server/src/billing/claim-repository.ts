import { type Insertable, type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';

// Every SQL statement on claims (feuilles de soins), their batches and the remittances imported.

type Tx = Kysely<Database>;

/** Cancels the claims of a visit not sent yet. */
export async function cancelPendingClaimsOfVisit(tx: Tx, visitId: string) {
  await tx
    .updateTable('claims')
    .set({ status: 'cancelled' })
    .where('visit_id', '=', visitId)
    .where('status', '=', 'pending')
    .execute();
}

/** Writes a claim; answers its id. */
export function insertClaim(
  tx: Tx,
  organizationId: string,
  columns: Omit<Insertable<Database['claims']>, 'organization_id'>,
) {
  return tx
    .insertInto('claims')
    .values({ organization_id: organizationId, ...columns })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** Claims to insurers with their patient's names and batch number, newest first (500 at most). */
export function listClaimsWithPatients(tx: Tx, organizationId: string, status: string | undefined) {
  let q = tx
    .selectFrom('claims')
    .innerJoin('patients', 'patients.id', 'claims.patient_id')
    .leftJoin('claim_batches', 'claim_batches.id', 'claims.batch_id')
    .select([
      'claims.id',
      'claims.number',
      'claims.destination',
      'claims.claim_date',
      'claims.fee_cents',
      'claims.amo_cents',
      'claims.amc_cents',
      'claims.status',
      'claims.rejection_code',
      'claims.rejection_label',
      'claims.patient_id',
      'claim_batches.number as batch_number',
      'patients.birth_name',
      'patients.used_name',
      'patients.first_given_name',
    ])
    .where('claims.organization_id', '=', organizationId);
  if (status) q = q.where('claims.status', '=', status);
  return q.orderBy('claims.claim_date', 'desc').orderBy('claims.number', 'desc').limit(500).execute();
}

/** One sending of claims at a time in the organization (held until the transaction ends). */
export async function lockClaimSending(tx: Tx, organizationId: string) {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`claims:${organizationId}`}))`.execute(tx);
}

/** The claims waiting for a batch, in number order. */
export function listPendingClaims(tx: Tx, organizationId: string) {
  return tx
    .selectFrom('claims')
    .select(['id', 'number', 'data'])
    .where('organization_id', '=', organizationId)
    .where('status', '=', 'pending')
    .where('batch_id', 'is', null)
    .orderBy('number')
    .execute();
}

/** How many batches the organization has made. */
export function countClaimBatches(tx: Tx, organizationId: string) {
  return tx
    .selectFrom('claim_batches')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
}

/** Writes a batch of claims; answers its id. */
export function insertClaimBatch(
  tx: Tx,
  organizationId: string,
  columns: Omit<Insertable<Database['claim_batches']>, 'organization_id'>,
) {
  return tx
    .insertInto('claim_batches')
    .values({ organization_id: organizationId, ...columns })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** Marks claims sent in a batch. */
export async function markClaimsSent(tx: Tx, batchId: string, claimIds: string[]) {
  await tx
    .updateTable('claims')
    .set({ batch_id: batchId, status: 'sent' })
    .where('id', 'in', claimIds)
    .execute();
}

/** The 200 newest batches of claims. */
export function listClaimBatches(tx: Tx, organizationId: string) {
  return tx
    .selectFrom('claim_batches')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('number', 'desc')
    .limit(200)
    .execute();
}

/** One remittance import at a time in the organization (held until the transaction ends). */
export async function lockRemittanceImports(tx: Tx, organizationId: string) {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`remittance:${organizationId}`}))`.execute(tx);
}

/** The import of an insurer's return; undefined when it was never imported. */
export function findRemittanceImport(tx: Tx, organizationId: string, returnId: string) {
  return tx
    .selectFrom('remittance_imports')
    .select(['id', 'summary'])
    .where('organization_id', '=', organizationId)
    .where('return_id', '=', returnId)
    .executeTakeFirst();
}

/** The receivables of one kind of insurer, each with the claim it follows and that claim's batch. */
export function listInsurerClaimReceivables(tx: Tx, organizationId: string, insurerKind: 'amo' | 'amc') {
  return tx
    .selectFrom('receivables')
    .innerJoin('claims', 'claims.id', 'receivables.claim_id')
    .leftJoin('claim_batches', 'claim_batches.id', 'claims.batch_id')
    .select([
      'receivables.id',
      'receivables.debtor_kind',
      'receivables.debtor_id',
      'receivables.amount_cents',
      'receivables.paid_cents',
      'claims.id as claim_id',
      'claims.number as claim_number',
      'claims.status as claim_status',
      'claim_batches.number as batch_number',
    ])
    .where('receivables.organization_id', '=', organizationId)
    .where('receivables.debtor_kind', '=', insurerKind)
    .execute();
}

/** Writes the import of a remittance; answers its id. */
export function insertRemittanceImport(
  tx: Tx,
  organizationId: string,
  columns: Omit<Insertable<Database['remittance_imports']>, 'organization_id'>,
) {
  return tx
    .insertInto('remittance_imports')
    .values({ organization_id: organizationId, ...columns })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** Sets what a remittance says of a claim: its status, and the rejection when there is one. */
export async function updateClaimOutcome(
  tx: Tx,
  claimId: string,
  outcome: { status: string; rejection_code: string | null; rejection_label: string | null },
) {
  await tx.updateTable('claims').set(outcome).where('id', '=', claimId).execute();
}

/** Sets what an acknowledgement says of one of the organization's batches. */
export async function updateClaimBatchStatus(
  tx: Tx,
  organizationId: string,
  batchNumber: string,
  outcome: { status: string; rejection_code: string | null },
) {
  await tx
    .updateTable('claim_batches')
    .set(outcome)
    .where('organization_id', '=', organizationId)
    .where('number', '=', batchNumber)
    .execute();
}

/** One of the organization's claims, locked until the transaction ends; undefined when not one of its claims. */
export function lockClaim(tx: Tx, organizationId: string, claimId: string) {
  return tx
    .selectFrom('claims')
    .selectAll()
    .where('id', '=', claimId)
    .where('organization_id', '=', organizationId)
    .forUpdate()
    .executeTakeFirst();
}

/** Puts a claim back among the pending ones, to its destination and with its data reworked. */
export async function resetClaimForResending(
  tx: Tx,
  claimId: string,
  reworked: { destination: string; data: string },
) {
  await tx
    .updateTable('claims')
    .set({
      status: 'pending',
      batch_id: null,
      destination: reworked.destination,
      data: reworked.data,
      rejection_code: null,
      rejection_label: null,
    })
    .where('id', '=', claimId)
    .execute();
}
