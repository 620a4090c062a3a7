import { describe, expect, it } from 'vitest';
import { newIdentityState } from '../identity/index.ts';
import { frCore, patientFromFhir, patientToFhir } from './fhir-patient.ts';
import type { Patient } from './patient.ts';

const qualified: Patient = {
  id: 'b3b6d1c2-1f0e-4a53-9a55-2f1f6f1d2a10',
  version: 4,
  birthName: 'DUPONT-MARTIN',
  birthGivenNames: ['MARIE', 'ANNE'],
  birthDate: '1969-01-15',
  sex: 'F',
  birthPlaceCode: '49350',
  usedName: 'MARTIN',
  usedGivenName: 'MARIE-ANNE',
  identity: {
    status: 'qualified',
    documentChecked: true,
    insVerified: true,
    ins: { value: '269014935011223', kind: 'nir' },
    doubtful: false,
    fictitious: false,
  },
  identityValidation: { date: '2025-06-01', documentKind: 'national_id_card' },
  nir: null,
  address: { line1: '3 rue de la Paix', postalCode: '49000', city: 'Angers', country: 'FR' },
  phones: [
    { kind: 'mobile', number: '+33612345678' },
    { kind: 'home', number: '+33241000000' },
  ],
  email: 'marie@example.fr',
  preferredLanguage: 'fr',
  otherLanguage: '',
  accessibilityNeeds: ['hearing'],
  contactConsent: { sms: true, email: false },
  attendingPhysicianId: '0a4c7e1e-6f55-4e0c-9d0e-7b1b1f3f9b21',
  trustedPerson: { name: 'Paul Martin', phone: '+33612345679', relation: 'époux' },
  personToNotify: { name: 'Lucie Martin', phone: '+33612345670' },
  legalRepresentative: null,
};

describe('patientToFhir', () => {
  const resource = patientToFhir(qualified);

  it('carries the INS with the NIR OID for a qualified identity, under the INS profile', () => {
    expect(resource.identifier).toEqual([
      {
        use: 'official',
        type: { coding: [{ system: frCore.identifierTypeSystem, code: 'INS-NIR' }] },
        system: 'urn:oid:1.2.250.1.213.1.4.8',
        value: '269014935011223',
      },
    ]);
    expect(resource.meta?.profile).toContain(frCore.patientInsProfile);
  });

  it('states the identity reliability with status, validation date and mode', () => {
    const reliability = resource.extension?.find((e) => e.url === frCore.identityReliability);
    expect(reliability?.extension).toEqual([
      { url: 'identityStatus', valueCoding: { system: frCore.identityStatusSystem, code: 'QUAL' } },
      { url: 'validationDate', valueDate: '2025-06-01' },
      { url: 'validationMode', valueCoding: { system: frCore.validationModeSystem, code: 'CN' } },
    ]);
  });

  it('writes the official name with the first given name and the full list, and the usual name', () => {
    expect(resource.name).toEqual([
      {
        use: 'official',
        family: 'DUPONT-MARTIN',
        given: ['MARIE'],
        extension: [{ url: frCore.birthListGivenName, valueString: 'MARIE ANNE' }],
      },
      { use: 'usual', family: 'MARTIN', given: ['MARIE-ANNE'] },
    ]);
  });

  it('writes the birth place as its INSEE code in the birthPlace extension', () => {
    const birthPlace = resource.extension?.find(
      (e) => e.url === 'http://hl7.org/fhir/StructureDefinition/patient-birthPlace',
    );
    expect(birthPlace?.valueAddress?.extension?.[0]?.valueCoding).toEqual({
      system: frCore.communeSystem,
      code: '49350',
    });
  });

  it('maps sex M, F, I to male, female, other', () => {
    expect(resource.gender).toBe('female');
    expect(patientToFhir({ ...qualified, sex: 'M' }).gender).toBe('male');
    expect(patientToFhir({ ...qualified, sex: 'I' }).gender).toBe('other');
  });

  it('leaves the INS out when the identity is not qualified', () => {
    const retrieved = patientToFhir({
      ...qualified,
      identity: { ...qualified.identity, status: 'retrieved', documentChecked: false },
    });
    expect(retrieved.identifier).toBeUndefined();
    expect(retrieved.meta?.profile).toEqual([frCore.patientProfile]);
  });

  it('carries the doubtful attribute as an identity comment', () => {
    const doubtful = patientToFhir({ ...qualified, identity: { ...newIdentityState, doubtful: true } });
    const reliability = doubtful.extension?.find((e) => e.url === frCore.identityReliability);
    expect(
      reliability?.extension?.map((e) => e.valueCoding?.code ?? e.valueCodeableConcept?.coding?.[0]?.code),
    ).toEqual(['PROV', undefined, 'CN', 'DOUT']);
  });
});

describe('FHIR round trip', () => {
  it('reads back a qualified patient unchanged', () => {
    expect(patientFromFhir(patientToFhir(qualified))).toEqual(qualified);
  });

  it('reads back a provisional minor born abroad with a legal representative', () => {
    const minor: Patient = {
      ...qualified,
      birthName: "O'BRIEN",
      birthGivenNames: ['SEAN'],
      birthDate: '2015-04-02',
      sex: 'M',
      birthPlaceCode: '99136',
      usedName: '',
      usedGivenName: '',
      identity: { ...newIdentityState, fictitious: true },
      identityValidation: null,
      address: null,
      phones: [],
      email: null,
      preferredLanguage: 'other',
      otherLanguage: 'ga',
      accessibilityNeeds: [],
      contactConsent: { sms: false, email: false },
      attendingPhysicianId: null,
      trustedPerson: null,
      personToNotify: null,
      legalRepresentative: {
        name: 'Siobhan O’Brien',
        phone: '+353861234567',
        relation: 'mother',
        email: 's@example.ie',
      },
    };
    const resource = patientToFhir(minor);
    const birthPlace = resource.extension?.find(
      (e) => e.url === 'http://hl7.org/fhir/StructureDefinition/patient-birthPlace',
    );
    expect(birthPlace?.valueAddress?.extension?.[0]?.valueCoding?.system).toBe(frCore.countrySystem);
    expect(patientFromFhir(resource)).toEqual(minor);
  });

  it('keeps the status of a retrieved identity whose INS is not exported', () => {
    const retrieved: Patient = {
      ...qualified,
      identity: { ...qualified.identity, status: 'retrieved', documentChecked: false },
      identityValidation: null,
    };
    const back = patientFromFhir(patientToFhir(retrieved));
    expect(back.identity).toMatchObject({ status: 'retrieved', ins: null });
  });
});
