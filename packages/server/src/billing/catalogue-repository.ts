import type { ActCatalogue } from '@pivot/core/billing';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';

// Every SQL statement on the organization's act catalogue: its editions, acts and tariffs.

type Tx = Kysely<Database>;

/** Replaces the organization's catalogue (acts, tariffs) by `catalogue` and records its edition. */
export async function writeCatalogue(
  tx: Tx,
  organizationId: string,
  catalogue: ActCatalogue,
  loadedBy: string | null,
): Promise<void> {
  await tx.deleteFrom('billing_acts').where('organization_id', '=', organizationId).execute();
  await tx.deleteFrom('billing_tariffs').where('organization_id', '=', organizationId).execute();
  await tx
    .insertInto('billing_acts')
    .values(
      catalogue.acts.map((a) => ({
        organization_id: organizationId,
        code: a.code,
        kind: a.kind,
        label: a.label,
        activity: a.kind === 'ccam' ? a.activity : null,
        phase: a.kind === 'ccam' ? a.phase : null,
      })),
    )
    .execute();
  await tx
    .insertInto('billing_tariffs')
    .values(
      catalogue.tariffs.map((t) => ({
        organization_id: organizationId,
        code: t.code,
        kind: t.kind,
        sector: t.sector,
        amount_cents: t.amountCents,
        valid_from: t.validFrom,
        valid_to: t.validTo ?? null,
        activity: t.activity ?? null,
        specialty: t.specialty ?? null,
        source: t.source,
      })),
    )
    .execute();
  await tx
    .insertInto('billing_catalogue_editions')
    .values({
      organization_id: organizationId,
      edition: catalogue.edition,
      source: catalogue.source,
      published_on: catalogue.publishedOn,
      loaded_by: loadedBy,
    })
    .execute();
}

/** The edition loaded last; undefined when the organization has no catalogue yet. */
export function findLatestCatalogueEdition(tx: Tx, organizationId: string) {
  return tx
    .selectFrom('billing_catalogue_editions')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** One first loading of the catalogue at a time (held until the transaction ends). */
export async function lockCatalogueLoading(tx: Tx, organizationId: string) {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`catalogue:${organizationId}`}))`.execute(tx);
}

/** The acts of the organization's catalogue. */
export function listCatalogueActs(tx: Tx, organizationId: string) {
  return tx.selectFrom('billing_acts').selectAll().where('organization_id', '=', organizationId).execute();
}

/** The tariffs of the organization's catalogue, past ones included. */
export function listCatalogueTariffs(tx: Tx, organizationId: string) {
  return tx.selectFrom('billing_tariffs').selectAll().where('organization_id', '=', organizationId).execute();
}
