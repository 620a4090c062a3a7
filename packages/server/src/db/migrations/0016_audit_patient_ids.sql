-- The read of a list names every patient it shows (CSP L1110-4: each patient's access log shows
-- who saw their identity, including in a day view or a search): one row per read with their ids,
-- as one row per patient made a 400-appointment day view write 400 rows (≈40 ms on PGlite).
-- A GIN index finds a patient's entries among them (`patient_ids @> ARRAY[id]`).
ALTER TABLE audit_log ADD COLUMN patient_ids uuid[] NOT NULL DEFAULT '{}';
CREATE INDEX audit_log_patient_ids ON audit_log USING gin (patient_ids);
