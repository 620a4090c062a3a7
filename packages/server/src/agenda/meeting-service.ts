import { DomainError, type Language } from '@pivot/core';
import {
  buildCancellation,
  buildInvitation,
  type CalendarAttendee,
  type CalendarEvent,
  type MeetingCancelInput,
  type MeetingInput,
  type MeetingKind,
  type MeetingUpdateInput,
} from '@pivot/core/agenda';
import type { Kysely } from 'kysely';
import { auditFrom } from '../audit/index.ts';
import type { Db } from '../db/connection.ts';
import type { Database } from '../db/schema.ts';
import { updateVersioned } from '../db/versioned-update.ts';
import type { Actor } from '../http/request-context.ts';
import { period } from './intervals.ts';
import {
  attendeeLanguage,
  type MeetingNoticeKind,
  meetingDescription,
  meetingNoticeText,
} from './meeting-notice.ts';
import {
  deleteMeetingAttendees,
  deleteMeetingHolds,
  insertMeeting,
  insertMeetingAttendees,
  insertMeetingRoomHold,
  loadMeeting,
  lockMeeting,
  meetingAttendees,
  meetingsBetween,
  releaseMeetingHolds,
} from './meeting-repository.ts';
import {
  insertNotices,
  meetingNoticeRecipients,
  withdrawPendingMeetingNotices,
} from './notice-repository.ts';
import { findRoom, findRoomName, loadUserContact, usersWithEmails } from './resource-repository.ts';
import { guardSlots } from './slot-taken.ts';

type Tx = Kysely<Database>;
type Attendee = { email: string; name: string | null };
type MeetingStatus = 'scheduled' | 'cancelled' | 'over';

/**
 * A cancelled meeting stays cancelled; a meeting whose end has passed is over: it is history and
 * is neither edited nor cancelled any more (a meeting in progress may still be edited, e.g. to
 * extend it, or cancelled, e.g. cut short, until its end).
 */
export function meetingStatus(
  meeting: { cancelled: boolean; ends_at: Date | string },
  now: number,
): MeetingStatus {
  if (meeting.cancelled) return 'cancelled';
  return new Date(meeting.ends_at).getTime() <= now ? 'over' : 'scheduled';
}

/** A meeting with its attendees, its room held like an appointment, and one invitation e-mail (.ics) each. */
export async function createMeeting(db: Db, actor: Actor, input: MeetingInput) {
  const start = Date.parse(input.start);
  const end = Date.parse(input.end);
  return guardSlots(() =>
    db.kysely.transaction().execute(async (tx) => {
      const roomName = await roomNameOf(tx, actor, input.roomId);
      const organizer = await personOf(tx, actor.userId);
      const meeting = await insertMeeting(tx, actor.organizationId, {
        title: input.title,
        kind: input.kind,
        starts_at: new Date(start),
        ends_at: new Date(end),
        room_id: input.roomId,
        location: input.location || roomName || '',
        description: input.description,
        agenda: input.agenda,
        organizer_id: actor.userId,
      });
      await holdRoom(tx, actor, meeting.id, input.roomId, start, end);
      await insertAttendees(tx, actor, meeting.id, input.attendees);
      const languageOf = await languagesOf(tx, actor, input.attendees);
      const stamp = Date.now();
      const ics = perLanguage((language) =>
        buildInvitation(eventOf(meeting, organizer, input.attendees, language), { stamp }),
      );
      await queueNotices(
        tx,
        actor,
        meeting.id,
        input.attendees.map((a) => {
          const language = languageOf(a);
          return {
            recipient: a.email,
            kind: 'invitation',
            language,
            ...meetingNoticeText({ language, kind: 'invitation', meeting: textOf(meeting) }),
            method: 'REQUEST',
            ics: ics(language),
          };
        }),
      );
      await auditFrom(actor)(tx, {
        action: 'create',
        entity: 'meeting',
        entityId: meeting.id,
        details: { kind: input.kind, attendees: input.attendees.length },
      });
      return meetingView(meeting, input.attendees, Date.now());
    }),
  );
}

/**
 * Replaces every field of a meeting the organizer (or an admin) changes. The room hold moves in the
 * same transaction, so the exclusion constraint refuses a room already taken (409 slot_taken). The
 * attendees get an update (RFC 5546: same UID, SEQUENCE raised, METHOD:REQUEST); new ones get it as
 * their invitation; removed ones get a METHOD:CANCEL naming them. Each in the attendee's language.
 * What is still waiting in the outbox for these people is withdrawn first (see `withdrawPending`):
 * someone who was told nothing yet gets this version as their invitation, and a removed attendee
 * who was told nothing gets nothing.
 */
export async function updateMeeting(db: Db, actor: Actor, id: string, input: MeetingUpdateInput) {
  const start = Date.parse(input.start);
  const end = Date.parse(input.end);
  const now = Date.now();
  return guardSlots(() =>
    db.kysely.transaction().execute(async (tx) => {
      const before = await lockForChange(tx, actor, id, input.version, now);
      const roomName = await roomNameOf(tx, actor, input.roomId);
      const organizer = await personOf(tx, before.organizer_id ?? actor.userId);
      const sequence = before.sequence + 1;
      // A location that was filled from the old room's name follows the room.
      const oldRoom = before.room_id ? await findRoomName(tx, before.room_id) : undefined;
      const oldRoomName = oldRoom?.name ?? null;
      const typed = oldRoomName !== null && input.location === oldRoomName ? '' : input.location;
      const location = typed || roomName || '';
      await updateVersioned(
        tx,
        'meetings',
        { organizationId: actor.organizationId, id, version: input.version },
        {
          title: input.title,
          kind: input.kind,
          starts_at: new Date(start),
          ends_at: new Date(end),
          room_id: input.roomId,
          location,
          description: input.description,
          agenda: input.agenda,
          sequence,
        },
      );
      await deleteMeetingHolds(tx, id);
      await holdRoom(tx, actor, id, input.roomId, start, end);
      const previous = await meetingAttendees(tx, id);
      await deleteMeetingAttendees(tx, id);
      await insertAttendees(tx, actor, id, input.attendees);
      const key = (a: { email: string }) => a.email.toLowerCase();
      const previousKeys = new Set(previous.map(key));
      const currentKeys = new Set(input.attendees.map(key));
      const removed = previous.filter((a) => !currentKeys.has(key(a)));
      const meeting = await loadMeeting(tx, id);
      const event = (language: Language): CalendarEvent => ({
        ...eventOf(meeting, organizer, input.attendees, language),
        status: 'CONFIRMED',
      });
      const stamp = Date.now();
      const request = perLanguage((language) => buildInvitation(event(language), { stamp }));
      const { withdrawn, told } = await withdrawPending(tx, id, [...input.attendees, ...removed]);
      const languageOf = await languagesOf(tx, actor, [...input.attendees, ...removed]);
      await queueNotices(tx, actor, id, [
        ...input.attendees.map((a) => {
          const language = languageOf(a);
          const kind: MeetingNoticeKind =
            previousKeys.has(key(a)) && told.has(key(a)) ? 'invitation_update' : 'invitation';
          return {
            recipient: a.email,
            kind,
            language,
            ...meetingNoticeText({ language, kind, meeting: textOf(meeting) }),
            method: 'REQUEST' as const,
            ics: request(language),
          };
        }),
        ...removed
          .filter((a) => told.has(key(a)))
          .map((a) => {
            const language = languageOf(a);
            return {
              recipient: a.email,
              kind: 'invitation_withdrawn' as const,
              language,
              ...meetingNoticeText({ language, kind: 'invitation_withdrawn', meeting: textOf(before) }),
              method: 'CANCEL' as const,
              ics: buildCancellation(event(language), { stamp, uninvited: [attendeeOf(a)] }),
            };
          }),
      ]);
      await auditFrom(actor)(tx, {
        action: 'update',
        entity: 'meeting',
        entityId: id,
        details: {
          changed: changedFields(before, meeting),
          attendeesAdded: input.attendees.filter((a) => !previousKeys.has(key(a))).length,
          attendeesRemoved: removed.length,
          noticesWithdrawn: withdrawn,
          sequence,
        },
      });
      return meetingView(meeting, input.attendees, now);
    }),
  );
}

/**
 * Cancels a meeting with a reason: the row stays (who, when, why), its room is released (the hold
 * stops holding its slot, as for a cancelled appointment) and every attendee gets a METHOD:CANCEL
 * with STATUS:CANCELLED, the same UID and the SEQUENCE raised, in their language. Invitations
 * still waiting in the outbox are withdrawn, and whoever was told nothing is sent nothing.
 */
export async function cancelMeeting(db: Db, actor: Actor, id: string, input: MeetingCancelInput) {
  const now = Date.now();
  return db.kysely.transaction().execute(async (tx) => {
    const before = await lockForChange(tx, actor, id, input.version, now);
    const organizer = await personOf(tx, before.organizer_id ?? actor.userId);
    const sequence = before.sequence + 1;
    await updateVersioned(
      tx,
      'meetings',
      { organizationId: actor.organizationId, id, version: input.version },
      {
        cancelled: true,
        cancelled_reason: input.reason,
        cancelled_at: new Date(now),
        cancelled_by: actor.userId,
        sequence,
      },
    );
    await releaseMeetingHolds(tx, id);
    const meeting = await loadMeeting(tx, id);
    const attendees = await meetingAttendees(tx, id);
    const stamp = Date.now();
    const ics = perLanguage((language) =>
      buildCancellation(eventOf(meeting, organizer, attendees, language), { stamp }),
    );
    const { withdrawn, told } = await withdrawPending(tx, id, attendees);
    const languageOf = await languagesOf(tx, actor, attendees);
    await queueNotices(
      tx,
      actor,
      id,
      attendees
        .filter((a) => told.has(a.email.toLowerCase()))
        .map((a) => {
          const language = languageOf(a);
          return {
            recipient: a.email,
            kind: 'cancellation',
            language,
            ...meetingNoticeText({
              language,
              kind: 'cancellation',
              meeting: textOf(meeting),
              reason: input.reason,
            }),
            method: 'CANCEL',
            ics: ics(language),
          };
        }),
    );
    await auditFrom(actor)(tx, {
      action: 'cancel',
      entity: 'meeting',
      entityId: id,
      details: { reason: input.reason, attendees: attendees.length, noticesWithdrawn: withdrawn, sequence },
    });
    return meetingView(meeting, attendees, now);
  });
}

type MeetingRow = Awaited<ReturnType<typeof lockForChange>>;

/**
 * The meeting, locked for the rest of the transaction, once the actor may change it: the
 * organizer or an admin; not cancelled, not over; and the version the client read.
 */
async function lockForChange(tx: Tx, actor: Actor, id: string, version: number, now: number) {
  const meeting = await lockMeeting(tx, actor.organizationId, id);
  if (!meeting) throw new DomainError('not_found');
  if (meeting.organizer_id !== actor.userId && actor.role !== 'admin')
    throw new DomainError('not_meeting_organizer');
  const status = meetingStatus(meeting, now);
  if (status === 'cancelled') throw new DomainError('meeting_cancelled');
  if (status === 'over') throw new DomainError('meeting_over');
  if (meeting.version !== version) throw new DomainError('stale_version', { field: 'version' });
  return meeting;
}

async function roomNameOf(tx: Tx, actor: Actor, roomId: string | null): Promise<string | null> {
  if (!roomId) return null;
  const room = await findRoom(tx, actor.organizationId, roomId);
  if (!room) throw new DomainError('not_found', { field: 'roomId' });
  return room.name;
}

async function personOf(tx: Tx, userId: string) {
  const user = await loadUserContact(tx, userId);
  return { email: user.email, name: user.display_name };
}

async function holdRoom(
  tx: Tx,
  actor: Actor,
  meetingId: string,
  roomId: string | null,
  start: number,
  end: number,
) {
  if (!roomId) return;
  await insertMeetingRoomHold(tx, actor.organizationId, meetingId, roomId, period(start, end));
}

/** The organization's users among the attendees, by e-mail whatever its case. */
function usersAmong(tx: Tx, actor: Actor, attendees: readonly Attendee[]) {
  return usersWithEmails(
    tx,
    actor.organizationId,
    attendees.map((a) => a.email.toLowerCase()),
  );
}

/** Attendees who are users of the organization are linked, so the meeting shows in their calendar feed. */
async function insertAttendees(tx: Tx, actor: Actor, meetingId: string, attendees: readonly Attendee[]) {
  if (attendees.length === 0) return;
  const users = await usersAmong(tx, actor, attendees);
  const userByEmail = new Map(users.map((u) => [u.email.toLowerCase(), u.id]));
  await insertMeetingAttendees(
    tx,
    actor.organizationId,
    meetingId,
    attendees.map((a) => ({
      email: a.email,
      name: a.name,
      userId: userByEmail.get(a.email.toLowerCase()) ?? null,
    })),
  );
}

type StoredMeeting = Pick<
  MeetingRow,
  'id' | 'title' | 'starts_at' | 'ends_at' | 'location' | 'description' | 'agenda' | 'sequence'
>;

function attendeeOf(a: Attendee): CalendarAttendee {
  return { email: a.email, name: a.name };
}

function eventOf(
  meeting: StoredMeeting,
  organizer: { email: string; name: string },
  attendees: readonly Attendee[],
  language: Language,
): CalendarEvent {
  return {
    uid: `meeting-${meeting.id}@pivot`,
    start: new Date(meeting.starts_at).getTime(),
    end: new Date(meeting.ends_at).getTime(),
    title: meeting.title,
    location: meeting.location || null,
    description: meetingDescription(meeting, language) || null,
    sequence: meeting.sequence,
    organizer,
    attendees: attendees.map(attendeeOf),
  };
}

function textOf(meeting: StoredMeeting) {
  return {
    title: meeting.title,
    start: new Date(meeting.starts_at).getTime(),
    end: new Date(meeting.ends_at).getTime(),
    location: meeting.location,
    description: meeting.description,
    agenda: meeting.agenda,
  };
}

/** One .ics per language at most, built when first asked for (the agenda's heading is translated). */
function perLanguage(build: (language: Language) => string): (language: Language) => string {
  const built = new Map<Language, string>();
  return (language) => {
    if (!built.has(language)) built.set(language, build(language));
    return built.get(language)!;
  };
}

/**
 * The language each attendee reads: a user of the organization (same e-mail, whatever its case)
 * their own; anyone else the organization's, and organizations carry no language yet, so French.
 */
async function languagesOf(tx: Tx, actor: Actor, attendees: readonly Attendee[]) {
  const users = attendees.length === 0 ? [] : await usersAmong(tx, actor, attendees);
  const byEmail = new Map(users.map((u) => [u.email.toLowerCase(), u.language]));
  const organizationLanguage: Language | null = null;
  return (a: Attendee): Language =>
    attendeeLanguage(byEmail.get(a.email.toLowerCase()), organizationLanguage);
}

/**
 * Withdraws (status 'cancelled') the notices of this meeting to these people that the outbox has
 * not sent yet, so that a stale version can never arrive after the one about to be queued; in the
 * business transaction, and the meeting row is locked, so two edits cannot interleave. A notice
 * the worker is sending at this moment is locked by it: the update waits, then finds it 'sent' and
 * leaves it. `told` are the people (lower-case e-mails) who keep a notice that was sent or tried:
 * they need the update or the cancellation; the others were never told of the meeting.
 */
async function withdrawPending(tx: Tx, meetingId: string, people: readonly Attendee[]) {
  if (people.length === 0) return { withdrawn: 0, told: new Set<string>() };
  const emails = [...new Set(people.map((a) => a.email.toLowerCase()))];
  const withdrawn = await withdrawPendingMeetingNotices(tx, meetingId, emails);
  const kept = await meetingNoticeRecipients(tx, meetingId, emails);
  return { withdrawn: withdrawn.length, told: new Set(kept.map((n) => n.email)) };
}

interface MeetingNotice {
  recipient: string;
  kind: MeetingNoticeKind;
  language: Language;
  subject: string;
  body: string;
  method: 'REQUEST' | 'CANCEL';
  ics: string;
}

/** One outbox row per recipient, in the business transaction; the outbox worker sends them. */
async function queueNotices(tx: Tx, actor: Actor, meetingId: string, notices: readonly MeetingNotice[]) {
  if (notices.length === 0) return;
  await insertNotices(
    tx,
    notices.map((n) => ({
      organization_id: actor.organizationId,
      meeting_id: meetingId,
      channel: 'email' as const,
      kind: n.kind,
      language: n.language,
      recipient: n.recipient,
      subject: n.subject,
      body: n.body,
      attachments: JSON.stringify([
        {
          filename: n.method === 'CANCEL' ? 'cancel.ics' : 'invitation.ics',
          contentType: `text/calendar; method=${n.method}; charset=UTF-8`,
          content: n.ics,
        },
      ]),
    })),
  );
}

const auditedFields = [
  'title',
  'kind',
  'starts_at',
  'ends_at',
  'room_id',
  'location',
  'description',
  'agenda',
] as const;

function changedFields(before: MeetingRow, after: MeetingRow): string[] {
  const same = (a: unknown, b: unknown) =>
    a instanceof Date || b instanceof Date
      ? new Date(a as Date).getTime() === new Date(b as Date).getTime()
      : JSON.stringify(a) === JSON.stringify(b);
  return auditedFields.filter((f) => !same(before[f], after[f]));
}

export function meetingView(
  meeting: MeetingRow,
  attendees: readonly Attendee[],
  now: number,
): {
  id: string;
  kind: MeetingKind;
  title: string;
  start: string;
  end: string;
  roomId: string | null;
  location: string;
  description: string;
  agenda: string[];
  attendees: Attendee[];
  organizerId: string | null;
  status: MeetingStatus;
  cancelledReason: string | null;
  sequence: number;
  version: number;
} {
  return {
    id: meeting.id,
    kind: meeting.kind,
    title: meeting.title,
    start: new Date(meeting.starts_at).toISOString(),
    end: new Date(meeting.ends_at).toISOString(),
    roomId: meeting.room_id,
    location: meeting.location,
    description: meeting.description,
    agenda: meeting.agenda,
    attendees: attendees.map((a) => ({ email: a.email, name: a.name })),
    organizerId: meeting.organizer_id,
    status: meetingStatus(meeting, now),
    cancelledReason: meeting.cancelled_reason,
    sequence: meeting.sequence,
    version: meeting.version,
  };
}

/** Meetings between two instants, with their room and attendees. */
export async function meetingsBetweenFor(db: Db, actor: Actor, range: { from: string; to: string }) {
  const { meetings, attendees } = await meetingsBetween(db.kysely, actor.organizationId, range);
  const now = Date.now();
  return meetings.map((m) => ({
    ...meetingView(
      m,
      attendees.filter((a) => a.meeting_id === m.id),
      now,
    ),
    roomName: m.room_name,
    cancelled: m.cancelled,
    organizerName: m.organizer_name,
  }));
}
