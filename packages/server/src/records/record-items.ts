import { DomainError } from '@pivot/core';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.ts';
import { countActiveUsers, insertRecordItem, recordPatient } from './repository.ts';

export const confidentialityLevel = z.enum(['normal', 'restricted', 'practitioner_only']);
export type Confidentiality = z.infer<typeof confidentialityLevel>;

/** Adds one item to a patient's record timeline, inside the caller's transaction. */
export async function addRecordItem(
  tx: Kysely<Database>,
  item: {
    organizationId: string;
    patientId: string;
    kind: string;
    title: string;
    body?: string;
    authorId: string | null;
    confidentiality?: Confidentiality;
    attachmentId?: string | null;
    occurredAt?: Date;
    data?: Record<string, unknown>;
    /** Users who read a restricted item besides practitioners and its author. */
    allowedUserIds?: readonly string[];
  },
): Promise<string> {
  const allowed = [...new Set(item.allowedUserIds ?? [])];
  if (allowed.length > 0) {
    const known = await countActiveUsers(tx, item.organizationId, allowed);
    if (known !== allowed.length)
      throw new DomainError('record_item_user_unknown', { field: 'allowedUserIds' });
  }
  return insertRecordItem(tx, {
    organizationId: item.organizationId,
    patientId: item.patientId,
    kind: item.kind,
    title: item.title,
    body: item.body ?? '',
    authorId: item.authorId,
    confidentiality: item.confidentiality ?? 'normal',
    attachmentId: item.attachmentId ?? null,
    occurredAt: item.occurredAt ?? new Date(),
    data: item.data ?? {},
    allowedUserIds: allowed,
  });
}

/**
 * The patient whose record is read or written, of the actor's organization, else not_found;
 * `write` also refuses a merged record (what is written goes to the survivor).
 */
export async function loadRecordPatient(
  tx: Kysely<Database>,
  organizationId: string,
  patientId: string,
  use: 'read' | 'write' = 'read',
): Promise<{ id: string; mergedInto: string | null }> {
  const row = await recordPatient(tx, organizationId, patientId);
  if (!row) throw new DomainError('not_found');
  if (use === 'write' && row.merged_into)
    throw new DomainError('patient_merged', { params: { survivor: row.merged_into } });
  return { id: row.id, mergedInto: row.merged_into };
}
