import { findDuplicateCandidates, type IdentityForMatching } from '@pivot/core/identity';
import { sql } from 'kysely';
import { auditOfPatientsFrom } from '../audit/index.ts';
import type { Db } from '../db/connection.ts';
import type { Actor } from '../http/request-context.ts';
import { type PatientSummary, toSummary } from './search.ts';

/**
 * Pairs the system suspects to be one person: records sharing a birth date (or a NIR) whose
 * names score as a possible duplicate, minus the pairs already judged different.
 */
export async function duplicateWorklist(db: Db, actor: Actor, limit = 200) {
  return db.kysely.transaction().execute(async (tx) => {
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
      SELECT p.* FROM patients p
      JOIN (
        SELECT birth_date FROM patients
        WHERE organization_id = ${actor.organizationId} AND merged_into IS NULL
        GROUP BY birth_date HAVING count(*) > 1
      ) shared ON shared.birth_date = p.birth_date
      WHERE p.organization_id = ${actor.organizationId} AND p.merged_into IS NULL
      ORDER BY p.birth_date, p.id
      LIMIT 20000`.execute(tx);
    const decided = await tx
      .selectFrom('duplicate_decisions')
      .select(['patient_a', 'patient_b'])
      .where('organization_id', '=', actor.organizationId)
      .execute();
    const different = new Set(decided.map((d) => `${d.patient_a}|${d.patient_b}`));
    const byDate = new Map<string, typeof rows>();
    for (const r of rows) byDate.set(r.birth_date, [...(byDate.get(r.birth_date) ?? []), r]);
    const pairs: {
      a: PatientSummary;
      b: PatientSummary;
      score: number;
      level: string;
      reasons: { code: string; points: number }[];
    }[] = [];
    const identity = (r: (typeof rows)[number]): IdentityForMatching & { id: string } => ({
      id: r.id,
      birthName: r.birth_name,
      usedName: r.used_name,
      birthGivenNames: r.birth_given_names,
      usedGivenName: r.used_given_name,
      birthDate: r.birth_date,
      sex: r.sex as IdentityForMatching['sex'],
      birthPlaceCode: r.birth_place_code,
      ins: r.ins ?? r.nir,
    });
    for (const group of byDate.values()) {
      for (let i = 0; i < group.length; i++) {
        const a = group[i]!;
        const later = group.slice(i + 1).map(identity);
        for (const match of findDuplicateCandidates(identity(a), later)) {
          const b = group.find((g) => g.id === match.candidate.id)!;
          const key = a.id < b.id ? `${a.id}|${b.id}` : `${b.id}|${a.id}`;
          if (different.has(key)) continue;
          pairs.push({
            a: toSummary(a),
            b: toSummary(b),
            score: match.score,
            level: match.level,
            reasons: match.reasons,
          });
        }
      }
    }
    const shown = pairs.sort((x, y) => y.score - x.score).slice(0, limit);
    await auditOfPatientsFrom(actor)(
      tx,
      { action: 'read', entity: 'duplicate_worklist', details: { pairs: shown.length } },
      shown.flatMap((p) => [p.a.id, p.b.id]),
    );
    return shown;
  });
}
