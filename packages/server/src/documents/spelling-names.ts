import { DomainError } from '@pivot/core';
import { foldForSearch } from '@pivot/core/directory';
import { isProperName, properNameWords, startsWithCapital } from '@pivot/core/documents';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { documentPatientNames } from './document-repository.ts';
import { correspondentNamesMatching, staffNames } from './repository.ts';
import type { Misspelling } from './spell-checker.ts';

/*
 * Proper names are recognised here, after the check, rather than in the spell-checker's worker:
 * the worker stays free of the domain core so that it is ready in well under a second.
 */

/**
 * The names the spell-check accepts in a document: the organisation's staff (the
 * practitioners sign and are named in letters, colleagues in the secretariat's) and, when the text
 * is a document's, its patient's birth and used names and given names.
 */
export async function staffAndPatientNames(
  tx: Kysely<Database>,
  organizationId: string,
  documentId: string | undefined,
): Promise<string[]> {
  const users = await staffNames(tx, organizationId);
  const names = users.map((u) => u.display_name);
  if (documentId === undefined) return names;
  const patient = await documentPatientNames(tx, organizationId, documentId);
  if (!patient) throw new DomainError('not_found', { field: 'documentId' });
  return [
    ...names,
    patient.birth_name,
    patient.used_name,
    patient.used_given_name,
    ...patient.birth_given_names,
  ];
}

/** The misspellings that are not these names written as names (capital first). */
export function withoutNames(misspellings: Misspelling[], names: readonly string[]): Misspelling[] {
  if (!misspellings.some((m) => startsWithCapital(m.word))) return misspellings;
  const words = properNameWords(names);
  return misspellings.filter((m) => !isProperName(m.word, words));
}

/**
 * The misspellings left once the correspondents' names are recognised. The directory may hold
 * thousands of them: only the capitalised words still flagged are looked up (trigram index on the
 * folded search text), so a text without names costs no query.
 */
export async function withoutCorrespondentNames(
  tx: Kysely<Database>,
  organizationId: string,
  misspellings: Misspelling[],
): Promise<Misspelling[]> {
  const candidates = [
    ...new Set(misspellings.filter((m) => startsWithCapital(m.word)).map((m) => m.word)),
  ].slice(0, 50);
  const tokens = [
    ...new Set(
      candidates.flatMap((word) =>
        foldForSearch(word)
          .split(' ')
          .filter((token) => token.length >= 3),
      ),
    ),
  ];
  if (tokens.length === 0) return misspellings;
  const rows = await correspondentNamesMatching(tx, organizationId, tokens);
  return withoutNames(
    misspellings,
    rows.flatMap((r) => [r.family_name, r.given_name, r.name]),
  );
}
