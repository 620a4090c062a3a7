import {
  agendaRangeView,
  appointmentInput,
  appointmentTime,
  appointmentView,
  appointmentWithHistoryView,
  dailyCheckView,
  freeSlotView,
  slotSearchInput,
  statusChangeInput,
  statusChangeView,
} from '@pivot/core/agenda';
import { parisToday } from '@pivot/core/calendar';
import { calendarDate, id, instant, text, version } from '@pivot/core/input';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../http/request-context.ts';
import { changeStatus, moveAppointment, statusHistory } from './appointment-service.ts';
import { bookAppointment } from './booking.ts';
import { appointmentList, dailyCheckOf, dayView, searchSlots, weekView } from './planning-service.ts';

const idParams = z.object({ id });
const tags = ['agenda'];
const viewQuery = z.object({ date: calendarDate, siteId: id.optional() });

/** Appointments (book, list, read, move, change status), free slots, the day and week views, the daily check. */
export async function appointmentRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = app;

  app.post(
    '/api/agenda/appointments',
    {
      config: { permission: 'agenda.write' },
      schema: {
        tags,
        summary:
          'Book an appointment (409 slot_taken when the practitioner, room or equipment is already held)',
        body: appointmentInput,
        response: { 201: appointmentView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(flat(await bookAppointment(db, actorOf(request), request.body))),
  );

  app.get(
    '/api/agenda/appointments',
    {
      config: { permission: 'agenda.read' },
      schema: {
        tags,
        summary: 'Appointments between two instants (list view)',
        querystring: z.object({ from: instant, to: instant, practitionerId: id.optional() }),
        response: { 200: z.array(appointmentView) },
      },
    },
    async (request) => appointmentList(db, actorOf(request), request.query),
  );

  app.get(
    '/api/agenda/appointments/:id',
    {
      config: { permission: 'agenda.read' },
      schema: {
        tags,
        summary: 'An appointment with its status history',
        params: idParams,
        response: { 200: appointmentWithHistoryView },
      },
    },
    async (request) => {
      const { appointment, history } = await statusHistory(db, actorOf(request), request.params.id);
      return { ...flat(appointment), history };
    },
  );

  app.post(
    '/api/agenda/appointments/:id/move',
    {
      config: { permission: 'agenda.write' },
      schema: {
        tags,
        summary:
          'Move an appointment to another time, practitioner or room (keeps its duration unless end is given)',
        params: idParams,
        body: z.object({
          start: appointmentTime,
          end: appointmentTime.optional(),
          practitionerId: id.optional(),
          roomId: id.nullable().optional(),
          override: z
            .object({ reason: text().trim().min(1, { message: 'override_reason_required' }).max(500) })
            .nullable()
            .optional(),
          version,
        }),
        response: { 200: appointmentView },
      },
    },
    async (request) => flat(await moveAppointment(db, actorOf(request), request.params.id, request.body)),
  );

  app.post(
    '/api/agenda/appointments/:id/status',
    {
      config: { permission: 'agenda.write' },
      schema: {
        tags,
        summary: 'Confirm, mark arrived / in consultation / seen / no-show, or cancel (with reason)',
        params: idParams,
        body: statusChangeInput,
        response: { 200: statusChangeView },
      },
    },
    async (request) => {
      const result = await changeStatus(db, actorOf(request), request.params.id, request.body);
      return { ...flat(result.appointment), waitlistMatches: result.waitlistMatches };
    },
  );

  app.post(
    '/api/agenda/slots',
    {
      config: { permission: 'agenda.read' },
      schema: {
        tags,
        summary: 'The next free slots for a motif, with patient preferences',
        body: slotSearchInput,
        response: { 200: z.array(freeSlotView) },
      },
    },
    async (request) => searchSlots(db.kysely, actorOf(request).organizationId, request.body),
  );

  app.get(
    '/api/agenda/day',
    {
      config: { permission: 'agenda.read' },
      schema: {
        tags,
        summary: 'Day view: one column per practitioner and per room, of the organization or of one site',
        querystring: viewQuery,
        response: { 200: agendaRangeView },
      },
    },
    async (request) => dayView(db, actorOf(request), request.query),
  );

  app.get(
    '/api/agenda/week',
    {
      config: { permission: 'agenda.read' },
      schema: {
        tags,
        summary: 'Week view (Monday to Sunday of the week of the date), of the organization or of one site',
        querystring: viewQuery,
        response: { 200: agendaRangeView },
      },
    },
    async (request) => weekView(db, actorOf(request), request.query),
  );

  app.get(
    '/api/agenda/daily-check',
    {
      config: { permission: 'agenda.read' },
      schema: {
        tags,
        summary: 'Checklist of problems for the next working day',
        querystring: z.object({ today: calendarDate.optional() }),
        response: { 200: dailyCheckView },
      },
    },
    async (request) => dailyCheckOf(db, actorOf(request), request.query.today ?? parisToday()),
  );
}

/** Instants travel as ISO text: the milliseconds the services compute with stay on the server. */
function flat<T extends { start: number; end: number; startIso: string; endIso: string }>(a: T) {
  const { start: _s, end: _e, ...rest } = a;
  return { ...rest, start: a.startIso, end: a.endIso };
}
