import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error.ts';
import { birthPlaceDirectory } from '../identity/index.ts';
import { checkPatientRegistration } from './registration.ts';
import { patientRegistrationInput } from './schemas.ts';

const today = '2025-06-15';
const register = (input: Record<string, unknown>) =>
  patientRegistrationInput.parse({ birthName: 'Martin', birthGivenNames: 'Paul', sex: 'M', ...input });

describe('checkPatientRegistration', () => {
  it('refuses a birth date in the future', () => {
    expect(() => checkPatientRegistration(register({ birthDate: '2025-06-16' }), today)).toThrow(DomainError);
  });

  it('refuses a birth place missing from the INSEE lists', () => {
    const directory = birthPlaceDirectory({ communes: ['78006'], countries: [] });
    expect(() =>
      checkPatientRegistration(
        register({ birthDate: '1985-05-12', birthPlaceCode: '78007' }),
        today,
        directory,
      ),
    ).toThrow('birth_place_unknown');
  });

  it('returns the NIR mismatches as warnings, never silently', () => {
    const warnings = checkPatientRegistration(
      register({ birthDate: '1986-05-12', nir: '1 85 05 78 006 084 91', birthPlaceCode: '78006' }),
      today,
    );
    expect(warnings).toEqual([{ code: 'nir_year_mismatch', field: 'birthDate' }]);
  });

  it('warns when a minor has no legal representative', () => {
    expect(checkPatientRegistration(register({ birthDate: '2015-01-01' }), today)).toEqual([
      { code: 'minor_without_legal_representative', field: 'legalRepresentative' },
    ]);
    expect(
      checkPatientRegistration(
        register({
          birthDate: '2015-01-01',
          legalRepresentative: { name: 'Anne Martin', phone: '0612345678', relation: 'mother' },
        }),
        today,
      ),
    ).toEqual([]);
  });
});
