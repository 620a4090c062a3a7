import type { ColumnType, Generated } from 'kysely';
import type { Json, Timestamp } from '../db/schema.ts';

type DateText = ColumnType<string, string, string>;
type Bilingual = { fr: string; en: string };

export interface ReceptionVisitsTable {
  id: Generated<string>;
  organization_id: string;
  site_id: string | null;
  patient_id: string;
  appointment_id: string | null;
  practitioner_id: string | null;
  day: DateText;
  ticket: number;
  stage: Generated<string>;
  scheduled_start: Date | null;
  arrived_at: Timestamp;
  called_at: Date | null;
  seen_at: Date | null;
  billed_at: Date | null;
  left_at: Date | null;
  room_id: string | null;
  room_label: string | null;
  walk_in_reason: Generated<string>;
  urgency: Generated<string>;
  created_by: string | null;
  version: Generated<number>;
}

export interface ReceptionTicketsTable {
  organization_id: string;
  day: DateText;
  last: number;
}

export interface CallLogTable {
  id: Generated<string>;
  organization_id: string;
  direction: string;
  at: Timestamp;
  caller_kind: string;
  patient_id: string | null;
  correspondent_id: string | null;
  caller_name: Generated<string>;
  caller_phone: string | null;
  reason_category: string;
  urgency: string;
  outcome: string;
  transferred_to: string | null;
  note: Generated<string>;
  triage: Json<Record<string, unknown>> | null;
  author_id: string;
  created_at: Generated<Date>;
}

export interface PhoneMessagesTable {
  id: Generated<string>;
  organization_id: string;
  recipient_id: string;
  caller_name: string;
  callback_number: string | null;
  content: string;
  urgency: string;
  due_at: Timestamp;
  status: Generated<string>;
  call_log_id: string | null;
  patient_id: string | null;
  taken_by: string;
  taken_at: Timestamp;
  done_at: Date | null;
  done_by: string | null;
  version: Generated<number>;
}

export interface TriageProtocolsTable {
  id: Generated<string>;
  organization_id: string;
  slug: string;
  definition: Json<Record<string, unknown>>;
  active: Generated<boolean>;
  updated_by: string | null;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface InformationSheetsTable {
  id: Generated<string>;
  organization_id: string;
  category: string;
  title: Json<Bilingual>;
  body: Json<Bilingual>;
  active: Generated<boolean>;
  version: Generated<number>;
  updated_at: Timestamp;
}

export interface IncidentsTable {
  id: Generated<string>;
  organization_id: string;
  kind: string;
  occurred_at: Timestamp;
  location: Generated<string>;
  description: string;
  staff_ids: Generated<string[]>;
  patient_ids: Generated<string[]>;
  other_people: Generated<string>;
  injuries: Generated<boolean>;
  emergency_services_called: Generated<string[]>;
  completed_step_ids: Generated<string[]>;
  declared_to_onvs: Generated<boolean>;
  complaint_filed: Generated<boolean>;
  follow_up: Generated<string>;
  status: Generated<string>;
  recorded_by: string;
  closed_at: Date | null;
  version: Generated<number>;
  created_at: Generated<Date>;
}

export interface ReceptionTables {
  reception_visits: ReceptionVisitsTable;
  reception_tickets: ReceptionTicketsTable;
  call_log: CallLogTable;
  phone_messages: PhoneMessagesTable;
  triage_protocols: TriageProtocolsTable;
  information_sheets: InformationSheetsTable;
  incidents: IncidentsTable;
}
