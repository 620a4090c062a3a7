import { DomainError } from '@pivot/core';
import { careTeamMemberInput } from '@pivot/core/directory';
import { id } from '@pivot/core/input';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { auditFrom } from '../audit/index.ts';
import type { Database } from '../db/schema.ts';
import { actorOf } from '../http/request-context.ts';
import { mirrorAttendingPhysician } from './attending-physician.ts';
import { correspondentView, loadCorrespondent } from './correspondents.ts';

const patientParams = z.object({ patientId: id });
const memberParams = z.object({ patientId: id, memberId: id });

/** Only the patient's own organization may see or change who cares for them. */
async function checkPatient(tx: Kysely<Database>, organizationId: string, patientId: string) {
  const patient = await tx
    .selectFrom('patients')
    .select('id')
    .where('id', '=', patientId)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
  if (!patient) throw new DomainError('not_found');
}

async function careTeamOf(tx: Kysely<Database>, organizationId: string, patientId: string) {
  const rows = await tx
    .selectFrom('patient_care_team')
    .innerJoin('correspondents', 'correspondents.id', 'patient_care_team.correspondent_id')
    .selectAll('correspondents')
    .select([
      'patient_care_team.id as member_id',
      'patient_care_team.role as member_role',
      'patient_care_team.note as member_note',
      'patient_care_team.added_at as member_added_at',
    ])
    .where('patient_care_team.patient_id', '=', patientId)
    .where('patient_care_team.organization_id', '=', organizationId)
    .orderBy('patient_care_team.added_at')
    .execute();
  // The attending physician first, then specialists, then the others.
  const order = { attending_physician: 0, specialist: 1, other: 2 };
  return rows
    .map(({ member_id, member_role, member_note, member_added_at, ...correspondent }) => ({
      id: member_id,
      role: member_role,
      note: member_note,
      addedAt: member_added_at,
      correspondent: correspondentView(correspondent),
    }))
    .sort((a, b) => order[a.role] - order[b.role]);
}

/** A patient's care team: the correspondents of the directory who look after them. */
export async function careTeamRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = app;

  app.get(
    '/api/patients/:patientId/care-team',
    {
      config: { permission: 'patients.read' },
      schema: {
        tags: ['directory'],
        summary: 'The care team of a patient (the read is traced)',
        params: patientParams,
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { patientId } = request.params;
      return db.kysely.transaction().execute(async (tx) => {
        await checkPatient(tx, actor.organizationId, patientId);
        const team = await careTeamOf(tx, actor.organizationId, patientId);
        await auditFrom(actor)(tx, { action: 'read', entity: 'care_team', entityId: patientId, patientId });
        return team;
      });
    },
  );

  app.post(
    '/api/patients/:patientId/care-team',
    {
      config: { permission: 'patients.write' },
      schema: {
        tags: ['directory'],
        summary: 'Add a correspondent to the care team of a patient (one attending physician at most)',
        params: patientParams,
        body: careTeamMemberInput,
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { patientId } = request.params;
      const input = request.body;
      const team = await db.kysely.transaction().execute(async (tx) => {
        await checkPatient(tx, actor.organizationId, patientId);
        const correspondent = await loadCorrespondent(tx, actor.organizationId, input.correspondentId).catch(
          () => {
            throw new DomainError('not_found', { field: 'correspondentId' });
          },
        );
        if (!correspondent.active)
          throw new DomainError('correspondent_inactive', { field: 'correspondentId' });
        if (input.role === 'attending_physician' && correspondent.kind !== 'practitioner')
          throw new DomainError('attending_physician_not_practitioner', { field: 'correspondentId' });
        const existing = await tx
          .selectFrom('patient_care_team')
          .select(['correspondent_id', 'role'])
          .where('patient_id', '=', patientId)
          .where('organization_id', '=', actor.organizationId)
          .execute();
        if (existing.some((m) => m.correspondent_id === input.correspondentId))
          throw new DomainError('already_in_care_team', { field: 'correspondentId' });
        if (input.role === 'attending_physician' && existing.some((m) => m.role === 'attending_physician'))
          throw new DomainError('attending_physician_taken', { field: 'role' });
        const row = await tx
          .insertInto('patient_care_team')
          .values({
            organization_id: actor.organizationId,
            patient_id: patientId,
            correspondent_id: input.correspondentId,
            role: input.role,
            note: input.note,
            added_by: actor.userId,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await auditFrom(actor)(tx, {
          action: 'create',
          entity: 'care_team',
          entityId: row.id,
          patientId,
          details: { role: input.role, correspondentId: input.correspondentId },
        });
        await mirrorAttendingPhysician(tx, actor.organizationId, patientId);
        return careTeamOf(tx, actor.organizationId, patientId);
      });
      return reply.status(201).send(team);
    },
  );

  app.delete(
    '/api/patients/:patientId/care-team/:memberId',
    {
      config: { permission: 'patients.write' },
      schema: {
        tags: ['directory'],
        summary: 'Remove a correspondent from the care team of a patient',
        params: memberParams,
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { patientId, memberId } = request.params;
      return db.kysely.transaction().execute(async (tx) => {
        await checkPatient(tx, actor.organizationId, patientId);
        const removed = await tx
          .deleteFrom('patient_care_team')
          .where('id', '=', memberId)
          .where('patient_id', '=', patientId)
          .where('organization_id', '=', actor.organizationId)
          .returning(['role', 'correspondent_id'])
          .executeTakeFirst();
        if (!removed) throw new DomainError('not_found');
        await auditFrom(actor)(tx, {
          action: 'delete',
          entity: 'care_team',
          entityId: memberId,
          patientId,
          details: { role: removed.role, correspondentId: removed.correspondent_id },
        });
        await mirrorAttendingPhysician(tx, actor.organizationId, patientId);
        return careTeamOf(tx, actor.organizationId, patientId);
      });
    },
  );
}
