import type { Insertable, Kysely } from 'kysely';
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
