import { DomainError } from '@pivot/core';
import { parisToday } from '@pivot/core/calendar';
import { findDuplicateCandidates, type IdentityForMatching } from '@pivot/core/identity';
import {
  type ColumnMapping,
  importPatientRows,
  type PatientRegistration,
  patientFromRegistration,
} from '@pivot/core/patients';
import { parse } from 'csv-parse/sync';
import { writeAudit } from '../audit/index.ts';
import type { Db } from '../db/connection.ts';
import type { Actor } from '../http/request-context.ts';
import { identityForMatching } from '../identity/index.ts';
import { patientColumns } from './patient-row.ts';
import { importCandidateRows, insertImportTraces, insertPatients } from './repository.ts';

export interface ImportReport {
  total: number;
  valid: number;
  errors: { line: number; field: string; code: string }[];
  duplicatesInFile: { line: number; otherLine: number; score: number }[];
  duplicatesInDatabase: { line: number; patientId: string; score: number; level: string }[];
  created: number;
  committed: boolean;
}

function readCsv(text: string, delimiter: string | undefined): Record<string, string>[] {
  try {
    return parse(text, {
      columns: true,
      delimiter: delimiter ?? [';', ',', '\t'],
      bom: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
    }) as Record<string, string>[];
  } catch (error) {
    throw new DomainError('csv_unreadable', {
      field: 'csv',
      params: { detail: (error as Error).message.slice(0, 120) },
    });
  }
}

/**
 * Imports patients exported by another practice software. A dry run reports, line by line, the
 * errors and the suspected duplicates (within the file and with existing records) and writes
 * nothing; the commit creates, in one transaction, every valid line that is not a suspected
 * duplicate, so nothing is created twice (RNIV: duplicate search before creation).
 */
export async function importPatients(
  db: Db,
  actor: Actor,
  input: { csv: string; mapping: ColumnMapping; delimiter?: string | undefined; commit: boolean },
): Promise<ImportReport> {
  const rows = readCsv(input.csv, input.delimiter);
  const result = importPatientRows(rows, input.mapping, { today: parisToday() });
  const valid = result.lines.filter((l): l is { line: number; ok: true; input: PatientRegistration } => l.ok);
  const errors = result.lines.flatMap((l) => (l.ok ? [] : l.errors));

  // Existing records sharing a birth date or a NIR with a line: one query, scored in memory.
  const dates = [...new Set(valid.map((l) => l.input.birthDate))];
  const nirs = [...new Set(valid.map((l) => l.input.nir).filter((n): n is string => !!n))];
  const existing = new Map<string, (IdentityForMatching & { id: string })[]>();
  const byNir = new Map<string, IdentityForMatching & { id: string }>();
  for (let i = 0; i < Math.max(dates.length, nirs.length); i += 5000) {
    const found = await importCandidateRows(
      db.kysely,
      actor.organizationId,
      dates.slice(i, i + 5000),
      nirs.slice(i, i + 5000),
    );
    for (const r of found) {
      const identity = identityForMatching(r);
      existing.set(r.birth_date, [...(existing.get(r.birth_date) ?? []), identity]);
      if (r.nir) byNir.set(r.nir, identity);
    }
  }
  const duplicatesInDatabase: ImportReport['duplicatesInDatabase'] = [];
  for (const line of valid) {
    const candidates = [...(existing.get(line.input.birthDate) ?? [])];
    const sameNir = line.input.nir ? byNir.get(line.input.nir) : undefined;
    if (sameNir && !candidates.includes(sameNir)) candidates.push(sameNir);
    const best = findDuplicateCandidates({ ...line.input, ins: line.input.nir ?? null }, candidates)[0];
    if (best)
      duplicatesInDatabase.push({
        line: line.line,
        patientId: best.candidate.id,
        score: best.score,
        level: best.level,
      });
  }
  const suspected = new Set([
    ...duplicatesInDatabase.map((d) => d.line),
    ...result.duplicates.flatMap((d) => [d.line, d.otherLine]),
  ]);
  const toCreate = valid.filter((l) => !suspected.has(l.line));
  const report: ImportReport = {
    total: result.lines.length,
    valid: valid.length,
    errors,
    duplicatesInFile: result.duplicates.map((d) => ({
      line: d.line,
      otherLine: d.otherLine,
      score: d.score,
    })),
    duplicatesInDatabase,
    created: 0,
    committed: false,
  };
  if (!input.commit) return report;

  await db.kysely.transaction().execute(async (tx) => {
    for (let i = 0; i < toCreate.length; i += 500) {
      const batch = toCreate.slice(i, i + 500);
      const ids = await insertPatients(
        tx,
        actor.organizationId,
        batch.map((l) => patientColumns(patientFromRegistration(l.input, ''))),
      );
      await insertImportTraces(
        tx,
        actor,
        ids.map(({ id }) => id),
      );
    }
    await writeAudit(tx, {
      organizationId: actor.organizationId,
      userId: actor.userId,
      action: 'import_commit',
      entity: 'patient_import',
      ip: actor.ip,
      userAgent: actor.userAgent,
      details: {
        lines: report.total,
        created: toCreate.length,
        errors: errors.length,
        suspectedDuplicates: suspected.size,
      },
    });
  });
  return { ...report, created: toCreate.length, committed: true };
}
