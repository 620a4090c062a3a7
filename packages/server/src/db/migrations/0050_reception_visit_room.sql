-- The room a patient is called to is one of the organization's rooms (issue 15, item 16), no
-- longer a typed label: the visit keeps the room's id, and its name as it was then in room_label
-- (the public screen and the day's history show the name, even after a room is renamed).
ALTER TABLE reception_visits ADD COLUMN room_id uuid REFERENCES rooms (id) DEFERRABLE;
-- The room must be one of the visit's organization (migration 0015's companion key).
CREATE UNIQUE INDEX IF NOT EXISTS rooms_organization_id_id_key ON rooms (organization_id, id);
ALTER TABLE reception_visits ADD CONSTRAINT reception_visits_room_id_in_organization
  FOREIGN KEY (organization_id, room_id) REFERENCES rooms (organization_id, id) DEFERRABLE;
-- The room each practitioner was last called into, read with every board to preselect it.
CREATE INDEX reception_visits_practitioner_last_room
  ON reception_visits (organization_id, practitioner_id, called_at DESC) WHERE room_id IS NOT NULL;
