-- The users named on a restricted record item, who read it besides practitioners and its author
-- (core records/confidentiality-level.ts).
ALTER TABLE record_items ADD COLUMN allowed_user_ids uuid[] NOT NULL DEFAULT '{}';
CREATE INDEX record_items_attachment ON record_items (attachment_id) WHERE attachment_id IS NOT NULL;

-- Break-glass accesses (« bris de glace »): who opened which patient's record outside their
-- habilitations, why, until when. Kept, never updated, and shown to the patient's practitioners.
CREATE TABLE break_glass_accesses (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  patient_id uuid NOT NULL REFERENCES patients (id) DEFERRABLE,
  user_id uuid NOT NULL REFERENCES users (id) DEFERRABLE,
  reason text NOT NULL CHECK (length(btrim(reason)) BETWEEN 10 AND 500),
  started_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  CHECK (expires_at > started_at)
);
CREATE INDEX break_glass_accesses_patient ON break_glass_accesses (organization_id, patient_id, started_at DESC);
CREATE INDEX break_glass_accesses_user ON break_glass_accesses (user_id, patient_id, expires_at);
