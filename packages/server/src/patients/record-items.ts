import { DomainError } from '@pivot/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

export type Confidentiality = 'normal' | 'restricted' | 'practitioner_only';

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
    const known = await tx
      .selectFrom('users')
      .select('id')
      .where('organization_id', '=', item.organizationId)
      .where('active', '=', true)
      .where('id', 'in', allowed)
      .execute();
    if (known.length !== allowed.length)
      throw new DomainError('record_item_user_unknown', { field: 'allowedUserIds' });
  }
  const row = await tx
    .insertInto('record_items')
    .values({
      organization_id: item.organizationId,
      patient_id: item.patientId,
      kind: item.kind,
      title: item.title,
      body: item.body ?? '',
      author_id: item.authorId,
      confidentiality: item.confidentiality ?? 'normal',
      attachment_id: item.attachmentId ?? null,
      occurred_at: item.occurredAt ?? new Date(),
      data: JSON.stringify(item.data ?? {}),
      allowed_user_ids: allowed,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
