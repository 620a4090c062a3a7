import { DomainError } from '@pivot/core';
import { absenceNoticeText } from '@pivot/core/agenda';
import { id, instant, integer, text, version } from '@pivot/core/input';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Insertable } from 'kysely';
import { z } from 'zod';
import { auditFrom } from '../audit/index.ts';
import type { Database } from '../db/schema.ts';
import { updateVersioned } from '../db/versioned-update.ts';
import { actorOf } from '../http/request-context.ts';
import { absenceView } from './agenda-data.ts';
import { convocationPdf, loadConvocation } from './convocation.ts';
import { importBusyPeriods } from './ics-import.ts';
import { meetingView } from './meeting-service.ts';
import { absenceConsequences } from './planning-service.ts';

const idParams = z.object({ id });
const tags = ['agenda'];
const language = z.enum(['fr', 'en']).optional();

/**
 * What the agenda's settings screens need besides routes.ts: equipment changes, the list and
 * revocation of calendar feeds, the meetings list, resending an outbox row, the convocation PDF
 * and the notices to patients displaced by an absence.
 */
export async function agendaAdminRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = app;

  app.get(
    '/api/agenda/equipment',
    {
      config: { permission: 'agenda.read' },
      schema: { tags, summary: 'Every unit of equipment, withdrawn ones included' },
    },
    async (request) => {
      const rows = await db.kysely
        .selectFrom('equipment')
        .selectAll()
        .where('organization_id', '=', actorOf(request).organizationId)
        .orderBy('name')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        name: r.name,
        kind: r.kind,
        siteId: r.site_id,
        active: r.active,
        version: r.version,
      }));
    },
  );

  app.put(
    '/api/agenda/equipment/:id',
    {
      config: { permission: 'agenda.manage' },
      schema: {
        tags,
        summary: 'Rename, re-site or withdraw a unit of equipment (409 stale_version)',
        params: idParams,
        body: z.object({
          name: text().trim().min(1).max(200),
          kind: text().trim().min(1).max(60),
          siteId: id.nullable().default(null),
          active: z.boolean(),
          version,
        }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const input = request.body;
      return db.kysely.transaction().execute(async (tx) => {
        if (input.siteId) {
          const site = await tx
            .selectFrom('sites')
            .select('id')
            .where('organization_id', '=', actor.organizationId)
            .where('id', '=', input.siteId)
            .executeTakeFirst();
          if (!site) throw new DomainError('not_found', { field: 'siteId' });
        }
        const v = await updateVersioned(
          tx,
          'equipment',
          { organizationId: actor.organizationId, id: request.params.id, version: input.version },
          { name: input.name, kind: input.kind, site_id: input.siteId, active: input.active },
        );
        await auditFrom(actor)(tx, {
          action: 'update',
          entity: 'equipment',
          entityId: request.params.id,
          details: { active: input.active },
        });
        return {
          id: request.params.id,
          name: input.name,
          kind: input.kind,
          siteId: input.siteId,
          active: input.active,
          version: v,
        };
      });
    },
  );

  app.get(
    '/api/agenda/feeds',
    {
      config: { permission: 'agenda.read' },
      schema: { tags, summary: 'Active calendar subscriptions (the secret URL is shown only at creation)' },
    },
    async (request) => {
      const rows = await db.kysely
        .selectFrom('calendar_feeds as f')
        .leftJoin('users as u', 'u.id', 'f.created_by')
        .select([
          'f.id',
          'f.resource_id',
          'f.resource_kind',
          'f.show_patient_names',
          'f.created_at',
          'u.display_name',
        ])
        .where('f.organization_id', '=', actorOf(request).organizationId)
        .where('f.revoked_at', 'is', null)
        .orderBy('f.created_at', 'desc')
        .execute();
      return rows.map((f) => ({
        id: f.id,
        resourceId: f.resource_id,
        resourceKind: f.resource_kind,
        showPatientNames: f.show_patient_names,
        createdAt: new Date(f.created_at).toISOString(),
        createdByName: f.display_name,
      }));
    },
  );

  app.delete(
    '/api/agenda/feeds/:id',
    {
      config: { permission: 'agenda.write' },
      schema: { tags, summary: 'Revoke a calendar subscription: its URL stops working', params: idParams },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await db.kysely.transaction().execute(async (tx) => {
        const revoked = await tx
          .updateTable('calendar_feeds')
          .set({ revoked_at: new Date() })
          .where('organization_id', '=', actor.organizationId)
          .where('id', '=', request.params.id)
          .where('revoked_at', 'is', null)
          .returning('id')
          .executeTakeFirst();
        if (!revoked) throw new DomainError('not_found');
        await auditFrom(actor)(tx, {
          action: 'revoke',
          entity: 'calendar_feed',
          entityId: request.params.id,
        });
      });
      return reply.status(204).send();
    },
  );

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
      },
    },
    async (request) => {
      const { organizationId } = actorOf(request);
      const meetings = await db.kysely
        .selectFrom('meetings as m')
        .leftJoin('rooms as r', 'r.id', 'm.room_id')
        .leftJoin('users as u', 'u.id', 'm.organizer_id')
        .selectAll('m')
        .select(['r.name as room_name', 'u.display_name as organizer_name'])
        .where('m.organization_id', '=', organizationId)
        .where('m.starts_at', '<', new Date(request.query.to))
        .where('m.ends_at', '>', new Date(request.query.from))
        .orderBy('m.starts_at')
        .limit(500)
        .execute();
      const attendees =
        meetings.length === 0
          ? []
          : await db.kysely
              .selectFrom('meeting_attendees')
              .select(['meeting_id', 'email', 'name'])
              .where(
                'meeting_id',
                'in',
                meetings.map((m) => m.id),
              )
              .execute();
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
    },
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
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.kysely.transaction().execute(async (tx) => {
        const notice = await tx
          .selectFrom('notices')
          .selectAll()
          .where('organization_id', '=', actor.organizationId)
          .where('id', '=', request.params.id)
          .executeTakeFirst();
        if (!notice) throw new DomainError('not_found');
        if (notice.status === 'pending') throw new DomainError('notice_pending');
        // Only the outbox withdraws a notice, when what it says is no longer true (a reminder of a
        // cancelled appointment, an outdated meeting invitation): sending it again would mislead.
        if (notice.status === 'cancelled') throw new DomainError('notice_withdrawn');
        let id = notice.id;
        if (notice.status === 'sent') {
          const copy = await tx
            .insertInto('notices')
            .values({
              organization_id: notice.organization_id,
              patient_id: notice.patient_id,
              appointment_id: notice.appointment_id,
              meeting_id: notice.meeting_id,
              channel: notice.channel,
              kind: notice.kind,
              language: notice.language,
              recipient: notice.recipient,
              subject: notice.subject,
              body: notice.body,
              attachments: JSON.stringify(notice.attachments),
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          id = copy.id;
        } else {
          await tx
            .updateTable('notices')
            .set({ status: 'pending', attempts: 0, last_error: null, send_after: new Date() })
            .where('id', '=', notice.id)
            .execute();
        }
        await auditFrom(actor)(tx, {
          action: 'resend',
          entity: 'notice',
          entityId: notice.id,
          patientId: notice.patient_id,
          details: { from: notice.status, queued: id },
        });
        return { id, status: 'pending' as const };
      });
    },
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
      const actor = actorOf(request);
      const data = await db.kysely.transaction().execute(async (tx) => {
        const data = await loadConvocation(tx, actor.organizationId, request.params.id, request.query.lang);
        await auditFrom(actor)(tx, {
          action: 'print',
          entity: 'convocation',
          entityId: data.appointmentId,
          patientId: data.patientId,
        });
        return data;
      });
      const pdf = await convocationPdf(data);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="convocation-${data.appointmentId.slice(0, 8)}.pdf"`)
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
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const result = await db.kysely.transaction().execute(async (tx) => {
        const data = await loadConvocation(tx, actor.organizationId, request.params.id, request.body.lang);
        if (!data.patientEmail) throw new DomainError('patient_without_email', { field: 'email' });
        const pdf = await convocationPdf(data);
        const fr = data.language === 'fr';
        const c = data.content;
        const row = await tx
          .insertInto('notices')
          .values({
            organization_id: actor.organizationId,
            patient_id: data.patientId,
            appointment_id: data.appointmentId,
            channel: 'email',
            kind: 'convocation',
            language: data.language,
            recipient: data.patientEmail,
            subject: fr ? 'Votre convocation' : 'Your appointment notice',
            body: fr
              ? `Bonjour,\n\nVous trouverez ci-joint votre convocation pour le rendez-vous du ${c.dateText} à ${c.timeText} avec ${c.practitionerName}.`
              : `Hello,\n\nPlease find attached the notice of your appointment on ${c.dateText} at ${c.timeText} with ${c.practitionerName}.`,
            attachments: JSON.stringify([
              {
                filename: fr ? 'convocation.pdf' : 'appointment-notice.pdf',
                contentType: 'application/pdf',
                content: pdf.toString('base64'),
                encoding: 'base64',
              },
            ]),
          })
          .returning(['id', 'status', 'recipient'])
          .executeTakeFirstOrThrow();
        await auditFrom(actor)(tx, {
          action: 'send',
          entity: 'convocation',
          entityId: data.appointmentId,
          patientId: data.patientId,
          details: { notice: row.id },
        });
        return row;
      });
      return reply.status(201).send(result);
    },
  );

  app.post(
    '/api/agenda/absences/:id/notices',
    {
      config: { permission: 'agenda.write' },
      schema: {
        tags,
        summary:
          'Queue a message to each patient whose appointment the absence displaces (e-mail and SMS, in their language, with the proposed slot)',
        params: idParams,
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const result = await db.kysely.transaction().execute(async (tx) => {
        const row = await tx
          .selectFrom('absences')
          .selectAll()
          .where('organization_id', '=', actor.organizationId)
          .where('id', '=', request.params.id)
          .executeTakeFirst();
        if (!row) throw new DomainError('not_found');
        const consequences = await absenceConsequences(tx, actor.organizationId, absenceView(row));
        const affectedIds = consequences.affected.map((a) => a.id);
        if (affectedIds.length === 0) return { queued: 0, alreadyNotified: 0, withoutContact: [] };
        const details = await tx
          .selectFrom('appointments as a')
          .innerJoin('patients as p', 'p.id', 'a.patient_id')
          .innerJoin('appointment_types as t', 't.id', 'a.appointment_type_id')
          .innerJoin('users as u', 'u.id', 'a.practitioner_id')
          .select([
            'a.id',
            'a.patient_id',
            'a.starts_at',
            'p.details',
            'p.phones',
            't.label',
            'u.display_name',
          ])
          .where('a.id', 'in', affectedIds)
          .execute();
        // Declared once per absence: a second click does not send the same message twice.
        const already = new Set(
          (
            await tx
              .selectFrom('notices')
              .select('appointment_id')
              .where('organization_id', '=', actor.organizationId)
              .where('kind', '=', 'absence')
              .where('appointment_id', 'in', affectedIds)
              .where('created_at', '>=', row.created_at)
              .execute()
          ).map((n) => n.appointment_id),
        );
        const practitioners = new Map(
          (
            await tx
              .selectFrom('users')
              .select(['id', 'display_name'])
              .where('organization_id', '=', actor.organizationId)
              .execute()
          ).map((u) => [u.id, u.display_name]),
        );
        const org = await tx
          .selectFrom('organizations')
          .select('phone')
          .where('id', '=', actor.organizationId)
          .executeTakeFirstOrThrow();
        const rows: Insertable<Database['notices']>[] = [];
        const withoutContact: { appointmentId: string; patientName: string }[] = [];
        let alreadyNotified = 0;
        for (const a of details) {
          if (already.has(a.id)) {
            alreadyNotified++;
            continue;
          }
          const patient = a.details as { email?: string | null; preferredLanguage?: string };
          const lang: 'fr' | 'en' = patient.preferredLanguage === 'en' ? 'en' : 'fr';
          const slot = consequences.proposals.find((p) => p.appointmentId === a.id)?.slot ?? null;
          const text = absenceNoticeText({
            language: lang,
            start: new Date(a.starts_at).getTime(),
            practitionerName: a.display_name,
            motif: a.label,
            proposal: slot
              ? {
                  start: Date.parse(slot.start),
                  practitionerName: practitioners.get(slot.practitionerId) ?? '',
                }
              : null,
            sitePhone: org.phone || null,
          });
          const base = {
            organization_id: actor.organizationId,
            patient_id: a.patient_id,
            appointment_id: a.id,
            kind: 'absence',
            language: lang,
          };
          const email = patient.email ?? null;
          const phone = a.phones[0] ?? null;
          if (email)
            rows.push({
              ...base,
              channel: 'email',
              recipient: email,
              subject: text.subject,
              body: text.body,
            });
          if (phone) rows.push({ ...base, channel: 'sms', recipient: phone, body: text.sms });
          if (!email && !phone)
            withoutContact.push({
              appointmentId: a.id,
              patientName: consequences.affected.find((x) => x.id === a.id)?.patientName ?? '',
            });
        }
        if (rows.length > 0) await tx.insertInto('notices').values(rows).execute();
        await auditFrom(actor)(tx, {
          action: 'notify',
          entity: 'absence',
          entityId: row.id,
          details: { notices: rows.length, withoutContact: withoutContact.length },
        });
        return { queued: rows.length, alreadyNotified, withoutContact };
      });
      return reply.status(201).send(result);
    },
  );

  app.post(
    '/api/agenda/absences/import',
    {
      config: { permission: 'agenda.write' },
      // An .ics of a year of busy time is a few hundred kilobytes.
      bodyLimit: 3 * 1024 * 1024,
      schema: {
        tags,
        summary:
          'Import an external calendar (.ics) as busy periods of a person; dryRun reports without writing',
        body: z.object({
          personId: id,
          ics: text().min(1).max(2_000_000),
          days: integer.min(1).max(730).default(365),
          dryRun: z.boolean().default(false),
        }),
      },
    },
    async (request) => importBusyPeriods(db, actorOf(request), request.body),
  );
}
