import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { insertAuditEntry } from './repository.ts';

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

function auditRow(entry: Omit<AuditEntry, 'patientId'>) {
  return {
    organization_id: entry.organizationId,
    user_id: entry.userId,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId ?? null,
    ip: entry.ip ?? '',
    user_agent: entry.userAgent ?? '',
    details: JSON.stringify(entry.details ?? {}),
  };
}

/** Written with the transaction of the change it records, so neither exists without the other. */
export async function writeAudit(tx: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await insertAuditEntry(tx, { ...auditRow(entry), patient_id: entry.patientId ?? null });
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

/**
 * The read of a list that shows patients: one entry naming every patient shown (CSP L1110-4;
 * CNIL, référentiel relatif aux traitements de données de santé: traçabilité des consultations),
 * so each patient's access log has the read. One row, not one per patient: a busy day view shows
 * hundreds (migration 0016). A list that shows nobody still leaves its entry.
 */
export async function writeAuditOfPatients(
  tx: Kysely<Database>,
  entry: Omit<AuditEntry, 'patientId'>,
  patientIds: Iterable<string | null | undefined>,
): Promise<void> {
  await insertAuditEntry(tx, {
    ...auditRow(entry),
    patient_ids: [...new Set([...patientIds].filter((id): id is string => !!id))],
  });
}

export function auditOfPatientsFrom(actor: {
  organizationId: string;
  userId: string;
  ip: string;
  userAgent: string;
}) {
  return (
    tx: Kysely<Database>,
    entry: Omit<AuditEntry, 'organizationId' | 'userId' | 'ip' | 'userAgent' | 'patientId'>,
    patientIds: Iterable<string | null | undefined>,
  ) =>
    writeAuditOfPatients(
      tx,
      {
        ...entry,
        organizationId: actor.organizationId,
        userId: actor.userId,
        ip: actor.ip,
        userAgent: actor.userAgent,
      },
      patientIds,
    );
}
