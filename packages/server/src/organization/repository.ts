import type { OrganizationInput, SiteInput } from '@pivot/core/organization';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { updateVersioned } from '../db/versioned-update.ts';

export function findOrganization(db: Kysely<Database>, organizationId: string) {
  return db
    .selectFrom('organizations')
    .selectAll()
    .where('id', '=', organizationId)
    .executeTakeFirstOrThrow();
}

export function listSites(db: Kysely<Database>, organizationId: string) {
  return db
    .selectFrom('sites')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('name')
    .execute();
}

export function listRooms(db: Kysely<Database>, organizationId: string) {
  return db
    .selectFrom('rooms')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('name')
    .execute();
}

export async function siteExists(tx: Kysely<Database>, organizationId: string, siteId: string) {
  const site = await tx
    .selectFrom('sites')
    .select('id')
    .where('id', '=', siteId)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
  return site !== undefined;
}

/** A new organization (the rest of its details, if not given, filled in later by its administrator); returns its id. */
export function insertOrganization(
  tx: Kysely<Database>,
  organization: {
    name: string;
    kind?: string;
    finess?: string;
    siret?: string;
    address?: Record<string, string>;
    phone?: string;
    email?: string;
    openingHours?: Record<string, { open: string; close: string }[]>;
  },
) {
  return tx
    .insertInto('organizations')
    .values({
      name: organization.name,
      ...(organization.kind === undefined ? {} : { kind: organization.kind }),
      ...(organization.finess === undefined ? {} : { finess: organization.finess }),
      ...(organization.siret === undefined ? {} : { siret: organization.siret }),
      ...(organization.phone === undefined ? {} : { phone: organization.phone }),
      ...(organization.email === undefined ? {} : { email: organization.email }),
      address: JSON.stringify(organization.address ?? {}),
      opening_hours: JSON.stringify(organization.openingHours ?? {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function insertSite(tx: Kysely<Database>, organizationId: string, site: SiteInput) {
  return tx
    .insertInto('sites')
    .values({
      organization_id: organizationId,
      name: site.name,
      kind: site.kind,
      finess: site.finess,
      address: JSON.stringify(site.address),
      opening_hours: JSON.stringify(site.openingHours),
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
}

export function insertRoom(
  tx: Kysely<Database>,
  organizationId: string,
  room: { name: string; kind: string; siteId: string | null },
) {
  return tx
    .insertInto('rooms')
    .values({ organization_id: organizationId, name: room.name, kind: room.kind, site_id: room.siteId })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
}

/** The name and one-line address printed at the head of the practice's documents. */
export async function organizationHeader(db: Kysely<Database>, organizationId: string) {
  const org = await db
    .selectFrom('organizations')
    .select(['name', 'address'])
    .where('id', '=', organizationId)
    .executeTakeFirstOrThrow();
  const a = org.address as Record<string, string>;
  return {
    name: org.name,
    address: [a.line1, [a.postalCode, a.city].filter(Boolean).join(' ')].filter(Boolean).join(', '),
  };
}

/** Changes the organization's record if it is still at the version the input says; returns the new version. */
export function updateOrganization(tx: Kysely<Database>, organizationId: string, input: OrganizationInput) {
  return updateVersioned(
    tx,
    'organizations',
    { organizationId, id: organizationId, version: input.version },
    {
      name: input.name,
      kind: input.kind,
      finess: input.finess,
      siret: input.siret,
      address: JSON.stringify(input.address),
      phone: input.phone,
      email: input.email,
      opening_hours: JSON.stringify(input.openingHours),
      updated_at: new Date(),
    },
  );
}
