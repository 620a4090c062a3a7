import { DomainError } from '@pivot/core';
import type { ComplementaryInsurance, Coverage, Exemption, MandatoryInsurance } from '@pivot/core/patients';
import type { Kysely } from 'kysely';
import { auditFrom } from '../audit/index.ts';
import type { Db } from '../db/connection.ts';
import type { Database } from '../db/schema.ts';
import type { Actor } from '../http/request-context.ts';
import { loadPatient } from './patient-service.ts';
import { coverageRows, deleteCoverageItem, insertCoverageItem } from './repository.ts';

export type CoverageKind = 'mandatory' | 'complementary' | 'exemption';
type CoverageData = MandatoryInsurance | ComplementaryInsurance | Exemption;

export async function loadCoverage(
  tx: Kysely<Database>,
  organizationId: string,
  patientId: string,
): Promise<Coverage & { items: unknown[] }> {
  const rows = await coverageRows(tx, organizationId, patientId);
  const of = <T>(kind: CoverageKind) => rows.filter((r) => r.kind === kind).map((r) => r.data as T);
  return {
    mandatory: of<MandatoryInsurance>('mandatory'),
    complementary: of<ComplementaryInsurance>('complementary'),
    exemptions: of<Exemption>('exemption'),
    items: rows.map((r) => ({ id: r.id, kind: r.kind, version: r.version, ...(r.data as object) })),
  };
}

/** The coverage lines of a patient, exemptions (ALD: health data) included; the read is traced. */
export async function readCoverage(db: Db, actor: Actor, patientId: string) {
  return db.kysely.transaction().execute(async (tx) => {
    await loadPatient(tx, actor.organizationId, patientId);
    const coverage = await loadCoverage(tx, actor.organizationId, patientId);
    await auditFrom(actor)(tx, { action: 'read', entity: 'coverage', entityId: patientId, patientId });
    return coverage.items;
  });
}

function period(kind: CoverageKind, data: CoverageData) {
  if (kind === 'exemption') {
    const e = data as Exemption;
    return { validFrom: e.startDate, validTo: e.endDate ?? null };
  }
  const p = data as MandatoryInsurance;
  return { validFrom: p.validFrom, validTo: p.validTo ?? null };
}

export async function addCoverage(
  db: Db,
  actor: Actor,
  patientId: string,
  kind: CoverageKind,
  data: CoverageData,
) {
  return db.kysely.transaction().execute(async (tx) => {
    const patient = await loadPatient(tx, actor.organizationId, patientId);
    if (patient.mergedInto)
      throw new DomainError('patient_merged', { params: { survivor: patient.mergedInto } });
    const row = await insertCoverageItem(tx, actor.organizationId, {
      patientId,
      kind,
      data,
      ...period(kind, data),
    });
    await auditFrom(actor)(tx, { action: 'create', entity: `coverage_${kind}`, entityId: row.id, patientId });
    return row;
  });
}

export async function removeCoverage(db: Db, actor: Actor, patientId: string, itemId: string) {
  return db.kysely.transaction().execute(async (tx) => {
    const deleted = await deleteCoverageItem(tx, actor.organizationId, patientId, itemId);
    if (deleted === 0) throw new DomainError('not_found');
    await auditFrom(actor)(tx, { action: 'delete', entity: 'coverage', entityId: itemId, patientId });
    return { ok: true };
  });
}
