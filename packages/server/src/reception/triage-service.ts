import { DomainError } from '@pivot/core';
import {
  defaultTriageProtocols,
  evaluateTriage,
  type TriageAnswers,
  type TriageProtocol,
  type TriageProtocolInput,
} from '@pivot/core/reception';
import type { Kysely } from 'kysely';
import { auditFrom } from '../audit/index.ts';
import type { Db } from '../db/connection.ts';
import type { Database } from '../db/schema.ts';
import type { Actor } from '../http/request-context.ts';
import {
  anyTriageProtocol,
  findTriageProtocol,
  insertTriageProtocol,
  insertTriageProtocols,
  listTriageProtocols,
  updateTriageProtocol,
} from './repository.ts';

type Tx = Kysely<Database>;

export interface StoredProtocol extends TriageProtocol {
  active: boolean;
  version: number;
  updatedAt: string;
}

/** An organization starts with the default set for a general practice, which its practitioners edit. */
async function ensureDefaults(tx: Tx, organizationId: string) {
  const any = await anyTriageProtocol(tx, organizationId);
  if (any) return;
  await insertTriageProtocols(tx, organizationId, defaultTriageProtocols);
}

function stored(r: {
  definition: unknown;
  active: boolean;
  version: number;
  updated_at: Date;
}): StoredProtocol {
  return {
    ...(r.definition as TriageProtocol),
    active: r.active,
    version: r.version,
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

export async function listProtocols(db: Db, organizationId: string, includeInactive = false) {
  return db.kysely.transaction().execute(async (tx) => {
    await ensureDefaults(tx, organizationId);
    return (await listTriageProtocols(tx, organizationId, includeInactive)).map(stored);
  });
}

export async function loadProtocol(tx: Tx, organizationId: string, slug: string) {
  await ensureDefaults(tx, organizationId);
  const row = await findTriageProtocol(tx, organizationId, slug);
  if (!row) throw new DomainError('not_found', { field: 'protocolId' });
  return stored(row);
}

export async function evaluate(tx: Tx, organizationId: string, protocolId: string, answers: TriageAnswers) {
  const protocol = await loadProtocol(tx, organizationId, protocolId);
  return { ...evaluateTriage(protocol, answers), protocolVersion: protocol.version };
}

export async function createProtocol(db: Db, actor: Actor, input: TriageProtocolInput) {
  return db.kysely.transaction().execute(async (tx) => {
    await ensureDefaults(tx, actor.organizationId);
    const inserted = await insertTriageProtocol(tx, actor.organizationId, {
      slug: input.id,
      definition: JSON.stringify(input),
      updated_by: actor.userId,
      updated_at: new Date(),
    });
    if (!inserted) throw new DomainError('triage_protocol_exists', { field: 'id' });
    await auditFrom(actor)(tx, { action: 'create', entity: 'triage_protocol', entityId: input.id });
    return loadProtocol(tx, actor.organizationId, input.id);
  });
}

export async function updateProtocol(
  db: Db,
  actor: Actor,
  slug: string,
  input: { protocol: TriageProtocolInput; active: boolean; version: number },
) {
  if (input.protocol.id !== slug) throw new DomainError('triage_protocol_id_changed', { field: 'id' });
  return db.kysely.transaction().execute(async (tx) => {
    const current = await loadProtocol(tx, actor.organizationId, slug);
    const updated = await updateTriageProtocol(tx, actor.organizationId, slug, input.version, {
      definition: JSON.stringify(input.protocol),
      active: input.active,
      updated_by: actor.userId,
      updated_at: new Date(),
      version: current.version + 1,
    });
    if (!updated) throw new DomainError('stale_version', { field: 'version' });
    await auditFrom(actor)(tx, {
      action: 'update',
      entity: 'triage_protocol',
      entityId: slug,
      details: { active: input.active, questions: input.protocol.questions.length },
    });
    return loadProtocol(tx, actor.organizationId, slug);
  });
}
