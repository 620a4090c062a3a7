import { DomainError } from '@pivot/core';
import type { Absence } from '@pivot/core/agenda';
import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { absenceView } from './row-views.ts';

/** Absences of the organization's members (holidays, training, busy periods imported from .ics). */
type Tx = Kysely<Database>;

export function absencesBetween(tx: Tx, organizationId: string, range: { from: string; to: string }) {
  return tx
    .selectFrom('absences as a')
    .innerJoin('users as u', 'u.id', 'a.person_id')
    .selectAll('a')
    .select('u.display_name')
    .where('a.organization_id', '=', organizationId)
    .where('a.starts_at', '<', new Date(range.to))
    .where('a.ends_at', '>', new Date(range.from))
    .orderBy('a.starts_at')
    .execute();
}

export function insertAbsence(tx: Tx, values: Insertable<Database['absences']>) {
  return tx.insertInto('absences').values(values).returningAll().executeTakeFirstOrThrow();
}

export function findAbsence(tx: Tx, organizationId: string, id: string) {
  return tx
    .selectFrom('absences')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Deletes the absence at the version read; stale_version if it moved on, not_found if it is gone. */
export async function deleteAbsence(tx: Tx, organizationId: string, id: string, version: number) {
  const deleted = await tx
    .deleteFrom('absences')
    .where('id', '=', id)
    .where('organization_id', '=', organizationId)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
  if (deleted) return;
  const exists = await tx
    .selectFrom('absences')
    .select('id')
    .where('id', '=', id)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
  throw new DomainError(exists ? 'stale_version' : 'not_found', exists ? { field: 'version' } : {});
}

export async function loadAbsences(
  tx: Tx,
  organizationId: string,
  start: number,
  end: number,
): Promise<Absence[]> {
  const rows = await tx
    .selectFrom('absences')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('starts_at', '<', new Date(end))
    .where('ends_at', '>', new Date(start))
    .orderBy('starts_at')
    .execute();
  return rows.map(absenceView);
}

/** A person's absences overlapping [from, until), as stored. */
export function personAbsencesOverlapping(
  tx: Tx,
  organizationId: string,
  personId: string,
  from: number,
  until: number,
) {
  return tx
    .selectFrom('absences')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('person_id', '=', personId)
    .where('ends_at', '>', new Date(from))
    .where('starts_at', '<', new Date(until))
    .execute();
}

/** Deletes these absences (their ids come from rows of the organization just read). */
export async function deleteAbsences(tx: Tx, ids: string[]) {
  await tx.deleteFrom('absences').where('id', 'in', ids).execute();
}

export async function insertAbsences(tx: Tx, rows: Insertable<Database['absences']>[]) {
  await tx.insertInto('absences').values(rows).execute();
}
