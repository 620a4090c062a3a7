import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/** Calendar feeds: the secret URLs of a practitioner's or room's agenda, and what they show. */
type Tx = Kysely<Database>;

export function activeFeeds(tx: Tx, organizationId: string) {
  return tx
    .selectFrom('calendar_feeds as f')
    .leftJoin('users as u', 'u.id', 'f.created_by')
    .select([
      'f.id',
      'f.resource_id',
      'f.resource_kind',
      'f.show_patient_names',
      'f.created_at',
      'u.display_name',
    ])
    .where('f.organization_id', '=', organizationId)
    .where('f.revoked_at', 'is', null)
    .orderBy('f.created_at', 'desc')
    .execute();
}

/** Revokes an active feed; false when there is none of that id. */
export async function revokeFeed(tx: Tx, organizationId: string, id: string): Promise<boolean> {
  const revoked = await tx
    .updateTable('calendar_feeds')
    .set({ revoked_at: new Date() })
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return revoked !== undefined;
}

/** The practitioner (a user) or room a feed is for exists in the organization. */
export async function feedResourceExists(
  tx: Tx,
  organizationId: string,
  table: 'rooms' | 'users',
  resourceId: string,
): Promise<boolean> {
  const found = await tx
    .selectFrom(table)
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('id', '=', resourceId)
    .executeTakeFirst();
  return found !== undefined;
}

/** Revokes the active feeds of a resource (its id was checked to be the organization's). */
export async function revokeFeedsOf(tx: Tx, resourceId: string) {
  await tx
    .updateTable('calendar_feeds')
    .set({ revoked_at: new Date() })
    .where('resource_id', '=', resourceId)
    .where('revoked_at', 'is', null)
    .execute();
}

/** The feed written; its id. */
export function insertFeed(
  tx: Tx,
  organizationId: string,
  columns: Omit<Insertable<Database['calendar_feeds']>, 'organization_id'>,
) {
  return tx
    .insertInto('calendar_feeds')
    .values({ organization_id: organizationId, ...columns })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** The active feed of a secret URL, by its token's hash (no session: the token is the key); undefined if none. */
export function findActiveFeed(tx: Tx, tokenHash: string) {
  return tx
    .selectFrom('calendar_feeds')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

/** What a feed shows: the resource's appointments starting in [from, to), neither cancelled nor missed. */
export function feedAppointments(
  tx: Tx,
  organizationId: string,
  resource: { kind: 'practitioner' | 'room'; id: string },
  from: Date,
  to: Date,
) {
  const column = resource.kind === 'room' ? 'a.room_id' : 'a.practitioner_id';
  return tx
    .selectFrom('appointments as a')
    .innerJoin('appointment_types as t', 't.id', 'a.appointment_type_id')
    .innerJoin('patients as p', 'p.id', 'a.patient_id')
    .leftJoin('rooms as r', 'r.id', 'a.room_id')
    .select([
      'a.id',
      'a.starts_at',
      'a.ends_at',
      'a.status',
      'a.version',
      'a.patient_id',
      't.label',
      'r.name as room_name',
      'p.birth_name',
      'p.used_name',
      'p.first_given_name',
      'p.used_given_name',
    ])
    .where('a.organization_id', '=', organizationId)
    .where(column, '=', resource.id)
    .where('a.status', 'not in', ['cancelled', 'no_show'])
    .where('a.starts_at', '>=', from)
    .where('a.starts_at', '<', to)
    .orderBy('a.starts_at')
    .execute();
}

/** What a feed shows: the meetings not cancelled starting in [from, to) in the room, or with the practitioner attending. */
export function feedMeetings(
  tx: Tx,
  organizationId: string,
  resource: { kind: 'practitioner' | 'room'; id: string },
  from: Date,
  to: Date,
) {
  return tx
    .selectFrom('meetings as m')
    .select(['m.id', 'm.title', 'm.starts_at', 'm.ends_at', 'm.location', 'm.sequence'])
    .where('m.organization_id', '=', organizationId)
    .where('m.cancelled', '=', false)
    .where('m.starts_at', '>=', from)
    .where('m.starts_at', '<', to)
    .where((eb) =>
      resource.kind === 'room'
        ? eb('m.room_id', '=', resource.id)
        : eb.exists(
            eb
              .selectFrom('meeting_attendees as ma')
              .select('ma.id')
              .whereRef('ma.meeting_id', '=', 'm.id')
              .where('ma.user_id', '=', resource.id),
          ),
    )
    .execute();
}
