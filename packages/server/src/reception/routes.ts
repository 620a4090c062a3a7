import { can } from '@pivot/core/auth';
import { parisToday } from '@pivot/core/calendar';
import { calendarDate, id, text, version } from '@pivot/core/input';
import {
  arrivalInput,
  callLogDayView,
  callLogInput,
  colleagueView,
  deskDayView,
  incidentChecklist,
  incidentKinds,
  incidentProcedures,
  incidentProcedureView,
  incidentRecordInput,
  incidentView,
  informationSheetInput,
  informationSheetView,
  loggedCallView,
  messageCountersView,
  phoneMessageInput,
  phoneMessageView,
  sendSheetInput,
  sentSheetView,
  triageEvaluationView,
  triageProtocolSchema,
  triageProtocolView,
  visitMoveInput,
  visitView,
  waitingRoomBoardView,
  walkInInput,
} from '@pivot/core/reception';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../http/request-context.ts';
import { boardStreamRoutes } from './board-stream.ts';
import { addWalkIn, deskDay, markArrived, moveVisit, waitingRoom } from './desk-service.ts';
import { listIncidents, recordIncident, updateIncident } from './incidents-service.ts';
import { listSheets, printableSheet, saveSheet, sendSheet } from './information-sheets.ts';
import {
  colleagues,
  listCalls,
  listMessages,
  logCall,
  myCounters,
  setMessageStatus,
  takeMessage,
} from './phone-service.ts';
import { createProtocol, evaluate, listProtocols, updateProtocol } from './triage-service.ts';

const tags = ['reception'];
const idParams = z.object({ id });
const slugParams = z.object({ slug: text().regex(/^[a-z0-9][a-z0-9_]{0,59}$/) });
const dateQuery = z.object({ date: calendarDate.optional() });

export async function receptionRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = app;

  // --- desk and waiting room ---------------------------------------------------------------
  app.get(
    '/api/reception/desk',
    {
      config: { permission: 'reception.use' },
      schema: {
        tags,
        summary:
          "The day's appointments of a site, in time order, with what to check at arrival, and walk-ins",
        querystring: z.object({ date: calendarDate.optional(), siteId: id.optional() }),
        response: { 200: deskDayView },
      },
    },
    async (request) =>
      deskDay(db, actorOf(request), {
        date: request.query.date ?? parisToday(),
        siteId: request.query.siteId,
      }),
  );

  app.post(
    '/api/reception/arrivals',
    {
      config: { permission: 'reception.use' },
      schema: {
        tags,
        summary: 'Mark the patient of an appointment arrived (409 already_arrived when another desk did)',
        body: arrivalInput,
        response: { 201: visitView },
      },
    },
    async (request, reply) => reply.status(201).send(await markArrived(db, actorOf(request), request.body)),
  );

  app.post(
    '/api/reception/walk-ins',
    {
      config: { permission: 'reception.use' },
      schema: {
        tags,
        summary: 'A patient without an appointment enters the waiting room',
        body: walkInInput,
        response: { 201: visitView },
      },
    },
    async (request, reply) => reply.status(201).send(await addWalkIn(db, actorOf(request), request.body)),
  );

  app.post(
    '/api/reception/visits/:id/stage',
    {
      config: { permission: 'reception.use' },
      schema: {
        tags,
        summary: 'Called in, seen, or left without being seen (the appointment moves in step)',
        params: idParams,
        body: visitMoveInput,
        response: { 200: visitView },
      },
    },
    async (request) => moveVisit(db, actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/reception/waiting-room',
    {
      config: { permission: 'reception.use' },
      schema: {
        tags,
        summary: "Today's waiting room: visits, waits per practitioner, late practitioners",
        response: { 200: waitingRoomBoardView },
      },
    },
    async (request) => waitingRoom(db, actorOf(request)),
  );

  await app.register(boardStreamRoutes);

  // --- calls and messages ------------------------------------------------------------------
  app.get(
    '/api/reception/colleagues',
    {
      config: { permission: 'reception.use' },
      schema: {
        tags,
        summary: 'Active colleagues: recipients of messages, practitioners of walk-ins',
        response: { 200: z.array(colleagueView) },
      },
    },
    async (request) => colleagues(db, actorOf(request)),
  );

  app.post(
    '/api/reception/calls',
    {
      config: { permission: 'reception.use' },
      schema: {
        tags,
        summary: 'Log a call, with its triage answers and the message taken if any (one transaction)',
        body: callLogInput.and(
          z.object({ message: phoneMessageInput.omit({ callLogId: true, callerName: true }).nullish() }),
        ),
        response: { 201: loggedCallView },
      },
    },
    async (request, reply) => reply.status(201).send(await logCall(db, actorOf(request), request.body)),
  );

  app.get(
    '/api/reception/calls',
    {
      config: { permission: 'reception.use' },
      schema: {
        tags,
        summary: "A day's call log with its counts",
        querystring: dateQuery,
        response: { 200: callLogDayView },
      },
    },
    async (request) => listCalls(db, actorOf(request), { date: request.query.date ?? parisToday() }),
  );

  app.post(
    '/api/reception/messages',
    {
      config: { permission: 'reception.use' },
      schema: {
        tags,
        summary: 'Take a phone message for a practitioner or a colleague',
        body: phoneMessageInput,
        response: { 201: phoneMessageView },
      },
    },
    async (request, reply) => reply.status(201).send(await takeMessage(db, actorOf(request), request.body)),
  );

  app.get(
    '/api/reception/messages',
    {
      config: { permission: 'reception.use' },
      schema: {
        tags,
        summary: 'Messages for everyone (the desk), open ones overdue first',
        querystring: z.object({ status: z.enum(['open', 'done']).default('open') }),
        response: { 200: z.array(phoneMessageView) },
      },
    },
    async (request) => listMessages(db, actorOf(request), { scope: 'all', status: request.query.status }),
  );

  // Every colleague receives messages, the accountant too: these two need only a session.
  app.get(
    '/api/reception/messages/mine',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: 'My messages, open ones overdue first',
        querystring: z.object({ status: z.enum(['open', 'done']).default('open') }),
        response: { 200: z.array(phoneMessageView) },
      },
    },
    async (request) => listMessages(db, actorOf(request), { scope: 'mine', status: request.query.status }),
  );

  app.get(
    '/api/reception/messages/mine/counters',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: 'Counters of my messages: unread, open, overdue, urgent',
        response: { 200: messageCountersView },
      },
    },
    async (request) => myCounters(db, actorOf(request)),
  );

  app.post(
    '/api/reception/messages/:id/status',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: 'Mark a message read or done (its recipient, or the desk)',
        params: idParams,
        body: z.object({ status: z.enum(['read', 'done']), version }),
        response: { 200: phoneMessageView },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return setMessageStatus(db, actor, request.params.id, request.body, can(actor.role, 'reception.use'));
    },
  );

  // --- triage ------------------------------------------------------------------------------
  app.get(
    '/api/reception/triage-protocols',
    {
      config: { permission: 'reception.use' },
      schema: {
        tags,
        summary: 'Triage protocols (the default set for a general practice until edited)',
        querystring: z.object({
          includeInactive: z
            .enum(['true', 'false'])
            .optional()
            .transform((v) => v === 'true'),
        }),
        response: { 200: z.array(triageProtocolView) },
      },
    },
    async (request) => listProtocols(db, actorOf(request).organizationId, request.query.includeInactive),
  );

  app.post(
    '/api/reception/triage-protocols',
    {
      config: { permission: 'reception.manage' },
      schema: {
        tags,
        summary: 'Add a triage protocol (practitioner or admin)',
        body: triageProtocolSchema,
        response: { 201: triageProtocolView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createProtocol(db, actorOf(request), request.body)),
  );

  app.put(
    '/api/reception/triage-protocols/:slug',
    {
      config: { permission: 'reception.manage' },
      schema: {
        tags,
        summary: 'Edit a triage protocol (practitioner or admin; 409 stale_version)',
        params: slugParams,
        body: z.object({ protocol: triageProtocolSchema, active: z.boolean().default(true), version }),
        response: { 200: triageProtocolView },
      },
    },
    async (request) => updateProtocol(db, actorOf(request), request.params.slug, request.body),
  );

  app.post(
    '/api/reception/triage/evaluate',
    {
      config: { permission: 'reception.use' },
      schema: {
        tags,
        summary: 'Urgency and recommended path from the answers: an aid, never a medical decision',
        body: z.object({
          protocolId: text().regex(/^[a-z0-9][a-z0-9_]{0,59}$/),
          answers: z.record(text(), text()),
        }),
        response: { 200: triageEvaluationView },
      },
    },
    async (request) =>
      evaluate(db.kysely, actorOf(request).organizationId, request.body.protocolId, request.body.answers),
  );

  // --- orientation: information sheets -----------------------------------------------------
  app.get(
    '/api/reception/information-sheets',
    {
      config: { permission: 'reception.use' },
      schema: {
        tags,
        summary: 'Information sheets for patients, in French and English',
        response: { 200: z.array(informationSheetView) },
      },
    },
    async (request) => listSheets(db.kysely, actorOf(request).organizationId),
  );

  app.post(
    '/api/reception/information-sheets',
    {
      config: { permission: 'reception.use' },
      schema: {
        tags,
        summary: 'Write an information sheet',
        body: informationSheetInput,
        response: { 201: informationSheetView },
      },
    },
    async (request, reply) => reply.status(201).send(await saveSheet(db, actorOf(request), request.body)),
  );

  app.put(
    '/api/reception/information-sheets/:id',
    {
      config: { permission: 'reception.use' },
      schema: {
        tags,
        summary: 'Change an information sheet (409 stale_version); active false withdraws it',
        params: idParams,
        body: informationSheetInput.extend({ active: z.boolean().default(true), version }),
        response: { 200: informationSheetView },
      },
    },
    async (request) =>
      saveSheet(db, actorOf(request), request.body, { id: request.params.id, version: request.body.version }),
  );

  app.get(
    '/api/reception/information-sheets/:id/pdf',
    {
      config: { permission: 'reception.use' },
      schema: {
        tags,
        summary: 'The sheet as a PDF to print',
        params: idParams,
        querystring: z.object({ language: z.enum(['fr', 'en']).default('fr') }),
      },
    },
    async (request, reply) => {
      const pdf = await printableSheet(db, actorOf(request), request.params.id, request.query.language);
      return reply
        .type('application/pdf')
        .header('content-disposition', 'inline; filename="fiche.pdf"')
        .send(pdf);
    },
  );

  app.post(
    '/api/reception/information-sheets/:id/send',
    {
      config: { permission: 'reception.use' },
      schema: {
        tags,
        summary: "E-mail the sheet to a patient (through the outbox; traced on the patient's record)",
        params: idParams,
        body: sendSheetInput,
        response: { 202: sentSheetView },
      },
    },
    async (request, reply) =>
      reply.status(202).send(await sendSheet(db, actorOf(request), request.params.id, request.body)),
  );

  // --- incidents ---------------------------------------------------------------------------
  app.get(
    '/api/reception/incident-procedures',
    {
      config: { permission: 'reception.use' },
      schema: {
        tags,
        summary: 'What to do, step by step, for each kind of incident',
        querystring: z.object({ language: z.enum(['fr', 'en']).default('fr') }),
        response: { 200: z.array(incidentProcedureView) },
      },
    },
    async (request) =>
      incidentKinds.map((kind) => ({
        kind,
        title: incidentProcedures[kind].title[request.query.language],
        steps: incidentChecklist(kind, request.query.language),
      })),
  );

  app.get(
    '/api/reception/incidents',
    {
      config: { permission: 'reception.use' },
      schema: { tags, summary: 'The incident register', response: { 200: z.array(incidentView) } },
    },
    async (request) => listIncidents(db, actorOf(request)),
  );

  app.post(
    '/api/reception/incidents',
    {
      config: { permission: 'reception.use' },
      schema: {
        tags,
        summary: 'Record an incident (open until its mandatory steps are done)',
        body: incidentRecordInput,
        response: { 201: incidentView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await recordIncident(db, actorOf(request), request.body)),
  );

  app.put(
    '/api/reception/incidents/:id',
    {
      config: { permission: 'reception.use' },
      schema: {
        tags,
        summary: 'Complete an incident record; close true closes it (409 incident_steps_missing)',
        params: idParams,
        body: incidentRecordInput.and(z.object({ version, close: z.boolean().default(false) })),
        response: { 200: incidentView },
      },
    },
    async (request) => updateIncident(db, actorOf(request), request.params.id, request.body),
  );
}
