import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/** Meetings, their attendees and their room holds. */
type Tx = Kysely<Database>;

/** Meetings overlapping [from, to) with their room and organizer names, and their attendees. */
export async function meetingsBetween(tx: Tx, organizationId: string, range: { from: string; to: string }) {
  const meetings = await tx
    .selectFrom('meetings as m')
    .leftJoin('rooms as r', 'r.id', 'm.room_id')
    .leftJoin('users as u', 'u.id', 'm.organizer_id')
    .selectAll('m')
    .select(['r.name as room_name', 'u.display_name as organizer_name'])
    .where('m.organization_id', '=', organizationId)
    .where('m.starts_at', '<', new Date(range.to))
    .where('m.ends_at', '>', new Date(range.from))
    .orderBy('m.starts_at')
    .limit(500)
    .execute();
  const attendees =
    meetings.length === 0
      ? []
      : await tx
          .selectFrom('meeting_attendees')
          .select(['meeting_id', 'email', 'name'])
          .where(
            'meeting_id',
            'in',
            meetings.map((m) => m.id),
          )
          .execute();
  return { meetings, attendees };
}

/** The meeting written, as stored. */
export function insertMeeting(
  tx: Tx,
  organizationId: string,
  columns: Omit<Insertable<Database['meetings']>, 'organization_id'>,
) {
  return tx
    .insertInto('meetings')
    .values({ organization_id: organizationId, ...columns })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The meeting, locked for the rest of the transaction; undefined if the organization has none of that id. */
export function lockMeeting(tx: Tx, organizationId: string, id: string) {
  return tx
    .selectFrom('meetings')
    .selectAll()
    .where('id', '=', id)
    .where('organization_id', '=', organizationId)
    .forUpdate()
    .executeTakeFirst();
}

/** The meeting as stored, read again after a change (its id comes from the caller's locked row). */
export function loadMeeting(tx: Tx, id: string) {
  return tx.selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** The meeting's room held like an appointment's, over the meeting's period. */
export async function insertMeetingRoomHold(
  tx: Tx,
  organizationId: string,
  meetingId: string,
  roomId: string,
  period: string,
) {
  await tx
    .insertInto('agenda_holds')
    .values({
      organization_id: organizationId,
      meeting_id: meetingId,
      room_id: roomId,
      period,
    })
    .execute();
}

export async function deleteMeetingHolds(tx: Tx, meetingId: string) {
  await tx.deleteFrom('agenda_holds').where('meeting_id', '=', meetingId).execute();
}

/** A cancelled meeting's holds stop holding their slot (the rows stay). */
export async function releaseMeetingHolds(tx: Tx, meetingId: string) {
  await tx
    .updateTable('agenda_holds')
    .set({ holds_slot: false })
    .where('meeting_id', '=', meetingId)
    .execute();
}

/** The attendees of a meeting, their e-mail and name. */
export function meetingAttendees(tx: Tx, meetingId: string) {
  return tx
    .selectFrom('meeting_attendees')
    .select(['email', 'name'])
    .where('meeting_id', '=', meetingId)
    .execute();
}

export async function deleteMeetingAttendees(tx: Tx, meetingId: string) {
  await tx.deleteFrom('meeting_attendees').where('meeting_id', '=', meetingId).execute();
}

/** The attendees of a meeting, each linked to the organization's user of that e-mail if any. */
export async function insertMeetingAttendees(
  tx: Tx,
  organizationId: string,
  meetingId: string,
  attendees: readonly { email: string; name: string | null; userId: string | null }[],
) {
  await tx
    .insertInto('meeting_attendees')
    .values(
      attendees.map((a) => ({
        organization_id: organizationId,
        meeting_id: meetingId,
        email: a.email,
        name: a.name,
        user_id: a.userId,
      })),
    )
    .execute();
}

/** The meetings not cancelled overlapping [start, end), in time order, as stored. */
export function meetingsOverlapping(tx: Tx, organizationId: string, start: number, end: number) {
  return tx
    .selectFrom('meetings')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('cancelled', '=', false)
    .where('starts_at', '<', new Date(end))
    .where('ends_at', '>', new Date(start))
    .orderBy('starts_at')
    .execute();
}
