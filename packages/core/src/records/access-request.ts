import { DateTime } from 'luxon';
import { DomainError } from '../errors/domain-error.ts';

export const requesterKinds = [
  'patient',
  'parental_authority_holder',
  'guardian',
  'mandate_holder',
  'practitioner_intermediary',
  'heir',
  'spouse',
  'cohabitant',
  'pacs_partner',
] as const;
export type RequesterKind = (typeof requesterKinds)[number];

export const requesterKindLabels: Record<RequesterKind, { fr: string; en: string }> = {
  patient: { fr: 'Le patient', en: 'The patient' },
  parental_authority_holder: { fr: 'Titulaire de l’autorité parentale', en: 'Holder of parental authority' },
  guardian: { fr: 'Tuteur', en: 'Guardian' },
  mandate_holder: {
    fr: 'Personne chargée d’un mandat de représentation',
    en: 'Holder of a representation mandate',
  },
  practitioner_intermediary: {
    fr: 'Médecin désigné comme intermédiaire',
    en: 'Practitioner named as intermediary',
  },
  heir: { fr: 'Ayant droit', en: 'Heir' },
  spouse: { fr: 'Conjoint', en: 'Spouse' },
  cohabitant: { fr: 'Concubin', en: 'Cohabitant' },
  pacs_partner: { fr: 'Partenaire de PACS', en: 'PACS partner' },
};

const afterDeathKinds: readonly RequesterKind[] = ['heir', 'spouse', 'cohabitant', 'pacs_partner'];

/** CSP L1110-4 V: the only purposes for which relatives obtain a deceased patient's information. */
export const postMortemPurposes = ['cause_of_death', 'defend_memory', 'assert_rights'] as const;
export type PostMortemPurpose = (typeof postMortemPurposes)[number];

export interface AccessRequester {
  kind: RequesterKind;
  /** The requester's identity was checked against an identity document. */
  identityChecked: boolean;
  /** The proof of entitlement (family record book, judgment, mandate, death certificate...) was seen. */
  entitlementProven: boolean;
  purpose?: PostMortemPurpose | null;
  /** For a practitioner intermediary: named by the patient. */
  designatedByPatient?: boolean;
}

export interface AccessPatient {
  birthDate: string;
  deathDate: string | null;
  /** Objection, expressed while alive, to access by relatives after death. */
  objectedToPostMortemAccess: boolean;
  /** A minor asked that access go through a practitioner (CSP L1111-7 al. 5). */
  minorAskedForIntermediary?: boolean;
}

export const accessRefusals = [
  'identity_not_checked',
  'entitlement_not_proven',
  'patient_deceased',
  'minor_through_parental_authority',
  'patient_not_minor',
  'not_designated_by_patient',
  'patient_alive',
  'purpose_required',
  'patient_objected',
] as const;
export type AccessRefusal = (typeof accessRefusals)[number];

export interface AccessEntitlement {
  entitled: boolean;
  refusals: AccessRefusal[];
  /** `purpose_limited`: only what serves the stated purpose is communicated (L1110-4 V). */
  scope: 'full' | 'purpose_limited';
  /** The record is communicated through a practitioner. */
  throughPractitioner: boolean;
  /** Items a minor kept secret from the parents (L1111-5) are left out. */
  excludesMinorOpposition: boolean;
}

function isMinorOn(birthDate: string, date: string): boolean {
  const birth = DateTime.fromISO(birthDate, { zone: 'utc' });
  const at = DateTime.fromISO(date, { zone: 'utc' });
  if (!birth.isValid || !at.isValid) throw new DomainError('access_date_invalid', { field: 'birthDate' });
  return at < birth.plus({ years: 18 });
}

/**
 * Who may obtain the record (CSP L1111-7, R1111-1 to R1111-8, L1110-4 V). `requestDate` is the
 * ISO date the request was received.
 */
export function checkAccessEntitlement(
  requester: AccessRequester,
  patient: AccessPatient,
  requestDate: string,
): AccessEntitlement {
  const refusals: AccessRefusal[] = [];
  const deceased = patient.deathDate !== null && patient.deathDate <= requestDate;
  const minor = isMinorOn(patient.birthDate, deceased ? patient.deathDate! : requestDate);
  let scope: AccessEntitlement['scope'] = 'full';
  let throughPractitioner = false;
  let excludesMinorOpposition = false;

  if (!requester.identityChecked) refusals.push('identity_not_checked');
  if (requester.kind !== 'patient' && !requester.entitlementProven) refusals.push('entitlement_not_proven');

  switch (requester.kind) {
    case 'patient':
      if (deceased) refusals.push('patient_deceased');
      // L1111-7 al. 5: a minor's right of access is exercised by the holders of parental authority.
      else if (minor) refusals.push('minor_through_parental_authority');
      break;
    case 'parental_authority_holder':
      // L1110-4 V: after a minor's death the parents keep access to the whole record.
      if (!minor) refusals.push('patient_not_minor');
      throughPractitioner = !deceased && patient.minorAskedForIntermediary === true;
      excludesMinorOpposition = true;
      break;
    case 'guardian':
    case 'mandate_holder':
      if (deceased) refusals.push('patient_deceased');
      break;
    case 'practitioner_intermediary':
      if (deceased) refusals.push('patient_deceased');
      if (requester.designatedByPatient !== true) refusals.push('not_designated_by_patient');
      throughPractitioner = true;
      break;
    default:
      if (!afterDeathKinds.includes(requester.kind)) break;
      scope = 'purpose_limited';
      if (!deceased) refusals.push('patient_alive');
      else {
        if (!requester.purpose || !(postMortemPurposes as readonly string[]).includes(requester.purpose)) {
          refusals.push('purpose_required');
        }
        if (patient.objectedToPostMortemAccess) refusals.push('patient_objected');
      }
  }
  return { entitled: refusals.length === 0, refusals, scope, throughPractitioner, excludesMinorOpposition };
}

export function assertAccessEntitled(entitlement: AccessEntitlement): void {
  if (!entitlement.entitled) {
    throw new DomainError('access_not_entitled', { params: { reasons: entitlement.refusals.join(', ') } });
  }
}

export interface AccessDeadlines {
  /** Not before: the 48-hour reflection period. */
  earliestAt: string;
  /** At the latest (ISO date). */
  latestDate: string;
  /** The two-month deadline applies. */
  longDeadline: boolean;
}

/**
 * CSP L1111-7 al. 2: communication at the earliest after 48 hours, at the latest 8 days after the
 * request; 2 months when the information is more than 5 years old or the departmental
 * psychiatric care commission is seized. `oldestInformationDate`: when the oldest requested
 * information was recorded.
 */
export function accessDeadlines(input: {
  receivedAt: string;
  oldestInformationDate: string | null;
  psychiatricCommissionSeized?: boolean;
}): AccessDeadlines {
  const received = DateTime.fromISO(input.receivedAt, { setZone: true }).setZone('Europe/Paris');
  if (!received.isValid) throw new DomainError('access_date_invalid', { field: 'receivedAt' });
  const receivedDay = received.startOf('day');
  const oldInformation =
    input.oldestInformationDate !== null &&
    DateTime.fromISO(input.oldestInformationDate, { zone: 'Europe/Paris' }) < receivedDay.minus({ years: 5 });
  const longDeadline = oldInformation || input.psychiatricCommissionSeized === true;
  return {
    earliestAt: received.plus({ hours: 48 }).toISO()!,
    latestDate: receivedDay.plus(longDeadline ? { months: 2 } : { days: 8 }).toISODate()!,
    longDeadline,
  };
}

export type AccessWindow = 'too_early' | 'open' | 'overdue';

export function accessWindowAt(deadlines: AccessDeadlines, at: string): AccessWindow {
  const now = DateTime.fromISO(at, { setZone: true });
  if (now < DateTime.fromISO(deadlines.earliestAt, { setZone: true })) return 'too_early';
  return now.setZone('Europe/Paris').toISODate()! > deadlines.latestDate ? 'overdue' : 'open';
}

export interface AccessRecordItem {
  id: string;
  /** Information obtained from third parties outside the care, or about such a third party. */
  thirdPartyInformation: boolean;
  /** A practitioner's personal notes (R4127-45): not part of the communicable record. */
  personalNote: boolean;
  /** A minor asked that this stay secret from the parents (L1111-5). */
  minorOpposition?: boolean;
}

export const accessExclusions = ['third_party_information', 'personal_note', 'minor_opposition'] as const;
export type AccessExclusion = (typeof accessExclusions)[number];

/**
 * What is communicated: everything formalised that contributed to care, not third-party
 * information nor personal notes (L1111-7 al. 1). With a purpose-limited scope the selection is
 * reviewed by a practitioner for the purpose stated.
 */
export function selectCommunicableItems<T extends AccessRecordItem>(
  items: readonly T[],
  entitlement: AccessEntitlement,
): { included: T[]; excluded: { id: string; reason: AccessExclusion }[]; reviewForPurpose: boolean } {
  const included: T[] = [];
  const excluded: { id: string; reason: AccessExclusion }[] = [];
  for (const item of items) {
    if (item.thirdPartyInformation) excluded.push({ id: item.id, reason: 'third_party_information' });
    else if (item.personalNote) excluded.push({ id: item.id, reason: 'personal_note' });
    else if (entitlement.excludesMinorOpposition && item.minorOpposition === true) {
      excluded.push({ id: item.id, reason: 'minor_opposition' });
    } else included.push(item);
  }
  return { included, excluded, reviewForPurpose: entitlement.scope === 'purpose_limited' };
}
