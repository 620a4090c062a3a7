import { expandOpeningHours, type OpenInterval, type OpeningException } from '@pivot/core/agenda';
import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { templateView } from './row-views.ts';

/** Opening hours: the weekly templates and the exceptions of one date, per resource. */
type Tx = Kysely<Database>;

export async function listOpeningHours(tx: Tx, organizationId: string, resourceId: string | undefined) {
  let templates = tx
    .selectFrom('opening_hours_templates')
    .selectAll()
    .where('organization_id', '=', organizationId);
  let exceptions = tx
    .selectFrom('opening_exceptions')
    .selectAll()
    .where('organization_id', '=', organizationId);
  if (resourceId) {
    templates = templates.where('resource_id', '=', resourceId);
    exceptions = exceptions.where('resource_id', '=', resourceId);
  }
  return {
    templates: await templates.orderBy('valid_from').execute(),
    exceptions: await exceptions.orderBy('date').execute(),
  };
}

export function insertOpeningHoursTemplate(tx: Tx, values: Insertable<Database['opening_hours_templates']>) {
  return tx.insertInto('opening_hours_templates').values(values).returningAll().executeTakeFirstOrThrow();
}

export function loadOpeningHoursTemplate(tx: Tx, id: string) {
  return tx.selectFrom('opening_hours_templates').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** One exception per resource and date: a second one for the same day replaces the first. */
export function upsertOpeningException(
  tx: Tx,
  values: Insertable<Database['opening_exceptions']> & { ranges: string },
) {
  return tx
    .insertInto('opening_exceptions')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['resource_id', 'date']).doUpdateSet({
        ranges: values.ranges,
        reason: values.reason,
        site_id: values.site_id,
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Opening intervals of the resources between two local dates (both included); every resource when ids is null. */
export async function loadOpenIntervals(
  tx: Tx,
  organizationId: string,
  from: string,
  to: string,
  resourceIds: string[] | null = null,
): Promise<OpenInterval[]> {
  if (resourceIds && resourceIds.length === 0) return [];
  let templatesQuery = tx
    .selectFrom('opening_hours_templates')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('valid_from', '<=', to)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', from)]));
  let exceptionsQuery = tx
    .selectFrom('opening_exceptions')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('date', '>=', from)
    .where('date', '<=', to);
  if (resourceIds) {
    templatesQuery = templatesQuery.where('resource_id', 'in', resourceIds);
    exceptionsQuery = exceptionsQuery.where('resource_id', 'in', resourceIds);
  }
  const [templates, exceptions] = await Promise.all([templatesQuery.execute(), exceptionsQuery.execute()]);
  return expandOpeningHours({
    templates: templates.map(templateView),
    exceptions: exceptions.map(
      (e): OpeningException => ({
        resourceId: e.resource_id,
        siteId: e.site_id,
        date: e.date,
        ranges: e.ranges,
        reason: e.reason,
      }),
    ),
    from,
    to,
  });
}

export async function insertOpeningHoursTemplates(
  tx: Tx,
  rows: Insertable<Database['opening_hours_templates']>[],
) {
  await tx.insertInto('opening_hours_templates').values(rows).execute();
}
