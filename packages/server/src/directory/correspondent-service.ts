import type { Correspondent } from '@pivot/core/directory';
import { auditFrom } from '../audit/index.ts';
import type { Db } from '../db/connection.ts';
import { updateVersioned } from '../db/versioned-update.ts';
import type { Actor } from '../http/request-context.ts';
import {
  type CorrespondentSearch,
  correspondentColumns,
  correspondentView,
  loadCorrespondent,
  searchCorrespondents,
} from './correspondents.ts';
import { insertCorrespondent } from './repository.ts';

export async function findCorrespondents(db: Db, actor: Actor, search: CorrespondentSearch) {
  return searchCorrespondents(db.kysely, actor.organizationId, search);
}

export async function readCorrespondent(db: Db, actor: Actor, id: string) {
  return correspondentView(await loadCorrespondent(db.kysely, actor.organizationId, id));
}

export async function addCorrespondent(db: Db, actor: Actor, input: Correspondent) {
  const created = await db.kysely.transaction().execute(async (tx) => {
    const row = await insertCorrespondent(tx, actor.organizationId, correspondentColumns(input));
    await auditFrom(actor)(tx, {
      action: 'create',
      entity: 'correspondent',
      entityId: row.id,
      details: { kind: row.kind },
    });
    return row;
  });
  return correspondentView(created);
}

/** Changes a correspondent at the version the user saw (stale_version otherwise). */
export async function changeCorrespondent(
  db: Db,
  actor: Actor,
  id: string,
  version: number,
  input: Correspondent,
) {
  return db.kysely.transaction().execute(async (tx) => {
    await updateVersioned(
      tx,
      'correspondents',
      { organizationId: actor.organizationId, id, version },
      { ...correspondentColumns(input), updated_at: new Date() },
    );
    await auditFrom(actor)(tx, { action: 'update', entity: 'correspondent', entityId: id });
    return correspondentView(await loadCorrespondent(tx, actor.organizationId, id));
  });
}

/** Deactivates (kept for the records naming it, hidden from searches) or reactivates a correspondent. */
export async function setCorrespondentActive(
  db: Db,
  actor: Actor,
  id: string,
  version: number,
  active: boolean,
) {
  return db.kysely.transaction().execute(async (tx) => {
    await updateVersioned(
      tx,
      'correspondents',
      { organizationId: actor.organizationId, id, version },
      { active, updated_at: new Date() },
    );
    await auditFrom(actor)(tx, {
      action: active ? 'reactivate' : 'deactivate',
      entity: 'correspondent',
      entityId: id,
    });
    return correspondentView(await loadCorrespondent(tx, actor.organizationId, id));
  });
}
