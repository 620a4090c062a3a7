import { findDuplicateCandidates } from '@pivot/core/identity';
import { auditOfPatientsFrom } from '../audit/index.ts';
import type { Db } from '../db/connection.ts';
import type { Actor } from '../http/request-context.ts';
import { identityForMatching, type PatientSummary, toSummary } from './patient-summary.ts';
import { organizationDecisions, sharedBirthDateRows } from './repository.ts';

/**
 * Pairs the system suspects to be one person: records sharing a birth date (or a NIR) whose
 * names score as a possible duplicate, minus the pairs already judged different.
 */
export async function duplicateWorklist(db: Db, actor: Actor, limit = 200) {
  return db.kysely.transaction().execute(async (tx) => {
    const rows = await sharedBirthDateRows(tx, actor.organizationId);
    const decided = await organizationDecisions(tx, actor.organizationId);
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
    for (const group of byDate.values()) {
      for (let i = 0; i < group.length; i++) {
        const a = group[i]!;
        const later = group.slice(i + 1).map(identityForMatching);
        for (const match of findDuplicateCandidates(identityForMatching(a), later)) {
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
