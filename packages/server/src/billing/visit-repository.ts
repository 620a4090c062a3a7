import type { Kysely } from 'kysely';
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
