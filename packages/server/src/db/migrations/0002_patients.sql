-- Patients with the RNIV traits (strict traits stored normalised: upper case, no diacritics).
CREATE TABLE patients (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  birth_name text NOT NULL,
  birth_given_names text[] NOT NULL,
  first_given_name text NOT NULL,
  birth_date date NOT NULL,
  sex char(1) NOT NULL CHECK (sex IN ('M', 'F', 'I')),
  birth_place_code text NOT NULL DEFAULT '',
  used_name text NOT NULL DEFAULT '',
  used_given_name text NOT NULL DEFAULT '',
  nir text,
  identity_status text NOT NULL DEFAULT 'provisional'
    CHECK (identity_status IN ('provisional', 'retrieved', 'validated', 'qualified')),
  identity_attributes text[] NOT NULL DEFAULT '{}',
  contact jsonb NOT NULL DEFAULT '{}',
  phones text[] NOT NULL DEFAULT '{}',
  -- Normalised names and phonetic keys, computed by the domain core, for search as you type.
  search_text text NOT NULL DEFAULT '',
  phonetic_keys text[] NOT NULL DEFAULT '{}',
  merged_into uuid REFERENCES patients (id) DEFERRABLE,
  version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX patients_org_birth_date ON patients (organization_id, birth_date);
CREATE INDEX patients_org_nir ON patients (organization_id, nir) WHERE nir IS NOT NULL;
CREATE INDEX patients_search_trgm ON patients USING gin (search_text gin_trgm_ops);
CREATE INDEX patients_phonetic ON patients USING gin (phonetic_keys);
CREATE INDEX patients_phones ON patients USING gin (phones);
