import { DomainError } from '@pivot/core';
import type {
  AppointmentTypeInput,
  OpeningExceptionInput,
  OpeningHoursTemplateInput,
} from '@pivot/core/agenda';
import type { Selectable } from 'kysely';
import { auditFrom } from '../audit/index.ts';
import type { Db } from '../db/connection.ts';
import type { Database } from '../db/schema.ts';
import { updateVersioned } from '../db/versioned-update.ts';
import type { Actor } from '../http/request-context.ts';
import {
  insertOpeningHoursTemplate,
  listOpeningHours,
  loadOpeningHoursTemplate,
  upsertOpeningException,
} from './opening-repository.ts';
import {
  checkPractitioners,
  checkResource,
  insertAppointmentType,
  insertEquipment,
  listAllEquipment,
  listEquipment,
  listPractitioners,
  listRooms,
  listSites,
  listTypes,
  loadType,
  siteExists,
} from './resource-repository.ts';
import { templateView, typeColumns, typeView } from './row-views.ts';

/** What the agenda is made of: practitioners, rooms, equipment and their sites; motifs; opening hours. */

export type ResourceKind = 'practitioner' | 'room' | 'equipment';

export async function agendaResources(db: Db, actor: Actor) {
  const { organizationId } = actor;
  const [practitioners, rooms, equipment, sites] = await Promise.all([
    listPractitioners(db.kysely, organizationId),
    listRooms(db.kysely, organizationId),
    listEquipment(db.kysely, organizationId),
    listSites(db.kysely, organizationId),
  ]);
  return { practitioners, rooms, equipment, sites };
}

// --- equipment ---------------------------------------------------------------------------

export async function addEquipment(
  db: Db,
  actor: Actor,
  input: { name: string; kind: string; siteId: string | null },
) {
  return db.kysely.transaction().execute(async (tx) => {
    const row = await insertEquipment(tx, actor.organizationId, input);
    await auditFrom(actor)(tx, { action: 'create', entity: 'equipment', entityId: row.id });
    return { id: row.id, name: row.name, kind: row.kind, siteId: row.site_id };
  });
}

export async function everyEquipment(db: Db, actor: Actor) {
  const rows = await listAllEquipment(db.kysely, actor.organizationId);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    siteId: r.site_id,
    active: r.active,
    version: r.version,
  }));
}

export async function changeEquipment(
  db: Db,
  actor: Actor,
  id: string,
  input: { name: string; kind: string; siteId: string | null; active: boolean; version: number },
) {
  return db.kysely.transaction().execute(async (tx) => {
    if (input.siteId && !(await siteExists(tx, actor.organizationId, input.siteId)))
      throw new DomainError('not_found', { field: 'siteId' });
    const v = await updateVersioned(
      tx,
      'equipment',
      { organizationId: actor.organizationId, id, version: input.version },
      { name: input.name, kind: input.kind, site_id: input.siteId, active: input.active },
    );
    await auditFrom(actor)(tx, {
      action: 'update',
      entity: 'equipment',
      entityId: id,
      details: { active: input.active },
    });
    return {
      id,
      name: input.name,
      kind: input.kind,
      siteId: input.siteId,
      active: input.active,
      version: v,
    };
  });
}

// --- appointment types (motifs) ----------------------------------------------------------

export async function appointmentTypes(db: Db, actor: Actor) {
  return listTypes(db.kysely, actor.organizationId);
}

export async function createAppointmentType(db: Db, actor: Actor, input: AppointmentTypeInput) {
  return db.kysely.transaction().execute(async (tx) => {
    await checkPractitioners(
      tx,
      actor.organizationId,
      input.eligiblePractitionerIds,
      'eligiblePractitionerIds',
    );
    const row = await insertAppointmentType(tx, actor.organizationId, typeColumns(input));
    await auditFrom(actor)(tx, { action: 'create', entity: 'appointment_type', entityId: row.id });
    return typeView(row);
  });
}

export async function changeAppointmentType(
  db: Db,
  actor: Actor,
  id: string,
  input: AppointmentTypeInput & { version: number },
) {
  const { version, ...type } = input;
  return db.kysely.transaction().execute(async (tx) => {
    await checkPractitioners(
      tx,
      actor.organizationId,
      type.eligiblePractitionerIds,
      'eligiblePractitionerIds',
    );
    await updateVersioned(
      tx,
      'appointment_types',
      { organizationId: actor.organizationId, id, version },
      { ...typeColumns(type), updated_at: new Date() },
    );
    await auditFrom(actor)(tx, { action: 'update', entity: 'appointment_type', entityId: id });
    return loadType(tx, actor.organizationId, id);
  });
}

// --- opening hours -----------------------------------------------------------------------

function exceptionView(e: Selectable<Database['opening_exceptions']>) {
  return {
    id: e.id,
    resourceId: e.resource_id,
    siteId: e.site_id,
    date: e.date,
    ranges: e.ranges,
    reason: e.reason,
  };
}

export async function openingHours(db: Db, actor: Actor, resourceId: string | undefined) {
  const { templates, exceptions } = await listOpeningHours(db.kysely, actor.organizationId, resourceId);
  return { templates: templates.map(templateView), exceptions: exceptions.map(exceptionView) };
}

export async function addOpeningHoursTemplate(
  db: Db,
  actor: Actor,
  input: OpeningHoursTemplateInput & { resourceKind: ResourceKind },
) {
  return db.kysely.transaction().execute(async (tx) => {
    await checkResource(tx, actor.organizationId, input.resourceKind, input.resourceId, input.siteId);
    const row = await insertOpeningHoursTemplate(tx, {
      organization_id: actor.organizationId,
      resource_id: input.resourceId,
      resource_kind: input.resourceKind,
      site_id: input.siteId,
      valid_from: input.validFrom,
      valid_to: input.validTo,
      week_parity: input.weekParity,
      days: JSON.stringify(input.days),
    });
    await auditFrom(actor)(tx, { action: 'create', entity: 'opening_hours', entityId: row.id });
    return templateView(row);
  });
}

export async function changeOpeningHoursTemplate(
  db: Db,
  actor: Actor,
  id: string,
  input: OpeningHoursTemplateInput & { resourceKind: ResourceKind; version: number },
) {
  return db.kysely.transaction().execute(async (tx) => {
    await checkResource(tx, actor.organizationId, input.resourceKind, input.resourceId, input.siteId);
    await updateVersioned(
      tx,
      'opening_hours_templates',
      { organizationId: actor.organizationId, id, version: input.version },
      {
        site_id: input.siteId,
        valid_from: input.validFrom,
        valid_to: input.validTo,
        week_parity: input.weekParity,
        days: JSON.stringify(input.days),
        updated_at: new Date(),
      },
    );
    await auditFrom(actor)(tx, { action: 'update', entity: 'opening_hours', entityId: id });
    return templateView(await loadOpeningHoursTemplate(tx, id));
  });
}

export async function setOpeningException(db: Db, actor: Actor, input: OpeningExceptionInput) {
  return db.kysely.transaction().execute(async (tx) => {
    await checkResource(tx, actor.organizationId, null, input.resourceId, input.siteId);
    const row = await upsertOpeningException(tx, {
      organization_id: actor.organizationId,
      resource_id: input.resourceId,
      site_id: input.siteId,
      date: input.date,
      ranges: JSON.stringify(input.ranges),
      reason: input.reason,
    });
    await auditFrom(actor)(tx, {
      action: 'update',
      entity: 'opening_exception',
      entityId: row.id,
      details: { date: input.date },
    });
    return exceptionView(row);
  });
}
