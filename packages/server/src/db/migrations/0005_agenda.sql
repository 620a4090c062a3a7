-- Agendas and planning: equipment, opening hours, motifs, appointments, absences, meetings,
-- waitlist, the notices outbox and calendar feeds. Double booking is refused by the database:
-- every appointment and meeting holds its practitioner, room and equipment in agenda_holds, whose
-- exclusion constraints forbid two overlapping holds of one resource.
CREATE TABLE equipment (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  -- Null for mobile equipment shared by every site.
  site_id uuid REFERENCES sites (id) DEFERRABLE,
  name text NOT NULL CHECK (name <> ''),
  kind text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX equipment_organization ON equipment (organization_id);

-- Weekly recurring hours of a practitioner, room or equipment (resource_id), with validity period;
-- days: {"monday": [{"start": "08:00", "end": "12:00", "reservedSameDay": false}, ...]}.
CREATE TABLE opening_hours_templates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  resource_id uuid NOT NULL,
  resource_kind text NOT NULL CHECK (resource_kind IN ('practitioner', 'room', 'equipment')),
  site_id uuid NOT NULL REFERENCES sites (id) DEFERRABLE,
  valid_from date NOT NULL,
  valid_to date,
  week_parity text NOT NULL DEFAULT 'all' CHECK (week_parity IN ('all', 'even', 'odd')),
  days jsonb NOT NULL DEFAULT '{}',
  version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX opening_hours_templates_resource ON opening_hours_templates (organization_id, resource_id);

CREATE TABLE opening_exceptions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  resource_id uuid NOT NULL,
  site_id uuid NOT NULL REFERENCES sites (id) DEFERRABLE,
  date date NOT NULL,
  ranges jsonb NOT NULL DEFAULT '[]',
  reason text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (resource_id, date)
);

CREATE TABLE appointment_types (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  label jsonb NOT NULL,
  duration_minutes integer NOT NULL CHECK (duration_minutes > 0),
  colour text NOT NULL CHECK (colour ~ '^#[0-9a-fA-F]{6}$'),
  eligible_practitioner_ids uuid[] NOT NULL DEFAULT '{}',
  room_kind text,
  equipment_kinds text[] NOT NULL DEFAULT '{}',
  preparation_instructions jsonb NOT NULL DEFAULT '{"fr": "", "en": ""}',
  documents_to_bring jsonb NOT NULL DEFAULT '[]',
  new_patients_allowed boolean NOT NULL DEFAULT true,
  bookable_online boolean NOT NULL DEFAULT false,
  urgent_same_day_only boolean NOT NULL DEFAULT false,
  active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX appointment_types_organization ON appointment_types (organization_id);

CREATE TABLE appointments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  patient_id uuid NOT NULL REFERENCES patients (id) DEFERRABLE,
  practitioner_id uuid NOT NULL REFERENCES users (id) DEFERRABLE,
  appointment_type_id uuid NOT NULL REFERENCES appointment_types (id) DEFERRABLE,
  site_id uuid REFERENCES sites (id) DEFERRABLE,
  room_id uuid REFERENCES rooms (id) DEFERRABLE,
  equipment_ids uuid[] NOT NULL DEFAULT '{}',
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'booked'
    CHECK (status IN ('booked', 'confirmed', 'arrived', 'in_consultation', 'seen', 'cancelled', 'no_show')),
  comment text NOT NULL DEFAULT '',
  -- Set when booked outside opening hours: the stated reason of the override.
  override_reason text,
  created_by uuid REFERENCES users (id) DEFERRABLE,
  version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- At most a day long: range reads bound their scan by start - 1 day.
  CHECK (ends_at > starts_at AND ends_at - starts_at <= interval '24 hours')
);
CREATE INDEX appointments_org_start ON appointments (organization_id, starts_at);
CREATE INDEX appointments_practitioner_start ON appointments (practitioner_id, starts_at);
CREATE INDEX appointments_patient ON appointments (patient_id, starts_at);

CREATE TABLE appointment_status_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  appointment_id uuid NOT NULL REFERENCES appointments (id) DEFERRABLE,
  from_status text,
  to_status text NOT NULL,
  reason text,
  author_id uuid REFERENCES users (id) DEFERRABLE,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX appointment_status_events_appointment ON appointment_status_events (appointment_id, at);

CREATE TABLE meetings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  title text NOT NULL CHECK (title <> ''),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  room_id uuid REFERENCES rooms (id) DEFERRABLE,
  location text NOT NULL DEFAULT '',
  description text NOT NULL DEFAULT '',
  organizer_id uuid REFERENCES users (id) DEFERRABLE,
  cancelled boolean NOT NULL DEFAULT false,
  sequence integer NOT NULL DEFAULT 0,
  version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_at > starts_at)
);
CREATE INDEX meetings_org_start ON meetings (organization_id, starts_at);

CREATE TABLE meeting_attendees (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  meeting_id uuid NOT NULL REFERENCES meetings (id) ON DELETE CASCADE DEFERRABLE,
  email text NOT NULL,
  name text,
  user_id uuid REFERENCES users (id) DEFERRABLE
);
CREATE INDEX meeting_attendees_meeting ON meeting_attendees (meeting_id);

-- Time held in the agenda of one resource by an appointment or a meeting. holds_slot is false once
-- the appointment is cancelled or a no-show (maintained by the service with the status).
CREATE TABLE agenda_holds (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  appointment_id uuid REFERENCES appointments (id) ON DELETE CASCADE DEFERRABLE,
  meeting_id uuid REFERENCES meetings (id) ON DELETE CASCADE DEFERRABLE,
  practitioner_id uuid REFERENCES users (id) DEFERRABLE,
  room_id uuid REFERENCES rooms (id) DEFERRABLE,
  equipment_id uuid REFERENCES equipment (id) DEFERRABLE,
  period tstzrange NOT NULL CHECK (NOT isempty(period)),
  holds_slot boolean NOT NULL DEFAULT true,
  CHECK ((appointment_id IS NULL) <> (meeting_id IS NULL)),
  CHECK (num_nonnulls(practitioner_id, room_id, equipment_id) = 1),
  CONSTRAINT agenda_holds_practitioner_overlap EXCLUDE USING gist (practitioner_id WITH =, period WITH &&)
    WHERE (holds_slot AND practitioner_id IS NOT NULL),
  CONSTRAINT agenda_holds_room_overlap EXCLUDE USING gist (room_id WITH =, period WITH &&)
    WHERE (holds_slot AND room_id IS NOT NULL),
  CONSTRAINT agenda_holds_equipment_overlap EXCLUDE USING gist (equipment_id WITH =, period WITH &&)
    WHERE (holds_slot AND equipment_id IS NOT NULL)
);
CREATE INDEX agenda_holds_appointment ON agenda_holds (appointment_id);
CREATE INDEX agenda_holds_meeting ON agenda_holds (meeting_id);
CREATE INDEX agenda_holds_org_period ON agenda_holds USING gist (organization_id, period) WHERE holds_slot;

CREATE TABLE absences (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  person_id uuid NOT NULL REFERENCES users (id) DEFERRABLE,
  kind text NOT NULL CHECK (kind IN ('holiday', 'sickness', 'training')),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  note text NOT NULL DEFAULT '',
  created_by uuid REFERENCES users (id) DEFERRABLE,
  version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_at > starts_at),
  CONSTRAINT absences_overlap EXCLUDE USING gist (person_id WITH =, tstzrange(starts_at, ends_at) WITH &&)
);
CREATE INDEX absences_org_start ON absences (organization_id, starts_at);

CREATE TABLE waitlist_entries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  patient_id uuid NOT NULL REFERENCES patients (id) DEFERRABLE,
  appointment_type_id uuid NOT NULL REFERENCES appointment_types (id) DEFERRABLE,
  preferred_practitioner_id uuid REFERENCES users (id) DEFERRABLE,
  weekdays integer[] NOT NULL DEFAULT '{}',
  period text CHECK (period IN ('morning', 'afternoon')),
  earliest_date date,
  latest_date date,
  requested_at timestamptz NOT NULL DEFAULT now(),
  active boolean NOT NULL DEFAULT true,
  created_by uuid REFERENCES users (id) DEFERRABLE,
  version integer NOT NULL DEFAULT 0
);
CREATE INDEX waitlist_entries_org ON waitlist_entries (organization_id, active, requested_at);
CREATE INDEX waitlist_entries_patient ON waitlist_entries (patient_id);

-- Outbox of everything the agenda sends (confirmations, reminders, invitations): written in the
-- business transaction, sent by a worker with retries; the status is visible to users.
CREATE TABLE notices (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  patient_id uuid REFERENCES patients (id) DEFERRABLE,
  appointment_id uuid REFERENCES appointments (id) DEFERRABLE,
  meeting_id uuid REFERENCES meetings (id) DEFERRABLE,
  channel text NOT NULL CHECK (channel IN ('email', 'sms')),
  kind text NOT NULL,
  language text NOT NULL DEFAULT 'fr' CHECK (language IN ('fr', 'en')),
  recipient text NOT NULL,
  subject text NOT NULL DEFAULT '',
  body text NOT NULL,
  -- [{"filename": "invitation.ics", "contentType": "text/calendar; method=REQUEST", "content": "..."}]
  attachments jsonb NOT NULL DEFAULT '[]',
  send_after timestamptz NOT NULL DEFAULT now(),
  status text NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'sent', 'failed', 'no_provider', 'cancelled')),
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  sent_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notices_due ON notices (status, send_after) WHERE status = 'pending';
CREATE INDEX notices_patient ON notices (patient_id);
CREATE INDEX notices_appointment ON notices (appointment_id);

-- The secret-token iCalendar subscription of a practitioner or room; only the token's hash is kept.
CREATE TABLE calendar_feeds (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  resource_id uuid NOT NULL,
  resource_kind text NOT NULL CHECK (resource_kind IN ('practitioner', 'room')),
  token_hash text NOT NULL UNIQUE,
  show_patient_names boolean NOT NULL DEFAULT false,
  created_by uuid REFERENCES users (id) DEFERRABLE,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
CREATE UNIQUE INDEX calendar_feeds_active ON calendar_feeds (resource_id) WHERE revoked_at IS NULL;
