import { DomainError } from '@pivot/core';
import { buildInvitation, type MeetingInput } from '@pivot/core/agenda';
import { auditFrom } from '../audit/audit-log.ts';
import type { Db } from '../db/connection.ts';
import type { Actor } from '../http/request-context.ts';
import { guardSlots, period } from './agenda-data.ts';

/** A meeting with its attendees, its room held like an appointment, and one invitation e-mail (.ics) each. */
export async function createMeeting(db: Db, actor: Actor, input: MeetingInput) {
  const start = Date.parse(input.start);
  const end = Date.parse(input.end);
  return guardSlots(() =>
    db.kysely.transaction().execute(async (tx) => {
      let roomName: string | null = null;
      if (input.roomId) {
        const room = await tx
          .selectFrom('rooms')
          .select(['id', 'name'])
          .where('organization_id', '=', actor.organizationId)
          .where('id', '=', input.roomId)
          .executeTakeFirst();
        if (!room) throw new DomainError('not_found', { field: 'roomId' });
        roomName = room.name;
      }
      const organizer = await tx
        .selectFrom('users')
        .select(['email', 'display_name'])
        .where('id', '=', actor.userId)
        .executeTakeFirstOrThrow();
      const meeting = await tx
        .insertInto('meetings')
        .values({
          organization_id: actor.organizationId,
          title: input.title,
          starts_at: new Date(start),
          ends_at: new Date(end),
          room_id: input.roomId,
          location: input.location || roomName || '',
          description: input.description,
          organizer_id: actor.userId,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      if (input.roomId)
        await tx
          .insertInto('agenda_holds')
          .values({
            organization_id: actor.organizationId,
            meeting_id: meeting.id,
            room_id: input.roomId,
            period: period(start, end),
          })
          .execute();
      const emails = input.attendees.map((a) => a.email.toLowerCase());
      const users =
        emails.length === 0
          ? []
          : await tx
              .selectFrom('users')
              .select(['id', 'email'])
              .where('organization_id', '=', actor.organizationId)
              .execute();
      const userByEmail = new Map(users.map((u) => [u.email.toLowerCase(), u.id]));
      if (input.attendees.length > 0)
        await tx
          .insertInto('meeting_attendees')
          .values(
            input.attendees.map((a) => ({
              organization_id: actor.organizationId,
              meeting_id: meeting.id,
              email: a.email,
              name: a.name,
              user_id: userByEmail.get(a.email.toLowerCase()) ?? null,
            })),
          )
          .execute();
      const ics = buildInvitation(
        {
          uid: `meeting-${meeting.id}@pivot`,
          start,
          end,
          title: input.title,
          location: meeting.location || null,
          description: input.description || null,
          sequence: 0,
          organizer: { email: organizer.email, name: organizer.display_name },
          attendees: input.attendees.map((a) => ({ email: a.email, name: a.name })),
        },
        { stamp: Date.now() },
      );
      const when = new Intl.DateTimeFormat('fr-FR', {
        dateStyle: 'full',
        timeStyle: 'short',
        timeZone: 'Europe/Paris',
      }).format(start);
      if (input.attendees.length > 0)
        await tx
          .insertInto('notices')
          .values(
            input.attendees.map((a) => ({
              organization_id: actor.organizationId,
              meeting_id: meeting.id,
              channel: 'email' as const,
              kind: 'invitation',
              recipient: a.email,
              subject: `Invitation : ${input.title}`,
              body: `${input.title}\n${when}${meeting.location ? `\n${meeting.location}` : ''}\n\n${input.description}`,
              attachments: JSON.stringify([
                {
                  filename: 'invitation.ics',
                  contentType: 'text/calendar; method=REQUEST; charset=UTF-8',
                  content: ics,
                },
              ]),
            })),
          )
          .execute();
      await auditFrom(actor)(tx, {
        action: 'create',
        entity: 'meeting',
        entityId: meeting.id,
        details: { attendees: input.attendees.length },
      });
      return {
        id: meeting.id,
        title: meeting.title,
        start: new Date(start).toISOString(),
        end: new Date(end).toISOString(),
        roomId: meeting.room_id,
        location: meeting.location,
        attendees: input.attendees,
        version: meeting.version,
      };
    }),
  );
}
