import { describe, expect, it } from 'vitest';
import {
  complementaryInsuranceInput,
  exemptionInput,
  mandatoryInsuranceInput,
  patientRegistrationInput,
  patientUpdateInput,
} from './schemas.ts';

const minimal = { birthName: 'Lefèbvre', birthGivenNames: 'Hélène Marie', birthDate: '1975-03-14', sex: 'F' };
const codesOf = (result: {
  success: boolean;
  error?: { issues: { message: string; path: PropertyKey[] }[] };
}) => result.error?.issues.map((i) => `${i.path.join('.')}:${i.message}`) ?? [];

describe('patient registration schema', () => {
  it('normalises the strict traits', () => {
    const patient = patientRegistrationInput.parse(minimal);
    expect(patient).toMatchObject({ birthName: 'LEFEBVRE', birthGivenNames: ['HELENE', 'MARIE'], sex: 'F' });
  });

  it('refuses digits in a name with the domain code, naming the field', () => {
    const result = patientRegistrationInput.safeParse({
      ...minimal,
      birthName: 'Lef3bvre',
      usedGivenName: 'Lé@',
    });
    expect(codesOf(result)).toEqual([
      'birthName:name_invalid_characters',
      'usedGivenName:name_invalid_characters',
    ]);
  });

  it('requires the birth name and at least one given name', () => {
    const result = patientRegistrationInput.safeParse({ ...minimal, birthName: ' ', birthGivenNames: [] });
    expect(codesOf(result)).toEqual(['birthName:required', 'birthGivenNames:required']);
  });

  it('refuses a birth date that does not exist', () => {
    expect(codesOf(patientRegistrationInput.safeParse({ ...minimal, birthDate: '1975-02-30' }))).toEqual([
      'birthDate:date_invalid',
    ]);
  });

  it('refuses a sex other than M, F, I', () => {
    expect(patientRegistrationInput.safeParse({ ...minimal, sex: 'X' }).success).toBe(false);
  });

  it('normalises the birth place code and refuses a malformed one', () => {
    expect(patientRegistrationInput.parse({ ...minimal, birthPlaceCode: '2a 004' }).birthPlaceCode).toBe(
      '2A004',
    );
    expect(codesOf(patientRegistrationInput.safeParse({ ...minimal, birthPlaceCode: '750' }))).toEqual([
      'birthPlaceCode:birth_place_malformed',
    ]);
  });

  it('stores a NIR without spaces and refuses one whose key does not match', () => {
    expect(patientRegistrationInput.parse({ ...minimal, nir: '2 69 01 49 350 112 23' }).nir).toBe(
      '269014935011223',
    );
    expect(codesOf(patientRegistrationInput.safeParse({ ...minimal, nir: '2 69 01 49 350 112 24' }))).toEqual(
      ['nir:nir_key_mismatch'],
    );
  });

  it('stores phones in E.164, French by default, and refuses an invalid one', () => {
    const patient = patientRegistrationInput.parse({
      ...minimal,
      phones: [
        { kind: 'mobile', number: '06 12 34 56 78' },
        { kind: 'work', number: '+44 20 7946 0958' },
      ],
    });
    expect(patient.phones?.map((p) => p.number)).toEqual(['+33612345678', '+442079460958']);
    expect(
      codesOf(patientRegistrationInput.safeParse({ ...minimal, phones: [{ kind: 'home', number: '12' }] })),
    ).toEqual(['phones.0.number:phone_invalid']);
  });

  it('lower-cases the e-mail and refuses an invalid one', () => {
    expect(patientRegistrationInput.parse({ ...minimal, email: ' Helene@Example.FR ' }).email).toBe(
      'helene@example.fr',
    );
    expect(patientRegistrationInput.safeParse({ ...minimal, email: 'helene@' }).success).toBe(false);
  });

  it('accepts the complementary details', () => {
    const patient = patientRegistrationInput.parse({
      ...minimal,
      usedName: 'Durand',
      usedGivenName: 'Léna',
      address: { line1: '3 rue de la Paix', postalCode: '75002', city: 'Paris', country: 'fr' },
      preferredLanguage: 'other',
      otherLanguage: 'vi',
      accessibilityNeeds: ['wheelchair', 'hearing', 'wheelchair'],
      contactConsent: { sms: true, email: false },
      attendingPhysicianId: '8f14e45f-ceea-467f-a8b5-0b7d5c1b9a11',
      trustedPerson: { name: 'Paul Durand', phone: '0612345679', relation: 'époux' },
      personToNotify: { name: 'Marie Durand', phone: '0145454545' },
    });
    expect(patient.usedName).toBe('DURAND');
    expect(patient.usedGivenName).toBe('LENA');
    expect(patient.address?.country).toBe('FR');
    expect(patient.accessibilityNeeds).toEqual(['wheelchair', 'hearing']);
    expect(patient.trustedPerson?.phone).toBe('+33612345679');
  });

  it('refuses an attending physician id that is not a uuid', () => {
    expect(patientRegistrationInput.safeParse({ ...minimal, attendingPhysicianId: '12' }).success).toBe(
      false,
    );
  });

  it('accepts a legal representative with its relation', () => {
    const patient = patientRegistrationInput.parse({
      ...minimal,
      birthDate: '2015-01-01',
      legalRepresentative: { name: 'Anne Lefebvre', phone: '0612345678', relation: 'mother' },
    });
    expect(patient.legalRepresentative?.relation).toBe('mother');
  });
});

describe('patient update schema', () => {
  it('requires the version and leaves absent fields out', () => {
    expect(patientUpdateInput.parse({ version: 3, usedName: 'Durand' })).toEqual({
      version: 3,
      usedName: 'DURAND',
    });
    expect(patientUpdateInput.safeParse({ usedName: 'Durand' }).success).toBe(false);
  });

  it('lets an update clear a nullable field', () => {
    expect(patientUpdateInput.parse({ version: 1, trustedPerson: null })).toEqual({
      version: 1,
      trustedPerson: null,
    });
  });
});

describe('coverage schemas', () => {
  const amo = {
    beneficiaryNir: '1 85 05 78 006 084 91',
    beneficiaryRank: 1,
    regimeCode: '01',
    caisseCode: '751',
    validFrom: '2025-01-01',
    validTo: '2025-12-31',
  };

  it('accepts a mandatory insurance with régime, caisse and validity', () => {
    expect(mandatoryInsuranceInput.parse(amo).beneficiaryNir).toBe('185057800608491');
  });

  it('refuses malformed régime and caisse codes and a reversed period', () => {
    const result = mandatoryInsuranceInput.safeParse({
      ...amo,
      regimeCode: '1',
      caisseCode: '7510',
      validTo: '2024-01-01',
    });
    expect(codesOf(result)).toEqual([
      'regimeCode:regime_code_invalid',
      'caisseCode:caisse_code_invalid',
      'validTo:period_end_before_start',
    ]);
    expect(codesOf(mandatoryInsuranceInput.safeParse({ ...amo, validTo: '2024-01-01' }))).toEqual([
      'validTo:period_end_before_start',
    ]);
  });

  it('requires the complementary insurer by name or id', () => {
    const amc = { contractNumber: '123', thirdPartyPayment: true, validFrom: '2025-01-01' };
    expect(codesOf(complementaryInsuranceInput.safeParse(amc))).toEqual([
      'organizationName:complementary_organization_required',
    ]);
    expect(complementaryInsuranceInput.parse({ ...amc, organizationName: 'MGEN' }).thirdPartyPayment).toBe(
      true,
    );
  });

  it('requires the label of an ALD exemption', () => {
    expect(codesOf(exemptionInput.safeParse({ kind: 'ald', startDate: '2025-01-01' }))).toEqual([
      'aldLabel:ald_label_required',
    ]);
    expect(exemptionInput.parse({ kind: 'c2s', startDate: '2025-01-01', endDate: '2025-12-31' }).kind).toBe(
      'c2s',
    );
  });
});
