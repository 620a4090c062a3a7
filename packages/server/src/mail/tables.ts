import type { Generated } from 'kysely';
import type { Json, Timestamp } from '../db/schema.ts';

export interface IncomingMailTable {
  id: Generated<string>;
  organization_id: string;
  patient_id: string | null;
  received_on: string;
  sender: Json<Record<string, string>>;
  kind: string;
  subject: Generated<string>;
  scan_key: string | null;
  scan_name: string | null;
  scan_media_type: string | null;
  assignee_id: string | null;
  annotations: Json<{ authorId: string; at: string; text: string }[]>;
  due_date: string | null;
  status: Generated<string>;
  filed_attachment_id: string | null;
  created_by: string | null;
  version: Generated<number>;
  created_at: Timestamp;
}

export interface OutgoingMailTable {
  id: Generated<string>;
  organization_id: string;
  patient_id: string | null;
  recipient: Json<Record<string, string>>;
  channel: string;
  subject: Generated<string>;
  document_id: string | null;
  tracking_number: string | null;
  status: Generated<string>;
  sent_on: string | null;
  created_by: string | null;
  version: Generated<number>;
  created_at: Timestamp;
}

/** Tables of the mail register (courrier entrant et sortant). */
export interface MailTables {
  incoming_mail: IncomingMailTable;
  outgoing_mail: OutgoingMailTable;
}
