import { DomainError } from '@pivot/core';
import {
  type ActCatalogue,
  type ActDefinition,
  applyTariffUpdate,
  catalogueUpdateOf,
  parseCatalogueUpdate,
  shippedCatalogue,
  type Tariff,
} from '@pivot/core/billing';
import { type Kysely, sql } from 'kysely';
import { auditFrom } from '../audit/index.ts';
import type { Database } from '../db/schema.ts';
import type { Actor } from '../http/request-context.ts';

async function writeCatalogue(
  tx: Kysely<Database>,
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

/**
 * The organisation's catalogue, loaded from the catalogue shipped with Pivot on first use (it names
 * its source and date); later editions come from an admin's file and keep the tariff history.
 */
export async function loadCatalogue(tx: Kysely<Database>, organizationId: string): Promise<ActCatalogue> {
  let edition = await tx
    .selectFrom('billing_catalogue_editions')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!edition) {
    // Two first uses at once: the advisory lock lets one load it, the other then reads it.
    await sql`SELECT pg_advisory_xact_lock(hashtext(${`catalogue:${organizationId}`}))`.execute(tx);
    edition = await tx
      .selectFrom('billing_catalogue_editions')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!edition) {
      await writeCatalogue(tx, organizationId, shippedCatalogue, null);
      return shippedCatalogue;
    }
  }
  const [acts, tariffs] = await Promise.all([
    tx.selectFrom('billing_acts').selectAll().where('organization_id', '=', organizationId).execute(),
    tx.selectFrom('billing_tariffs').selectAll().where('organization_id', '=', organizationId).execute(),
  ]);
  return {
    edition: edition.edition,
    source: edition.source,
    publishedOn: edition.published_on,
    acts: acts.map(
      (a): ActDefinition =>
        a.kind === 'ccam'
          ? { kind: 'ccam', code: a.code, label: a.label, activity: a.activity ?? 1, phase: a.phase ?? 0 }
          : { kind: 'ngap', code: a.code, label: a.label },
    ),
    tariffs: tariffs.map(
      (t): Tariff => ({
        code: t.code,
        kind: t.kind,
        sector: t.sector as Tariff['sector'],
        amountCents: t.amount_cents,
        validFrom: t.valid_from,
        validTo: t.valid_to ?? undefined,
        activity: t.activity ?? undefined,
        specialty: t.specialty ?? undefined,
        source: t.source,
      }),
    ),
  };
}

/** An admin loads a newer catalogue file (`;`-separated, see core catalogue-update.ts). */
export async function updateCatalogue(
  db: Kysely<Database>,
  actor: Actor,
  input: { content: string; edition: string; source: string; publishedOn: string },
) {
  const parsed = parseCatalogueUpdate(input.content);
  if (parsed.errors.length > 0) {
    const first = parsed.errors[0]!;
    throw new DomainError(first.code, {
      field: 'content',
      params: { line: first.line },
      details: { errors: parsed.errors },
    });
  }
  return db.transaction().execute(async (tx) => {
    const current = await loadCatalogue(tx, actor.organizationId);
    const next = applyTariffUpdate(current, catalogueUpdateOf(parsed.entries, input.source), {
      edition: input.edition,
      source: input.source,
      publishedOn: input.publishedOn,
    });
    await writeCatalogue(tx, actor.organizationId, next, actor.userId);
    await auditFrom(actor)(tx, {
      action: 'update',
      entity: 'billing_catalogue',
      details: { edition: input.edition, tariffs: parsed.entries.length },
    });
    return { edition: next.edition, acts: next.acts.length, tariffs: next.tariffs.length };
  });
}

/** The catalogue with its source and date, each act with the tariffs in force on a date. */
export async function catalogueOn(db: Kysely<Database>, organizationId: string, date: string) {
  const catalogue = await db.transaction().execute((tx) => loadCatalogue(tx, organizationId));
  return {
    edition: catalogue.edition,
    source: catalogue.source,
    publishedOn: catalogue.publishedOn,
    acts: catalogue.acts.map((a) => ({
      ...a,
      tariffs: catalogue.tariffs
        .filter((t) => t.code === a.code && t.validFrom <= date && (!t.validTo || t.validTo >= date))
        .map((t) => ({
          sector: t.sector,
          amountCents: t.amountCents,
          validFrom: t.validFrom,
          validTo: t.validTo ?? null,
          specialty: t.specialty ?? null,
        })),
    })),
  };
}
