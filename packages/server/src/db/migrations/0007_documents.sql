-- Medical documents (templates, documents and their versions, snippets, medical words),
-- sendings with the outbox of messages leaving the system, and the mail register.
CREATE TABLE document_templates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  -- NULL: shared by the organisation; else the practitioner's own template.
  practitioner_id uuid REFERENCES users (id) DEFERRABLE,
  name text NOT NULL CHECK (name <> ''),
  kind text NOT NULL,
  language text NOT NULL CHECK (language IN ('fr', 'en')),
  -- ProseMirror / TipTap JSON document, merge fields checked at save.
  content jsonb NOT NULL,
  merge_fields jsonb NOT NULL DEFAULT '[]',
  active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX document_templates_org ON document_templates (organization_id, kind, language);

-- Letterhead and signature block of each practitioner (plain text lines).
CREATE TABLE practitioner_letterheads (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  practitioner_id uuid NOT NULL REFERENCES users (id) DEFERRABLE,
  letterhead text NOT NULL DEFAULT '',
  signature text NOT NULL DEFAULT '',
  version integer NOT NULL DEFAULT 0,
  UNIQUE (organization_id, practitioner_id)
);

CREATE TABLE documents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  patient_id uuid NOT NULL REFERENCES patients (id) DEFERRABLE,
  kind text NOT NULL,
  language text NOT NULL CHECK (language IN ('fr', 'en')),
  title text NOT NULL,
  template_id uuid REFERENCES document_templates (id) DEFERRABLE,
  document_date date NOT NULL,
  created_by uuid REFERENCES users (id) DEFERRABLE,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX documents_patient ON documents (organization_id, patient_id, created_at);

-- Every version is kept; a validated version is never changed, only superseded (trigger below).
CREATE TABLE document_versions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  patient_id uuid NOT NULL REFERENCES patients (id) DEFERRABLE,
  document_id uuid NOT NULL REFERENCES documents (id) DEFERRABLE,
  number integer NOT NULL CHECK (number >= 1),
  status text NOT NULL CHECK (status IN ('draft', 'to_validate', 'validated', 'sent', 'filed')),
  practitioner_id uuid REFERENCES users (id) DEFERRABLE,
  content jsonb NOT NULL,
  -- Structured part checked for mandatory mentions (prescription lines, certificate details...).
  details jsonb NOT NULL DEFAULT '{}',
  supersedes uuid REFERENCES document_versions (id) DEFERRABLE,
  superseded_by uuid REFERENCES document_versions (id) DEFERRABLE,
  validated_by uuid REFERENCES users (id) DEFERRABLE,
  validated_at timestamptz,
  sent_at timestamptz,
  filed_at timestamptz,
  created_by uuid REFERENCES users (id) DEFERRABLE,
  created_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 0,
  UNIQUE (document_id, number)
);
CREATE INDEX document_versions_status ON document_versions (organization_id, status, practitioner_id);

CREATE FUNCTION document_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.validated_at IS NOT NULL AND (NEW.content IS DISTINCT FROM OLD.content
      OR NEW.details IS DISTINCT FROM OLD.details OR NEW.practitioner_id IS DISTINCT FROM OLD.practitioner_id
      OR NEW.validated_at IS DISTINCT FROM OLD.validated_at) THEN
    RAISE EXCEPTION 'a validated document version is immutable' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER document_versions_immutable BEFORE UPDATE ON document_versions
  FOR EACH ROW EXECUTE FUNCTION document_versions_immutable();

CREATE TABLE document_snippets (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  -- NULL: shared by the organisation.
  user_id uuid REFERENCES users (id) DEFERRABLE,
  shortcut text NOT NULL,
  text text NOT NULL,
  version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX document_snippets_shortcut ON document_snippets (organization_id, lower(shortcut));

-- Words the users added to the spell-checker's medical list.
CREATE TABLE medical_words (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  word text NOT NULL CHECK (word <> ''),
  added_by uuid REFERENCES users (id) DEFERRABLE,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organization_id, word)
);

CREATE TABLE document_sendings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  patient_id uuid NOT NULL REFERENCES patients (id) DEFERRABLE,
  document_id uuid NOT NULL REFERENCES documents (id) DEFERRABLE,
  version_id uuid NOT NULL REFERENCES document_versions (id) DEFERRABLE,
  channel text NOT NULL CHECK (channel IN ('email', 'secure_messaging', 'print', 'post')),
  recipient_category text NOT NULL,
  recipient_name text NOT NULL,
  recipient_address text,
  correspondent_id uuid REFERENCES correspondents (id) DEFERRABLE,
  confirmed_terms jsonb NOT NULL DEFAULT '[]',
  sent_by uuid REFERENCES users (id) DEFERRABLE,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX document_sendings_document ON document_sendings (organization_id, document_id);

-- Everything that leaves by e-mail or secure messaging: written in the business transaction,
-- sent by the worker, retried with the last error kept and visible.
CREATE TABLE outbox_messages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  patient_id uuid REFERENCES patients (id) DEFERRABLE,
  sending_id uuid REFERENCES document_sendings (id) DEFERRABLE,
  channel text NOT NULL CHECK (channel IN ('email', 'secure_messaging')),
  recipient text NOT NULL,
  subject text NOT NULL,
  body text NOT NULL DEFAULT '',
  attachment_name text,
  attachment_key text,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outbox_messages_due ON outbox_messages (status, next_attempt_at);

CREATE TABLE incoming_mail (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  patient_id uuid REFERENCES patients (id) DEFERRABLE,
  received_on date NOT NULL,
  sender jsonb NOT NULL,
  kind text NOT NULL,
  subject text NOT NULL DEFAULT '',
  scan_key text,
  scan_name text,
  scan_media_type text,
  assignee_id uuid REFERENCES users (id) DEFERRABLE,
  annotations jsonb NOT NULL DEFAULT '[]',
  due_date date CHECK (due_date IS NULL OR due_date >= received_on),
  status text NOT NULL DEFAULT 'to_process'
    CHECK (status IN ('to_process', 'in_progress', 'done', 'archived')),
  filed_attachment_id uuid REFERENCES attachments (id) DEFERRABLE,
  created_by uuid REFERENCES users (id) DEFERRABLE,
  version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX incoming_mail_tray ON incoming_mail (organization_id, assignee_id, status);
CREATE INDEX incoming_mail_received ON incoming_mail (organization_id, received_on);

CREATE TABLE outgoing_mail (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  patient_id uuid REFERENCES patients (id) DEFERRABLE,
  recipient jsonb NOT NULL,
  channel text NOT NULL,
  subject text NOT NULL DEFAULT '',
  document_id uuid REFERENCES documents (id) DEFERRABLE,
  tracking_number text,
  status text NOT NULL DEFAULT 'to_send' CHECK (status IN ('to_send', 'sent', 'returned')),
  sent_on date,
  created_by uuid REFERENCES users (id) DEFERRABLE,
  version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outgoing_mail_org ON outgoing_mail (organization_id, created_at);
