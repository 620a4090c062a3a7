import { id, text } from '@pivot/core/input';
import {
  fileScanInput,
  incomingMailInput,
  incomingMailRow,
  incomingMailStatuses,
  incomingMailUpdateInput,
  incomingMailView,
  mailAnnotationInput,
  mailAssigneeView,
  mailTrayView,
  outgoingMailInput,
  outgoingMailRow,
  outgoingMailStatusInput,
  outgoingMailView,
} from '@pivot/core/mail';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../http/request-context.ts';
import {
  annotateIncoming,
  attachScan,
  fileIntoRecord,
  incomingMailList,
  registerIncoming,
  scanOf,
  tray,
  updateIncomingMail,
} from './incoming-register.ts';
import { assignees } from './mail-service.ts';
import { changeOutgoing, outgoingMailList, registerOutgoing } from './outgoing-register.ts';
import { uploadedScan } from './scan-upload.ts';

const idParams = z.object({ id });

export async function mailRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db, storage } = app;

  app.get(
    '/api/mail/assignees',
    {
      config: { permission: 'mail.read' },
      schema: {
        tags: ['mail'],
        summary: 'Practitioners and colleagues a mail can be assigned to',
        response: { 200: z.array(mailAssigneeView) },
      },
    },
    async (request) => assignees(db, actorOf(request)),
  );

  app.get(
    '/api/mail/incoming',
    {
      config: { permission: 'mail.read' },
      schema: {
        tags: ['mail'],
        summary: 'The incoming mail register, newest first',
        querystring: z.object({
          status: z.enum(incomingMailStatuses).optional(),
          assigneeId: id.optional(),
          patientId: id.optional(),
        }),
        response: { 200: z.array(incomingMailRow) },
      },
    },
    async (request) => incomingMailList(db, actorOf(request), request.query),
  );

  app.post(
    '/api/mail/incoming',
    {
      config: { permission: 'mail.write' },
      schema: {
        tags: ['mail'],
        summary: 'Register an incoming mail',
        body: incomingMailInput,
        response: { 201: incomingMailView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await registerIncoming(db, actorOf(request), request.body)),
  );

  app.post(
    '/api/mail/incoming/:id/scan',
    {
      config: { permission: 'mail.write' },
      schema: {
        tags: ['mail'],
        summary: 'Attach the scanned file (multipart: file; PDF, JPEG, PNG or TIFF, checked by content)',
        params: idParams,
        consumes: ['multipart/form-data'],
        response: { 200: incomingMailView },
      },
    },
    async (request) =>
      attachScan(db, storage, actorOf(request), request.params.id, await uploadedScan(request)),
  );

  app.get(
    '/api/mail/incoming/:id/scan',
    {
      config: { permission: 'mail.read' },
      schema: { tags: ['mail'], summary: 'The scanned file (traced)', params: idParams },
    },
    async (request, reply) => {
      const scan = await scanOf(db, storage, actorOf(request), request.params.id);
      reply
        .header('content-type', scan.mediaType)
        .header('content-disposition', 'inline')
        .header('cache-control', 'private, no-store');
      return reply.send(scan.content);
    },
  );

  app.patch(
    '/api/mail/incoming/:id',
    {
      config: { permission: 'mail.write' },
      schema: {
        tags: ['mail'],
        summary: 'Change status, assignee, linked patient or due date',
        params: idParams,
        body: incomingMailUpdateInput,
        response: { 200: incomingMailView },
      },
    },
    async (request) => updateIncomingMail(db, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/mail/incoming/:id/annotations',
    {
      config: { permission: 'mail.write' },
      schema: {
        tags: ['mail'],
        summary: 'Annotate an incoming mail',
        params: idParams,
        body: mailAnnotationInput,
        response: { 201: incomingMailView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await annotateIncoming(db, actorOf(request), request.params.id, request.body.text)),
  );

  app.post(
    '/api/mail/incoming/:id/file-into-record',
    {
      config: { permission: 'mail.write' },
      schema: {
        tags: ['mail'],
        summary: 'File the scan into a patient record in one action (attachment, timeline, done)',
        params: idParams,
        body: fileScanInput.extend({ patientId: id }),
        response: { 200: incomingMailView },
      },
    },
    async (request) => fileIntoRecord(db, storage, actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/mail/tray',
    {
      config: { permission: 'mail.read' },
      schema: {
        tags: ['mail'],
        summary: 'A tray (mine by default): open mail, overdue first, with counters',
        querystring: z.object({ assigneeId: id.optional() }),
        response: { 200: mailTrayView },
      },
    },
    async (request) => tray(db, actorOf(request), request.query.assigneeId),
  );

  app.get(
    '/api/mail/outgoing',
    {
      config: { permission: 'mail.read' },
      schema: {
        tags: ['mail'],
        summary: 'The outgoing mail register, newest first',
        response: { 200: z.array(outgoingMailRow) },
      },
    },
    async (request) => outgoingMailList(db, actorOf(request)),
  );

  app.post(
    '/api/mail/outgoing',
    {
      config: { permission: 'mail.write' },
      schema: {
        tags: ['mail'],
        summary: 'Register an outgoing mail',
        body: outgoingMailInput,
        response: { 201: outgoingMailView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await registerOutgoing(db, actorOf(request), request.body)),
  );

  app.post(
    '/api/mail/outgoing/:id/status',
    {
      config: { permission: 'mail.write' },
      schema: {
        tags: ['mail'],
        summary: 'Mark an outgoing mail sent, returned or to send again',
        params: idParams,
        body: outgoingMailStatusInput.extend({ trackingNumber: text().trim().max(40).optional() }),
        response: { 200: outgoingMailView },
      },
    },
    async (request) => changeOutgoing(db, actorOf(request), request.params.id, request.body),
  );
}
