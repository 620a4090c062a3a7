-- Foundation: organizations, sites, users, sessions, audit log, rooms.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE organizations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  kind text NOT NULL DEFAULT 'practice' CHECK (kind IN ('practice', 'clinic', 'hospital', 'health_centre')),
  finess text NOT NULL DEFAULT '',
  siret text NOT NULL DEFAULT '',
  address jsonb NOT NULL DEFAULT '{}',
  phone text NOT NULL DEFAULT '',
  email text NOT NULL DEFAULT '',
  opening_hours jsonb NOT NULL DEFAULT '{}',
  version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sites (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  name text NOT NULL,
  kind text NOT NULL DEFAULT 'site' CHECK (kind IN ('site', 'unit')),
  finess text NOT NULL DEFAULT '',
  address jsonb NOT NULL DEFAULT '{}',
  opening_hours jsonb NOT NULL DEFAULT '{}',
  active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sites_organization ON sites (organization_id);

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  email text NOT NULL,
  display_name text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'secretary', 'practitioner', 'accountant')),
  password_hash text NOT NULL,
  language text NOT NULL DEFAULT 'fr' CHECK (language IN ('fr', 'en')),
  active boolean NOT NULL DEFAULT true,
  failed_attempts integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  totp_secret text,
  totp_enabled boolean NOT NULL DEFAULT false,
  rpps text,
  specialty text,
  sector text CHECK (sector IN ('1', '2', 'optam')),
  site_id uuid REFERENCES sites (id) DEFERRABLE,
  password_changed_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now()
);
-- One account per e-mail across the installation: the login form does not ask for the organization.
CREATE UNIQUE INDEX users_email ON users (lower(email));
CREATE INDEX users_organization ON users (organization_id);

CREATE TABLE sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  token_hash text NOT NULL UNIQUE,
  user_id uuid NOT NULL REFERENCES users (id) DEFERRABLE,
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  ip text NOT NULL DEFAULT '',
  user_agent text NOT NULL DEFAULT ''
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Append-only: who did what to which record, when, from where (RGPD art. 32, CSP L1110-4 traceability).
CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  organization_id uuid REFERENCES organizations (id) DEFERRABLE,
  at timestamptz NOT NULL DEFAULT now(),
  user_id uuid REFERENCES users (id) DEFERRABLE,
  action text NOT NULL,
  entity text NOT NULL,
  entity_id text,
  patient_id uuid,
  ip text NOT NULL DEFAULT '',
  user_agent text NOT NULL DEFAULT '',
  details jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_org_at ON audit_log (organization_id, at DESC);
CREATE INDEX audit_log_patient ON audit_log (patient_id, at DESC) WHERE patient_id IS NOT NULL;
CREATE INDEX audit_log_user ON audit_log (user_id, at DESC);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

CREATE TABLE rooms (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  site_id uuid REFERENCES sites (id) DEFERRABLE,
  name text NOT NULL,
  kind text NOT NULL DEFAULT 'consultation',
  active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX rooms_organization ON rooms (organization_id);
