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
import type { Kysely } from 'kysely';
import { auditFrom } from '../audit/index.ts';
import type { Database } from '../db/schema.ts';
import type { Actor } from '../http/request-context.ts';
import {
  findLatestCatalogueEdition,
  listCatalogueActs,
  listCatalogueTariffs,
  lockCatalogueLoading,
  writeCatalogue,
} from './catalogue-repository.ts';

/**
 * The organisation's catalogue, loaded from the catalogue shipped with Pivot on first use (it names
 * its source and date); later editions come from an admin's file and keep the tariff history.
 */
export async function loadCatalogue(tx: Kysely<Database>, organizationId: string): Promise<ActCatalogue> {
  let edition = await findLatestCatalogueEdition(tx, organizationId);
  if (!edition) {
    // Two first uses at once: the advisory lock lets one load it, the other then reads it.
    await lockCatalogueLoading(tx, organizationId);
    edition = await findLatestCatalogueEdition(tx, organizationId);
    if (!edition) {
      await writeCatalogue(tx, organizationId, shippedCatalogue, null);
      return shippedCatalogue;
    }
  }
  const [acts, tariffs] = await Promise.all([
    listCatalogueActs(tx, organizationId),
    listCatalogueTariffs(tx, organizationId),
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
