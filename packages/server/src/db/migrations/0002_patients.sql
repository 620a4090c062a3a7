-- Patients with the RNIV traits (strict traits stored normalised: upper case, no diacritics),
-- identity vigilance (status history, duplicate decisions, merges), coverage and the record (DPI).
CREATE TABLE patients (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  birth_name text NOT NULL,
  birth_given_names text[] NOT NULL,
  first_given_name text NOT NULL,
  birth_date date NOT NULL,
  sex char(1) NOT NULL CHECK (sex IN ('M', 'F', 'I')),
  birth_place_code text,
  used_name text NOT NULL DEFAULT '',
  used_given_name text NOT NULL DEFAULT '',
  -- The social security number given by the patient (may be the insured person's, not the INS).
  nir text,
  identity_status text NOT NULL DEFAULT 'provisional'
    CHECK (identity_status IN ('provisional', 'retrieved', 'validated', 'qualified')),
  -- The identity state of the domain core: document checked, INS verified, INS, attributes.
  identity jsonb NOT NULL DEFAULT '{}',
  ins text,
  -- Address, typed phones, e-mail, language, accessibility, consent, trusted person, etc.
  details jsonb NOT NULL DEFAULT '{}',
  attending_physician_id uuid,
  -- E.164 phone numbers, and names folded for search as you type (tokens and French phonetic keys).
  phones text[] NOT NULL DEFAULT '{}',
  search_text text NOT NULL DEFAULT '',
  phonetic_keys text[] NOT NULL DEFAULT '{}',
  merged_into uuid REFERENCES patients (id) DEFERRABLE,
  version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX patients_org_birth_date ON patients (organization_id, birth_date);
CREATE INDEX patients_org_nir ON patients (organization_id, nir) WHERE nir IS NOT NULL;
CREATE INDEX patients_org_ins ON patients (organization_id, ins) WHERE ins IS NOT NULL;
CREATE INDEX patients_search_trgm ON patients USING gin (search_text gin_trgm_ops);
CREATE INDEX patients_phonetic ON patients USING gin (phonetic_keys);
CREATE INDEX patients_phones ON patients USING gin (phones);
CREATE INDEX patients_merged_into ON patients (merged_into) WHERE merged_into IS NOT NULL;

-- RNIV: each change of identity status with who, when and the evidence.
CREATE TABLE identity_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  patient_id uuid NOT NULL REFERENCES patients (id) DEFERRABLE,
  at timestamptz NOT NULL DEFAULT now(),
  actor_id uuid REFERENCES users (id) DEFERRABLE,
  reason text NOT NULL,
  status_before text NOT NULL,
  status_after text NOT NULL,
  evidence jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX identity_events_patient ON identity_events (patient_id, at);

-- Pairs a user judged to be two different persons: not proposed again as duplicates.
CREATE TABLE duplicate_decisions (
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  patient_a uuid NOT NULL REFERENCES patients (id) DEFERRABLE,
  patient_b uuid NOT NULL REFERENCES patients (id) DEFERRABLE,
  decision text NOT NULL CHECK (decision IN ('different')),
  decided_by uuid REFERENCES users (id) DEFERRABLE,
  decided_at timestamptz NOT NULL DEFAULT now(),
  id uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
  PRIMARY KEY (patient_a, patient_b),
  CHECK (patient_a < patient_b)
);

CREATE TABLE patient_merges (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  survivor_id uuid NOT NULL REFERENCES patients (id) DEFERRABLE,
  merged_id uuid NOT NULL REFERENCES patients (id) DEFERRABLE,
  merged_by uuid REFERENCES users (id) DEFERRABLE,
  merged_at timestamptz NOT NULL DEFAULT now(),
  -- Which rows of which tables moved to the survivor, so an admin can undo the merge exactly.
  moved jsonb NOT NULL DEFAULT '{}',
  undone_by uuid REFERENCES users (id) DEFERRABLE,
  undone_at timestamptz
);
CREATE UNIQUE INDEX patient_merges_active ON patient_merges (merged_id) WHERE undone_at IS NULL;

CREATE TABLE coverage_items (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  patient_id uuid NOT NULL REFERENCES patients (id) DEFERRABLE,
  kind text NOT NULL CHECK (kind IN ('mandatory', 'complementary', 'exemption')),
  data jsonb NOT NULL,
  valid_from date NOT NULL,
  valid_to date,
  version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX coverage_items_patient ON coverage_items (patient_id);

-- The classification plan of attachments, configurable per organization.
CREATE TABLE classification_plan (
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  code text NOT NULL,
  label_fr text NOT NULL,
  label_en text NOT NULL,
  parent_code text,
  position integer NOT NULL DEFAULT 0,
  active boolean NOT NULL DEFAULT true,
  id uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
  PRIMARY KEY (organization_id, code)
);

CREATE TABLE attachments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  patient_id uuid NOT NULL REFERENCES patients (id) DEFERRABLE,
  file_name text NOT NULL,
  media_type text NOT NULL,
  size_bytes integer NOT NULL,
  sha256 text NOT NULL,
  storage_key text NOT NULL,
  classification text NOT NULL,
  uploaded_by uuid REFERENCES users (id) DEFERRABLE,
  uploaded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX attachments_patient ON attachments (patient_id);

-- The patient record (DPI): every item in time order, each with its confidentiality level.
CREATE TABLE record_items (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  patient_id uuid NOT NULL REFERENCES patients (id) DEFERRABLE,
  kind text NOT NULL,
  occurred_at timestamptz NOT NULL DEFAULT now(),
  title text NOT NULL,
  body text NOT NULL DEFAULT '',
  confidentiality text NOT NULL DEFAULT 'normal' CHECK (confidentiality IN ('normal', 'restricted', 'practitioner_only')),
  author_id uuid REFERENCES users (id) DEFERRABLE,
  attachment_id uuid REFERENCES attachments (id) DEFERRABLE,
  data jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX record_items_patient ON record_items (patient_id, occurred_at DESC);

-- Items an appointment type needs in the record before the visit (e.g. blood tests before an
-- anaesthesia consultation); the agenda's appointment types refer to them by code.
CREATE TABLE completeness_requirements (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  appointment_type_code text NOT NULL,
  classification text NOT NULL,
  label_fr text NOT NULL,
  label_en text NOT NULL,
  max_age_days integer CHECK (max_age_days IS NULL OR max_age_days > 0)
);
CREATE INDEX completeness_requirements_type ON completeness_requirements (organization_id, appointment_type_code);

-- Every name word of every patient, for search as you type by beginning of word: a range of this
-- index answers "ROUS…" at a million patients where a trigram scan would read thousands of rows.
-- Derived from patients.search_text by a trigger: never written by hand, never backed up.
CREATE TABLE patient_name_tokens (
  organization_id uuid NOT NULL,
  token text COLLATE "C" NOT NULL,
  patient_id uuid NOT NULL REFERENCES patients (id) ON DELETE CASCADE DEFERRABLE,
  -- The order results are shown in (birth name, first given name, birth date), so that the first
  -- twenty of a range come from the index alone.
  sort_key text COLLATE "C" NOT NULL
);
CREATE INDEX patient_name_tokens_lookup ON patient_name_tokens (organization_id, token) INCLUDE (sort_key, patient_id);
CREATE INDEX patient_name_tokens_patient ON patient_name_tokens (patient_id);

-- The distinct name words of an organization (a few thousand): a misspelt word is matched
-- against these by trigram similarity, then their patients are read by the index above.
CREATE TABLE patient_name_words (
  organization_id uuid NOT NULL,
  word text COLLATE "C" NOT NULL,
  PRIMARY KEY (organization_id, word)
);
CREATE INDEX patient_name_words_trgm ON patient_name_words USING gin (word gin_trgm_ops);

CREATE FUNCTION patient_name_tokens_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NEW.search_text IS NOT DISTINCT FROM OLD.search_text AND NEW.birth_name = OLD.birth_name
      AND NEW.first_given_name = OLD.first_given_name AND NEW.birth_date = OLD.birth_date THEN
      RETURN NEW;
    END IF;
    DELETE FROM patient_name_tokens WHERE patient_id = NEW.id;
  END IF;
  INSERT INTO patient_name_tokens (organization_id, token, patient_id, sort_key)
    SELECT DISTINCT NEW.organization_id, t, NEW.id,
      NEW.birth_name || ' ' || NEW.first_given_name || ' ' || NEW.birth_date::text
    FROM unnest(string_to_array(btrim(NEW.search_text), ' ')) AS t
    WHERE t <> '';
  INSERT INTO patient_name_words (organization_id, word)
    SELECT DISTINCT NEW.organization_id, t FROM unnest(string_to_array(btrim(NEW.search_text), ' ')) AS t
    WHERE t <> ''
    ON CONFLICT DO NOTHING;
  RETURN NEW;
END
$$;
CREATE TRIGGER patients_name_tokens AFTER INSERT OR UPDATE OF search_text, birth_name, first_given_name, birth_date ON patients
  FOR EACH ROW EXECUTE FUNCTION patient_name_tokens_refresh();
