import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { documentVisibleTo, type RecordReader } from '../records/index.ts';

// The SQL of documents and their versions, as functions of (tx, organizationId, …).

type Tx = Kysely<Database>;

export interface DocumentFilter {
  patientId?: string | undefined;
  status?: 'draft' | 'to_validate' | 'validated' | 'sent' | 'filed' | undefined;
  practitionerId?: string | undefined;
}

/** The current version of each document the reader may see, newest first, at most 200. */
export function currentDocuments(
  tx: Tx,
  reader: RecordReader & { organizationId: string },
  filter: DocumentFilter,
) {
  let query = tx
    .selectFrom('documents')
    .innerJoin('document_versions as v', 'v.document_id', 'documents.id')
    .innerJoin('patients', 'patients.id', 'documents.patient_id')
    .select([
      'documents.id',
      'documents.kind',
      'documents.title',
      'documents.document_date as documentDate',
      'documents.patient_id as patientId',
      'patients.birth_name as patientBirthName',
      'patients.first_given_name as patientGivenName',
      'v.status',
      'v.number',
      'v.practitioner_id as practitionerId',
      'v.version',
    ])
    .where('documents.organization_id', '=', reader.organizationId)
    .where('v.superseded_by', 'is', null)
    .where((eb) => documentVisibleTo(eb, reader.organizationId, reader));
  if (filter.patientId) query = query.where('documents.patient_id', '=', filter.patientId);
  if (filter.status) query = query.where('v.status', '=', filter.status);
  if (filter.practitionerId) query = query.where('v.practitioner_id', '=', filter.practitionerId);
  return query.orderBy('documents.created_at', 'desc').limit(200).execute();
}
