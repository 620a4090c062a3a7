import { DomainError } from '@pivot/core';
import type { Equipment, Room } from '@pivot/core/agenda';
import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { typeView } from './row-views.ts';

/**
 * The agenda's resources: sites, practitioners and other members, rooms, equipment, motifs
 * (appointment types), and the organization's phone. Each statement takes the caller's
 * transaction (or connection) and the organization it is scoped to.
 */
type Tx = Kysely<Database>;

export function listSites(tx: Tx, organizationId: string) {
  return tx
    .selectFrom('sites')
    .select(['id', 'name'])
    .where('organization_id', '=', organizationId)
    .orderBy('name')
    .execute();
}

export async function siteExists(tx: Tx, organizationId: string, siteId: string): Promise<boolean> {
  const site = await tx
    .selectFrom('sites')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('id', '=', siteId)
    .executeTakeFirst();
  return site !== undefined;
}

/** A member of the organization (a practitioner, or anyone who can be absent). */
export async function userExists(tx: Tx, organizationId: string, userId: string): Promise<boolean> {
  const user = await tx
    .selectFrom('users')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('id', '=', userId)
    .executeTakeFirst();
  return user !== undefined;
}

/** The site exists, and the resource is a practitioner, room or equipment of the organization. */
export async function checkResource(
  tx: Tx,
  organizationId: string,
  kind: 'practitioner' | 'room' | 'equipment' | null,
  resourceId: string,
  siteId: string,
) {
  if (!(await siteExists(tx, organizationId, siteId)))
    throw new DomainError('not_found', { field: 'siteId' });
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

export function insertEquipment(
  tx: Tx,
  organizationId: string,
  input: { name: string; kind: string; siteId: string | null },
) {
  return tx
    .insertInto('equipment')
    .values({ organization_id: organizationId, name: input.name, kind: input.kind, site_id: input.siteId })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Every unit of equipment, withdrawn ones included. */
export function listAllEquipment(tx: Tx, organizationId: string) {
  return tx
    .selectFrom('equipment')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('name')
    .execute();
}

export function insertAppointmentType(
  tx: Tx,
  organizationId: string,
  columns: Omit<Insertable<Database['appointment_types']>, 'organization_id'>,
) {
  return tx
    .insertInto('appointment_types')
    .values({ organization_id: organizationId, ...columns })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listTypes(tx: Tx, organizationId: string) {
  const rows = await tx
    .selectFrom('appointment_types')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .execute();
  return rows.map(typeView).sort((a, b) => a.label.fr.localeCompare(b.label.fr, 'fr'));
}

export async function loadType(tx: Tx, organizationId: string, id: string, field = 'appointmentTypeId') {
  const row = await tx
    .selectFrom('appointment_types')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new DomainError('not_found', { field });
  return typeView(row);
}

/** Practitioners of the organization (users with the practitioner role), inactive ones included. */
export async function listPractitioners(tx: Tx, organizationId: string) {
  const rows = await tx
    .selectFrom('users')
    .select(['id', 'display_name', 'specialty', 'rpps', 'sector', 'site_id', 'active'])
    .where('organization_id', '=', organizationId)
    .where('role', '=', 'practitioner')
    .orderBy('display_name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.display_name,
    specialty: r.specialty,
    rpps: r.rpps,
    sector: r.sector,
    siteId: r.site_id,
    active: r.active,
  }));
}

export async function checkPractitioners(tx: Tx, organizationId: string, ids: string[], field: string) {
  if (ids.length === 0) return;
  const found = await tx
    .selectFrom('users')
    .select(['id', 'active'])
    .where('organization_id', '=', organizationId)
    .where('role', '=', 'practitioner')
    .where('id', 'in', ids)
    .execute();
  if (found.length !== new Set(ids).size) throw new DomainError('not_found', { field });
  if (found.some((f) => !f.active)) throw new DomainError('practitioner_inactive', { field });
}

export async function listRooms(tx: Tx, organizationId: string): Promise<(Room & { name: string })[]> {
  const rows = await tx
    .selectFrom('rooms')
    .select(['id', 'name', 'kind', 'site_id'])
    .where('organization_id', '=', organizationId)
    .where('active', '=', true)
    .orderBy('name')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, siteId: r.site_id ?? '' }));
}

export async function listEquipment(
  tx: Tx,
  organizationId: string,
): Promise<(Equipment & { name: string })[]> {
  const rows = await tx
    .selectFrom('equipment')
    .select(['id', 'name', 'kind', 'site_id'])
    .where('organization_id', '=', organizationId)
    .where('active', '=', true)
    .orderBy('name')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, siteId: r.site_id }));
}

export async function userNames(tx: Tx, organizationId: string): Promise<Map<string, string>> {
  const rows = await tx
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('organization_id', '=', organizationId)
    .execute();
  return new Map(rows.map((u) => [u.id, u.display_name]));
}

export async function organizationPhone(tx: Tx, organizationId: string): Promise<string> {
  const org = await tx
    .selectFrom('organizations')
    .select('phone')
    .where('id', '=', organizationId)
    .executeTakeFirstOrThrow();
  return org.phone;
}

/** A room of the organization, its id and name; undefined if it has none of that id. */
export function findRoom(tx: Tx, organizationId: string, roomId: string) {
  return tx
    .selectFrom('rooms')
    .select(['id', 'name'])
    .where('organization_id', '=', organizationId)
    .where('id', '=', roomId)
    .executeTakeFirst();
}

/** A room's name by its id alone (the id was read from a row of the organization); undefined if gone. */
export function findRoomName(tx: Tx, roomId: string) {
  return tx.selectFrom('rooms').select('name').where('id', '=', roomId).executeTakeFirst();
}

/** A user's e-mail and display name, by id alone (the id comes from the session or a row read). */
export function loadUserContact(tx: Tx, userId: string) {
  return tx
    .selectFrom('users')
    .select(['email', 'display_name'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
}

/** The organization's users whose e-mail, whatever its case, is one of these (given in lower case). */
export function usersWithEmails(tx: Tx, organizationId: string, emails: string[]) {
  return tx
    .selectFrom('users')
    .select(['id', 'email', 'language'])
    .where('organization_id', '=', organizationId)
    .where((eb) => eb(eb.fn('lower', ['email']), 'in', emails))
    .execute();
}

/** A room of the organization, its id and site; not_found on roomId if it has none of that id. */
export async function checkRoom(tx: Tx, organizationId: string, roomId: string) {
  const room = await tx
    .selectFrom('rooms')
    .select(['id', 'site_id'])
    .where('organization_id', '=', organizationId)
    .where('id', '=', roomId)
    .executeTakeFirst();
  if (!room) throw new DomainError('not_found', { field: 'roomId' });
  return room;
}

/** Every motif of the organization as stored, in no order. */
export function appointmentTypeRows(tx: Tx, organizationId: string) {
  return tx
    .selectFrom('appointment_types')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .execute();
}

/** The practitioners of the organization, their specialty and site, in e-mail order (the demo's seed). */
export function listPractitionersByEmail(tx: Tx, organizationId: string) {
  return tx
    .selectFrom('users')
    .select(['id', 'specialty', 'site_id'])
    .where('organization_id', '=', organizationId)
    .where('role', '=', 'practitioner')
    .orderBy('email')
    .execute();
}

/** Every room, withdrawn ones included. */
export function listAllRooms(tx: Tx, organizationId: string) {
  return tx
    .selectFrom('rooms')
    .select(['id', 'name', 'kind', 'site_id'])
    .where('organization_id', '=', organizationId)
    .orderBy('name')
    .execute();
}

/** Motifs written together (the demo's seed); what a generated agenda needs of each. */
export function insertAppointmentTypes(tx: Tx, rows: Insertable<Database['appointment_types']>[]) {
  return tx
    .insertInto('appointment_types')
    .values(rows)
    .returning(['id', 'duration_minutes', 'eligible_practitioner_ids', 'room_kind', 'urgent_same_day_only'])
    .execute();
}
