import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

export interface AuditEntry {
  organizationId: string | null;
  userId: string | null;
  action: string;
  entity: string;
  entityId?: string | null;
  patientId?: string | null;
  ip?: string;
  userAgent?: string;
  /** Which fields changed, counts, reasons: never the patient data itself. */
  details?: Record<string, unknown>;
}

/** Written with the transaction of the change it records, so neither exists without the other. */
export async function writeAudit(tx: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await tx
    .insertInto('audit_log')
    .values({
      organization_id: entry.organizationId,
      user_id: entry.userId,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId ?? null,
      patient_id: entry.patientId ?? null,
      ip: entry.ip ?? '',
      user_agent: entry.userAgent ?? '',
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}

export function auditFrom(actor: { organizationId: string; userId: string; ip: string; userAgent: string }) {
  return (tx: Kysely<Database>, entry: Omit<AuditEntry, 'organizationId' | 'userId' | 'ip' | 'userAgent'>) =>
    writeAudit(tx, {
      ...entry,
      organizationId: actor.organizationId,
      userId: actor.userId,
      ip: actor.ip,
      userAgent: actor.userAgent,
    });
}
