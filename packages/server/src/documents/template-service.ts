import { DomainError } from '@pivot/core';
import { type RichTextDoc, validateTemplate } from '@pivot/core/documents';
import { auditFrom } from '../audit/index.ts';
import type { Db } from '../db/connection.ts';
import { updateVersioned } from '../db/versioned-update.ts';
import type { Actor } from '../http/request-context.ts';
import { practitionerLetterhead } from './document-service.ts';
import {
  activeSigners,
  activeTemplates,
  insertTemplate,
  isPractitioner,
  retireTemplate,
  saveLetterhead,
  templateById,
} from './repository.ts';

export interface TemplateInput {
  practitionerId: string | null;
  name: string;
  kind: string;
  language: string;
  content: unknown;
}

function templateView(row: {
  id: string;
  practitioner_id: string | null;
  name: string;
  kind: string;
  language: string;
  content: unknown;
  merge_fields: string[];
  version: number;
}) {
  return {
    id: row.id,
    practitionerId: row.practitioner_id,
    name: row.name,
    kind: row.kind,
    language: row.language as 'fr' | 'en',
    content: row.content as RichTextDoc,
    mergeFields: row.merge_fields,
    version: row.version,
  };
}

export function signers(db: Db, actor: Actor) {
  return activeSigners(db.kysely, actor.organizationId);
}

export async function templates(
  db: Db,
  actor: Actor,
  filter: { kind?: string | undefined; language?: string | undefined },
) {
  return (await activeTemplates(db.kysely, actor.organizationId, filter)).map(templateView);
}

/** Creates a template; unknown merge fields are refused (core's template rule). */
export async function createTemplate(db: Db, actor: Actor, input: TemplateInput) {
  const mergeFields = validateTemplate(input.content as RichTextDoc);
  const row = await db.kysely.transaction().execute(async (tx) => {
    const created = await insertTemplate(tx, actor.organizationId, { ...input, mergeFields });
    await auditFrom(actor)(tx, { action: 'create', entity: 'document_template', entityId: created.id });
    return created;
  });
  return templateView(row);
}

export async function changeTemplate(
  db: Db,
  actor: Actor,
  id: string,
  input: TemplateInput & { version: number },
) {
  const fields = validateTemplate(input.content as RichTextDoc);
  await db.kysely.transaction().execute(async (tx) => {
    await updateVersioned(
      tx,
      'document_templates',
      { organizationId: actor.organizationId, id, version: input.version },
      {
        name: input.name,
        kind: input.kind,
        language: input.language,
        practitioner_id: input.practitionerId,
        content: JSON.stringify(input.content),
        merge_fields: JSON.stringify(fields),
        updated_at: new Date(),
      },
    );
    await auditFrom(actor)(tx, { action: 'update', entity: 'document_template', entityId: id });
  });
  return templateView(await templateById(db.kysely, id));
}

/** Retires a template: the documents made from it stay. */
export async function removeTemplate(db: Db, actor: Actor, id: string) {
  await db.kysely.transaction().execute(async (tx) => {
    if (!(await retireTemplate(tx, actor.organizationId, id))) throw new DomainError('not_found');
    await auditFrom(actor)(tx, { action: 'delete', entity: 'document_template', entityId: id });
  });
  return { ok: true };
}

/** A practitioner of the organisation (a letterhead belongs to one), else 404. */
async function assertSigner(db: Db, organizationId: string, id: string) {
  if (!(await isPractitioner(db.kysely, organizationId, id))) throw new DomainError('not_found');
}

export async function letterheadOf(db: Db, actor: Actor, practitionerId: string) {
  await assertSigner(db, actor.organizationId, practitionerId);
  return practitionerLetterhead(db.kysely, actor.organizationId, practitionerId);
}

export async function setLetterhead(
  db: Db,
  actor: Actor,
  practitionerId: string,
  settings: { letterhead: string; signature: string },
) {
  await assertSigner(db, actor.organizationId, practitionerId);
  await db.kysely.transaction().execute(async (tx) => {
    await saveLetterhead(tx, actor.organizationId, practitionerId, settings);
    await auditFrom(actor)(tx, { action: 'update', entity: 'letterhead', entityId: practitionerId });
  });
  return settings;
}
