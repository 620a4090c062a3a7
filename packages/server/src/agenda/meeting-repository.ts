import type { Kysely } from 'kysely';
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
