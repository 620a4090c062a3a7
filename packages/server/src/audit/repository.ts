import { type ExpressionBuilder, type Insertable, type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';

// Every SQL statement of the audit log: its entries written in the caller's transaction, its read.

/** Writes one entry of the audit log, in the transaction of what it records. */
export async function insertAuditEntry(tx: Kysely<Database>, row: Insertable<Database['audit_log']>) {
  await tx.insertInto('audit_log').values(row).execute();
}

/** Entries naming a patient: theirs alone (`patient_id`) or a list that showed them (`patient_ids`). */
export function namesPatient(patientId: string) {
  return (eb: ExpressionBuilder<Database, 'audit_log'>) =>
    eb.or([
      eb('audit_log.patient_id', '=', patientId),
      eb('audit_log.patient_ids', '@>', sql<string[]>`ARRAY[${patientId}]::uuid[]`),
    ]);
}

export interface AuditQuery {
  from?: string | undefined;
  to?: string | undefined;
  userId?: string | undefined;
  action?: string | undefined;
  entity?: string | undefined;
  patientId?: string | undefined;
  limit: number;
  beforeId?: number | undefined;
}

/** The organization's audit log, newest first, a page before `beforeId`. */
export async function readAuditLog(db: Kysely<Database>, organizationId: string, q: AuditQuery) {
  let query = db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.user_id')
    .select([
      'audit_log.id',
      'audit_log.at',
      'audit_log.user_id',
      'users.display_name as user_name',
      'audit_log.action',
      'audit_log.entity',
      'audit_log.entity_id',
      'audit_log.patient_id',
      'audit_log.patient_ids',
      'audit_log.ip',
      'audit_log.details',
    ])
    .where('audit_log.organization_id', '=', organizationId);
  if (q.from) query = query.where('audit_log.at', '>=', new Date(q.from));
  if (q.to) query = query.where('audit_log.at', '<', new Date(q.to));
  if (q.userId) query = query.where('audit_log.user_id', '=', q.userId);
  if (q.action) query = query.where('audit_log.action', '=', q.action);
  if (q.entity) query = query.where('audit_log.entity', '=', q.entity);
  if (q.patientId) query = query.where(namesPatient(q.patientId));
  if (q.beforeId) query = query.where('audit_log.id', '<', q.beforeId);
  const rows = await query.orderBy('audit_log.id', 'desc').limit(q.limit).execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    userId: r.user_id,
    userName: r.user_name,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    patientId: r.patient_id,
    patientIds: r.patient_ids,
    ip: r.ip,
    details: r.details,
  }));
}
