import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type { Database } from '../db/schema.ts';

/**
 * The reception's statements other than the desk's (visit-repository.ts) and the phone's
 * (phone-repository.ts): triage protocols, information sheets, the incident register. Each takes
 * the caller's transaction (or connection) and the organization it is scoped to.
 */
type Tx = Kysely<Database>;

// --- triage protocols ------------------------------------------------------------------------

const protocolColumns = ['definition', 'active', 'version', 'updated_at'] as const;

/** Whether the organization has any triage protocol yet (undefined: none). */
export function anyTriageProtocol(tx: Tx, organizationId: string) {
  return tx
    .selectFrom('triage_protocols')
    .select('id')
    .where('organization_id', '=', organizationId)
    .limit(1)
    .executeTakeFirst();
}

/** Stores the given protocols under their ids; one whose id is taken is skipped. */
export async function insertTriageProtocols(
  tx: Tx,
  organizationId: string,
  protocols: readonly { id: string }[],
) {
  await tx
    .insertInto('triage_protocols')
    .values(
      protocols.map((p) => ({
        organization_id: organizationId,
        slug: p.id,
        definition: JSON.stringify(p),
        updated_at: new Date(),
      })),
    )
    .onConflict((oc) => oc.columns(['organization_id', 'slug']).doNothing())
    .execute();
}

/** The organization's protocols by id (slug), the active ones only unless asked. */
export function listTriageProtocols(tx: Tx, organizationId: string, includeInactive: boolean) {
  let query = tx
    .selectFrom('triage_protocols')
    .select(protocolColumns)
    .where('organization_id', '=', organizationId);
  if (!includeInactive) query = query.where('active', '=', true);
  return query.orderBy('slug').execute();
}

/** One protocol of the organization by its id (slug); undefined when there is none. */
export function findTriageProtocol(tx: Tx, organizationId: string, slug: string) {
  return tx
    .selectFrom('triage_protocols')
    .select(protocolColumns)
    .where('organization_id', '=', organizationId)
    .where('slug', '=', slug)
    .executeTakeFirst();
}

/** Stores a new protocol; undefined when the organization already has one with this id. */
export function insertTriageProtocol(
  tx: Tx,
  organizationId: string,
  protocol: Omit<Insertable<Database['triage_protocols']>, 'organization_id'>,
) {
  return tx
    .insertInto('triage_protocols')
    .values({ organization_id: organizationId, ...protocol })
    .onConflict((oc) => oc.columns(['organization_id', 'slug']).doNothing())
    .returning('id')
    .executeTakeFirst();
}

/** Changes a protocol at the version read; undefined when the version moved. */
export function updateTriageProtocol(
  tx: Tx,
  organizationId: string,
  slug: string,
  version: number,
  changes: Updateable<Database['triage_protocols']>,
) {
  return tx
    .updateTable('triage_protocols')
    .set(changes)
    .where('organization_id', '=', organizationId)
    .where('slug', '=', slug)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
}

// --- information sheets ----------------------------------------------------------------------

/** What a printed sheet carries on top: the organization's name, address and phone. Reads organizations. */
export function organizationLetterhead(tx: Tx, organizationId: string) {
  return tx
    .selectFrom('organizations')
    .select(['name', 'address', 'phone'])
    .where('id', '=', organizationId)
    .executeTakeFirstOrThrow();
}

const sheetColumns = ['id', 'category', 'title', 'body', 'active', 'version'] as const;

/** The organization's sheets in use, by category then last change. */
export function activeSheets(tx: Tx, organizationId: string) {
  return tx
    .selectFrom('information_sheets')
    .select(sheetColumns)
    .where('organization_id', '=', organizationId)
    .where('active', '=', true)
    .orderBy('category')
    .orderBy('updated_at')
    .execute();
}

/** One sheet of the organization; undefined when there is none with this id. */
export function findSheet(tx: Tx, organizationId: string, id: string) {
  return tx
    .selectFrom('information_sheets')
    .select(sheetColumns)
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Writes a new sheet; answers its id. */
export function insertSheet(
  tx: Tx,
  organizationId: string,
  sheet: Omit<Insertable<Database['information_sheets']>, 'organization_id'>,
) {
  return tx
    .insertInto('information_sheets')
    .values({ organization_id: organizationId, ...sheet })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** Writes several sheets at once (a new organization's set). */
export async function insertSheets(
  tx: Tx,
  organizationId: string,
  sheets: Omit<Insertable<Database['information_sheets']>, 'organization_id'>[],
) {
  await tx
    .insertInto('information_sheets')
    .values(sheets.map((s) => ({ organization_id: organizationId, ...s })))
    .execute();
}

/** Changes a sheet at the version read; undefined when the version moved (or the sheet is not there). */
export function updateSheet(
  tx: Tx,
  organizationId: string,
  id: string,
  version: number,
  changes: Updateable<Database['information_sheets']>,
) {
  return tx
    .updateTable('information_sheets')
    .set(changes)
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
}

// --- incidents -------------------------------------------------------------------------------

/** The ids among `ids` that are members of the organization. Reads users. */
export function staffAmong(tx: Tx, organizationId: string, ids: string[]) {
  return tx
    .selectFrom('users')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('id', 'in', ids)
    .execute();
}

/** The ids among `ids` that are patients of the organization. Reads patients. */
export function patientsAmong(tx: Tx, organizationId: string, ids: string[]) {
  return tx
    .selectFrom('patients')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('id', 'in', ids)
    .execute();
}

function incidentQuery(tx: Tx, organizationId: string) {
  return tx
    .selectFrom('incidents as i')
    .innerJoin('users as u', 'u.id', 'i.recorded_by')
    .selectAll('i')
    .select('u.display_name as recorded_by_name')
    .where('i.organization_id', '=', organizationId);
}

/** An incident with the name of who recorded it. */
export type IncidentRow = Awaited<ReturnType<ReturnType<typeof incidentQuery>['execute']>>[number];

/** One incident of the organization; undefined when there is none with this id. */
export function findIncident(tx: Tx, organizationId: string, id: string) {
  return incidentQuery(tx, organizationId).where('i.id', '=', id).executeTakeFirst();
}

/** The register: the organization's last 500 incidents, latest first. */
export function listIncidentRows(tx: Tx, organizationId: string) {
  return incidentQuery(tx, organizationId).orderBy('i.occurred_at', 'desc').limit(500).execute();
}

/** Records an incident; answers its id. */
export function insertIncident(
  tx: Tx,
  organizationId: string,
  incident: Omit<Insertable<Database['incidents']>, 'organization_id'>,
) {
  return tx
    .insertInto('incidents')
    .values({ organization_id: organizationId, ...incident })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/**
 * Changes an incident at the version read (and moves its version); undefined when the version
 * moved. The row was read in the organization in the same transaction: the statement filters by id
 * and version.
 */
export function updateIncidentRecord(
  tx: Tx,
  id: string,
  version: number,
  changes: Omit<Updateable<Database['incidents']>, 'version'>,
) {
  return tx
    .updateTable('incidents')
    .set({ ...changes, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
}
