import type { Sex } from '../identity/index.ts';
import { type IdentityDocumentKind, type IdentityState, newIdentityState } from '../identity/index.ts';
import type {
  AccessibilityNeed,
  ContactPerson,
  LegalRepresentative,
  PatientAddress,
  PatientPhone,
  PatientRegistration,
} from './schemas.ts';

/** The patient record as the core sees it (strict traits normalised, phones E.164). */
export interface Patient {
  id: string;
  version: number;
  birthName: string;
  birthGivenNames: string[];
  birthDate: string;
  sex: Sex;
  birthPlaceCode: string | null;
  usedName: string;
  usedGivenName: string;
  identity: IdentityState;
  /** Date and document of the last identity check, carried in FR Core's reliability extension. */
  identityValidation: { date: string; documentKind: IdentityDocumentKind } | null;
  /** NIR given as the social security number (may differ from the INS: the insured person's). */
  nir: string | null;
  address: PatientAddress | null;
  phones: PatientPhone[];
  email: string | null;
  preferredLanguage: 'fr' | 'en' | 'other';
  otherLanguage: string;
  accessibilityNeeds: AccessibilityNeed[];
  contactConsent: { sms: boolean; email: boolean };
  attendingPhysicianId: string | null;
  trustedPerson: ContactPerson | null;
  personToNotify: ContactPerson | null;
  legalRepresentative: LegalRepresentative | null;
}

/**
 * A new patient from a validated registration: provisional identity (RNIV: created without
 * document nor INS until checked), every optional field given its empty value.
 */
export function patientFromRegistration(input: PatientRegistration, id: string): Patient {
  return {
    id,
    version: 0,
    birthName: input.birthName,
    birthGivenNames: input.birthGivenNames,
    birthDate: input.birthDate,
    sex: input.sex,
    birthPlaceCode: input.birthPlaceCode ?? null,
    usedName: input.usedName ?? '',
    usedGivenName: input.usedGivenName ?? '',
    identity: newIdentityState,
    identityValidation: null,
    nir: input.nir ?? null,
    address: input.address ?? null,
    phones: input.phones ?? [],
    email: input.email ?? null,
    preferredLanguage: input.preferredLanguage ?? 'fr',
    otherLanguage: input.otherLanguage ?? '',
    accessibilityNeeds: input.accessibilityNeeds ?? [],
    contactConsent: input.contactConsent ?? { sms: false, email: false },
    attendingPhysicianId: input.attendingPhysicianId ?? null,
    trustedPerson: input.trustedPerson ?? null,
    personToNotify: input.personToNotify ?? null,
    legalRepresentative: input.legalRepresentative ?? null,
  };
}
