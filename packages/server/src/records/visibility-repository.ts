import type { Role } from '@pivot/core/auth';
import { type ConfidentialityLevel, readableLevels } from '@pivot/core/records';
import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql } from 'kysely';
import type { Database } from '../db/schema.ts';

// The visibility rule written in SQL (`visibleTo`): every read of record items goes through it
// (timeline and its search, export, attachments, documents).

export interface RecordReader {
  userId: string;
  role: Role;
}

/**
 * The one condition every read of record items goes through: timeline and its search, export,
 * attachment content, documents linked to an item. It is core's `readableLevels` written in SQL
 * (`canSeeItem` in core states the same rule item by item), over `record_items` in scope.
 */
export function visibleTo(
  eb: ExpressionBuilder<Database, 'record_items'>,
  organizationId: string,
  reader: RecordReader,
): Expression<SqlBool> {
  const levels = readableLevels(reader.role);
  const level = (list: ConfidentialityLevel[]) => eb('record_items.confidentiality', 'in', list);
  const cases: Expression<SqlBool>[] = [];
  if (levels.always.length > 0) cases.push(level(levels.always));
  if (levels.asAuthorOrNamed.length > 0)
    cases.push(
      eb.and([
        level(levels.asAuthorOrNamed),
        eb.or([
          eb('record_items.author_id', '=', reader.userId),
          sql<SqlBool>`${reader.userId}::uuid = ANY(record_items.allowed_user_ids)`,
        ]),
      ]),
    );
  if (levels.withBreakGlass.length > 0)
    cases.push(
      eb.and([
        level(levels.withBreakGlass),
        eb.exists(
          eb
            .selectFrom('break_glass_accesses')
            .select(sql`1`.as('one'))
            .where('break_glass_accesses.organization_id', '=', organizationId)
            .where('break_glass_accesses.user_id', '=', reader.userId)
            .whereRef('break_glass_accesses.patient_id', '=', 'record_items.patient_id')
            .where('break_glass_accesses.expires_at', '>', sql<Date>`now()`),
        ),
      ]),
    );
  return cases.length > 0 ? eb.or(cases) : sql<SqlBool>`false`;
}

export interface RecordItemFilter {
  kind?: string | undefined;
  /** Words searched in the title and text of the items the reader may see. */
  text?: string | undefined;
  /** Inclusive ISO dates, Paris calendar. */
  from?: string | undefined;
  to?: string | undefined;
}

/** The items of one patient the reader may see, newest first. */
export async function visibleRecordItems(
  tx: Kysely<Database>,
  organizationId: string,
  reader: RecordReader,
  patientId: string,
  filter: RecordItemFilter = {},
  limit = 1000,
) {
  let query = tx
    .selectFrom('record_items')
    .leftJoin('users', 'users.id', 'record_items.author_id')
    .leftJoin('attachments', 'attachments.id', 'record_items.attachment_id')
    .select([
      'record_items.id',
      'record_items.kind',
      'record_items.occurred_at',
      'record_items.title',
      'record_items.body',
      'record_items.confidentiality',
      'record_items.data',
      'record_items.attachment_id',
      'record_items.author_id',
      'record_items.allowed_user_ids',
      'users.display_name as author',
      'attachments.file_name',
      'attachments.media_type',
      'attachments.classification',
    ])
    .where('record_items.patient_id', '=', patientId)
    .where('record_items.organization_id', '=', organizationId)
    .where((eb) => visibleTo(eb, organizationId, reader));
  if (filter.kind) query = query.where('record_items.kind', '=', filter.kind);
  if (filter.text) {
    const pattern = `%${filter.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([eb('record_items.title', 'ilike', pattern), eb('record_items.body', 'ilike', pattern)]),
    );
  }
  if (filter.from)
    query = query.where(
      sql<SqlBool>`(record_items.occurred_at AT TIME ZONE 'Europe/Paris')::date >= ${filter.from}::date`,
    );
  if (filter.to)
    query = query.where(
      sql<SqlBool>`(record_items.occurred_at AT TIME ZONE 'Europe/Paris')::date <= ${filter.to}::date`,
    );
  return query.orderBy('record_items.occurred_at', 'desc').orderBy('record_items.id').limit(limit).execute();
}

/**
 * The attachment whose file the reader may open: filed by at least one record item, and by none
 * the reader may not see (an attachment filed twice keeps its strictest level).
 */
export async function visibleAttachment(
  tx: Kysely<Database>,
  organizationId: string,
  reader: RecordReader,
  attachmentId: string,
) {
  return tx
    .selectFrom('attachments')
    .select(['attachments.id', 'attachments.patient_id', 'attachments.media_type', 'attachments.storage_key'])
    .where('attachments.id', '=', attachmentId)
    .where('attachments.organization_id', '=', organizationId)
    .where((eb) =>
      eb.and([
        eb.exists(
          eb
            .selectFrom('record_items')
            .select(sql`1`.as('one'))
            .where('record_items.organization_id', '=', organizationId)
            .whereRef('record_items.attachment_id', '=', 'attachments.id'),
        ),
        eb.not(
          eb.exists(
            eb
              .selectFrom('record_items')
              .select(sql`1`.as('one'))
              .where('record_items.organization_id', '=', organizationId)
              .whereRef('record_items.attachment_id', '=', 'attachments.id')
              .where((inner) => inner.not(visibleTo(inner, organizationId, reader))),
          ),
        ),
      ]),
    )
    .executeTakeFirst();
}

/**
 * The condition a document read adds: no record item linking the document (its sending, its
 * filing) is hidden from the reader. `documents` must be in scope.
 */
export function documentVisibleTo(
  eb: ExpressionBuilder<Database, 'documents'>,
  organizationId: string,
  reader: RecordReader,
): Expression<SqlBool> {
  return eb.not(
    eb.exists(
      eb
        .selectFrom('record_items')
        .select(sql`1`.as('one'))
        .where('record_items.organization_id', '=', organizationId)
        .whereRef('record_items.patient_id', '=', 'documents.patient_id')
        .where(sql<SqlBool>`record_items.data->>'documentId' = documents.id::text`)
        .where((inner) => inner.not(visibleTo(inner, organizationId, reader))),
    ),
  );
}

/** The reader's unexpired break-glass access to this patient, if any. */
export async function activeBreakGlass(
  tx: Kysely<Database>,
  organizationId: string,
  userId: string,
  patientId: string,
) {
  return tx
    .selectFrom('break_glass_accesses')
    .select(['id', 'expires_at'])
    .where('organization_id', '=', organizationId)
    .where('user_id', '=', userId)
    .where('patient_id', '=', patientId)
    .where('expires_at', '>', sql<Date>`now()`)
    .orderBy('expires_at', 'desc')
    .executeTakeFirst();
}
