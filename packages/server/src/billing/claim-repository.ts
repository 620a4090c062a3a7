import type { Kysely } from 'kysely';
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
