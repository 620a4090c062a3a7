import { DomainError } from '@pivot/core';
import { auditFrom } from '../audit/index.ts';
import type { Db } from '../db/connection.ts';
import type { Actor } from '../http/request-context.ts';
import { createFeed } from './calendar-feed.ts';
import { activeFeeds, revokeFeed } from './feed-repository.ts';

/** A new secret iCalendar subscription URL for a practitioner or room (the previous one stops working). */
export async function subscribeFeed(
  db: Db,
  actor: Actor,
  input: { resourceId: string; resourceKind: 'practitioner' | 'room'; showPatientNames: boolean },
) {
  // Patient names leave the system only if the practitioner themself chose it.
  if (input.showPatientNames && input.resourceId !== actor.userId)
    throw new DomainError('show_names_own_feed_only', { field: 'showPatientNames' });
  return db.kysely.transaction().execute(async (tx) => {
    const feed = await createFeed(tx, actor.organizationId, { ...input, createdBy: actor.userId });
    await auditFrom(actor)(tx, {
      action: 'create',
      entity: 'calendar_feed',
      entityId: feed.id,
      details: { showPatientNames: input.showPatientNames },
    });
    return feed;
  });
}

/** Active subscriptions (the secret URL is shown only at creation). */
export async function feeds(db: Db, actor: Actor) {
  const rows = await activeFeeds(db.kysely, actor.organizationId);
  return rows.map((f) => ({
    id: f.id,
    resourceId: f.resource_id,
    resourceKind: f.resource_kind,
    showPatientNames: f.show_patient_names,
    createdAt: new Date(f.created_at).toISOString(),
    createdByName: f.display_name,
  }));
}

export async function unsubscribeFeed(db: Db, actor: Actor, id: string) {
  await db.kysely.transaction().execute(async (tx) => {
    if (!(await revokeFeed(tx, actor.organizationId, id))) throw new DomainError('not_found');
    await auditFrom(actor)(tx, { action: 'revoke', entity: 'calendar_feed', entityId: id });
  });
}
