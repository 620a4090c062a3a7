import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

// The SQL of templates, letterheads, signers, snippets and the medical word list, as functions of
// (tx, organizationId, …). Documents and their sendings: document-repository.ts; the outbox: outbox.ts.

type Tx = Kysely<Database>;

// --- signers and letterheads ----------------------------------------------------------------

/** Whether the user is a practitioner of the organisation (a letterhead belongs to one). */
export async function isPractitioner(tx: Tx, organizationId: string, id: string) {
  const user = await tx
    .selectFrom('users')
    .select(['id'])
    .where('id', '=', id)
    .where('organization_id', '=', organizationId)
    .where('role', '=', 'practitioner')
    .executeTakeFirst();
  return user !== undefined;
}

/** Practitioners who sign documents, with RPPS and specialty. */
export function activeSigners(tx: Tx, organizationId: string) {
  return tx
    .selectFrom('users')
    .select(['id', 'display_name as displayName', 'specialty', 'rpps'])
    .where('organization_id', '=', organizationId)
    .where('role', '=', 'practitioner')
    .where('active', '=', true)
    .orderBy('display_name')
    .execute();
}

export function saveLetterhead(
  tx: Tx,
  organizationId: string,
  practitionerId: string,
  settings: { letterhead: string; signature: string },
) {
  return tx
    .insertInto('practitioner_letterheads')
    .values({
      organization_id: organizationId,
      practitioner_id: practitionerId,
      letterhead: settings.letterhead,
      signature: settings.signature,
    })
    .onConflict((oc) =>
      oc.columns(['organization_id', 'practitioner_id']).doUpdateSet({
        letterhead: settings.letterhead,
        signature: settings.signature,
      }),
    )
    .execute();
}

// --- templates ------------------------------------------------------------------------------

export function activeTemplates(
  tx: Tx,
  organizationId: string,
  filter: { kind?: string | undefined; language?: string | undefined },
) {
  let query = tx
    .selectFrom('document_templates')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('active', '=', true);
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.language) query = query.where('language', '=', filter.language);
  return query.orderBy('kind').orderBy('name').execute();
}

export function insertTemplate(
  tx: Tx,
  organizationId: string,
  template: {
    practitionerId: string | null;
    name: string;
    kind: string;
    language: string;
    content: unknown;
    mergeFields: string[];
  },
) {
  return tx
    .insertInto('document_templates')
    .values({
      organization_id: organizationId,
      practitioner_id: template.practitionerId,
      name: template.name,
      kind: template.kind,
      language: template.language,
      content: JSON.stringify(template.content),
      merge_fields: JSON.stringify(template.mergeFields),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function templateById(tx: Tx, id: string) {
  return tx.selectFrom('document_templates').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** Retires a template; false when the organisation has none with this id. */
export async function retireTemplate(tx: Tx, organizationId: string, id: string) {
  const result = await tx
    .updateTable('document_templates')
    .set({ active: false })
    .where('id', '=', id)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

// --- snippets and medical words ------------------------------------------------------------

export function snippetsOf(tx: Tx, organizationId: string) {
  return tx
    .selectFrom('document_snippets')
    .select(['id', 'shortcut', 'text', 'user_id as userId'])
    .where('organization_id', '=', organizationId)
    .orderBy('shortcut')
    .execute();
}

export function snippetShortcuts(tx: Tx, organizationId: string) {
  return tx
    .selectFrom('document_snippets')
    .select(['shortcut', 'text'])
    .where('organization_id', '=', organizationId)
    .execute();
}

export function insertSnippet(tx: Tx, organizationId: string, snippet: { shortcut: string; text: string }) {
  return tx
    .insertInto('document_snippets')
    .values({ organization_id: organizationId, user_id: null, ...snippet })
    .returning(['id', 'shortcut', 'text'])
    .executeTakeFirstOrThrow();
}

/** Removes a snippet; false when the organisation has none with this id. */
export async function deleteSnippet(tx: Tx, organizationId: string, id: string) {
  const removed = await tx
    .deleteFrom('document_snippets')
    .where('id', '=', id)
    .where('organization_id', '=', organizationId)
    .returning('id')
    .executeTakeFirst();
  return removed !== undefined;
}

export async function organizationWords(tx: Tx, organizationId: string): Promise<string[]> {
  const rows = await tx
    .selectFrom('medical_words')
    .select('word')
    .where('organization_id', '=', organizationId)
    .orderBy('word')
    .execute();
  return rows.map((r) => r.word);
}

export function addMedicalWord(tx: Tx, organizationId: string, word: string, addedBy: string) {
  return tx
    .insertInto('medical_words')
    .values({ organization_id: organizationId, word, added_by: addedBy })
    .onConflict((oc) => oc.columns(['organization_id', 'word']).doNothing())
    .execute();
}
