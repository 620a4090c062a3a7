import { type Insertable, type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';

// Every SQL statement on visits (a billed consultation: its acts priced, its fee split).

type Tx = Kysely<Database>;

/** The fee split saved with a visit; undefined when there is no such visit. */
export function findVisitSplit(tx: Tx, visitId: string) {
  return tx.selectFrom('visits').select(['split']).where('id', '=', visitId).executeTakeFirst();
}

/** Cancels a visit (its invoice is cancelled by a credit note). */
export async function cancelVisit(tx: Tx, visitId: string) {
  await tx.updateTable('visits').set({ status: 'cancelled' }).where('id', '=', visitId).execute();
}

/** Writes a billed visit; answers its id. */
export function insertVisit(
  tx: Tx,
  organizationId: string,
  columns: Omit<Insertable<Database['visits']>, 'organization_id'>,
) {
  return tx
    .insertInto('visits')
    .values({ organization_id: organizationId, ...columns })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/**
 * The flat contributions already charged to a patient on `date` and in its calendar year (billed
 * visits); undefined only if the database answers no row.
 */
export async function flatContributionsOfYear(
  tx: Tx,
  organizationId: string,
  patientId: string,
  date: string,
) {
  const flat = await sql<{ today: number; year: number }>`
    SELECT coalesce(sum(flat_contribution_cents) FILTER (WHERE visit_date = ${date}), 0)::int AS today,
           coalesce(sum(flat_contribution_cents), 0)::int AS year
    FROM visits WHERE organization_id = ${organizationId} AND patient_id = ${patientId} AND status = 'billed'
      AND visit_date BETWEEN ${`${date.slice(0, 4)}-01-01`} AND ${`${date.slice(0, 4)}-12-31`}`.execute(tx);
  return flat.rows[0];
}

/** The invoice already issued for an appointment (its visit not cancelled by a credit note), if any. */
export async function invoiceOfAppointment(tx: Tx, organizationId: string, appointmentId: string) {
  return tx
    .selectFrom('visits')
    .innerJoin('invoices', 'invoices.visit_id', 'visits.id')
    .select(['invoices.id', 'invoices.number'])
    .where('visits.organization_id', '=', organizationId)
    .where('visits.appointment_id', '=', appointmentId)
    .where('visits.status', '=', 'billed')
    .executeTakeFirst();
}
