import { DomainError } from '@pivot/core';
import {
  type Correspondent,
  correspondentDisplayName,
  correspondentSearchText,
  correspondentSearchTokens,
} from '@pivot/core/directory';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../db/schema.ts';
import { correspondentRow, correspondentRows, countCorrespondents } from './repository.ts';
import type { CorrespondentsTable } from './tables.ts';

type Row = Selectable<CorrespondentsTable>;

/** The API view of a correspondent: the input shape plus id, display name, state and version. */
export function correspondentView(row: Row) {
  const address = row.address as Record<string, string>;
  const common = {
    id: row.id,
    displayName: '',
    active: row.active,
    version: row.version,
    address: {
      line1: address.line1 ?? '',
      line2: address.line2 ?? '',
      postalCode: address.postalCode ?? '',
      city: address.city ?? '',
      country: address.country ?? 'France',
    },
    email: row.email,
    secureEmail: row.secure_email,
    notes: row.notes,
  };
  if (row.kind === 'practitioner') {
    return {
      ...common,
      kind: 'practitioner' as const,
      displayName: correspondentDisplayName({
        kind: 'practitioner',
        familyName: row.family_name,
        givenName: row.given_name,
      }),
      familyName: row.family_name,
      givenName: row.given_name,
      rpps: row.rpps,
      specialty: row.specialty,
      workplace: row.workplace,
      phones: row.phones,
    };
  }
  return {
    ...common,
    kind: 'body' as const,
    displayName: row.name,
    bodyType: row.body_type,
    name: row.name,
    finess: row.finess,
    phone: row.phones[0]?.number ?? null,
    handles: row.handles,
    openingHours: row.opening_hours,
  };
}
export type CorrespondentView = ReturnType<typeof correspondentView>;

/** Columns of a correspondent as the database stores them (both kinds share one table). */
export function correspondentColumns(c: Correspondent) {
  const practitioner = c.kind === 'practitioner' ? c : null;
  const body = c.kind === 'body' ? c : null;
  return {
    kind: c.kind,
    body_type: body?.bodyType ?? null,
    family_name: practitioner?.familyName ?? '',
    given_name: practitioner?.givenName ?? '',
    name: body?.name ?? '',
    rpps: practitioner?.rpps ?? null,
    finess: body?.finess ?? null,
    specialty: practitioner?.specialty ?? '',
    workplace: practitioner?.workplace ?? '',
    address: JSON.stringify(c.address),
    phones: JSON.stringify(
      practitioner ? practitioner.phones : body?.phone ? [{ kind: 'work', number: body.phone }] : [],
    ),
    email: c.email,
    secure_email: c.secureEmail,
    handles: body?.handles ?? '',
    opening_hours: body?.openingHours ?? '',
    notes: c.notes,
    search_text: correspondentSearchText(c),
  };
}

export async function loadCorrespondent(tx: Kysely<Database>, organizationId: string, id: string) {
  const row = await correspondentRow(tx, organizationId, id);
  if (!row) throw new DomainError('not_found');
  return row;
}

export interface CorrespondentSearch {
  q?: string | undefined;
  kind?: 'practitioner' | 'body' | undefined;
  bodyType?: string | undefined;
  includeInactive?: boolean | undefined;
  limit: number;
}

/** Every typed word must occur in the folded search text (trigram index: any part of a word). */
export async function searchCorrespondents(
  db: Kysely<Database>,
  organizationId: string,
  search: CorrespondentSearch,
) {
  const { q, ...filters } = search;
  const rows = await correspondentRows(db, organizationId, {
    ...filters,
    tokens: correspondentSearchTokens(q ?? ''),
  });
  return rows.map(correspondentView);
}

/** Ids that exist in the organization, in the order given; any other id is refused by name. */
export async function checkCorrespondentIds(
  tx: Kysely<Database>,
  organizationId: string,
  ids: string[],
  field: string,
) {
  if (ids.length === 0) return;
  const known = await countCorrespondents(tx, organizationId, ids);
  if (known !== ids.length) throw new DomainError('not_found', { field });
}
