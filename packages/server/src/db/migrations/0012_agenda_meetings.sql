-- Meetings can be edited and cancelled (issue 4, item 7). A meeting is an internal meeting, a
-- training or a conference; it carries an agenda (ordre du jour, its points in order). Cancelling
-- keeps the row (with who, when and why) and releases its room: the hold stops holding its slot,
-- like a cancelled appointment. `sequence` (already there) is the iCalendar SEQUENCE of the
-- invitations: raised at every edit and at the cancellation (RFC 5546).
ALTER TABLE meetings
  ADD COLUMN kind text NOT NULL DEFAULT 'meeting' CHECK (kind IN ('meeting', 'training', 'conference')),
  ADD COLUMN agenda text[] NOT NULL DEFAULT '{}',
  ADD COLUMN cancelled_reason text,
  ADD COLUMN cancelled_at timestamptz,
  ADD COLUMN cancelled_by uuid REFERENCES users (id) DEFERRABLE;
UPDATE meetings SET cancelled_reason = '' WHERE cancelled AND cancelled_reason IS NULL;
ALTER TABLE meetings
  ADD CONSTRAINT meetings_cancellation_reason CHECK (NOT cancelled OR cancelled_reason IS NOT NULL);
