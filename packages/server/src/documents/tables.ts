import type { Generated } from 'kysely';
import type { Json, Timestamp } from '../db/schema.ts';
import type { MailTables } from '../mail/index.ts';

export interface DocumentTemplatesTable {
  id: Generated<string>;
  organization_id: string;
  practitioner_id: string | null;
  name: string;
  kind: string;
  language: string;
  content: Json<unknown>;
  merge_fields: Json<string[]>;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PractitionerLetterheadsTable {
  id: Generated<string>;
  organization_id: string;
  practitioner_id: string;
  letterhead: Generated<string>;
  signature: Generated<string>;
  version: Generated<number>;
}

export interface DocumentsTable {
  id: Generated<string>;
  organization_id: string;
  patient_id: string;
  kind: string;
  language: string;
  title: string;
  template_id: string | null;
  document_date: string;
  created_by: string | null;
  created_at: Timestamp;
}

export interface DocumentVersionsTable {
  id: Generated<string>;
  organization_id: string;
  patient_id: string;
  document_id: string;
  number: number;
  status: string;
  practitioner_id: string | null;
  content: Json<unknown>;
  details: Json<Record<string, unknown>>;
  supersedes: string | null;
  superseded_by: string | null;
  validated_by: string | null;
  validated_at: Date | null;
  sent_at: Date | null;
  filed_at: Date | null;
  created_by: string | null;
  created_at: Timestamp;
  version: Generated<number>;
}

export interface DocumentSnippetsTable {
  id: Generated<string>;
  organization_id: string;
  user_id: string | null;
  shortcut: string;
  text: string;
  version: Generated<number>;
  created_at: Timestamp;
}

export interface MedicalWordsTable {
  id: Generated<string>;
  organization_id: string;
  word: string;
  added_by: string | null;
  created_at: Timestamp;
}

export interface DocumentSendingsTable {
  id: Generated<string>;
  organization_id: string;
  patient_id: string;
  document_id: string;
  version_id: string;
  channel: string;
  recipient_category: string;
  recipient_name: string;
  recipient_address: string | null;
  correspondent_id: string | null;
  confirmed_terms: Json<string[]>;
  sent_by: string | null;
  created_at: Timestamp;
}

export interface OutboxMessagesTable {
  id: Generated<string>;
  organization_id: string;
  patient_id: string | null;
  sending_id: string | null;
  channel: 'email' | 'secure_messaging';
  recipient: string;
  subject: string;
  body: Generated<string>;
  attachment_name: string | null;
  attachment_key: string | null;
  status: Generated<'pending' | 'sending' | 'sent' | 'failed'>;
  attempts: Generated<number>;
  last_error: string | null;
  next_attempt_at: Timestamp;
  sent_at: Date | null;
  created_at: Timestamp;
}

/** Tables of the documents capability and of the mail register (Kysely types). */
export interface DocumentsTables extends MailTables {
  document_templates: DocumentTemplatesTable;
  practitioner_letterheads: PractitionerLetterheadsTable;
  documents: DocumentsTable;
  document_versions: DocumentVersionsTable;
  document_snippets: DocumentSnippetsTable;
  medical_words: MedicalWordsTable;
  document_sendings: DocumentSendingsTable;
  outbox_messages: OutboxMessagesTable;
}
