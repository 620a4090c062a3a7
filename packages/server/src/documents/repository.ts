import type { Kysely } from 'kysely';
import { likeContaining } from '../db/like-pattern.ts';
import type { Database } from '../db/schema.ts';

// The SQL of templates, letterheads, signers, snippets, the medical word list, and what documents
// read of the organization, its users, the directory's correspondents and distribution lists, as
// functions of (tx, organizationId, …). Documents, their sendings and the outbox:
// document-repository.ts.

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

/**
 * The user with this id, with what a document prints of a practitioner; its role says whether it
 * is one. Undefined when the organization has no such user.
 */
export function findSignerUser(tx: Tx, organizationId: string, id: string) {
  return tx
    .selectFrom('users')
    .select(['id', 'display_name', 'rpps', 'specialty', 'email', 'role'])
    .where('id', '=', id)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
}

/** The name, specialty and RPPS a letterhead prints of a user; undefined when the organization has none. */
export function letterheadUser(tx: Tx, organizationId: string, id: string) {
  return tx
    .selectFrom('users')
    .select(['display_name', 'specialty', 'rpps'])
    .where('id', '=', id)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
}

/** The practitioner's own letterhead and signature block; undefined when none is set. */
export function findLetterhead(tx: Tx, organizationId: string, practitionerId: string) {
  return tx
    .selectFrom('practitioner_letterheads')
    .selectAll()
    .where('practitioner_id', '=', practitionerId)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
}

/** Sets the practitioner's letterhead and signature block (inserted the first time, replaced after). */
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

// --- the organization ---------------------------------------------------------------------

/** What the merge fields say of the organization: name, address, phone, e-mail, FINESS. */
export function organizationForMergeFields(tx: Tx, organizationId: string) {
  return tx
    .selectFrom('organizations')
    .select(['name', 'address', 'phone', 'email', 'finess'])
    .where('id', '=', organizationId)
    .executeTakeFirstOrThrow();
}

/** What a default letterhead prints of the organization: name, address, phone. */
export function organizationForLetterhead(tx: Tx, organizationId: string) {
  return tx
    .selectFrom('organizations')
    .select(['name', 'address', 'phone'])
    .where('id', '=', organizationId)
    .executeTakeFirstOrThrow();
}

// --- templates ------------------------------------------------------------------------------

/** The organization's active templates, by kind then name, of one kind or language when asked. */
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

/** Inserts a template; returns its row. */
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

/** A template of the organization (active or not); undefined when it has none with this id. */
export function findTemplate(tx: Tx, organizationId: string, id: string) {
  return tx
    .selectFrom('document_templates')
    .selectAll()
    .where('id', '=', id)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
}

/** Inserts the templates of a new (demo) organization, shared by all its practitioners. */
export function insertTemplates(
  tx: Tx,
  organizationId: string,
  templates: readonly {
    name: string;
    kind: string;
    language: string;
    content: unknown;
    mergeFields: string[];
  }[],
) {
  return tx
    .insertInto('document_templates')
    .values(
      templates.map((t) => ({
        organization_id: organizationId,
        practitioner_id: null,
        name: t.name,
        kind: t.kind,
        language: t.language,
        content: JSON.stringify(t.content),
        merge_fields: JSON.stringify(t.mergeFields),
      })),
    )
    .execute();
}

/** A template by its id alone (the caller has checked its organization); throws when none. */
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

/** The organization's snippets, by shortcut. */
export function snippetsOf(tx: Tx, organizationId: string) {
  return tx
    .selectFrom('document_snippets')
    .select(['id', 'shortcut', 'text', 'user_id as userId'])
    .where('organization_id', '=', organizationId)
    .orderBy('shortcut')
    .execute();
}

/** The shortcut and text of each of the organization's snippets, for the free-shortcut rule. */
export function snippetShortcuts(tx: Tx, organizationId: string) {
  return tx
    .selectFrom('document_snippets')
    .select(['shortcut', 'text'])
    .where('organization_id', '=', organizationId)
    .execute();
}

/** Inserts a snippet shared by the organization; returns its id, shortcut and text. */
export function insertSnippet(tx: Tx, organizationId: string, snippet: { shortcut: string; text: string }) {
  return tx
    .insertInto('document_snippets')
    .values({ organization_id: organizationId, user_id: null, ...snippet })
    .returning(['id', 'shortcut', 'text'])
    .executeTakeFirstOrThrow();
}

/** Inserts the organization's shared snippets (a new demo organization's). */
export function insertSnippets(
  tx: Tx,
  organizationId: string,
  snippets: readonly { shortcut: string; text: string }[],
) {
  return tx
    .insertInto('document_snippets')
    .values(snippets.map((s) => ({ organization_id: organizationId, user_id: null, ...s })))
    .execute();
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

/** The words the organization's users added to the medical word list, in alphabetical order. */
export async function organizationWords(tx: Tx, organizationId: string): Promise<string[]> {
  const rows = await tx
    .selectFrom('medical_words')
    .select('word')
    .where('organization_id', '=', organizationId)
    .orderBy('word')
    .execute();
  return rows.map((r) => r.word);
}

/** Adds a word to the organization's medical list; a word already there is left as it is. */
export function addMedicalWord(tx: Tx, organizationId: string, word: string, addedBy: string) {
  return tx
    .insertInto('medical_words')
    .values({ organization_id: organizationId, word, added_by: addedBy })
    .onConflict((oc) => oc.columns(['organization_id', 'word']).doNothing())
    .execute();
}

// --- names the spell-check accepts ---------------------------------------------------------

/** The display names of every user of the organization. */
export function staffNames(tx: Tx, organizationId: string) {
  return tx
    .selectFrom('users')
    .select('display_name')
    .where('organization_id', '=', organizationId)
    .execute();
}

/**
 * The names of the correspondents whose folded search text contains one of the tokens (trigram
 * index), at most 1000.
 */
export function correspondentNamesMatching(tx: Tx, organizationId: string, tokens: readonly string[]) {
  return tx
    .selectFrom('correspondents')
    .select(['family_name', 'given_name', 'name'])
    .where('organization_id', '=', organizationId)
    .where((eb) => eb.or(tokens.map((token) => eb('search_text', 'like', likeContaining(token)))))
    .limit(1000)
    .execute();
}

// --- correspondents and distribution lists -------------------------------------------------

/** The family and given names of a correspondent; undefined when the organization has none with this id. */
export function correspondentName(tx: Tx, organizationId: string, id: string) {
  return tx
    .selectFrom('correspondents')
    .select(['family_name', 'given_name'])
    .where('id', '=', id)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
}

/** A correspondent's e-mail and secure messaging addresses; undefined when the organization has none with this id. */
export function correspondentAddresses(tx: Tx, organizationId: string, id: string) {
  return tx
    .selectFrom('correspondents')
    .select(['email', 'secure_email'])
    .where('id', '=', id)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
}

/** A distribution list's id and name; undefined when the organization has none with this id. */
export function findDistributionList(tx: Tx, organizationId: string, listId: string) {
  return tx
    .selectFrom('distribution_lists')
    .select(['id', 'name'])
    .where('id', '=', listId)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
}

/** The active correspondents of a distribution list, in list order. */
export function activeListMembers(tx: Tx, organizationId: string, listId: string) {
  return tx
    .selectFrom('distribution_list_members as m')
    .innerJoin('correspondents as c', 'c.id', 'm.correspondent_id')
    .select(['c.id', 'c.kind', 'c.body_type', 'c.family_name', 'c.given_name', 'c.name'])
    .where('m.list_id', '=', listId)
    .where('m.organization_id', '=', organizationId)
    .where('c.active', '=', true)
    .orderBy('m.position')
    .execute();
}
