import { DomainError } from '@pivot/core';
import type { OrganizationInput, SiteInput } from '@pivot/core/organization';
import type { Kysely } from 'kysely';
import { auditFrom } from '../audit/index.ts';
import type { Database } from '../db/schema.ts';
import type { Actor } from '../http/request-context.ts';
import {
  findOrganization,
  insertRoom,
  insertSite,
  listRooms,
  listSites,
  siteExists,
  updateOrganization,
} from './repository.ts';

/** The actor's organization with its sites and rooms. */
export async function readOrganization(db: Kysely<Database>, organizationId: string) {
  const org = await findOrganization(db, organizationId);
  const sites = await listSites(db, organizationId);
  const rooms = await listRooms(db, organizationId);
  return {
    id: org.id,
    name: org.name,
    kind: org.kind,
    finess: org.finess,
    siret: org.siret,
    address: org.address,
    phone: org.phone,
    email: org.email,
    openingHours: org.opening_hours,
    version: org.version,
    sites: sites.map((s) => ({
      id: s.id,
      name: s.name,
      kind: s.kind,
      finess: s.finess,
      address: s.address,
      openingHours: s.opening_hours,
      active: s.active,
      version: s.version,
    })),
    rooms: rooms.map((r) => ({
      id: r.id,
      name: r.name,
      kind: r.kind,
      siteId: r.site_id,
      active: r.active,
      version: r.version,
    })),
  };
}

export async function changeOrganization(db: Kysely<Database>, actor: Actor, input: OrganizationInput) {
  return db.transaction().execute(async (tx) => {
    const version = await updateOrganization(tx, actor.organizationId, input);
    await auditFrom(actor)(tx, { action: 'update', entity: 'organization', entityId: actor.organizationId });
    return { version };
  });
}

export async function addSite(db: Kysely<Database>, actor: Actor, input: SiteInput) {
  return db.transaction().execute(async (tx) => {
    const row = await insertSite(tx, actor.organizationId, input);
    await auditFrom(actor)(tx, { action: 'create', entity: 'site', entityId: row.id });
    return row;
  });
}

export async function addRoom(
  db: Kysely<Database>,
  actor: Actor,
  input: { name: string; kind: string; siteId: string | null },
) {
  return db.transaction().execute(async (tx) => {
    if (input.siteId && !(await siteExists(tx, actor.organizationId, input.siteId)))
      throw new DomainError('not_found', { field: 'siteId' });
    const row = await insertRoom(tx, actor.organizationId, input);
    await auditFrom(actor)(tx, { action: 'create', entity: 'room', entityId: row.id });
    return row;
  });
}
