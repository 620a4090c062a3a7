import type { IdentityForMatching } from '@pivot/core/identity';
import type { PatientIdentityRow } from '../patients/index.ts';

/** A patient as lists show it: search results, duplicate candidates, the duplicate worklist. */
export interface PatientSummary {
  id: string;
  birthName: string;
  usedName: string;
  birthGivenNames: string[];
  usedGivenName: string;
  birthDate: string;
  sex: string;
  identityStatus: string;
  nir: string | null;
  mergedInto: string | null;
}

export function toSummary(r: Omit<PatientIdentityRow, 'birth_place_code' | 'ins'>): PatientSummary {
  return {
    id: r.id,
    birthName: r.birth_name,
    usedName: r.used_name,
    birthGivenNames: r.birth_given_names,
    usedGivenName: r.used_given_name,
    birthDate: r.birth_date,
    sex: r.sex,
    identityStatus: r.identity_status,
    nir: r.nir,
    mergedInto: r.merged_into,
  };
}

/** The traits the duplicate scoring compares; a NIR given at the desk counts as an identifier, like the INS. */
export function identityForMatching(
  r: Omit<PatientIdentityRow, 'identity_status' | 'merged_into'>,
): IdentityForMatching & { id: string } {
  return {
    id: r.id,
    birthName: r.birth_name,
    usedName: r.used_name,
    birthGivenNames: r.birth_given_names,
    usedGivenName: r.used_given_name,
    birthDate: r.birth_date,
    sex: r.sex as IdentityForMatching['sex'],
    birthPlaceCode: r.birth_place_code,
    ins: r.ins ?? r.nir,
  };
}
