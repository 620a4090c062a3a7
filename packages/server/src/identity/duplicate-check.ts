import { DomainError } from '@pivot/core';
import {
  closeBirthDates,
  compactNir,
  type DuplicateCandidate,
  findDuplicateCandidates,
  type IdentityForMatching,
  searchKeysFor,
} from '@pivot/core/identity';
import type { Kysely } from 'kysely';
import { auditFrom, auditOfPatientsFrom } from '../audit/index.ts';
import type { Db } from '../db/connection.ts';
import type { Database } from '../db/schema.ts';
import type { Actor } from '../http/request-context.ts';
import { identityForMatching, type PatientSummary, toSummary } from './patient-summary.ts';
import {
  decisionsBetween,
  duplicateCandidateRows,
  insertDifferentDecision,
  patientMergeState,
} from './repository.ts';

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
  const rows = await duplicateCandidateRows(
    db,
    organizationId,
    {
      birthDate: incoming.birthDate,
      numbers,
      phoneticKeys: searchKeysFor(incoming).phoneticKeys,
      closeBirthDates: closeBirthDates(incoming.birthDate),
    },
    excludeId,
  );
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const decided = excludeId ? await decisionsBetween(db, excludeId, ids) : [];
  const excludedIds = new Set(decided.map((d) => (d.patient_a === excludeId ? d.patient_b : d.patient_a)));
  const candidates: Candidate[] = rows.map((r) => ({ ...identityForMatching(r), summary: toSummary(r) }));
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

/** Records, inside the caller's transaction, that two records are two different persons. */
export async function recordDifferentPersonsIn(tx: Kysely<Database>, actor: Actor, a: string, b: string) {
  const [patientA, patientB] = a < b ? [a, b] : [b, a];
  await insertDifferentDecision(tx, actor.organizationId, { patientA, patientB, decidedBy: actor.userId });
}

/** A patient of the organization, else not_found; says whether it was merged into another. */
export async function loadMergeState(tx: Kysely<Database>, organizationId: string, patientId: string) {
  const row = await patientMergeState(tx, organizationId, patientId);
  if (!row) throw new DomainError('not_found');
  return { id: row.id, mergedInto: row.merged_into };
}

export async function decideDifferentPersons(db: Db, actor: Actor, a: string, b: string) {
  if (a === b) throw new DomainError('merge_same_patient', { field: 'otherId' });
  await db.kysely.transaction().execute(async (tx) => {
    await loadMergeState(tx, actor.organizationId, a);
    await loadMergeState(tx, actor.organizationId, b);
    await recordDifferentPersonsIn(tx, actor, a, b);
    await auditFrom(actor)(tx, {
      action: 'duplicate_rejected',
      entity: 'patient',
      entityId: a,
      patientId: a,
      details: { other: b },
    });
  });
  return { ok: true };
}
