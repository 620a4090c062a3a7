import {
  type BirthPlaceDirectory,
  checkBirthDate,
  checkNirAgainstTraits,
  type NirWarning,
  validateBirthPlaceCode,
} from '../identity/index.ts';
import { isMinorOn } from './age.ts';
import type { PatientRegistration } from './schemas.ts';

export type RegistrationWarning =
  | NirWarning
  | { code: 'minor_without_legal_representative'; field: 'legalRepresentative' };

/**
 * The checks of a registration that need today's date or the INSEE lists (the schema cannot know
 * them). Throws on what must be refused; returns what the user must look at before saving.
 */
export function checkPatientRegistration(
  input: PatientRegistration,
  today: string,
  directory?: BirthPlaceDirectory,
): RegistrationWarning[] {
  checkBirthDate(input.birthDate, today);
  if (input.birthPlaceCode) validateBirthPlaceCode(input.birthPlaceCode, directory);
  const warnings: RegistrationWarning[] = [];
  if (input.nir) {
    warnings.push(
      ...checkNirAgainstTraits(input.nir, {
        sex: input.sex,
        birthDate: input.birthDate,
        birthPlaceCode: input.birthPlaceCode ?? null,
      }),
    );
  }
  if (isMinorOn(input.birthDate, today) && !input.legalRepresentative) {
    warnings.push({ code: 'minor_without_legal_representative', field: 'legalRepresentative' });
  }
  return warnings;
}
