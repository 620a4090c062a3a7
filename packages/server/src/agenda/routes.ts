import {
  agendaResourcesView,
  appointmentTypeInput,
  appointmentTypeView,
  equipmentSettingsView,
  equipmentView,
  openingExceptionInput,
  openingExceptionView,
  openingHoursTemplateInput,
  openingHoursTemplateView,
  openingHoursView,
} from '@pivot/core/agenda';
import { id, text, version } from '@pivot/core/input';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../http/request-context.ts';
import { absenceRoutes } from './absence-routes.ts';
import { agendaAdminRoutes } from './admin-routes.ts';
import { appointmentRoutes } from './appointment-routes.ts';
import { feedRoutes } from './feed-routes.ts';
import { meetingRoutes } from './meeting-routes.ts';
import { sendDueNotices, transportsFromEnv } from './outbox.ts';
import {
  addEquipment,
  addOpeningHoursTemplate,
  agendaResources,
  appointmentTypes,
  changeAppointmentType,
  changeEquipment,
  changeOpeningHoursTemplate,
  createAppointmentType,
  everyEquipment,
  openingHours,
  setOpeningException,
} from './resource-service.ts';
import { waitlistRoutes } from './waitlist-routes.ts';

const idParams = z.object({ id });
const tags = ['agenda'];

/**
 * The agenda's routes: here what the agenda is made of (resources, motifs, opening hours); the
 * appointments, absences, meetings, waitlist, calendar feeds and notices each in their own file.
 */
export async function agendaRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = app;

  // The outbox worker: every server runs it; rows are claimed with SKIP LOCKED.
  // PIVOT_OUTBOX_INTERVAL_MS=0 (the tests) turns the workers off; they then send on demand.
  const transports = transportsFromEnv();
  await agendaAdminRoutes(fastify, transports);
  await appointmentRoutes(fastify);
  await absenceRoutes(fastify);
  await meetingRoutes(fastify);
  await waitlistRoutes(fastify);
  await feedRoutes(fastify);

  if (app.config.outboxIntervalMs > 0) {
    const worker = setInterval(() => {
      sendDueNotices(db, transports).catch((error) => app.log.error({ err: error }, 'outbox'));
    }, 30_000);
    worker.unref();
    app.addHook('onClose', async () => clearInterval(worker));
  }

  app.get(
    '/api/agenda/resources',
    {
      config: { permission: 'agenda.read' },
      schema: {
        tags,
        summary: 'Practitioners, rooms and equipment, each with an agenda',
        response: { 200: agendaResourcesView },
      },
    },
    async (request) => agendaResources(db, actorOf(request)),
  );

  const equipmentBody = z.object({
    name: text().trim().min(1).max(200),
    kind: text().trim().min(1).max(60),
    siteId: id.nullable().default(null),
  });

  app.get(
    '/api/agenda/equipment',
    {
      config: { permission: 'agenda.read' },
      schema: {
        tags,
        summary: 'Every unit of equipment, withdrawn ones included',
        response: { 200: z.array(equipmentSettingsView) },
      },
    },
    async (request) => everyEquipment(db, actorOf(request)),
  );

  app.post(
    '/api/agenda/equipment',
    {
      config: { permission: 'agenda.manage' },
      schema: {
        tags,
        summary: 'Add a unit of equipment (ultrasound, operating room...)',
        body: equipmentBody,
        response: { 201: equipmentView },
      },
    },
    async (request, reply) => reply.status(201).send(await addEquipment(db, actorOf(request), request.body)),
  );

  app.put(
    '/api/agenda/equipment/:id',
    {
      config: { permission: 'agenda.manage' },
      schema: {
        tags,
        summary: 'Rename, re-site or withdraw a unit of equipment (409 stale_version)',
        params: idParams,
        body: equipmentBody.extend({ active: z.boolean(), version }),
        response: { 200: equipmentSettingsView },
      },
    },
    async (request) => changeEquipment(db, actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/agenda/appointment-types',
    {
      config: { permission: 'agenda.read' },
      schema: {
        tags,
        summary: 'Appointment types (motifs)',
        response: { 200: z.array(appointmentTypeView) },
      },
    },
    async (request) => appointmentTypes(db, actorOf(request)),
  );

  app.post(
    '/api/agenda/appointment-types',
    {
      config: { permission: 'agenda.manage' },
      schema: {
        tags,
        summary: 'Create an appointment type',
        body: appointmentTypeInput,
        response: { 201: appointmentTypeView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createAppointmentType(db, actorOf(request), request.body)),
  );

  app.put(
    '/api/agenda/appointment-types/:id',
    {
      config: { permission: 'agenda.manage' },
      schema: {
        tags,
        summary: 'Change an appointment type (409 stale_version)',
        params: idParams,
        body: appointmentTypeInput.and(z.object({ version })),
        response: { 200: appointmentTypeView },
      },
    },
    async (request) => changeAppointmentType(db, actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/agenda/opening-hours',
    {
      config: { permission: 'agenda.read' },
      schema: {
        tags,
        summary: 'Weekly opening hours templates and exceptions',
        querystring: z.object({ resourceId: id.optional() }),
        response: { 200: openingHoursView },
      },
    },
    async (request) => openingHours(db, actorOf(request), request.query.resourceId),
  );

  const templateBody = openingHoursTemplateInput.and(
    z.object({ resourceKind: z.enum(['practitioner', 'room', 'equipment']).default('practitioner') }),
  );
  app.post(
    '/api/agenda/opening-hours',
    {
      config: { permission: 'agenda.manage' },
      schema: {
        tags,
        summary: 'Add a weekly template (breaks are the gaps between ranges)',
        body: templateBody,
        response: { 201: openingHoursTemplateView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addOpeningHoursTemplate(db, actorOf(request), request.body)),
  );

  app.put(
    '/api/agenda/opening-hours/:id',
    {
      config: { permission: 'agenda.manage' },
      schema: {
        tags,
        summary: 'Change a weekly template',
        params: idParams,
        body: templateBody.and(z.object({ version })),
        response: { 200: openingHoursTemplateView },
      },
    },
    async (request) => changeOpeningHoursTemplate(db, actorOf(request), request.params.id, request.body),
  );

  app.put(
    '/api/agenda/opening-exceptions',
    {
      config: { permission: 'agenda.manage' },
      schema: {
        tags,
        summary: 'Open or close one date (replaces the templates that day, even a public holiday)',
        body: openingExceptionInput,
        response: { 200: openingExceptionView },
      },
    },
    async (request) => setOpeningException(db, actorOf(request), request.body),
  );
}
