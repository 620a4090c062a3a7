import { DomainError } from '@pivot/core';
import type { Kysely } from 'kysely';
import { auditFrom } from '../audit/index.ts';
import type { Db } from '../db/connection.ts';
import type { Database } from '../db/schema.ts';
import { updateVersioned } from '../db/versioned-update.ts';
import type { Actor } from '../http/request-context.ts';
import { checkCorrespondentIds, correspondentView } from './correspondents.ts';
import {
  deleteDistributionList,
  distributionListMemberRows,
  distributionListRow,
  distributionListRows,
  insertDistributionList,
  replaceDistributionListMembers,
} from './repository.ts';

interface ListInput {
  name: string;
  description: string;
  memberIds: string[];
}

async function loadList(tx: Kysely<Database>, organizationId: string, id: string) {
  const list = await distributionListRow(tx, organizationId, id);
  if (!list) throw new DomainError('not_found');
  const members = await distributionListMemberRows(tx, organizationId, id);
  return {
    id: list.id,
    name: list.name,
    description: list.description,
    version: list.version,
    members: members.map(correspondentView),
  };
}

async function replaceMembers(tx: Kysely<Database>, organizationId: string, listId: string, ids: string[]) {
  await checkCorrespondentIds(tx, organizationId, ids, 'memberIds');
  await replaceDistributionListMembers(tx, organizationId, listId, ids);
}

/** Distribution lists with their number of members. */
export async function distributionLists(db: Db, actor: Actor) {
  const rows = await distributionListRows(db.kysely, actor.organizationId);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    version: r.version,
    memberCount: Number(r.member_count),
  }));
}

export async function readDistributionList(db: Db, actor: Actor, id: string) {
  return loadList(db.kysely, actor.organizationId, id);
}

export async function createDistributionList(db: Db, actor: Actor, input: ListInput) {
  return db.kysely.transaction().execute(async (tx) => {
    const listId = await insertDistributionList(tx, actor.organizationId, input);
    await replaceMembers(tx, actor.organizationId, listId, input.memberIds);
    await auditFrom(actor)(tx, {
      action: 'create',
      entity: 'distribution_list',
      entityId: listId,
      details: { members: input.memberIds.length },
    });
    return loadList(tx, actor.organizationId, listId);
  });
}

/** Renames a list and replaces its members, at the version the user saw. */
export async function changeDistributionList(
  db: Db,
  actor: Actor,
  id: string,
  version: number,
  input: ListInput,
) {
  return db.kysely.transaction().execute(async (tx) => {
    await updateVersioned(
      tx,
      'distribution_lists',
      { organizationId: actor.organizationId, id, version },
      { name: input.name, description: input.description, updated_at: new Date() },
    );
    await replaceMembers(tx, actor.organizationId, id, input.memberIds);
    await auditFrom(actor)(tx, {
      action: 'update',
      entity: 'distribution_list',
      entityId: id,
      details: { members: input.memberIds.length },
    });
    return loadList(tx, actor.organizationId, id);
  });
}

/** Deletes a list (its correspondents stay in the directory): not_found, or stale_version. */
export async function removeDistributionList(db: Db, actor: Actor, id: string, version: number) {
  await db.kysely.transaction().execute(async (tx) => {
    const deleted = await deleteDistributionList(tx, actor.organizationId, id, version);
    if (!deleted) {
      await loadList(tx, actor.organizationId, id);
      throw new DomainError('stale_version', { field: 'version' });
    }
    await auditFrom(actor)(tx, { action: 'delete', entity: 'distribution_list', entityId: id });
  });
}
