import { createHash, randomBytes } from 'node:crypto';
import { DomainError } from '@pivot/core';
import { buildCalendar, type CalendarEvent } from '@pivot/core/agenda';
import type { Kysely } from 'kysely';
import { writeAuditOfPatients } from '../audit/index.ts';
import type { Database } from '../db/schema.ts';
import {
  feedAppointments,
  feedMeetings,
  feedResourceExists,
  findActiveFeed,
  insertFeed,
  revokeFeedsOf,
} from './feed-repository.ts';

type Tx = Kysely<Database>;
const DAY = 86_400_000;

export const hashFeedToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** A new secret URL for a practitioner's or room's agenda; the previous one stops working. */
export async function createFeed(
  tx: Tx,
  organizationId: string,
  input: {
    resourceId: string;
    resourceKind: 'practitioner' | 'room';
    showPatientNames: boolean;
    createdBy: string;
  },
) {
  const table = input.resourceKind === 'room' ? 'rooms' : 'users';
  if (!(await feedResourceExists(tx, organizationId, table, input.resourceId)))
    throw new DomainError('not_found', { field: 'resourceId' });
  await revokeFeedsOf(tx, input.resourceId);
  const token = randomBytes(24).toString('base64url');
  const row = await insertFeed(tx, organizationId, {
    resource_id: input.resourceId,
    resource_kind: input.resourceKind,
    token_hash: hashFeedToken(token),
    show_patient_names: input.showPatientNames,
    created_by: input.createdBy,
  });
  return { id: row.id, token, path: `/api/agenda/feeds/${token}.ics` };
}

/**
 * The iCalendar document of a feed: 30 days back, 180 days ahead; patient names only if opted in,
 * and then the read is traced with the patients named (no session: the calendar client holding
 * the secret URL reads it, from the IP recorded).
 */
export async function renderFeed(
  db: Kysely<Database>,
  token: string,
  origin: { ip: string; userAgent: string },
  now = Date.now(),
): Promise<string> {
  return db.transaction().execute((tx) => renderFeedIn(tx, token, origin, now));
}

async function renderFeedIn(
  tx: Tx,
  token: string,
  origin: { ip: string; userAgent: string },
  now: number,
): Promise<string> {
  const feed = await findActiveFeed(tx, hashFeedToken(token));
  if (!feed) throw new DomainError('not_found');
  const from = new Date(now - 30 * DAY);
  const to = new Date(now + 180 * DAY);
  const resource = { kind: feed.resource_kind, id: feed.resource_id };
  const appointments = await feedAppointments(tx, feed.organization_id, resource, from, to);
  const meetings = await feedMeetings(tx, feed.organization_id, resource, from, to);
  const events: CalendarEvent[] = [
    ...appointments.map((a) => ({
      uid: `appointment-${a.id}@pivot`,
      start: new Date(a.starts_at).getTime(),
      end: new Date(a.ends_at).getTime(),
      title: a.label.fr,
      patientName: `${a.used_name || a.birth_name} ${a.used_given_name || a.first_given_name}`,
      location: a.room_name,
      status: 'CONFIRMED' as const,
      sequence: a.version,
    })),
    ...meetings.map((m) => ({
      uid: `meeting-${m.id}@pivot`,
      start: new Date(m.starts_at).getTime(),
      end: new Date(m.ends_at).getTime(),
      title: m.title,
      location: m.location || null,
      sequence: m.sequence,
    })),
  ].sort((a, b) => a.start - b.start);
  if (feed.show_patient_names)
    await writeAuditOfPatients(
      tx,
      {
        organizationId: feed.organization_id,
        userId: null,
        action: 'read',
        entity: 'calendar_feed',
        entityId: feed.id,
        ip: origin.ip,
        userAgent: origin.userAgent,
        details: { owner: feed.created_by, appointments: appointments.length },
      },
      appointments.map((a) => a.patient_id),
    );
  return buildCalendar(events, {
    stamp: now,
    calendarName: 'Pivot',
    hidePatientNames: !feed.show_patient_names,
  });
}
