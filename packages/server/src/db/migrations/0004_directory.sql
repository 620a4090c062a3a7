-- Directory of correspondents (répertoire des acteurs): practitioners and bodies the practice works
-- with, distribution lists, and each patient's care team.
CREATE TABLE correspondents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  kind text NOT NULL CHECK (kind IN ('practitioner', 'body')),
  body_type text CHECK (body_type IN ('cpam', 'mutuelle', 'hospital', 'clinic', 'laboratory', 'imaging',
    'pharmacy', 'social_service', 'other')),
  -- Practitioners: family and given name; bodies: name. The display name is derived from them.
  family_name text NOT NULL DEFAULT '',
  given_name text NOT NULL DEFAULT '',
  name text NOT NULL DEFAULT '',
  rpps text CHECK (rpps ~ '^\d{11}$'),
  finess text,
  specialty text NOT NULL DEFAULT '',
  workplace text NOT NULL DEFAULT '',
  address jsonb NOT NULL DEFAULT '{}',
  -- E.164 numbers with their kind: [{"kind": "work", "number": "+33142345678"}].
  phones jsonb NOT NULL DEFAULT '[]',
  email text,
  secure_email text,
  handles text NOT NULL DEFAULT '',
  opening_hours text NOT NULL DEFAULT '',
  notes text NOT NULL DEFAULT '',
  active boolean NOT NULL DEFAULT true,
  -- Folded text (lower case, no accents) of names, specialty, city, identifiers and phones.
  search_text text NOT NULL DEFAULT '',
  version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'body') = (body_type IS NOT NULL)),
  CHECK (kind = 'body' OR family_name <> ''),
  CHECK (kind = 'practitioner' OR name <> '')
);
CREATE INDEX correspondents_org_name ON correspondents (organization_id, kind, family_name, name);
CREATE INDEX correspondents_org_rpps ON correspondents (organization_id, rpps) WHERE rpps IS NOT NULL;
CREATE INDEX correspondents_search_trgm ON correspondents USING gin (search_text gin_trgm_ops);

CREATE TABLE distribution_lists (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  name text NOT NULL CHECK (name <> ''),
  description text NOT NULL DEFAULT '',
  version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX distribution_lists_organization ON distribution_lists (organization_id, name);

CREATE TABLE distribution_list_members (
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  list_id uuid NOT NULL REFERENCES distribution_lists (id) ON DELETE CASCADE DEFERRABLE,
  correspondent_id uuid NOT NULL REFERENCES correspondents (id) DEFERRABLE,
  position integer NOT NULL DEFAULT 0,
  PRIMARY KEY (list_id, correspondent_id)
);
CREATE INDEX distribution_list_members_correspondent ON distribution_list_members (correspondent_id);

CREATE TABLE patient_care_team (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  patient_id uuid NOT NULL REFERENCES patients (id) DEFERRABLE,
  correspondent_id uuid NOT NULL REFERENCES correspondents (id) DEFERRABLE,
  role text NOT NULL CHECK (role IN ('attending_physician', 'specialist', 'other')),
  note text NOT NULL DEFAULT '',
  added_by uuid REFERENCES users (id) DEFERRABLE,
  added_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (patient_id, correspondent_id)
);
-- A patient declares one médecin traitant (CSS L162-5-3).
CREATE UNIQUE INDEX patient_care_team_one_attending ON patient_care_team (patient_id)
  WHERE role = 'attending_physician';
CREATE INDEX patient_care_team_correspondent ON patient_care_team (correspondent_id);
