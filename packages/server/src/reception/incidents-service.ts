import { DomainError } from '@pivot/core';
import {
  checkIncidentClosable,
  type IncidentKind,
  type IncidentRecordInput,
  type IncidentView,
  missingMandatorySteps,
} from '@pivot/core/reception';
import type { Kysely } from 'kysely';
import { auditFrom } from '../audit/index.ts';
import type { Db } from '../db/connection.ts';
import type { Database } from '../db/schema.ts';
import type { Actor } from '../http/request-context.ts';
import {
  findIncident,
  type IncidentRow,
  insertIncident,
  listIncidentRows,
  patientsAmong,
  staffAmong,
  updateIncidentRecord,
} from './repository.ts';

type Tx = Kysely<Database>;

async function checkPeople(tx: Tx, organizationId: string, input: IncidentRecordInput) {
  if (input.staffIds.length > 0) {
    const staff = await staffAmong(tx, organizationId, input.staffIds);
    if (staff.length !== new Set(input.staffIds).size)
      throw new DomainError('not_found', { field: 'staffIds' });
  }
  if (input.patientIds.length > 0) {
    const patients = await patientsAmong(tx, organizationId, input.patientIds);
    if (patients.length !== new Set(input.patientIds).size)
      throw new DomainError('not_found', { field: 'patientIds' });
  }
}

function columns(input: IncidentRecordInput) {
  return {
    kind: input.kind,
    occurred_at: new Date(input.occurredAt),
    location: input.location,
    description: input.description,
    staff_ids: input.staffIds,
    patient_ids: input.patientIds,
    other_people: input.otherPeople,
    injuries: input.injuries,
    emergency_services_called: input.emergencyServicesCalled,
    completed_step_ids: input.completedStepIds,
    declared_to_onvs: input.declaredToOnvs,
    complaint_filed: input.complaintFiled,
    follow_up: input.followUp,
  };
}

function incidentView(r: IncidentRow) {
  const kind = r.kind as IncidentKind;
  return {
    id: r.id,
    kind,
    occurredAt: new Date(r.occurred_at).toISOString(),
    location: r.location,
    description: r.description,
    staffIds: r.staff_ids,
    patientIds: r.patient_ids,
    otherPeople: r.other_people,
    injuries: r.injuries,
    emergencyServicesCalled: r.emergency_services_called as IncidentView['emergencyServicesCalled'],
    completedStepIds: r.completed_step_ids,
    missingSteps: missingMandatorySteps(kind, r.completed_step_ids),
    declaredToOnvs: r.declared_to_onvs,
    complaintFiled: r.complaint_filed,
    followUp: r.follow_up,
    status: r.status as 'open' | 'closed',
    recordedBy: r.recorded_by,
    recordedByName: r.recorded_by_name,
    closedAt: r.closed_at ? new Date(r.closed_at).toISOString() : null,
    version: r.version,
  };
}

async function loadIncident(tx: Tx, organizationId: string, id: string) {
  const row = await findIncident(tx, organizationId, id);
  if (!row) throw new DomainError('not_found');
  return incidentView(row);
}

// The register names the people involved; reading it is traced like any patient data.
export async function listIncidents(db: Db, actor: Actor) {
  return db.kysely.transaction().execute(async (tx) => {
    const rows = await listIncidentRows(tx, actor.organizationId);
    await auditFrom(actor)(tx, { action: 'read', entity: 'incidents', details: { count: rows.length } });
    return rows.map(incidentView);
  });
}

export async function recordIncident(db: Db, actor: Actor, input: IncidentRecordInput) {
  return db.kysely.transaction().execute(async (tx) => {
    await checkPeople(tx, actor.organizationId, input);
    const row = await insertIncident(tx, actor.organizationId, {
      recorded_by: actor.userId,
      ...columns(input),
    });
    await auditFrom(actor)(tx, {
      action: 'create',
      entity: 'incident',
      entityId: row.id,
      details: { kind: input.kind, patients: input.patientIds.length },
    });
    return loadIncident(tx, actor.organizationId, row.id);
  });
}

/** Completes the record afterwards; closing it needs every mandatory step of the procedure ticked. */
export async function updateIncident(
  db: Db,
  actor: Actor,
  id: string,
  input: IncidentRecordInput & { version: number; close: boolean },
) {
  return db.kysely.transaction().execute(async (tx) => {
    const current = await loadIncident(tx, actor.organizationId, id);
    if (current.status === 'closed') throw new DomainError('incident_closed');
    await checkPeople(tx, actor.organizationId, input);
    if (input.close) checkIncidentClosable(input.kind, input.completedStepIds);
    const updated = await updateIncidentRecord(tx, id, input.version, {
      ...columns(input),
      status: input.close ? 'closed' : 'open',
      closed_at: input.close ? new Date() : null,
    });
    if (!updated) throw new DomainError('stale_version', { field: 'version' });
    await auditFrom(actor)(tx, {
      action: input.close ? 'close' : 'update',
      entity: 'incident',
      entityId: id,
      details: { kind: input.kind },
    });
    return loadIncident(tx, actor.organizationId, id);
  });
}
