import { DomainError } from '@pivot/core';
import { parisToday } from '@pivot/core/calendar';
import { coverageStatusOn, patientToFhir } from '@pivot/core/patients';
import { auditFrom } from '../audit/index.ts';
import type { Db } from '../db/connection.ts';
import type { Actor } from '../http/request-context.ts';
import { exportableRecordItems } from '../records/index.ts';
import { loadCoverage } from './coverage-service.ts';
import { readPatient } from './patient-service.ts';
import { accessLogRows } from './repository.ts';

// Reads of the patient file that gather more than the patient: its banner, its access log, its export.

/** A patient with the coverage flags of the banner (the read of the patient is traced). */
export async function readPatientFile(db: Db, actor: Actor, id: string) {
  const patient = await readPatient(db, actor, id);
  const coverage = await loadCoverage(db.kysely, actor.organizationId, patient.id);
  return { ...patient, coverageStatus: coverageStatusOn(coverage, parisToday()) };
}

/** Who accessed this record, when, from where (the read of the patient is traced). */
export async function patientAccessLog(db: Db, actor: Actor, id: string) {
  const patient = await readPatient(db, actor, id);
  return accessLogRows(db.kysely, actor.organizationId, patient.id);
}

/**
 * Everything about a patient as JSON, with its FHIR R4 (FR Core) Patient resource: the record
 * items the actor may see, the export traced with the break-glass access it went through.
 */
export async function exportPatient(db: Db, actor: Actor, id: string) {
  const patient = await readPatient(db, actor, id);
  if (patient.mergedInto)
    throw new DomainError('patient_merged', { params: { survivor: patient.mergedInto } });
  const coverage = await loadCoverage(db.kysely, actor.organizationId, patient.id);
  const visible = await db.kysely.transaction().execute(async (tx) => {
    const exported = await exportableRecordItems(tx, actor, patient.id);
    await auditFrom(actor)(tx, {
      action: 'export',
      entity: 'patient',
      entityId: patient.id,
      patientId: patient.id,
      details: exported.breakGlassId ? { breakGlassId: exported.breakGlassId } : {},
    });
    return exported.items;
  });
  return {
    exportedAt: new Date().toISOString(),
    patient,
    fhir: patientToFhir(patient),
    coverage,
    recordItems: visible,
  };
}
