import { DomainError } from '@pivot/core';
import {
  absenceInput,
  addDays,
  appointmentInput,
  appointmentTime,
  appointmentTypeInput,
  meetingCancelInput,
  meetingInput,
  meetingUpdateInput,
  openingExceptionInput,
  openingHoursTemplateInput,
  slotSearchInput,
  statusChangeInput,
  waitlistEntryInput,
  weekdayOfDate,
} from '@pivot/core/agenda';
import { calendarDate, id, instant, integerParam, text, version } from '@pivot/core/input';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditFrom, auditOfPatientsFrom } from '../audit/index.ts';
import { updateVersioned } from '../db/versioned-update.ts';
import { actorOf } from '../http/request-context.ts';
import { todayInParis } from '../patients/index.ts';
import { agendaAdminRoutes } from './admin-routes.ts';
import {
  absenceView,
  appointmentQuery,
  appointmentView,
  checkPractitioners,
  guardSlots,
  listEquipment,
  listPractitioners,
  listRooms,
  listTypes,
  loadType,
  templateView,
  typeColumns,
  typeView,
} from './agenda-data.ts';
import { changeStatus, moveAppointment, statusHistory } from './appointment-service.ts';
import { bookAppointment } from './booking.ts';
import { createFeed, renderFeed } from './calendar-feed.ts';
import { cancelMeeting, createMeeting, updateMeeting } from './meeting-service.ts';
import { sendDueNotices, transportsFromEnv } from './outbox.ts';
import { absenceConsequences, agendaRange, dailyCheckFor, searchSlots } from './planning-service.ts';

const idParams = z.object({ id });
const localDate = calendarDate;
const rangeQuery = z.object({
  from: instant,
  to: instant,
  practitionerId: id.optional(),
});
const tags = ['agenda'];

export async function agendaRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = app;

  // The outbox worker: every server runs it; rows are claimed with SKIP LOCKED.
  // PIVOT_OUTBOX_INTERVAL_MS=0 (the tests) turns the workers off; they then send on demand.
  await agendaAdminRoutes(fastify);

  const transports = transportsFromEnv();
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
      schema: { tags, summary: 'Practitioners, rooms and equipment, each with an agenda' },
    },
    async (request) => {
      const { organizationId } = actorOf(request);
      const [practitioners, rooms, equipment, sites] = await Promise.all([
        listPractitioners(db.kysely, organizationId),
        listRooms(db.kysely, organizationId),
        listEquipment(db.kysely, organizationId),
        db.kysely
          .selectFrom('sites')
          .select(['id', 'name'])
          .where('organization_id', '=', organizationId)
          .orderBy('name')
          .execute(),
      ]);
      return { practitioners, rooms, equipment, sites };
    },
  );

  app.post(
    '/api/agenda/equipment',
    {
      config: { permission: 'agenda.manage' },
      schema: {
        tags,
        summary: 'Add a unit of equipment (ultrasound, operating room...)',
        body: z.object({
          name: text().trim().min(1).max(200),
          kind: text().trim().min(1).max(60),
          siteId: id.nullable().default(null),
        }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const row = await db.kysely.transaction().execute(async (tx) => {
        const row = await tx
          .insertInto('equipment')
          .values({
            organization_id: actor.organizationId,
            name: request.body.name,
            kind: request.body.kind,
            site_id: request.body.siteId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await auditFrom(actor)(tx, { action: 'create', entity: 'equipment', entityId: row.id });
        return row;
      });
      return reply.status(201).send({ id: row.id, name: row.name, kind: row.kind, siteId: row.site_id });
    },
  );

  app.get(
    '/api/agenda/appointment-types',
    { config: { permission: 'agenda.read' }, schema: { tags, summary: 'Appointment types (motifs)' } },
    async (request) => listTypes(db.kysely, actorOf(request).organizationId),
  );

  app.post(
    '/api/agenda/appointment-types',
    {
      config: { permission: 'agenda.manage' },
      schema: { tags, summary: 'Create an appointment type', body: appointmentTypeInput },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const created = await db.kysely.transaction().execute(async (tx) => {
        await checkPractitioners(
          tx,
          actor.organizationId,
          request.body.eligiblePractitionerIds,
          'eligiblePractitionerIds',
        );
        const row = await tx
          .insertInto('appointment_types')
          .values({ organization_id: actor.organizationId, ...typeColumns(request.body) })
          .returningAll()
          .executeTakeFirstOrThrow();
        await auditFrom(actor)(tx, { action: 'create', entity: 'appointment_type', entityId: row.id });
        return typeView(row);
      });
      return reply.status(201).send(created);
    },
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
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { version: v, ...input } = request.body;
      return db.kysely.transaction().execute(async (tx) => {
        await checkPractitioners(
          tx,
          actor.organizationId,
          input.eligiblePractitionerIds,
          'eligiblePractitionerIds',
        );
        await updateVersioned(
          tx,
          'appointment_types',
          { organizationId: actor.organizationId, id: request.params.id, version: v },
          { ...typeColumns(input), updated_at: new Date() },
        );
        await auditFrom(actor)(tx, {
          action: 'update',
          entity: 'appointment_type',
          entityId: request.params.id,
        });
        return loadType(tx, actor.organizationId, request.params.id);
      });
    },
  );

  app.get(
    '/api/agenda/opening-hours',
    {
      config: { permission: 'agenda.read' },
      schema: {
        tags,
        summary: 'Weekly opening hours templates and exceptions',
        querystring: z.object({ resourceId: id.optional() }),
      },
    },
    async (request) => {
      const { organizationId } = actorOf(request);
      let templates = db.kysely
        .selectFrom('opening_hours_templates')
        .selectAll()
        .where('organization_id', '=', organizationId);
      let exceptions = db.kysely
        .selectFrom('opening_exceptions')
        .selectAll()
        .where('organization_id', '=', organizationId);
      if (request.query.resourceId) {
        templates = templates.where('resource_id', '=', request.query.resourceId);
        exceptions = exceptions.where('resource_id', '=', request.query.resourceId);
      }
      return {
        templates: (await templates.orderBy('valid_from').execute()).map(templateView),
        exceptions: (await exceptions.orderBy('date').execute()).map((e) => ({
          id: e.id,
          resourceId: e.resource_id,
          siteId: e.site_id,
          date: e.date,
          ranges: e.ranges,
          reason: e.reason,
        })),
      };
    },
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
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const input = request.body;
      const created = await db.kysely.transaction().execute(async (tx) => {
        await checkResource(tx, actor.organizationId, input.resourceKind, input.resourceId, input.siteId);
        const row = await tx
          .insertInto('opening_hours_templates')
          .values({
            organization_id: actor.organizationId,
            resource_id: input.resourceId,
            resource_kind: input.resourceKind,
            site_id: input.siteId,
            valid_from: input.validFrom,
            valid_to: input.validTo,
            week_parity: input.weekParity,
            days: JSON.stringify(input.days),
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await auditFrom(actor)(tx, { action: 'create', entity: 'opening_hours', entityId: row.id });
        return templateView(row);
      });
      return reply.status(201).send(created);
    },
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
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const input = request.body;
      return db.kysely.transaction().execute(async (tx) => {
        await checkResource(tx, actor.organizationId, input.resourceKind, input.resourceId, input.siteId);
        await updateVersioned(
          tx,
          'opening_hours_templates',
          { organizationId: actor.organizationId, id: request.params.id, version: input.version },
          {
            site_id: input.siteId,
            valid_from: input.validFrom,
            valid_to: input.validTo,
            week_parity: input.weekParity,
            days: JSON.stringify(input.days),
            updated_at: new Date(),
          },
        );
        await auditFrom(actor)(tx, {
          action: 'update',
          entity: 'opening_hours',
          entityId: request.params.id,
        });
        const row = await tx
          .selectFrom('opening_hours_templates')
          .selectAll()
          .where('id', '=', request.params.id)
          .executeTakeFirstOrThrow();
        return templateView(row);
      });
    },
  );

  app.put(
    '/api/agenda/opening-exceptions',
    {
      config: { permission: 'agenda.manage' },
      schema: {
        tags,
        summary: 'Open or close one date (replaces the templates that day, even a public holiday)',
        body: openingExceptionInput,
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const input = request.body;
      return db.kysely.transaction().execute(async (tx) => {
        await checkResource(tx, actor.organizationId, null, input.resourceId, input.siteId);
        const row = await tx
          .insertInto('opening_exceptions')
          .values({
            organization_id: actor.organizationId,
            resource_id: input.resourceId,
            site_id: input.siteId,
            date: input.date,
            ranges: JSON.stringify(input.ranges),
            reason: input.reason,
          })
          .onConflict((oc) =>
            oc.columns(['resource_id', 'date']).doUpdateSet({
              ranges: JSON.stringify(input.ranges),
              reason: input.reason,
              site_id: input.siteId,
            }),
          )
          .returningAll()
          .executeTakeFirstOrThrow();
        await auditFrom(actor)(tx, {
          action: 'update',
          entity: 'opening_exception',
          entityId: row.id,
          details: { date: input.date },
        });
        return {
          id: row.id,
          resourceId: row.resource_id,
          siteId: row.site_id,
          date: row.date,
          ranges: row.ranges,
          reason: row.reason,
        };
      });
    },
  );

  app.post(
    '/api/agenda/appointments',
    {
      config: { permission: 'agenda.write' },
      schema: {
        tags,
        summary:
          'Book an appointment (409 slot_taken when the practitioner, room or equipment is already held)',
        body: appointmentInput,
      },
    },
    async (request, reply) =>
      reply.status(201).send(flat(await bookAppointment(db, actorOf(request), request.body))),
  );

  app.get(
    '/api/agenda/appointments',
    {
      config: { permission: 'agenda.read' },
      schema: { tags, summary: 'Appointments between two instants (list view)', querystring: rangeQuery },
    },
    async (request) => {
      const actor = actorOf(request);
      let query = appointmentQuery(db.kysely, actor.organizationId)
        .where('a.starts_at', '<', new Date(request.query.to))
        .where('a.starts_at', '>', new Date(Date.parse(request.query.from) - 86_400_000))
        .where('a.ends_at', '>', new Date(request.query.from));
      if (request.query.practitionerId)
        query = query.where('a.practitioner_id', '=', request.query.practitionerId);
      const rows = (await query.orderBy('a.starts_at').limit(2000).execute()).map(appointmentView);
      await db.kysely.transaction().execute((tx) =>
        auditOfPatientsFrom(actor)(
          tx,
          {
            action: 'read',
            entity: 'agenda_list',
            details: { from: request.query.from, to: request.query.to, count: rows.length },
          },
          rows.map((a) => a.patientId),
        ),
      );
      return rows.map(({ start: _s, end: _e, ...a }) => ({ ...a, start: a.startIso, end: a.endIso }));
    },
  );

  app.get(
    '/api/agenda/appointments/:id',
    {
      config: { permission: 'agenda.read' },
      schema: { tags, summary: 'An appointment with its status history', params: idParams },
    },
    async (request) => {
      const { appointment, history } = await statusHistory(db, actorOf(request), request.params.id);
      const { start: _s, end: _e, ...a } = appointment;
      return { ...a, start: a.startIso, end: a.endIso, history };
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
        querystring: z.object({ date: localDate, siteId: id.optional() }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const view = await agendaRange(
        db.kysely,
        actor.organizationId,
        request.query.date,
        1,
        request.query.siteId ?? null,
      );
      await db.kysely.transaction().execute((tx) =>
        auditOfPatientsFrom(actor)(
          tx,
          {
            action: 'read',
            entity: 'agenda_day',
            details: { date: request.query.date, count: view.appointments.length },
          },
          view.appointments.map((a) => a.patientId),
        ),
      );
      return view;
    },
  );

  app.get(
    '/api/agenda/week',
    {
      config: { permission: 'agenda.read' },
      schema: {
        tags,
        summary: 'Week view (Monday to Sunday of the week of the date), of the organization or of one site',
        querystring: z.object({ date: localDate, siteId: id.optional() }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const monday = addDays(request.query.date, 1 - weekdayOfDate(request.query.date));
      const view = await agendaRange(
        db.kysely,
        actor.organizationId,
        monday,
        7,
        request.query.siteId ?? null,
      );
      await db.kysely.transaction().execute((tx) =>
        auditOfPatientsFrom(actor)(
          tx,
          {
            action: 'read',
            entity: 'agenda_week',
            details: { from: monday, count: view.appointments.length },
          },
          view.appointments.map((a) => a.patientId),
        ),
      );
      return view;
    },
  );

  app.get(
    '/api/agenda/absences',
    {
      config: { permission: 'agenda.read' },
      schema: {
        tags,
        summary: 'Absences between two instants',
        querystring: rangeQuery.omit({ practitionerId: true }),
      },
    },
    async (request) => {
      const rows = await db.kysely
        .selectFrom('absences as a')
        .innerJoin('users as u', 'u.id', 'a.person_id')
        .selectAll('a')
        .select('u.display_name')
        .where('a.organization_id', '=', actorOf(request).organizationId)
        .where('a.starts_at', '<', new Date(request.query.to))
        .where('a.ends_at', '>', new Date(request.query.from))
        .orderBy('a.starts_at')
        .execute();
      return rows.map((r) => ({ ...absenceRow(r), personName: r.display_name }));
    },
  );

  app.post(
    '/api/agenda/absences',
    {
      config: { permission: 'agenda.write' },
      schema: {
        tags,
        summary:
          'Declare an absence; answers the affected appointments, rebooking proposals and patients to notify',
        body: absenceInput,
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const input = request.body;
      const result = await guardSlots(() =>
        db.kysely.transaction().execute(async (tx) => {
          const person = await tx
            .selectFrom('users')
            .select('id')
            .where('organization_id', '=', actor.organizationId)
            .where('id', '=', input.personId)
            .executeTakeFirst();
          if (!person) throw new DomainError('not_found', { field: 'personId' });
          const row = await tx
            .insertInto('absences')
            .values({
              organization_id: actor.organizationId,
              person_id: input.personId,
              kind: input.kind,
              starts_at: new Date(input.start),
              ends_at: new Date(input.end),
              note: input.note,
              created_by: actor.userId,
            })
            .returningAll()
            .executeTakeFirstOrThrow();
          await auditFrom(actor)(tx, {
            action: 'create',
            entity: 'absence',
            entityId: row.id,
            details: { kind: input.kind },
          });
          return {
            absence: absenceRow(row),
            ...(await absenceConsequences(tx, actor.organizationId, absenceView(row))),
          };
        }),
      );
      return reply.status(201).send(result);
    },
  );

  app.get(
    '/api/agenda/absences/:id/impact',
    {
      config: { permission: 'agenda.read' },
      schema: {
        tags,
        summary: 'Affected appointments, rebooking proposals and patients to notify',
        params: idParams,
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.kysely.transaction().execute(async (tx) => {
        const row = await tx
          .selectFrom('absences')
          .selectAll()
          .where('organization_id', '=', actor.organizationId)
          .where('id', '=', request.params.id)
          .executeTakeFirst();
        if (!row) throw new DomainError('not_found');
        const consequences = await absenceConsequences(tx, actor.organizationId, absenceView(row));
        await auditOfPatientsFrom(actor)(
          tx,
          { action: 'read', entity: 'absence_impact', entityId: row.id },
          consequences.affected.map((a) => a.patientId),
        );
        return { absence: absenceRow(row), ...consequences };
      });
    },
  );

  app.delete(
    '/api/agenda/absences/:id',
    {
      config: { permission: 'agenda.write' },
      schema: {
        tags,
        summary: 'Withdraw an absence',
        params: idParams,
        querystring: z.object({ version: integerParam.nonnegative() }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await db.kysely.transaction().execute(async (tx) => {
        const deleted = await tx
          .deleteFrom('absences')
          .where('id', '=', request.params.id)
          .where('organization_id', '=', actor.organizationId)
          .where('version', '=', request.query.version)
          .returning('id')
          .executeTakeFirst();
        if (!deleted) {
          const exists = await tx
            .selectFrom('absences')
            .select('id')
            .where('id', '=', request.params.id)
            .where('organization_id', '=', actor.organizationId)
            .executeTakeFirst();
          throw new DomainError(exists ? 'stale_version' : 'not_found', exists ? { field: 'version' } : {});
        }
        await auditFrom(actor)(tx, { action: 'delete', entity: 'absence', entityId: request.params.id });
      });
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/agenda/meetings',
    {
      config: { permission: 'agenda.write' },
      schema: {
        tags,
        summary: 'A meeting with attendees and room; invitations (.ics) go through the outbox',
        body: meetingInput,
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
      },
    },
    async (request) => cancelMeeting(db, actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/agenda/waitlist',
    {
      config: { permission: 'agenda.read' },
      schema: { tags, summary: 'Active waitlist entries, oldest first' },
    },
    async (request) => {
      const actor = actorOf(request);
      const rows = await db.kysely
        .selectFrom('waitlist_entries as w')
        .innerJoin('patients as p', 'p.id', 'w.patient_id')
        .selectAll('w')
        .select(['p.birth_name', 'p.used_name', 'p.first_given_name', 'p.used_given_name'])
        .where('w.organization_id', '=', actor.organizationId)
        .where('w.active', '=', true)
        .orderBy('w.requested_at')
        .execute();
      await db.kysely.transaction().execute((tx) =>
        auditOfPatientsFrom(actor)(
          tx,
          { action: 'read', entity: 'waitlist', details: { count: rows.length } },
          rows.map((w) => w.patient_id),
        ),
      );
      return rows.map((w) => ({
        id: w.id,
        patientId: w.patient_id,
        patientName: `${w.used_name || w.birth_name} ${w.used_given_name || w.first_given_name}`,
        appointmentTypeId: w.appointment_type_id,
        preferredPractitionerId: w.preferred_practitioner_id,
        weekdays: w.weekdays,
        period: w.period,
        earliestDate: w.earliest_date,
        latestDate: w.latest_date,
        requestedAt: new Date(w.requested_at).toISOString(),
        version: w.version,
      }));
    },
  );

  app.post(
    '/api/agenda/waitlist',
    {
      config: { permission: 'agenda.write' },
      schema: {
        tags,
        summary: 'Put a patient on the waitlist for an earlier slot',
        body: waitlistEntryInput,
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const input = request.body;
      const row = await db.kysely.transaction().execute(async (tx) => {
        const patient = await tx
          .selectFrom('patients')
          .select('id')
          .where('organization_id', '=', actor.organizationId)
          .where('id', '=', input.patientId)
          .executeTakeFirst();
        if (!patient) throw new DomainError('not_found', { field: 'patientId' });
        await loadType(tx, actor.organizationId, input.appointmentTypeId);
        if (input.preferredPractitionerId)
          await checkPractitioners(
            tx,
            actor.organizationId,
            [input.preferredPractitionerId],
            'preferredPractitionerId',
          );
        const row = await tx
          .insertInto('waitlist_entries')
          .values({
            organization_id: actor.organizationId,
            patient_id: input.patientId,
            appointment_type_id: input.appointmentTypeId,
            preferred_practitioner_id: input.preferredPractitionerId,
            weekdays: input.weekdays,
            period: input.period,
            earliest_date: input.earliestDate,
            latest_date: input.latestDate,
            created_by: actor.userId,
          })
          .returning(['id', 'version'])
          .executeTakeFirstOrThrow();
        await auditFrom(actor)(tx, {
          action: 'create',
          entity: 'waitlist_entry',
          entityId: row.id,
          patientId: input.patientId,
        });
        return row;
      });
      return reply.status(201).send(row);
    },
  );

  app.post(
    '/api/agenda/waitlist/:id/close',
    {
      config: { permission: 'agenda.write' },
      schema: {
        tags,
        summary: 'Take an entry off the waitlist',
        params: idParams,
        body: z.object({ version }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.kysely.transaction().execute(async (tx) => {
        const v = await updateVersioned(
          tx,
          'waitlist_entries',
          { organizationId: actor.organizationId, id: request.params.id, version: request.body.version },
          { active: false },
        );
        await auditFrom(actor)(tx, {
          action: 'close',
          entity: 'waitlist_entry',
          entityId: request.params.id,
        });
        return { id: request.params.id, version: v, active: false };
      });
    },
  );

  app.post(
    '/api/agenda/feeds',
    {
      config: { permission: 'agenda.write' },
      schema: {
        tags,
        summary:
          'A new secret iCalendar subscription URL for a practitioner or room (the previous one stops working)',
        body: z.object({
          resourceId: id,
          resourceKind: z.enum(['practitioner', 'room']),
          showPatientNames: z.boolean().default(false),
        }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const input = request.body;
      // Patient names leave the system only if the practitioner themself chose it.
      if (input.showPatientNames && input.resourceId !== actor.userId)
        throw new DomainError('show_names_own_feed_only', { field: 'showPatientNames' });
      const feed = await db.kysely.transaction().execute(async (tx) => {
        const feed = await createFeed(tx, actor.organizationId, { ...input, createdBy: actor.userId });
        await auditFrom(actor)(tx, {
          action: 'create',
          entity: 'calendar_feed',
          entityId: feed.id,
          details: { showPatientNames: input.showPatientNames },
        });
        return feed;
      });
      return reply.status(201).send(feed);
    },
  );

  app.get(
    '/api/agenda/feeds/:token',
    {
      config: { permission: 'public', secretInUrl: true },
      schema: {
        tags,
        summary: 'iCalendar (RFC 5545) feed, read by Outlook and other calendar clients',
        params: z.object({ token: text().min(10).max(100) }),
      },
    },
    async (request, reply) => {
      const token = request.params.token.replace(/\.ics$/, '');
      const body = await renderFeed(db.kysely, token, {
        ip: request.ip,
        userAgent: String(request.headers['user-agent'] ?? '').slice(0, 300),
      });
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .send(body);
    },
  );

  app.get(
    '/api/agenda/daily-check',
    {
      config: { permission: 'agenda.read' },
      schema: {
        tags,
        summary: 'Checklist of problems for the next working day',
        querystring: z.object({ today: localDate.optional() }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.kysely.transaction().execute(async (tx) => {
        const check = await dailyCheckFor(tx, actor.organizationId, request.query.today ?? todayInParis());
        await auditOfPatientsFrom(actor)(
          tx,
          {
            action: 'read',
            entity: 'daily_check',
            details: { date: check.date, problems: check.problems.length },
          },
          check.problems.map((p) => ('patientId' in p ? p.patientId : null)),
        );
        return check;
      });
    },
  );

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
      },
    },
    async (request) => {
      const actor = actorOf(request);
      let query = db.kysely
        .selectFrom('notices as n')
        .leftJoin('patients as p', 'p.id', 'n.patient_id')
        .select([
          'n.id',
          'n.patient_id',
          'n.appointment_id',
          'n.meeting_id',
          'n.channel',
          'n.kind',
          'n.language',
          'n.recipient',
          'n.subject',
          'n.status',
          'n.attempts',
          'n.last_error',
          'n.send_after',
          'n.sent_at',
          'p.birth_name',
          'p.used_name',
          'p.first_given_name',
          'p.used_given_name',
        ])
        .where('n.organization_id', '=', actor.organizationId);
      if (request.query.status) query = query.where('n.status', '=', request.query.status);
      if (request.query.appointmentId)
        query = query.where('n.appointment_id', '=', request.query.appointmentId);
      // Newest first: what a secretary just queued is on top, above reminders planned long ago.
      const rows = await query
        .orderBy('n.created_at', 'desc')
        .orderBy('n.send_after', 'desc')
        .limit(500)
        .execute();
      await db.kysely.transaction().execute((tx) =>
        auditOfPatientsFrom(actor)(
          tx,
          {
            action: 'read',
            entity: 'notices',
            details: { status: request.query.status ?? null, count: rows.length },
          },
          rows.map((n) => n.patient_id),
        ),
      );
      return rows.map((n) => ({
        patientName: n.birth_name
          ? `${n.used_name || n.birth_name} ${n.used_given_name || n.first_given_name}`
          : null,
        id: n.id,
        patientId: n.patient_id,
        appointmentId: n.appointment_id,
        meetingId: n.meeting_id,
        channel: n.channel,
        kind: n.kind,
        language: n.language,
        recipient: n.recipient,
        subject: n.subject,
        status: n.status,
        attempts: n.attempts,
        lastError: n.last_error,
        sendAfter: new Date(n.send_after).toISOString(),
        sentAt: n.sent_at ? new Date(n.sent_at).toISOString() : null,
      }));
    },
  );

  app.post(
    '/api/agenda/notices/send',
    {
      config: { permission: 'agenda.manage' },
      schema: { tags, summary: 'Send the notices that are due now (the worker does it every 30 s)' },
    },
    async () => sendDueNotices(db, transports),
  );
}

function flat<T extends { start: number; end: number; startIso: string; endIso: string }>(a: T) {
  const { start: _s, end: _e, ...rest } = a;
  return { ...rest, start: a.startIso, end: a.endIso };
}

function absenceRow(r: {
  id: string;
  person_id: string;
  kind: string;
  starts_at: Date;
  ends_at: Date;
  note: string;
  version: number;
}) {
  return {
    id: r.id,
    personId: r.person_id,
    kind: r.kind,
    start: new Date(r.starts_at).toISOString(),
    end: new Date(r.ends_at).toISOString(),
    note: r.note,
    version: r.version,
  };
}

async function checkResource(
  tx: Parameters<typeof listRooms>[0],
  organizationId: string,
  kind: 'practitioner' | 'room' | 'equipment' | null,
  resourceId: string,
  siteId: string,
) {
  const site = await tx
    .selectFrom('sites')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('id', '=', siteId)
    .executeTakeFirst();
  if (!site) throw new DomainError('not_found', { field: 'siteId' });
  const tables =
    kind === 'practitioner'
      ? (['users'] as const)
      : kind === 'room'
        ? (['rooms'] as const)
        : kind === 'equipment'
          ? (['equipment'] as const)
          : (['users', 'rooms', 'equipment'] as const);
  for (const table of tables) {
    const found = await tx
      .selectFrom(table)
      .select('id')
      .where('organization_id', '=', organizationId)
      .where('id', '=', resourceId)
      .executeTakeFirst();
    if (found) return;
  }
  throw new DomainError('not_found', { field: 'resourceId' });
}
