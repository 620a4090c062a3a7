import {
  listedMeetingView,
  meetingCancelInput,
  meetingInput,
  meetingUpdateInput,
  meetingView,
} from '@pivot/core/agenda';
import { id, instant } from '@pivot/core/input';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../http/request-context.ts';
import { cancelMeeting, createMeeting, meetingsBetweenFor, updateMeeting } from './meeting-service.ts';

const idParams = z.object({ id });
const tags = ['agenda'];

/** Meetings of the team: listed, created, edited and cancelled, invitations going through the outbox. */
export async function meetingRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = app;

  app.get(
    '/api/agenda/meetings',
    {
      config: { permission: 'agenda.read' },
      schema: {
        tags,
        summary: 'Meetings between two instants, with their room and attendees',
        querystring: z.object({
          from: instant,
          to: instant,
        }),
        response: { 200: z.array(listedMeetingView) },
      },
    },
    async (request) => meetingsBetweenFor(db, actorOf(request), request.query),
  );

  app.post(
    '/api/agenda/meetings',
    {
      config: { permission: 'agenda.write' },
      schema: {
        tags,
        summary: 'A meeting with attendees and room; invitations (.ics) go through the outbox',
        body: meetingInput,
        response: { 201: meetingView },
      },
    },
    async (request, reply) => reply.status(201).send(await createMeeting(db, actorOf(request), request.body)),
  );

  app.put(
    '/api/agenda/meetings/:id',
    {
      config: { permission: 'agenda.write' },
      schema: {
        tags,
        summary:
          'Edit a meeting (organizer or admin; 403 not_meeting_organizer): the room hold moves (409 slot_taken), ' +
          'attendees get an updated .ics (same UID, SEQUENCE+1), removed ones a METHOD:CANCEL, each in their ' +
          'language; their notices still pending in the outbox are withdrawn first. ' +
          '409 stale_version, meeting_cancelled, or meeting_over once it has ended',
        params: idParams,
        body: meetingUpdateInput,
        response: { 200: meetingView },
      },
    },
    async (request) => updateMeeting(db, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/agenda/meetings/:id/cancel',
    {
      config: { permission: 'agenda.write' },
      schema: {
        tags,
        summary:
          'Cancel a meeting with a reason (organizer or admin): the room is released and every attendee gets ' +
          'a METHOD:CANCEL .ics in their language; pending invitations are withdrawn, and an attendee whose ' +
          'invitation had not left yet gets nothing. 409 stale_version, meeting_cancelled, or meeting_over once it has ended',
        params: idParams,
        body: meetingCancelInput,
        response: { 200: meetingView },
      },
    },
    async (request) => cancelMeeting(db, actorOf(request), request.params.id, request.body),
  );
}
