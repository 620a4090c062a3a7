import { newIdentityState } from '@pivot/core/identity';
import type { Patient } from '@pivot/core/patients';
import type { Db } from '../db/connection.ts';
import { patientColumns } from './patient-row.ts';
import { insertPatientBatch } from './repository.ts';

export type NewPatient = Omit<Patient, 'id' | 'version'>;

/** Inserts patients by batches of 500 rows (demo data, benchmarks, CSV import). */
export async function insertPatientRows(
  db: Db,
  organizationId: string,
  patients: Iterable<NewPatient>,
): Promise<number> {
  let batch: NewPatient[] = [];
  let total = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await insertPatientBatch(db.kysely, organizationId, batch.map(patientColumns));
    total += batch.length;
    batch = [];
  };
  for (const p of patients) {
    batch.push(p);
    if (batch.length === 500) await flush();
  }
  await flush();
  return total;
}

export function emptyPatient(
  traits: Pick<Patient, 'birthName' | 'birthGivenNames' | 'birthDate' | 'sex'>,
): NewPatient {
  return {
    ...traits,
    birthPlaceCode: null,
    usedName: '',
    usedGivenName: '',
    identity: newIdentityState,
    identityValidation: null,
    nir: null,
    address: null,
    phones: [],
    email: null,
    preferredLanguage: 'fr',
    otherLanguage: '',
    accessibilityNeeds: [],
    contactConsent: { sms: false, email: false },
    attendingPhysicianId: null,
    trustedPerson: null,
    personToNotify: null,
    legalRepresentative: null,
  };
}
