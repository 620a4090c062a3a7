import { z } from 'zod';
import { instantView } from '../calendar/index.ts';
import { identityAttributes, identityDocumentKinds, identityStatuses, sexes } from '../identity/index.ts';
import { timelineEntryView } from '../records/index.ts';
import { coverageFlags, coverageStates } from './coverage.ts';
import {
  accessibilityNeeds,
  exemptionKinds,
  legalRepresentativeRelations,
  phoneKinds,
  preferredLanguages,
} from './schemas.ts';

// What the patients' routes answer, declared from what their services return: the server
// serializes through these (an undeclared field is stripped), the web reads their wire types
// (z.input: what travels as JSON). Plain shapes: the input schemas normalise (transforms), an
// answer is sent as it was stored.

const insView = z.object({ value: z.string(), kind: z.enum(['nir', 'nia']) });

/** What the identity record holds about its reliability (core's IdentityState). */
export const identityStateView = z.object({
  status: z.enum(identityStatuses),
  documentChecked: z.boolean(),
  insVerified: z.boolean(),
  ins: insView.nullable(),
  doubtful: z.boolean(),
  fictitious: z.boolean(),
});

const contactPersonView = z.object({
  name: z.string(),
  phone: z.string(),
  relation: z.string().optional(),
});

/** A patient as core's `Patient` holds it, with the survivor it was merged into, if any. */
export const patientView = z.object({
  id: z.string(),
  version: z.number(),
  birthName: z.string(),
  birthGivenNames: z.array(z.string()),
  birthDate: z.string(),
  sex: z.enum(sexes),
  birthPlaceCode: z.string().nullable(),
  usedName: z.string(),
  usedGivenName: z.string(),
  identity: identityStateView,
  identityValidation: z.object({ date: z.string(), documentKind: z.enum(identityDocumentKinds) }).nullable(),
  nir: z.string().nullable(),
  address: z
    .object({
      line1: z.string().optional(),
      line2: z.string().optional(),
      postalCode: z.string().optional(),
      city: z.string().optional(),
      country: z.string().optional(),
    })
    .nullable(),
  phones: z.array(z.object({ kind: z.enum(phoneKinds), number: z.string() })),
  email: z.string().nullable(),
  preferredLanguage: z.enum(preferredLanguages),
  otherLanguage: z.string(),
  accessibilityNeeds: z.array(z.enum(accessibilityNeeds)),
  contactConsent: z.object({ sms: z.boolean(), email: z.boolean() }),
  attendingPhysicianId: z.string().nullable(),
  trustedPerson: contactPersonView.nullable(),
  personToNotify: contactPersonView.nullable(),
  legalRepresentative: z
    .object({
      name: z.string(),
      phone: z.string(),
      relation: z.enum(legalRepresentativeRelations),
      email: z.string().optional(),
    })
    .nullable(),
  mergedInto: z.string().nullable(),
});
export type PatientView = z.input<typeof patientView>;

/** The state of a patient's coverage on a date, with what the banner shows (core's CoverageStatus). */
export const coverageStatusView = z.object({
  mandatory: z.enum(coverageStates),
  complementary: z.enum(coverageStates),
  activeExemptions: z.array(z.enum(exemptionKinds)),
  thirdPartyPayment: z.boolean(),
  flags: z.array(z.enum(coverageFlags)),
});
export type CoverageStatusView = z.input<typeof coverageStatusView>;

/** GET /api/patients/:id: the patient with the coverage flags of the banner. */
export const patientFileView = patientView.extend({ coverageStatus: coverageStatusView });
export type PatientFileView = z.input<typeof patientFileView>;

/** A registration: the new patient's id and what the user should look at (NIR against the traits…). */
export const registrationResultView = z.object({
  id: z.string(),
  warnings: z.array(z.object({ code: z.string(), field: z.string() })),
});
export type RegistrationResultView = z.input<typeof registrationResultView>;

/** A change of the patient: its new version, and the identity status it left. */
export const patientUpdateResultView = z.object({
  version: z.number(),
  identityStatus: z.enum(identityStatuses),
});
export type PatientUpdateResultView = z.input<typeof patientUpdateResultView>;

/** The trace of one identity-vigilance act (core's IdentityEvent): who, when, which evidence. */
export const identityEventView = z.object({
  from: z.enum(identityStatuses),
  to: z.enum(identityStatuses),
  reason: z.string(),
  actorId: z.string(),
  at: z.string(),
  evidence: z.object({
    documentKind: z.enum(identityDocumentKinds).optional(),
    documentCode: z.string().optional(),
    guardianDocumentKind: z.enum(identityDocumentKinds).optional(),
    highTrust: z.boolean().optional(),
    insiOutcome: z.string().optional(),
    insKind: z.enum(['nir', 'nia']).optional(),
    changedFields: z.array(z.string()).optional(),
    attribute: z.enum(identityAttributes).optional(),
  }),
});
export type IdentityEventView = z.input<typeof identityEventView>;

/** An identity check recorded: the status it leaves and its trace. */
export const identityActionResultView = z.object({
  identityStatus: z.enum(identityStatuses),
  event: identityEventView,
});
export type IdentityActionResultView = z.input<typeof identityActionResultView>;

/** One line of the history of identity statuses, as stored, with the name of who acted. */
export const identityEventRowView = z.object({
  id: z.string(),
  at: instantView,
  reason: z.string(),
  status_before: z.string(),
  status_after: z.string(),
  evidence: z.record(z.string(), z.unknown()),
  actor: z.string().nullable(),
});
export type IdentityEventRowView = z.input<typeof identityEventRowView>;

/** One access to the patient's data, from the audit log: when, what, who, from where. */
export const accessLogEntryView = z.object({
  id: z.number(),
  at: instantView,
  action: z.string(),
  entity: z.string(),
  ip: z.string(),
  user: z.string().nullable(),
  role: z.string().nullable(),
});
export type AccessLogEntryView = z.input<typeof accessLogEntryView>;

/** Mandatory insurance (AMO) as stored. */
export const mandatoryInsuranceView = z.object({
  beneficiaryNir: z.string(),
  beneficiaryRank: z.number(),
  regimeCode: z.string(),
  caisseCode: z.string(),
  centreCode: z.string().optional(),
  validFrom: z.string(),
  validTo: z.string().nullable().optional(),
});

/** Complementary insurance (AMC) as stored. */
export const complementaryInsuranceView = z.object({
  organizationId: z.string().optional(),
  organizationName: z.string().optional(),
  contractNumber: z.string().optional(),
  thirdPartyPayment: z.boolean(),
  validFrom: z.string(),
  validTo: z.string().nullable().optional(),
});

/** An exemption of the patient's share as stored. */
export const exemptionView = z.object({
  kind: z.enum(exemptionKinds),
  startDate: z.string(),
  endDate: z.string().nullable().optional(),
  aldLabel: z.string().optional(),
});

/**
 * A coverage line: its id, kind and version with the fields stored for it (the mandatory or
 * complementary insurance, the exemption), sent as they were stored. An exemption's own `kind`
 * (ald, maternity…) is the one its line carries.
 */
export const coverageItemView = z.looseObject({
  id: z.string(),
  kind: z.string(),
  version: z.number(),
});
export type CoverageItemView = z.input<typeof coverageItemView>;

/** A coverage line just added. */
export const coverageAddedView = z.object({ id: z.string(), version: z.number() });
export type CoverageAddedView = z.input<typeof coverageAddedView>;

export const coverageRemovedView = z.object({ ok: z.boolean() });

/** An import's report, line by line; `created` and `committed` say whether it was written. */
export const importReportView = z.object({
  total: z.number(),
  valid: z.number(),
  errors: z.array(z.object({ line: z.number(), field: z.string(), code: z.string() })),
  duplicatesInFile: z.array(z.object({ line: z.number(), otherLine: z.number(), score: z.number() })),
  duplicatesInDatabase: z.array(
    z.object({ line: z.number(), patientId: z.string(), score: z.number(), level: z.string() }),
  ),
  created: z.number(),
  committed: z.boolean(),
});
export type ImportReportView = z.input<typeof importReportView>;

// --- FHIR R4 Patient (FR Core), as core's `patientToFhir` builds it (fhir-patient.ts) -----------

const fhirCodingView = z.object({
  system: z.string().optional(),
  code: z.string().optional(),
  display: z.string().optional(),
});
const fhirCodeableConceptView = z.object({
  coding: z.array(fhirCodingView).optional(),
  text: z.string().optional(),
});

const fhirAddressView = z.object({
  get extension() {
    return z.array(fhirExtensionView).optional();
  },
  use: z.enum(['home', 'work', 'temp', 'old', 'billing']).optional(),
  line: z.array(z.string()).optional(),
  postalCode: z.string().optional(),
  city: z.string().optional(),
  country: z.string().optional(),
});

const fhirExtensionView = z.object({
  url: z.string(),
  get extension(): z.ZodOptional<z.ZodArray<typeof fhirExtensionView>> {
    return z.array(fhirExtensionView).optional();
  },
  valueString: z.string().optional(),
  valueCode: z.string().optional(),
  valueDate: z.string().optional(),
  valueBoolean: z.boolean().optional(),
  valueCoding: fhirCodingView.optional(),
  valueCodeableConcept: fhirCodeableConceptView.optional(),
  get valueAddress(): z.ZodOptional<typeof fhirAddressView> {
    return fhirAddressView.optional();
  },
});

const fhirHumanNameView = z.object({
  extension: z.array(fhirExtensionView).optional(),
  use: z.enum(['usual', 'official', 'temp', 'nickname', 'anonymous', 'old', 'maiden']).optional(),
  family: z.string().optional(),
  given: z.array(z.string()).optional(),
  text: z.string().optional(),
});

const fhirContactPointView = z.object({
  system: z.enum(['phone', 'fax', 'email', 'pager', 'url', 'sms', 'other']).optional(),
  value: z.string().optional(),
  use: z.enum(['home', 'work', 'temp', 'old', 'mobile']).optional(),
});

export const fhirPatientView = z.object({
  resourceType: z.literal('Patient'),
  id: z.string().optional(),
  meta: z.object({ profile: z.array(z.string()).optional(), versionId: z.string().optional() }).optional(),
  extension: z.array(fhirExtensionView).optional(),
  identifier: z
    .array(
      z.object({
        use: z.enum(['usual', 'official', 'temp', 'secondary', 'old']).optional(),
        type: z.object({ coding: z.array(fhirCodingView).optional() }).optional(),
        system: z.string().optional(),
        value: z.string().optional(),
      }),
    )
    .optional(),
  name: z.array(fhirHumanNameView).optional(),
  telecom: z.array(fhirContactPointView).optional(),
  gender: z.enum(['male', 'female', 'other', 'unknown']).optional(),
  birthDate: z.string().optional(),
  address: z.array(fhirAddressView).optional(),
  contact: z
    .array(
      z.object({
        relationship: z.array(fhirCodeableConceptView).optional(),
        name: fhirHumanNameView.optional(),
        telecom: z.array(fhirContactPointView).optional(),
      }),
    )
    .optional(),
  communication: z
    .array(z.object({ language: fhirCodeableConceptView, preferred: z.boolean().optional() }))
    .optional(),
  generalPractitioner: z.array(z.object({ reference: z.string().optional() })).optional(),
});
export type FhirPatientView = z.input<typeof fhirPatientView>;

/**
 * Everything about a patient: the patient, its FHIR R4 (FR Core) Patient resource, its coverage and the record items the reader may see.
 */
export const patientExportView = z.object({
  exportedAt: z.string(),
  patient: patientView,
  fhir: fhirPatientView,
  coverage: z.object({
    mandatory: z.array(mandatoryInsuranceView).readonly(),
    complementary: z.array(complementaryInsuranceView).readonly(),
    exemptions: z.array(exemptionView).readonly(),
    items: z.array(coverageItemView),
  }),
  recordItems: z.array(timelineEntryView),
});
export type PatientExportView = z.input<typeof patientExportView>;
