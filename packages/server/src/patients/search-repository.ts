import { compactNir, parseSearchQuery, type SearchQuery } from '@pivot/core/identity';
import { type Kysely, sql } from 'kysely';
import { likeContaining } from '../db/like-pattern.ts';
import type { Database } from '../db/schema.ts';
import { type PatientSummary, toSummary } from '../identity/index.ts';
import type { PatientIdentityRow } from './repository.ts';

const summaryColumns = sql`p.id, p.birth_name, p.first_given_name, p.used_name, p.birth_given_names, p.used_given_name, p.birth_date,
  p.sex, p.identity_status, p.nir, p.merged_into`;

/** What the search reads of a patient: its summary for lists. */
type SummaryRow = Omit<PatientIdentityRow, 'birth_place_code' | 'ins'>;

/** The smallest string above every string that starts with `prefix` (byte order). */
function nextPrefix(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

/** At most this many candidates are read before ordering: bounded work for ambiguous input. */
const candidateCap = 2000;

/**
 * Search as you type from one box. Every criterion typed must match; a name word matches the
 * beginning of any stored name token or its French phonetic key (words of 3 letters or more).
 * When nothing matches that way, a trigram similarity pass tolerates a typing mistake.
 * Merged identities stay findable: they come back with the survivor's id in `mergedInto`.
 */
export async function searchPatients(
  db: Kysely<Database>,
  organizationId: string,
  text: string,
  options: { today: string; limit: number },
): Promise<{ query: SearchQuery; results: PatientSummary[] }> {
  const query = parseSearchQuery(text, options.today);
  const conditions = [sql`p.organization_id = ${organizationId}`];
  if (query.birthDate) conditions.push(sql`p.birth_date = ${query.birthDate}`);
  if (query.birthYear) {
    conditions.push(
      sql`p.birth_date >= ${`${query.birthYear}-01-01`} AND p.birth_date <= ${`${query.birthYear}-12-31`}`,
    );
  }
  if (query.nir) conditions.push(sql`(p.nir = ${compactNir(query.nir)} OR p.ins = ${compactNir(query.nir)})`);
  if (query.phone) conditions.push(sql`p.phones @> ARRAY[${query.phone}]::text[]`);
  const hasCriterion = conditions.length > 1 || query.nameTokens.length > 0;
  if (!hasCriterion) return { query, results: [] };

  const prefix = (token: string) => sql`p.search_text LIKE ${likeContaining(` ${token}`)}`;
  const prefixOrPhonetic = (token: string, i: number) => {
    const key = query.phoneticKeys[i] ?? '';
    return token.length >= 3 && key
      ? sql`(${prefix(token)} OR p.phonetic_keys @> ARRAY[${key}]::text[])`
      : prefix(token);
  };
  // Candidates first (bounded), then order: the planner never walks a name index hoping to
  // meet the filter, and an ambiguous beginning ("MAR") costs a bounded amount of work.
  const run = async (
    candidates: ReturnType<typeof sql> | null,
    nameConditions: ReturnType<typeof sql>[],
    limit: number,
    excluded: string[] = [],
  ) => {
    const where = sql.join(
      [...conditions, ...nameConditions, ...(excluded.length ? [sql`p.id <> ALL(${excluded}::uuid[])`] : [])],
      sql` AND `,
    );
    const { rows } = candidates
      ? await sql<SummaryRow>`
          WITH c AS MATERIALIZED (${candidates})
          SELECT ${summaryColumns} FROM patients p JOIN c ON c.id = p.id WHERE ${where}
          ORDER BY p.birth_name, p.first_given_name, p.birth_date LIMIT ${limit}`.execute(db)
      : await sql<SummaryRow>`
          WITH c AS MATERIALIZED (SELECT ${summaryColumns} FROM patients p WHERE ${where} LIMIT ${candidateCap})
          SELECT * FROM c p ORDER BY p.birth_name, p.first_given_name, p.birth_date LIMIT ${limit}`.execute(
          db,
        );
    return rows.map(toSummary);
  };
  // Patients having a name word that begins with `word` (index-only range of the word index).
  const wordRange = (word: string) => sql`SELECT t.patient_id AS id FROM patient_name_tokens t
    WHERE t.organization_id = ${organizationId} AND t.token >= ${word} AND t.token < ${nextPrefix(word)}`;
  const capped = (ids: ReturnType<typeof sql>) =>
    sql`SELECT DISTINCT x.id FROM (${ids} LIMIT ${candidateCap}) x`;
  // The first patients of a word's range in display order, from the index alone.
  const cappedRange = (
    word: string,
    limit: number,
  ) => sql`SELECT DISTINCT x.id FROM (SELECT t.patient_id AS id FROM patient_name_tokens t
    WHERE t.organization_id = ${organizationId} AND t.token >= ${word} AND t.token < ${nextPrefix(word)}
    ORDER BY t.sort_key LIMIT ${limit}) x`;
  const intersect = (parts: ReturnType<typeof sql>[]) => sql.join(parts, sql` INTERSECT `);

  const longestIndex = query.nameTokens.reduce(
    (best, t, i, all) => (t.length > all[best]!.length ? i : best),
    0,
  );
  const longest = query.nameTokens[longestIndex];
  const longestKey = query.phoneticKeys[longestIndex];
  // The two longest words of 3 letters or more are the most selective.
  const strong = query.nameTokens
    .filter((t) => t.length >= 3)
    .sort((x, y) => y.length - x.length)
    .slice(0, 2);
  const allWords = (match: (t: string, i: number) => ReturnType<typeof sql>) => query.nameTokens.map(match);

  let results: PatientSummary[];
  if (conditions.length > 1 || !longest) {
    // A birth date, NIR or phone number is far more selective than any name: their indexes lead.
    results = await run(null, allWords(prefixOrPhonetic), options.limit);
  } else {
    // 1. Names as typed: patients having every long word typed (ranges of the word index
    //    intersected), or the longest word when only short ones were typed.
    // One word typed: its range already gives the first patients in display order.
    const typed =
      strong.length >= 2
        ? capped(intersect(strong.map(wordRange)))
        : cappedRange(longest, query.nameTokens.length === 1 ? options.limit * 4 : candidateCap);
    results = await run(typed, allWords(prefix), options.limit);

    // 2. Names that sound alike (French phonetic key of the longest word).
    if (results.length < options.limit && longest.length >= 3 && longestKey) {
      const alike = sql`SELECT q.id FROM patients q WHERE q.organization_id = ${organizationId}
        AND q.phonetic_keys @> ARRAY[${longestKey}]::text[] LIMIT ${candidateCap}`;
      const more = await run(
        alike,
        allWords(prefixOrPhonetic),
        options.limit - results.length,
        results.map((r) => r.id),
      );
      results = [...results, ...more];
    }

    // 3. A typing mistake in the longest word: the organization's name words closest to it
    //    (trigram similarity over a few thousand distinct words), then their patients.
    if (results.length === 0 && longest.length >= 4) {
      const closeWords = sql`SELECT t.patient_id AS id FROM patient_name_tokens t
        WHERE t.organization_id = ${organizationId} AND t.token IN (
          SELECT w.word FROM patient_name_words w WHERE w.organization_id = ${organizationId} AND w.word % ${longest}
          ORDER BY similarity(w.word, ${longest}) DESC LIMIT 5)`;
      const otherStrong = strong.filter((t) => t !== longest);
      const close = capped(
        otherStrong.length ? intersect([closeWords, ...otherStrong.map(wordRange)]) : closeWords,
      );
      results = await run(
        close,
        allWords((t, i) => (i === longestIndex ? sql`true` : prefixOrPhonetic(t, i))),
        options.limit,
      );
    }
  }
  return { query, results };
}
