import {
  closeBirthDates,
  compactNir,
  type DuplicateCandidate,
  findDuplicateCandidates,
  type IdentityForMatching,
  searchKeysFor,
} from '@pivot/core/identity';
import { type Kysely, sql } from 'kysely';
import { auditOfPatientsFrom } from '../audit/index.ts';
import type { Db } from '../db/connection.ts';
import type { Database } from '../db/schema.ts';
import type { Actor } from '../http/request-context.ts';
import { type PatientSummary, toSummary } from './search.ts';

type Candidate = IdentityForMatching & { id: string; summary: PatientSummary };

export interface DuplicateView {
  patient: PatientSummary;
  score: number;
  level: string;
  reasons: { code: string; points: number }[];
}

/**
 * Candidates for "same person" before a creation or a strict-trait change (RNIV 2021 volet 2):
 * the same NIR/INS, the same birth date, or a birth date one typing slip away with a name that
 * sounds alike. They are fetched by index, then scored by the domain core.
 */
export async function findDuplicates(
  db: Kysely<Database>,
  organizationId: string,
  incoming: IdentityForMatching & { nir?: string | null },
  excludeId?: string,
): Promise<DuplicateView[]> {
  const numbers = [incoming.ins, incoming.nir].filter((n): n is string => !!n).map(compactNir);
  const keys = searchKeysFor(incoming).phoneticKeys;
  const close = closeBirthDates(incoming.birthDate);
  const { rows } = await sql<{
    id: string;
    birth_name: string;
    used_name: string;
    birth_given_names: string[];
    used_given_name: string;
    birth_date: string;
    sex: string;
    birth_place_code: string | null;
    identity_status: string;
    nir: string | null;
    ins: string | null;
    merged_into: string | null;
  }>`
    SELECT id, birth_name, used_name, birth_given_names, used_given_name, birth_date, sex, birth_place_code,
      identity_status, nir, ins, merged_into
    FROM patients
    WHERE organization_id = ${organizationId} AND merged_into IS NULL
      ${excludeId ? sql`AND id <> ${excludeId}` : sql``}
      AND (birth_date = ${incoming.birthDate}
        ${numbers.length ? sql`OR nir = ANY(${numbers}::text[]) OR ins = ANY(${numbers}::text[])` : sql``}
        ${keys.length && close.length ? sql`OR (birth_date = ANY(${close}::date[]) AND phonetic_keys && ${keys}::text[])` : sql``})
    LIMIT 500`.execute(db);
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const decided = excludeId
    ? await db
        .selectFrom('duplicate_decisions')
        .select(['patient_a', 'patient_b'])
        .where((eb) =>
          eb.or([
            eb.and([eb('patient_a', '=', excludeId), eb('patient_b', 'in', ids)]),
            eb.and([eb('patient_b', '=', excludeId), eb('patient_a', 'in', ids)]),
          ]),
        )
        .execute()
    : [];
  const excludedIds = new Set(decided.map((d) => (d.patient_a === excludeId ? d.patient_b : d.patient_a)));
  const candidates: Candidate[] = rows.map((r) => ({
    id: r.id,
    birthName: r.birth_name,
    usedName: r.used_name,
    birthGivenNames: r.birth_given_names,
    usedGivenName: r.used_given_name,
    birthDate: r.birth_date,
    sex: r.sex as Candidate['sex'],
    birthPlaceCode: r.birth_place_code,
    // A NIR given at the desk counts as an identifier to compare, like the INS.
    ins: r.ins ?? r.nir,
    summary: toSummary(r),
  }));
  const scored: DuplicateCandidate<Candidate>[] = findDuplicateCandidates(
    { ...incoming, ins: incoming.ins ?? incoming.nir ?? null },
    candidates,
    { excludedIds },
  );
  return scored.map((s) => ({
    patient: s.candidate.summary,
    score: s.score,
    level: s.level,
    reasons: s.reasons,
  }));
}

/** The duplicate check asked for by a form: the candidates' identities it shows are traced. */
export async function duplicateCandidates(
  db: Db,
  actor: Actor,
  incoming: IdentityForMatching & { nir?: string | null },
  excludeId?: string,
) {
  return db.kysely.transaction().execute(async (tx) => {
    const candidates = await findDuplicates(tx, actor.organizationId, incoming, excludeId);
    await auditOfPatientsFrom(actor)(
      tx,
      { action: 'read', entity: 'duplicate_candidates', details: { candidates: candidates.length } },
      candidates.map((c) => c.patient.id),
    );
    return candidates;
  });
}
