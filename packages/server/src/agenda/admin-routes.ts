import { noticeView, outboxRunView, queuedConvocationView, queuedNoticeView } from '@pivot/core/agenda';
import { id } from '@pivot/core/input';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../http/request-context.ts';
import { notices, printConvocation, resendNotice, sendConvocation } from './notice-service.ts';
import { type OutboxTransports, sendDueNotices } from './outbox.ts';

const idParams = z.object({ id });
const tags = ['agenda'];
const language = z.enum(['fr', 'en']).optional();

/**
 * What the agenda sends to patients and attendees: the outbox of notices and reminders (list,
 * send now, send again) and the convocation of an appointment (printed or e-mailed).
 */
export async function agendaAdminRoutes(fastify: FastifyInstance, transports: OutboxTransports) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = app;

  app.get(
    '/api/agenda/notices',
    {
      config: { permission: 'agenda.read' },
      schema: {
        tags,
        summary: 'The outbox of notices and reminders with delivery status',
        querystring: z.object({
          status: z.enum(['pending', 'sent', 'failed', 'no_provider', 'cancelled']).optional(),
          appointmentId: id.optional(),
        }),
        response: { 200: z.array(noticeView) },
      },
    },
    async (request) => notices(db, actorOf(request), request.query),
  );

  app.post(
    '/api/agenda/notices/send',
    {
      config: { permission: 'agenda.manage' },
      schema: {
        tags,
        summary: 'Send the notices that are due now (the worker does it every 30 s)',
        response: { 200: outboxRunView },
      },
    },
    async () => sendDueNotices(db, transports),
  );

  app.post(
    '/api/agenda/notices/:id/resend',
    {
      config: { permission: 'agenda.write' },
      schema: {
        tags,
        summary:
          'Send an outbox row again: a failed or unsent one is queued again, a sent one is copied; a withdrawn one (cancelled: superseded) cannot be (409 notice_withdrawn)',
        params: idParams,
        response: { 200: queuedNoticeView },
      },
    },
    async (request) => resendNotice(db, actorOf(request), request.params.id),
  );

  app.get(
    '/api/agenda/appointments/:id/convocation',
    {
      config: { permission: 'agenda.read' },
      schema: {
        tags,
        summary: 'The convocation of an appointment as PDF (in the patient’s language unless lang is given)',
        params: idParams,
        querystring: z.object({ lang: language }),
      },
    },
    async (request, reply) => {
      const { appointmentId, pdf } = await printConvocation(
        db,
        actorOf(request),
        request.params.id,
        request.query.lang,
      );
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="convocation-${appointmentId.slice(0, 8)}.pdf"`)
        .send(pdf);
    },
  );

  app.post(
    '/api/agenda/appointments/:id/convocation/send',
    {
      config: { permission: 'agenda.write' },
      schema: {
        tags,
        summary: 'E-mail the convocation (PDF attached) to the patient through the outbox',
        params: idParams,
        body: z.object({ lang: language }),
        response: { 201: queuedConvocationView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await sendConvocation(db, actorOf(request), request.params.id, request.body.lang)),
  );
}
