import type { Sex } from '../identity/index.ts';
import {
  type IdentityDocumentKind,
  type IdentityStatus,
  identityDocumentCodes,
  identityStatusCodes,
  identityStatusFromCode,
  insKindOfSystem,
  insSystem,
} from '../identity/index.ts';
import type { Patient } from './patient.ts';
import { accessibilityNeeds, type PatientPhone, phoneKinds } from './schemas.ts';

// FR Core (Interop'Santé) canonical URLs, version 2.x.
export const frCore = {
  patientProfile: 'https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-patient',
  patientInsProfile: 'https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-patient-ins',
  identityReliability: 'https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-identity-reliability',
  identityStatusSystem: 'https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-identity-status',
  identityStatusCommentSystem: 'https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-identity-status-comment',
  validationModeSystem: 'https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-mode-validation-identity',
  birthListGivenName: 'https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-patient-birth-list-given-name',
  inseeCode: 'https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-address-insee-code',
  identifierTypeSystem: 'https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203',
  communeSystem: 'https://mos.esante.gouv.fr/NOS/TRE_R13-CommuneOM/FHIR/TRE-R13-CommuneOM',
  countrySystem: 'https://mos.esante.gouv.fr/NOS/TRE_R20-Pays/FHIR/TRE-R20-Pays',
  contactRoleSystem: 'https://mos.esante.gouv.fr/NOS/TRE_R260-HL7RoleClass/FHIR/TRE-R260-HL7RoleClass',
} as const;
export const birthPlaceExtension = 'http://hl7.org/fhir/StructureDefinition/patient-birthPlace';
/** Pivot's own extensions, for what FR Core has no element for (kept so the mapping round-trips). */
export const pivotExtensions = {
  accessibilityNeeds: 'https://pivot.example/fhir/StructureDefinition/accessibility-needs',
  contactConsent: 'https://pivot.example/fhir/StructureDefinition/contact-consent',
} as const;

export interface FhirCoding {
  system?: string;
  code?: string;
  display?: string;
}
export interface FhirExtension {
  url: string;
  extension?: FhirExtension[];
  valueString?: string;
  valueCode?: string;
  valueDate?: string;
  valueBoolean?: boolean;
  valueCoding?: FhirCoding;
  valueCodeableConcept?: { coding?: FhirCoding[]; text?: string };
  valueAddress?: FhirAddress;
}
export interface FhirAddress {
  extension?: FhirExtension[];
  use?: 'home' | 'work' | 'temp' | 'old' | 'billing';
  line?: string[];
  postalCode?: string;
  city?: string;
  country?: string;
}
export interface FhirHumanName {
  extension?: FhirExtension[];
  use?: 'usual' | 'official' | 'temp' | 'nickname' | 'anonymous' | 'old' | 'maiden';
  family?: string;
  given?: string[];
  text?: string;
}
export interface FhirContactPoint {
  system?: 'phone' | 'fax' | 'email' | 'pager' | 'url' | 'sms' | 'other';
  value?: string;
  use?: 'home' | 'work' | 'temp' | 'old' | 'mobile';
}
export interface FhirIdentifier {
  use?: 'usual' | 'official' | 'temp' | 'secondary' | 'old';
  type?: { coding?: FhirCoding[] };
  system?: string;
  value?: string;
}
export interface FhirPatientContact {
  relationship?: { coding?: FhirCoding[]; text?: string }[];
  name?: FhirHumanName;
  telecom?: FhirContactPoint[];
}
export interface FhirPatient {
  resourceType: 'Patient';
  id?: string;
  meta?: { profile?: string[]; versionId?: string };
  extension?: FhirExtension[];
  identifier?: FhirIdentifier[];
  name?: FhirHumanName[];
  telecom?: FhirContactPoint[];
  gender?: 'male' | 'female' | 'other' | 'unknown';
  birthDate?: string;
  address?: FhirAddress[];
  contact?: FhirPatientContact[];
  communication?: { language: { coding?: FhirCoding[]; text?: string }; preferred?: boolean }[];
  generalPractitioner?: { reference?: string }[];
}

const genderOfSex: Record<Sex, FhirPatient['gender']> = { M: 'male', F: 'female', I: 'other' };

function sexOfGender(gender: FhirPatient['gender']): Sex {
  if (gender === 'male') return 'M';
  if (gender === 'female') return 'F';
  return 'I';
}

const phoneUse: Record<PatientPhone['kind'], FhirContactPoint['use']> = {
  mobile: 'mobile',
  home: 'home',
  work: 'work',
  other: 'temp',
};

/** Contact roles (TRE-R260 HL7 RoleClass): emergency contact, guardian; trusted person as next of kin. */
const contactRoles = { personToNotify: 'ECON', legalRepresentative: 'GUARD', trustedPerson: 'NOK' } as const;
type ContactRole = keyof typeof contactRoles;

/**
 * Maps the patient to a FHIR R4 Patient profiled by FR Core. The INS is only carried when the
 * identity is qualified (référentiel INS: only a qualified INS may be shared).
 */
export function patientToFhir(patient: Patient): FhirPatient {
  const qualified = patient.identity.status === 'qualified' && patient.identity.ins !== null;
  const reliability: FhirExtension[] = [
    {
      url: 'identityStatus',
      valueCoding: {
        system: frCore.identityStatusSystem,
        code: identityStatusCodes[patient.identity.status],
      },
    },
  ];
  if (patient.identityValidation) {
    reliability.push({ url: 'validationDate', valueDate: patient.identityValidation.date });
    const code = identityDocumentCodes[patient.identityValidation.documentKind];
    reliability.push({
      url: 'validationMode',
      valueCoding: code
        ? { system: frCore.validationModeSystem, code }
        : { system: 'urn:pivot:identity-document-kind', code: patient.identityValidation.documentKind },
    });
  }
  for (const attribute of ['doubtful', 'fictitious'] as const) {
    if (patient.identity[attribute]) {
      reliability.push({
        url: 'comment',
        valueCodeableConcept: {
          coding: [
            { system: frCore.identityStatusCommentSystem, code: attribute === 'doubtful' ? 'DOUT' : 'FICT' },
          ],
        },
      });
    }
  }
  const extension: FhirExtension[] = [{ url: frCore.identityReliability, extension: reliability }];
  if (patient.birthPlaceCode) {
    const abroad = patient.birthPlaceCode.startsWith('99');
    extension.push({
      url: birthPlaceExtension,
      valueAddress: {
        extension: [
          {
            url: frCore.inseeCode,
            valueCoding: {
              system: abroad ? frCore.countrySystem : frCore.communeSystem,
              code: patient.birthPlaceCode,
            },
          },
        ],
      },
    });
  }
  if (patient.accessibilityNeeds.length > 0) {
    extension.push({
      url: pivotExtensions.accessibilityNeeds,
      extension: patient.accessibilityNeeds.map((need) => ({ url: 'need', valueCode: need })),
    });
  }
  extension.push({
    url: pivotExtensions.contactConsent,
    extension: [
      { url: 'sms', valueBoolean: patient.contactConsent.sms },
      { url: 'email', valueBoolean: patient.contactConsent.email },
    ],
  });

  const names: FhirHumanName[] = [
    {
      use: 'official',
      family: patient.birthName,
      given: patient.birthGivenNames.slice(0, 1),
      extension: [{ url: frCore.birthListGivenName, valueString: patient.birthGivenNames.join(' ') }],
    },
  ];
  if (patient.usedName || patient.usedGivenName) {
    const usual: FhirHumanName = { use: 'usual' };
    if (patient.usedName) usual.family = patient.usedName;
    if (patient.usedGivenName) usual.given = [patient.usedGivenName];
    names.push(usual);
  }

  const resource: FhirPatient = {
    resourceType: 'Patient',
    id: patient.id,
    meta: {
      versionId: String(patient.version),
      profile: qualified ? [frCore.patientProfile, frCore.patientInsProfile] : [frCore.patientProfile],
    },
    extension,
    name: names,
    gender: genderOfSex[patient.sex],
    birthDate: patient.birthDate,
  };
  if (qualified && patient.identity.ins) {
    const ins = patient.identity.ins;
    resource.identifier = [
      {
        use: 'official',
        type: {
          coding: [{ system: frCore.identifierTypeSystem, code: ins.kind === 'nir' ? 'INS-NIR' : 'INS-NIA' }],
        },
        system: insSystem(ins.kind),
        value: ins.value,
      },
    ];
  }
  const telecom: FhirContactPoint[] = patient.phones.map((p) => ({
    system: 'phone',
    value: p.number,
    use: phoneUse[p.kind],
  }));
  if (patient.email) telecom.push({ system: 'email', value: patient.email });
  if (telecom.length) resource.telecom = telecom;
  if (patient.address) {
    const a = patient.address;
    const address: FhirAddress = { use: 'home' };
    const lines = [a.line1, a.line2].filter((l): l is string => !!l);
    if (lines.length) address.line = lines;
    if (a.postalCode) address.postalCode = a.postalCode;
    if (a.city) address.city = a.city;
    if (a.country) address.country = a.country;
    resource.address = [address];
  }
  const contacts: FhirPatientContact[] = [];
  for (const role of Object.keys(contactRoles) as ContactRole[]) {
    const person = patient[role];
    if (!person) continue;
    const relationship: NonNullable<FhirPatientContact['relationship']> = [
      { coding: [{ system: frCore.contactRoleSystem, code: contactRoles[role] }] },
    ];
    if (person.relation) relationship.push({ text: person.relation });
    const telecom: FhirContactPoint[] = [{ system: 'phone', value: person.phone }];
    if ('email' in person && person.email) telecom.push({ system: 'email', value: person.email });
    contacts.push({ relationship, name: { text: person.name }, telecom });
  }
  if (contacts.length) resource.contact = contacts;
  resource.communication = [
    {
      language:
        patient.preferredLanguage === 'other'
          ? { text: patient.otherLanguage || 'other' }
          : { coding: [{ system: 'urn:ietf:bcp:47', code: patient.preferredLanguage }] },
      preferred: true,
    },
  ];
  if (patient.attendingPhysicianId) {
    resource.generalPractitioner = [{ reference: `Practitioner/${patient.attendingPhysicianId}` }];
  }
  return resource;
}

const documentKindOfCode = (code: string | undefined): IdentityDocumentKind | null => {
  const entry = Object.entries(identityDocumentCodes).find(([, value]) => value === code);
  return entry ? (entry[0] as IdentityDocumentKind) : null;
};

/** Reads back a FHIR Patient written by `patientToFhir` (or another FR Core producer). */
export function patientFromFhir(resource: FhirPatient): Patient {
  const ext = (url: string) => resource.extension?.find((e) => e.url === url);
  const reliability = ext(frCore.identityReliability)?.extension ?? [];
  const sub = (url: string) => reliability.filter((e) => e.url === url);
  const status: IdentityStatus =
    identityStatusFromCode(sub('identityStatus')[0]?.valueCoding?.code ?? '') ?? 'provisional';
  const comments = sub('comment').flatMap(
    (c) => c.valueCodeableConcept?.coding?.map((coding) => coding.code) ?? [],
  );
  const validationDate = sub('validationDate')[0]?.valueDate;
  const mode = sub('validationMode')[0]?.valueCoding;
  const documentKind =
    mode?.system === 'urn:pivot:identity-document-kind'
      ? (mode.code as IdentityDocumentKind)
      : documentKindOfCode(mode?.code);

  const insIdentifier = resource.identifier?.find((i) => i.system && insKindOfSystem(i.system));
  const ins =
    insIdentifier?.value && insIdentifier.system
      ? { value: insIdentifier.value, kind: insKindOfSystem(insIdentifier.system)! }
      : null;

  const official = resource.name?.find((n) => n.use === 'official');
  const usual = resource.name?.find((n) => n.use === 'usual');
  const list = official?.extension?.find((e) => e.url === frCore.birthListGivenName)?.valueString;
  const birthGivenNames = list ? list.split(' ').filter(Boolean) : (official?.given ?? []);

  const inseeCode = ext(birthPlaceExtension)?.valueAddress?.extension?.find((e) => e.url === frCore.inseeCode)
    ?.valueCoding?.code;

  const phones: PatientPhone[] = (resource.telecom ?? [])
    .filter((t) => t.system === 'phone' && t.value)
    .map((t) => ({
      kind: phoneKinds.find((kind) => phoneUse[kind] === t.use) ?? 'other',
      number: t.value!,
    }));
  const email = resource.telecom?.find((t) => t.system === 'email')?.value ?? null;
  const address = resource.address?.[0];

  const contactOf = (role: ContactRole) => {
    const contact = resource.contact?.find((c) =>
      c.relationship?.some((r) => r.coding?.some((coding) => coding.code === contactRoles[role])),
    );
    if (!contact) return null;
    const relation = contact.relationship?.find((r) => !r.coding && r.text)?.text;
    return {
      name:
        contact.name?.text ??
        [contact.name?.family, ...(contact.name?.given ?? [])].filter(Boolean).join(' '),
      phone: contact.telecom?.find((t) => t.system === 'phone')?.value ?? '',
      ...(relation ? { relation } : {}),
      email: contact.telecom?.find((t) => t.system === 'email')?.value,
    };
  };
  const withoutEmail = (person: ReturnType<typeof contactOf>) => {
    if (!person) return null;
    const { email: _email, ...rest } = person;
    return rest;
  };
  const legal = contactOf('legalRepresentative');
  const language = resource.communication?.find((c) => c.preferred) ?? resource.communication?.[0];
  const languageCode = language?.language.coding?.[0]?.code;
  const preferredLanguage =
    languageCode === 'fr' || languageCode === 'en' ? languageCode : language ? 'other' : 'fr';
  const consent = ext(pivotExtensions.contactConsent)?.extension ?? [];
  const practitioner = resource.generalPractitioner?.[0]?.reference?.match(/^Practitioner\/(.+)$/)?.[1];

  return {
    id: resource.id ?? '',
    version: Number(resource.meta?.versionId ?? 0),
    birthName: official?.family ?? '',
    birthGivenNames,
    birthDate: resource.birthDate ?? '',
    sex: sexOfGender(resource.gender),
    birthPlaceCode: inseeCode ?? null,
    usedName: usual?.family ?? '',
    usedGivenName: usual?.given?.[0] ?? '',
    identity: {
      status,
      documentChecked: status === 'validated' || status === 'qualified',
      insVerified: status === 'retrieved' || status === 'qualified',
      ins,
      doubtful: comments.includes('DOUT'),
      fictitious: comments.includes('FICT'),
    },
    identityValidation: validationDate && documentKind ? { date: validationDate, documentKind } : null,
    nir: null,
    address: address
      ? {
          ...(address.line?.[0] ? { line1: address.line[0] } : {}),
          ...(address.line?.[1] ? { line2: address.line[1] } : {}),
          ...(address.postalCode ? { postalCode: address.postalCode } : {}),
          ...(address.city ? { city: address.city } : {}),
          ...(address.country ? { country: address.country } : {}),
        }
      : null,
    phones,
    email,
    preferredLanguage,
    otherLanguage: preferredLanguage === 'other' ? (language?.language.text ?? '') : '',
    accessibilityNeeds: (ext(pivotExtensions.accessibilityNeeds)?.extension ?? [])
      .map((e) => e.valueCode)
      .filter((code): code is (typeof accessibilityNeeds)[number] =>
        (accessibilityNeeds as readonly string[]).includes(code ?? ''),
      ),
    contactConsent: {
      sms: consent.find((e) => e.url === 'sms')?.valueBoolean ?? false,
      email: consent.find((e) => e.url === 'email')?.valueBoolean ?? false,
    },
    attendingPhysicianId: practitioner ?? null,
    trustedPerson: withoutEmail(contactOf('trustedPerson')),
    personToNotify: withoutEmail(contactOf('personToNotify')),
    legalRepresentative: legal
      ? {
          name: legal.name,
          phone: legal.phone,
          relation: toLegalRelation(legal.relation),
          ...(legal.email ? { email: legal.email } : {}),
        }
      : null,
  };
}

function toLegalRelation(relation: string | undefined): 'mother' | 'father' | 'guardian' | 'other' {
  return relation === 'mother' || relation === 'father' || relation === 'guardian' ? relation : 'other';
}
