-- Busy periods imported from a practitioner's external calendar (.ics) are absences of kind
-- 'external': the slot finder and the absence consequences already honour absences. A new import
-- for a person replaces the external periods it imported before, from the import's start on.
ALTER TABLE absences DROP CONSTRAINT absences_kind_check;
ALTER TABLE absences ADD CONSTRAINT absences_kind_check
  CHECK (kind IN ('holiday', 'sickness', 'training', 'external'));
CREATE INDEX absences_person_kind ON absences (person_id, kind, starts_at);
