import { type IdentityState, newIdentityState, searchKeysFor } from '@pivot/core/identity';
import type { Patient } from '@pivot/core/patients';
import type { Selectable } from 'kysely';
import type { PatientsTable } from './tables.ts';

export type PatientRow = Selectable<PatientsTable>;

type Details = Omit<
  Patient,
  | 'id'
  | 'version'
  | 'birthName'
  | 'birthGivenNames'
  | 'birthDate'
  | 'sex'
  | 'birthPlaceCode'
  | 'usedName'
  | 'usedGivenName'
  | 'identity'
  | 'nir'
  | 'attendingPhysicianId'
>;

/** The columns stored for a patient, including what search as you type reads. */
export function patientColumns(patient: Omit<Patient, 'id' | 'version'>) {
  const keys = searchKeysFor(patient);
  const details: Details = {
    identityValidation: patient.identityValidation,
    address: patient.address,
    phones: patient.phones,
    email: patient.email,
    preferredLanguage: patient.preferredLanguage,
    otherLanguage: patient.otherLanguage,
    accessibilityNeeds: patient.accessibilityNeeds,
    contactConsent: patient.contactConsent,
    trustedPerson: patient.trustedPerson,
    personToNotify: patient.personToNotify,
    legalRepresentative: patient.legalRepresentative,
  };
  return {
    birth_name: patient.birthName,
    birth_given_names: patient.birthGivenNames,
    first_given_name: patient.birthGivenNames[0] ?? '',
    birth_date: patient.birthDate,
    sex: patient.sex,
    birth_place_code: patient.birthPlaceCode,
    used_name: patient.usedName,
    used_given_name: patient.usedGivenName,
    nir: patient.nir,
    identity_status: patient.identity.status,
    identity: JSON.stringify(patient.identity),
    ins: patient.identity.ins?.value ?? null,
    details: JSON.stringify(details),
    attending_physician_id: patient.attendingPhysicianId,
    phones: patient.phones.map((p) => p.number),
    // A leading space lets `LIKE '% TOKEN%'` find the beginning of any token.
    search_text: ` ${keys.tokens.join(' ')}`,
    phonetic_keys: keys.phoneticKeys,
  };
}

export function rowToPatient(row: PatientRow): Patient {
  const details = row.details as Partial<Details>;
  const identity = { ...newIdentityState, ...(row.identity as Partial<IdentityState>) };
  return {
    id: row.id,
    version: row.version,
    birthName: row.birth_name,
    birthGivenNames: row.birth_given_names,
    birthDate: row.birth_date,
    sex: row.sex as Patient['sex'],
    birthPlaceCode: row.birth_place_code,
    usedName: row.used_name,
    usedGivenName: row.used_given_name,
    identity,
    identityValidation: details.identityValidation ?? null,
    nir: row.nir,
    address: details.address ?? null,
    phones: details.phones ?? [],
    email: details.email ?? null,
    preferredLanguage: details.preferredLanguage ?? 'fr',
    otherLanguage: details.otherLanguage ?? '',
    accessibilityNeeds: details.accessibilityNeeds ?? [],
    contactConsent: details.contactConsent ?? { sms: false, email: false },
    attendingPhysicianId: row.attending_physician_id,
    trustedPerson: details.trustedPerson ?? null,
    personToNotify: details.personToNotify ?? null,
    legalRepresentative: details.legalRepresentative ?? null,
  };
}
