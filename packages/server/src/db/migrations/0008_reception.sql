-- Reception desk and telephone: visits of the day (waiting room), call log, phone messages, triage
-- protocols, orientation sheets, incidents.

-- One arrival at the desk: an appointment's patient, or a walk-in. The waiting room of a day is
-- the visits of that day; appointments move in step (arrived → in_consultation → seen).
CREATE TABLE reception_visits (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  site_id uuid REFERENCES sites (id) DEFERRABLE,
  patient_id uuid NOT NULL REFERENCES patients (id) DEFERRABLE,
  -- Two desks marking the same arrival: the second insert is refused by this constraint.
  appointment_id uuid UNIQUE REFERENCES appointments (id) DEFERRABLE,
  practitioner_id uuid REFERENCES users (id) DEFERRABLE,
  day date NOT NULL,
  ticket integer NOT NULL CHECK (ticket > 0),
  stage text NOT NULL DEFAULT 'waiting'
    CHECK (stage IN ('waiting', 'in_consultation', 'seen', 'billed', 'left')),
  scheduled_start timestamptz,
  arrived_at timestamptz NOT NULL,
  called_at timestamptz,
  seen_at timestamptz,
  billed_at timestamptz,
  left_at timestamptz,
  room_label text,
  walk_in_reason text NOT NULL DEFAULT '',
  urgency text NOT NULL DEFAULT 'routine' CHECK (urgency IN ('routine', 'soon', 'urgent', 'vital')),
  created_by uuid REFERENCES users (id) DEFERRABLE,
  version integer NOT NULL DEFAULT 0,
  UNIQUE (organization_id, day, ticket)
);
CREATE INDEX reception_visits_day ON reception_visits (organization_id, day);
CREATE INDEX reception_visits_patient ON reception_visits (patient_id);

-- The day's ticket counter: an upsert hands out numbers without races between desks.
CREATE TABLE reception_tickets (
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  day date NOT NULL,
  last integer NOT NULL,
  PRIMARY KEY (organization_id, day)
);

CREATE TABLE call_log (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  direction text NOT NULL CHECK (direction IN ('in', 'out')),
  at timestamptz NOT NULL,
  caller_kind text NOT NULL CHECK (caller_kind IN ('patient', 'correspondent', 'free_text')),
  patient_id uuid REFERENCES patients (id) DEFERRABLE,
  correspondent_id uuid REFERENCES correspondents (id) DEFERRABLE,
  caller_name text NOT NULL DEFAULT '',
  caller_phone text,
  reason_category text NOT NULL
    CHECK (reason_category IN ('appointment', 'result', 'information', 'urgent', 'administrative', 'other')),
  urgency text NOT NULL CHECK (urgency IN ('routine', 'soon', 'urgent', 'vital')),
  outcome text NOT NULL CHECK (outcome IN ('appointment_booked', 'message_taken', 'transferred', 'oriented')),
  transferred_to text,
  note text NOT NULL DEFAULT '',
  -- The protocol, the answers given and the result they gave at the time.
  triage jsonb,
  author_id uuid NOT NULL REFERENCES users (id) DEFERRABLE,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((caller_kind = 'patient') = (patient_id IS NOT NULL)),
  CHECK ((caller_kind = 'correspondent') = (correspondent_id IS NOT NULL))
);
CREATE INDEX call_log_at ON call_log (organization_id, at DESC);
CREATE INDEX call_log_patient ON call_log (patient_id);

CREATE TABLE phone_messages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  recipient_id uuid NOT NULL REFERENCES users (id) DEFERRABLE,
  caller_name text NOT NULL CHECK (caller_name <> ''),
  callback_number text,
  content text NOT NULL CHECK (content <> ''),
  urgency text NOT NULL CHECK (urgency IN ('routine', 'soon', 'urgent', 'vital')),
  due_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'unread' CHECK (status IN ('unread', 'read', 'done')),
  call_log_id uuid REFERENCES call_log (id) DEFERRABLE,
  patient_id uuid REFERENCES patients (id) DEFERRABLE,
  taken_by uuid NOT NULL REFERENCES users (id) DEFERRABLE,
  taken_at timestamptz NOT NULL,
  done_at timestamptz,
  done_by uuid REFERENCES users (id) DEFERRABLE,
  version integer NOT NULL DEFAULT 0
);
CREATE INDEX phone_messages_recipient ON phone_messages (organization_id, recipient_id, status, due_at);

CREATE TABLE triage_protocols (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  slug text NOT NULL,
  definition jsonb NOT NULL,
  active boolean NOT NULL DEFAULT true,
  updated_by uuid REFERENCES users (id) DEFERRABLE,
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 0,
  UNIQUE (organization_id, slug)
);

-- Information sheets handed or sent to patients (exam preparation, what to bring, access, fees).
CREATE TABLE information_sheets (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  category text NOT NULL CHECK (category IN ('exam_preparation', 'what_to_bring', 'access', 'fees', 'other')),
  title jsonb NOT NULL,
  body jsonb NOT NULL,
  active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX information_sheets_organization ON information_sheets (organization_id);

CREATE TABLE incidents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  kind text NOT NULL,
  occurred_at timestamptz NOT NULL,
  location text NOT NULL DEFAULT '',
  description text NOT NULL,
  staff_ids uuid[] NOT NULL DEFAULT '{}',
  patient_ids uuid[] NOT NULL DEFAULT '{}',
  other_people text NOT NULL DEFAULT '',
  injuries boolean NOT NULL DEFAULT false,
  emergency_services_called text[] NOT NULL DEFAULT '{}',
  completed_step_ids text[] NOT NULL DEFAULT '{}',
  declared_to_onvs boolean NOT NULL DEFAULT false,
  complaint_filed boolean NOT NULL DEFAULT false,
  follow_up text NOT NULL DEFAULT '',
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  recorded_by uuid NOT NULL REFERENCES users (id) DEFERRABLE,
  closed_at timestamptz,
  version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX incidents_organization ON incidents (organization_id, occurred_at DESC);

-- The completeness rules of an appointment type (records), so the desk sees missing items at arrival.
ALTER TABLE appointment_types ADD COLUMN completeness_code text;

-- The waiting room reads whether a seen visit is billed yet (billing's visits, by appointment).
CREATE INDEX visits_appointment ON visits (appointment_id) WHERE appointment_id IS NOT NULL;
