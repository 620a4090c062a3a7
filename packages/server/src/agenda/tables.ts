import type { ColumnType, Generated } from 'kysely';
import type { Json, Timestamp } from '../db/schema.ts';

type DateText = ColumnType<string, string, string>;
type Bilingual = { fr: string; en: string };
type Range = { start: string; end: string; reservedSameDay?: boolean };

export interface EquipmentTable {
  id: Generated<string>;
  organization_id: string;
  site_id: string | null;
  name: string;
  kind: string;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
}

export interface OpeningHoursTemplatesTable {
  id: Generated<string>;
  organization_id: string;
  resource_id: string;
  resource_kind: 'practitioner' | 'room' | 'equipment';
  site_id: string;
  valid_from: DateText;
  valid_to: string | null;
  week_parity: Generated<'all' | 'even' | 'odd'>;
  days: Json<Record<string, Range[]>>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OpeningExceptionsTable {
  id: Generated<string>;
  organization_id: string;
  resource_id: string;
  site_id: string;
  date: DateText;
  ranges: Json<Range[]>;
  reason: Generated<string>;
  created_at: Timestamp;
}

export interface AppointmentTypesTable {
  id: Generated<string>;
  organization_id: string;
  label: Json<Bilingual>;
  duration_minutes: number;
  colour: string;
  eligible_practitioner_ids: string[];
  room_kind: string | null;
  equipment_kinds: string[];
  preparation_instructions: Json<Bilingual>;
  documents_to_bring: Json<Bilingual[]>;
  new_patients_allowed: boolean;
  bookable_online: boolean;
  urgent_same_day_only: boolean;
  /** Key of the completeness rules (records) the record must meet before this visit. */
  completeness_code: Generated<string | null>;
  active: boolean;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AppointmentsTable {
  id: Generated<string>;
  organization_id: string;
  patient_id: string;
  practitioner_id: string;
  appointment_type_id: string;
  site_id: string | null;
  room_id: string | null;
  equipment_ids: Generated<string[]>;
  starts_at: Timestamp;
  ends_at: Timestamp;
  status: Generated<string>;
  comment: Generated<string>;
  override_reason: string | null;
  created_by: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AppointmentStatusEventsTable {
  id: Generated<string>;
  organization_id: string;
  appointment_id: string;
  from_status: string | null;
  to_status: string;
  reason: string | null;
  author_id: string | null;
  at: Timestamp;
}

export interface MeetingsTable {
  id: Generated<string>;
  organization_id: string;
  title: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  room_id: string | null;
  location: Generated<string>;
  description: Generated<string>;
  organizer_id: string | null;
  cancelled: Generated<boolean>;
  sequence: Generated<number>;
  version: Generated<number>;
  created_at: Timestamp;
  kind: Generated<'meeting' | 'training' | 'conference'>;
  agenda: Generated<string[]>;
  cancelled_reason: string | null;
  cancelled_at: Timestamp | null;
  cancelled_by: string | null;
}

export interface MeetingAttendeesTable {
  id: Generated<string>;
  organization_id: string;
  meeting_id: string;
  email: string;
  name: string | null;
  user_id: string | null;
}

export interface AgendaHoldsTable {
  id: Generated<string>;
  organization_id: string;
  appointment_id: string | null;
  meeting_id: string | null;
  practitioner_id: string | null;
  room_id: string | null;
  equipment_id: string | null;
  /** tstzrange, written as '[start,end)'. */
  period: string;
  holds_slot: Generated<boolean>;
}

export interface AbsencesTable {
  id: Generated<string>;
  organization_id: string;
  person_id: string;
  kind: 'holiday' | 'sickness' | 'training' | 'external';
  starts_at: Timestamp;
  ends_at: Timestamp;
  note: Generated<string>;
  created_by: string | null;
  version: Generated<number>;
  created_at: Timestamp;
}

export interface WaitlistEntriesTable {
  id: Generated<string>;
  organization_id: string;
  patient_id: string;
  appointment_type_id: string;
  preferred_practitioner_id: string | null;
  weekdays: Generated<number[]>;
  period: 'morning' | 'afternoon' | null;
  earliest_date: string | null;
  latest_date: string | null;
  requested_at: Timestamp;
  active: Generated<boolean>;
  created_by: string | null;
  version: Generated<number>;
}

export type NoticeStatus = 'pending' | 'sent' | 'failed' | 'no_provider' | 'cancelled';

export interface NoticeAttachment {
  filename: string;
  contentType: string;
  content: string;
  /** Binary attachments (a PDF) are stored in base64. */
  encoding?: 'base64';
}

export interface NoticesTable {
  id: Generated<string>;
  organization_id: string;
  patient_id: string | null;
  appointment_id: string | null;
  meeting_id: string | null;
  channel: 'email' | 'sms';
  kind: string;
  language: Generated<'fr' | 'en'>;
  recipient: string;
  subject: Generated<string>;
  body: string;
  attachments: Json<NoticeAttachment[]>;
  send_after: Timestamp;
  status: Generated<NoticeStatus>;
  attempts: Generated<number>;
  last_error: string | null;
  sent_at: Date | null;
  created_at: Timestamp;
}

export interface CalendarFeedsTable {
  id: Generated<string>;
  organization_id: string;
  resource_id: string;
  resource_kind: 'practitioner' | 'room';
  token_hash: string;
  show_patient_names: Generated<boolean>;
  created_by: string | null;
  created_at: Timestamp;
  revoked_at: Date | null;
}

/** Tables of the agenda capability (Kysely types). */
export interface AgendaTables {
  equipment: EquipmentTable;
  opening_hours_templates: OpeningHoursTemplatesTable;
  opening_exceptions: OpeningExceptionsTable;
  appointment_types: AppointmentTypesTable;
  appointments: AppointmentsTable;
  appointment_status_events: AppointmentStatusEventsTable;
  meetings: MeetingsTable;
  meeting_attendees: MeetingAttendeesTable;
  agenda_holds: AgendaHoldsTable;
  absences: AbsencesTable;
  waitlist_entries: WaitlistEntriesTable;
  notices: NoticesTable;
  calendar_feeds: CalendarFeedsTable;
}
