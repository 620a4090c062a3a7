import { DomainError, isDomainError } from '@pivot/core';
import { parisToday } from '@pivot/core/calendar';
import {
  applyIdentityAction,
  changedStrictTraits,
  type IdentityAction,
  type IdentityState,
  validateBirthPlaceCode,
} from '@pivot/core/identity';
import {
  checkPatientRegistration,
  type Patient,
  type PatientRegistration,
  type PatientUpdate,
  patientFromRegistration,
} from '@pivot/core/patients';
import type { Kysely } from 'kysely';
import { auditFrom, auditOfPatientsFrom } from '../audit/index.ts';
import type { Db } from '../db/connection.ts';
import type { Database } from '../db/schema.ts';
import { updateVersioned } from '../db/versioned-update.ts';
import { setAttendingPhysician } from '../directory/index.ts';
import type { Actor } from '../http/request-context.ts';
import {
  birthPlaces,
  type DuplicateView,
  findDuplicates,
  recordDifferentPersonsIn,
} from '../identity/index.ts';
import { addRecordItem } from '../records/index.ts';
import { patientColumns, rowToPatient } from './patient-row.ts';
import {
  identityEventRows,
  insertIdentityEvent,
  insertPatient,
  patientRow,
  setPatientIdentity,
} from './repository.ts';
import { searchPatients } from './search-repository.ts';

/** Loads a patient of the actor's organization, or not_found (never another organization's). */
export async function loadPatient(
  tx: Kysely<Database>,
  organizationId: string,
  id: string,
): Promise<Patient & { mergedInto: string | null }> {
  const row = await patientRow(tx, organizationId, id);
  if (!row) throw new DomainError('not_found');
  return { ...rowToPatient(row), mergedInto: row.merged_into };
}

/**
 * Registers a patient after the duplicate check: candidates not acknowledged by the user stop
 * the creation with `possible_duplicates` and the list, so nothing is created by mistake.
 */
export async function registerPatient(
  db: Db,
  actor: Actor,
  input: PatientRegistration,
  acknowledged: string[],
) {
  const today = parisToday();
  if (input.birthPlaceCode) validateBirthPlaceCode(input.birthPlaceCode, birthPlaces());
  const warnings = checkPatientRegistration(input, today);
  return tracingCandidates(db, actor, () =>
    db.kysely.transaction().execute(async (tx) => {
      const candidates = await findDuplicates(tx, actor.organizationId, input);
      const unacknowledged = candidates.filter((c) => !acknowledged.includes(c.patient.id));
      if (unacknowledged.length > 0)
        throw new DomainError('possible_duplicates', { details: { candidates } });
      const patient = patientFromRegistration(input, '');
      const row = { id: await insertPatient(tx, actor.organizationId, patientColumns(patient)) };
      if (input.attendingPhysicianId)
        await setAttendingPhysician(tx, actor, row.id, input.attendingPhysicianId);
      // The user said "different person" for each candidate shown: recorded so they are not proposed again.
      for (const c of candidates) await recordDifferentPersonsIn(tx, actor, row.id, c.patient.id);
      await addRecordItem(tx, {
        organizationId: actor.organizationId,
        patientId: row.id,
        kind: 'registration',
        title: 'registration',
        authorId: actor.userId,
      });
      await auditFrom(actor)(tx, {
        action: 'create',
        entity: 'patient',
        entityId: row.id,
        patientId: row.id,
      });
      return { id: row.id, warnings };
    }),
  );
}

/**
 * A registration or change refused with duplicate candidates shows their identities: the read is
 * traced in a transaction of its own, the refused one having rolled back (CSP L1110-4).
 */
async function tracingCandidates<T>(db: Db, actor: Actor, change: () => Promise<T>): Promise<T> {
  try {
    return await change();
  } catch (error) {
    if (isDomainError(error) && error.code === 'possible_duplicates') {
      const { candidates } = error.details as { candidates: DuplicateView[] };
      await db.kysely.transaction().execute((tx) =>
        auditOfPatientsFrom(actor)(
          tx,
          { action: 'read', entity: 'duplicate_candidates', details: { candidates: candidates.length } },
          candidates.map((c) => c.patient.id),
        ),
      );
    }
    throw error;
  }
}

/** Reads a patient for display; the read itself is traced (CSP L1110-4, access traceability). */
export async function readPatient(db: Db, actor: Actor, id: string) {
  return db.kysely.transaction().execute(async (tx) => {
    const patient = await loadPatient(tx, actor.organizationId, id);
    await auditFrom(actor)(tx, { action: 'read', entity: 'patient', entityId: id, patientId: id });
    return patient;
  });
}

/**
 * Updates a patient. A change of a strict trait sends a validated or qualified identity back to
 * provisional (RNIV: the identity must be checked again) and is traced as an identity event; it
 * also re-runs the duplicate check.
 */
export async function updatePatient(
  db: Db,
  actor: Actor,
  id: string,
  input: PatientUpdate,
  acknowledged: string[],
) {
  return tracingCandidates(db, actor, () =>
    db.kysely.transaction().execute(async (tx) => {
      const current = await loadPatient(tx, actor.organizationId, id);
      if (current.mergedInto)
        throw new DomainError('patient_merged', { params: { survivor: current.mergedInto } });
      const { version, ...changes } = input;
      if (changes.birthPlaceCode) validateBirthPlaceCode(changes.birthPlaceCode, birthPlaces());
      const next: Patient = { ...current };
      for (const [key, value] of Object.entries(changes)) {
        if (value !== undefined) (next as unknown as Record<string, unknown>)[key] = value;
      }
      const changed = changedStrictTraits(current, next);
      if (changed.length > 0) {
        const candidates = await findDuplicates(tx, actor.organizationId, next, id);
        const unacknowledged = candidates.filter((c) => !acknowledged.includes(c.patient.id));
        if (unacknowledged.length > 0)
          throw new DomainError('possible_duplicates', { details: { candidates } });
        const result = applyIdentityAction(
          current.identity,
          { kind: 'change_strict_traits', fields: changed },
          { actorId: actor.userId, at: new Date().toISOString() },
        );
        next.identity = result.state;
        await insertIdentityEvent(tx, actor, id, result.event);
      }
      const { mergedInto: _m, ...patient } = next as Patient & { mergedInto?: string | null };
      const newVersion = await updateVersioned(
        tx,
        'patients',
        { organizationId: actor.organizationId, id, version },
        { ...patientColumns(patient), updated_at: new Date() },
      );
      if (changes.attendingPhysicianId !== undefined) {
        await setAttendingPhysician(tx, actor, id, changes.attendingPhysicianId);
      }
      await auditFrom(actor)(tx, {
        action: 'update',
        entity: 'patient',
        entityId: id,
        patientId: id,
        details: {
          fields: Object.keys(changes).filter((k) => changes[k as keyof typeof changes] !== undefined),
          strictTraitsChanged: changed,
        },
      });
      return { version: newVersion, identityStatus: next.identity.status };
    }),
  );
}

/** Applies an identity-vigilance act (document seen, INSi result, attribute), traced. */
export async function applyIdentity(db: Db, actor: Actor, id: string, action: IdentityAction) {
  return db.kysely.transaction().execute(async (tx) => {
    const current = await loadPatient(tx, actor.organizationId, id);
    if (current.mergedInto)
      throw new DomainError('patient_merged', { params: { survivor: current.mergedInto } });
    const result = applyIdentityAction(current.identity, action, {
      actorId: actor.userId,
      at: new Date().toISOString(),
    });
    const state: IdentityState = result.state;
    const validation =
      action.kind === 'check_document' && result.event.reason === 'document_checked'
        ? { date: parisToday(), documentKind: action.document.kind }
        : current.identityValidation;
    await setPatientIdentity(tx, id, {
      status: state.status,
      state: JSON.stringify(state),
      ins: state.ins?.value ?? null,
      ...patientDetailsWith(current, validation),
    });
    await insertIdentityEvent(tx, actor, id, result.event);
    await addRecordItem(tx, {
      organizationId: actor.organizationId,
      patientId: id,
      kind: 'identity',
      title: result.event.reason,
      authorId: actor.userId,
      data: { from: result.event.from, to: result.event.to },
    });
    await auditFrom(actor)(tx, {
      action: 'identity',
      entity: 'patient',
      entityId: id,
      patientId: id,
      details: { reason: result.event.reason, status: state.status },
    });
    return { identityStatus: state.status, event: result.event };
  });
}

function patientDetailsWith(current: Patient, identityValidation: Patient['identityValidation']) {
  const { details } = patientColumns({ ...current, identityValidation });
  return { details };
}

/** The history of identity statuses with their evidence; the read is traced (CSP L1110-4). */
export async function identityEvents(db: Db, actor: Actor, id: string) {
  return db.kysely.transaction().execute(async (tx) => {
    await loadPatient(tx, actor.organizationId, id);
    const events = await identityEventRows(tx, actor.organizationId, id);
    await auditFrom(actor)(tx, { action: 'read', entity: 'identity_events', entityId: id, patientId: id });
    return events;
  });
}

/**
 * The search box: the identities it shows are traced, one entry per patient found (never the
 * words typed, which are patient data too).
 */
export async function findPatients(db: Db, actor: Actor, text: string, limit: number) {
  return db.kysely.transaction().execute(async (tx) => {
    const { results } = await searchPatients(tx, actor.organizationId, text, {
      today: parisToday(),
      limit,
    });
    await auditOfPatientsFrom(actor)(
      tx,
      { action: 'search', entity: 'patient', details: { results: results.length } },
      results.map((r) => r.id),
    );
    return results;
  });
}
