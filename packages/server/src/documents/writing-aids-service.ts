import { DomainError } from '@pivot/core';
import { validateSnippet } from '@pivot/core/documents';
import { auditFrom } from '../audit/index.ts';
import type { Db } from '../db/connection.ts';
import type { Actor } from '../http/request-context.ts';
import {
  addMedicalWord,
  deleteSnippet,
  insertSnippet,
  organizationWords,
  snippetShortcuts,
  snippetsOf,
} from './repository.ts';
import { spellChecker } from './spell-checker.ts';
import { staffAndPatientNames, withoutCorrespondentNames, withoutNames } from './spelling-names.ts';

// What helps the writer: text snippets, the medical word list, the spell-checker.

export function snippets(db: Db, actor: Actor) {
  return snippetsOf(db.kysely, actor.organizationId);
}

/** Adds a snippet; its shortcut must be free in the organisation (core's snippet rule). */
export async function addSnippet(db: Db, actor: Actor, input: { shortcut: string; text: string }) {
  return db.kysely.transaction().execute(async (tx) => {
    const snippet = validateSnippet(input, await snippetShortcuts(tx, actor.organizationId));
    const created = await insertSnippet(tx, actor.organizationId, snippet);
    await auditFrom(actor)(tx, { action: 'create', entity: 'snippet', entityId: created.id });
    return created;
  });
}

export async function removeSnippet(db: Db, actor: Actor, id: string) {
  await db.kysely.transaction().execute(async (tx) => {
    if (!(await deleteSnippet(tx, actor.organizationId, id))) throw new DomainError('not_found');
    await auditFrom(actor)(tx, { action: 'delete', entity: 'snippet', entityId: id });
  });
  return { ok: true };
}

export function medicalWords(db: Db, actor: Actor) {
  return organizationWords(db.kysely, actor.organizationId);
}

/** Adds words to the organisation's medical list (a word already there is kept once). */
export async function addMedicalWords(db: Db, actor: Actor, terms: readonly string[]) {
  await db.kysely.transaction().execute(async (tx) => {
    for (const word of terms) await addMedicalWord(tx, actor.organizationId, word, actor.userId);
    await auditFrom(actor)(tx, {
      action: 'create',
      entity: 'medical_words',
      details: { count: terms.length },
    });
  });
  return organizationWords(db.kysely, actor.organizationId);
}

/**
 * The unknown words of a text, neither in French nor in the medical lists, and not the name of a
 * colleague, of the document's patient or of a correspondent.
 */
export async function spellCheck(
  db: Db,
  actor: Actor,
  idleMs: number,
  input: { text: string; documentId?: string | undefined },
) {
  const words = await organizationWords(db.kysely, actor.organizationId);
  const names = await staffAndPatientNames(db.kysely, actor.organizationId, input.documentId);
  const misspellings = withoutNames(await spellChecker(idleMs).check(input.text, words), names);
  return { misspellings: await withoutCorrespondentNames(db.kysely, actor.organizationId, misspellings) };
}

export async function spellingSuggestions(idleMs: number, word: string) {
  return { suggestions: await spellChecker(idleMs).suggest(word) };
}
