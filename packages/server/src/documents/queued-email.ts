import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { insertQueuedEmail } from './document-repository.ts';

/**
 * An e-mail written in the caller's transaction and sent by the outbox worker (retried, its status
 * shown in the outbox): how any capability sends mail. `patientId` when it concerns a patient.
 */
export function queueEmail(
  tx: Kysely<Database>,
  organizationId: string,
  email: { patientId: string | null; recipient: string; subject: string; body: string },
): Promise<{ id: string }> {
  return insertQueuedEmail(tx, organizationId, email);
}
