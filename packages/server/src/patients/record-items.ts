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
  },
): Promise<string> {
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
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
