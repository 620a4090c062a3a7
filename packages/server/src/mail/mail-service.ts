import { DomainError } from '@pivot/core';
import type {
  IncomingMail,
  IncomingMailKind,
  IncomingMailStatus,
  MailParty,
  MailPatientView,
  OutgoingChannel,
  OutgoingMail,
  OutgoingMailStatus,
} from '@pivot/core/mail';
import type { Kysely, Selectable } from 'kysely';
import { auditOfPatientsFrom } from '../audit/index.ts';
import type { Db } from '../db/connection.ts';
import type { Database } from '../db/schema.ts';
import type { Actor } from '../http/request-context.ts';
import { loadPatient } from '../patients/index.ts';
import { activeAssignees, patientsShown, userExists } from './repository.ts';
import type { IncomingMailTable, OutgoingMailTable } from './tables.ts';

export function incomingFromRow(row: Selectable<IncomingMailTable>): IncomingMail & { version: number } {
  return {
    id: row.id,
    receivedOn: row.received_on,
    sender: row.sender as unknown as MailParty,
    kind: row.kind as IncomingMailKind,
    subject: row.subject,
    patientId: row.patient_id,
    scanFileId: row.scan_key,
    assigneeId: row.assignee_id,
    annotations: row.annotations,
    dueDate: row.due_date,
    status: row.status as IncomingMailStatus,
    filedAttachmentId: row.filed_attachment_id,
    version: row.version,
  };
}

export function outgoingFromRow(row: Selectable<OutgoingMailTable>): OutgoingMail & { version: number } {
  return {
    id: row.id,
    recipient: row.recipient as unknown as MailParty,
    channel: row.channel as OutgoingChannel,
    subject: row.subject,
    patientId: row.patient_id,
    documentId: row.document_id,
    trackingNumber: row.tracking_number,
    status: row.status as OutgoingMailStatus,
    sentOn: row.sent_on,
    version: row.version,
  };
}

/** An assignee is a user of the organisation (a practitioner or a colleague). */
export async function checkAssignee(tx: Kysely<Database>, organizationId: string, id: string | null) {
  if (id === null) return;
  if (!(await userExists(tx, organizationId, id)))
    throw new DomainError('not_found', { field: 'assigneeId' });
}

/** The linked patient as a register row shows it: name and date of birth, to tell namesakes apart. */
export type MailPatient = MailPatientView;

/**
 * A mail of either register as its list shows it: the mail, and its linked patient as found by
 * `linkedPatients` (null when it has none).
 */
export function registerRow<T extends { patientId: string | null }>(
  mail: T,
  patients: ReadonlyMap<string, MailPatient>,
): T & { patient: MailPatient | null } {
  return { ...mail, patient: mail.patientId ? (patients.get(mail.patientId) ?? null) : null };
}

/**
 * The patients linked to these register rows, with one audit entry naming every patient shown (a
 * list of names and birth dates is a read of each patient's data: it appears in that patient's
 * access log, as the documents list does), written in the caller's transaction.
 */
export async function linkedPatients(
  tx: Kysely<Database>,
  actor: { organizationId: string; userId: string; ip: string; userAgent: string },
  patientIds: readonly (string | null)[],
  register: 'incoming' | 'outgoing' | 'tray',
): Promise<Map<string, MailPatient>> {
  const ids = [...new Set(patientIds.filter((id): id is string => id !== null))];
  const found = new Map<string, MailPatient>();
  if (ids.length === 0) return found;
  const rows = await patientsShown(tx, actor.organizationId, ids);
  for (const row of rows) {
    found.set(row.id, {
      id: row.id,
      birthName: row.birth_name,
      usedName: row.used_name,
      firstGivenName: row.first_given_name,
      birthDate: row.birth_date,
    });
  }
  await auditOfPatientsFrom(actor)(
    tx,
    { action: 'read', entity: 'mail_register', details: { register } },
    rows.map((r) => r.id),
  );
  return found;
}

/** A linked patient must exist in the organisation and not have been merged into another record. */
export async function assertPatient(
  tx: Kysely<Database>,
  organizationId: string,
  patientId: string | null | undefined,
) {
  if (!patientId) return;
  const patient = await loadPatient(tx, organizationId, patientId).catch(() => {
    throw new DomainError('not_found', { field: 'patientId' });
  });
  if (patient.mergedInto)
    throw new DomainError('patient_merged', { field: 'patientId', params: { survivor: patient.mergedInto } });
}

/** Practitioners and colleagues a mail can be assigned to. */
export function assignees(db: Db, actor: Actor) {
  return activeAssignees(db.kysely, actor.organizationId);
}
