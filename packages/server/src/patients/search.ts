import { compactNir, parseSearchQuery, type SearchQuery } from '@pivot/core/identity';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';

export interface PatientSummary {
  id: string;
  birthName: string;
  usedName: string;
  birthGivenNames: string[];
  usedGivenName: string;
  birthDate: string;
  sex: string;
  identityStatus: string;
  nir: string | null;
  mergedInto: string | null;
}

const summaryColumns = sql`p.id, p.birth_name, p.used_name, p.birth_given_names, p.used_given_name, p.birth_date,
  p.sex, p.identity_status, p.nir, p.merged_into`;

interface SummaryRow {
  id: string;
  birth_name: string;
  used_name: string;
  birth_given_names: string[];
  used_given_name: string;
  birth_date: string;
  sex: string;
  identity_status: string;
  nir: string | null;
  merged_into: string | null;
}

export function toSummary(r: SummaryRow): PatientSummary {
  return {
    id: r.id,
    birthName: r.birth_name,
    usedName: r.used_name,
    birthGivenNames: r.birth_given_names,
    usedGivenName: r.used_given_name,
    birthDate: r.birth_date,
    sex: r.sex,
    identityStatus: r.identity_status,
    nir: r.nir,
    mergedInto: r.merged_into,
  };
}

function escapeLike(token: string): string {
  return token.replace(/[\\%_]/g, (c) => `\\${c}`);
}

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

  const exact = query.nameTokens.map((token, i) => {
    const key = query.phoneticKeys[i] ?? '';
    const prefix = sql`p.search_text LIKE ${`% ${escapeLike(token)}%`}`;
    return token.length >= 3 && key ? sql`(${prefix} OR p.phonetic_keys @> ARRAY[${key}]::text[])` : prefix;
  });
  // Exact beginnings of names rank before phonetic matches; then alphabetical.
  const rank = query.nameTokens.length
    ? sql.join(
        query.nameTokens.map(
          (token) => sql`(CASE WHEN p.search_text LIKE ${`% ${escapeLike(token)}%`} THEN 1 ELSE 0 END)`,
        ),
        sql` + `,
      )
    : undefined;
  const run = async (nameConditions: ReturnType<typeof sql>[], order: ReturnType<typeof sql> | undefined) => {
    const where = sql.join([...conditions, ...nameConditions], sql` AND `);
    const { rows } = await sql<SummaryRow>`
      SELECT ${summaryColumns} FROM patients p WHERE ${where}
      ORDER BY ${order ? sql`${order}, ` : sql``}p.birth_name, p.first_given_name, p.birth_date
      LIMIT ${options.limit}`.execute(db);
    return rows.map(toSummary);
  };
  let results = await run(exact, rank && sql`(${rank}) DESC`);
  if (results.length === 0 && query.nameTokens.some((t) => t.length >= 4)) {
    // Tolerance to typing mistakes: each long word close (trigrams) to a word of the names.
    const fuzzy = query.nameTokens
      .filter((t) => t.length >= 4)
      .map((t) => sql`${t.toLowerCase()} <% p.search_text`);
    const closeness = sql.join(
      query.nameTokens
        .filter((t) => t.length >= 4)
        .map((t) => sql`word_similarity(${t.toLowerCase()}, p.search_text)`),
      sql` + `,
    );
    results = await run(fuzzy, sql`(${closeness}) DESC`);
  }
  return { query, results };
}
