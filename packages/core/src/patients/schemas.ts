import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { z } from 'zod';
import { DomainError } from '../errors/domain-error.ts';
import { type NameField, normalizeGivenNames, normalizeName, parseNir, sexes } from '../identity/index.ts';
import { calendarDate, id, integer, text, version } from '../input/schemas.ts';

/** Runs a core normaliser inside a schema, turning its DomainError into an issue carrying the code. */
function normalized<I, T>(normalize: (value: I) => T) {
  return (value: I, ctx: z.RefinementCtx<I>): T => {
    try {
      return normalize(value);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      ctx.issues.push({ code: 'custom', message: error.code, input: value });
      return z.NEVER;
    }
  };
}

const nameSchema = (field: NameField) =>
  text()
    .max(100)
    .transform(normalized((v: string) => normalizeName(v, field)));

export const isoDateSchema = calendarDate;

export const birthNameSchema = nameSchema('birthName').refine((v) => v !== '', { message: 'required' });
export const usedNameSchema = nameSchema('usedName');
export const usedGivenNameSchema = nameSchema('usedGivenName');

/** The ordered list of birth given names, as a list or one string separated by spaces. */
export const birthGivenNamesSchema = z
  .union([text().max(200), z.array(text().max(100)).max(10)])
  .transform(normalized((v: string | string[]) => normalizeGivenNames(v)))
  .refine((names) => names.length > 0, { message: 'required' });

export const birthPlaceCodeSchema = text()
  .transform((v) => v.replace(/\s/g, '').toUpperCase())
  .refine((v) => /^(\d{5}|2[AB]\d{3})$/.test(v), { message: 'birth_place_malformed' });

/** NIR written with or without spaces; stored compact. The key must match. */
export const nirSchema = text()
  .max(30)
  .transform(normalized((v: string) => parseNir(v).value));

/** A phone number, French by default, stored E.164. */
export const phoneNumberSchema = text()
  .max(30)
  .transform((value, ctx) => {
    const phone = parsePhoneNumberFromString(value, 'FR');
    if (!phone?.isValid()) {
      ctx.issues.push({ code: 'custom', message: 'phone_invalid', input: value });
      return z.NEVER;
    }
    return phone.number as string;
  });

export const emailSchema = text()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: 'email_invalid' }));

export const strictTraitsShape = {
  birthName: birthNameSchema,
  birthGivenNames: birthGivenNamesSchema,
  birthDate: isoDateSchema,
  sex: z.enum(sexes),
  birthPlaceCode: birthPlaceCodeSchema.nullable().optional(),
};

export const phoneKinds = ['mobile', 'home', 'work', 'other'] as const;
export const patientPhoneSchema = z.object({ kind: z.enum(phoneKinds), number: phoneNumberSchema });
export type PatientPhone = z.infer<typeof patientPhoneSchema>;

export const patientAddressSchema = z.object({
  line1: text().trim().max(200).optional(),
  line2: text().trim().max(200).optional(),
  postalCode: text().trim().max(12).optional(),
  city: text().trim().max(120).optional(),
  /** ISO 3166-1 alpha-2, France by default. */
  country: text()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, 'country_invalid')
    .optional(),
});
export type PatientAddress = z.infer<typeof patientAddressSchema>;

export const preferredLanguages = ['fr', 'en', 'other'] as const;
export const accessibilityNeeds = ['wheelchair', 'hearing', 'sight', 'interpreter'] as const;
export type AccessibilityNeed = (typeof accessibilityNeeds)[number];

export const contactPersonSchema = z.object({
  name: text().trim().min(1).max(200),
  phone: phoneNumberSchema,
  relation: text().trim().max(60).optional(),
});
export type ContactPerson = z.infer<typeof contactPersonSchema>;

export const legalRepresentativeRelations = ['mother', 'father', 'guardian', 'other'] as const;
export const legalRepresentativeSchema = z.object({
  name: text().trim().min(1).max(200),
  phone: phoneNumberSchema,
  relation: z.enum(legalRepresentativeRelations),
  email: emailSchema.optional(),
});
export type LegalRepresentative = z.infer<typeof legalRepresentativeSchema>;

/** Fields a patient record holds besides the strict traits; nullable ones can be cleared on update. */
export const patientDetailsShape = {
  usedName: usedNameSchema.optional(),
  usedGivenName: usedGivenNameSchema.optional(),
  nir: nirSchema.nullable().optional(),
  address: patientAddressSchema.nullable().optional(),
  phones: z.array(patientPhoneSchema).max(6).optional(),
  email: emailSchema.nullable().optional(),
  preferredLanguage: z.enum(preferredLanguages).optional(),
  /** The language when `preferredLanguage` is other (free text or a BCP 47 tag). */
  otherLanguage: text().trim().max(60).optional(),
  accessibilityNeeds: z
    .array(z.enum(accessibilityNeeds))
    .max(accessibilityNeeds.length)
    .transform((needs) => [...new Set(needs)])
    .optional(),
  contactConsent: z.object({ sms: z.boolean(), email: z.boolean() }).optional(),
  /** A correspondent of the directory. */
  attendingPhysicianId: id.nullable().optional(),
  trustedPerson: contactPersonSchema.nullable().optional(),
  personToNotify: contactPersonSchema.nullable().optional(),
  legalRepresentative: legalRepresentativeSchema.nullable().optional(),
};

export const patientRegistrationInput = z.object({ ...strictTraitsShape, ...patientDetailsShape });
export type PatientRegistrationInput = z.input<typeof patientRegistrationInput>;
export type PatientRegistration = z.output<typeof patientRegistrationInput>;

/** An update says which version it changes; absent fields are left as they are. */
export const patientUpdateInput = z
  .object({ ...strictTraitsShape, ...patientDetailsShape })
  .partial()
  .extend({ version });
export type PatientUpdateInput = z.input<typeof patientUpdateInput>;
export type PatientUpdate = z.output<typeof patientUpdateInput>;

// Coverage (couverture sociale)

const validity = {
  validFrom: isoDateSchema,
  validTo: isoDateSchema.nullable().optional(),
};
const periodInOrder = (p: { validFrom: string; validTo?: string | null | undefined }) =>
  !p.validTo || p.validTo >= p.validFrom;

/** Mandatory insurance (AMO): rights opened under a NIR, régime, caisse. */
export const mandatoryInsuranceInput = z
  .object({
    /** The NIR under which the rights are opened (may differ from the patient's INS). */
    beneficiaryNir: nirSchema,
    /** Rang de bénéficiaire / rang gémellaire (1 unless twins share the NIR of the insured). */
    beneficiaryRank: integer.min(1).max(9),
    regimeCode: text().regex(/^\d{2}$/, 'regime_code_invalid'),
    caisseCode: text().regex(/^\d{3}$/, 'caisse_code_invalid'),
    centreCode: text()
      .regex(/^\d{4}$/, 'centre_code_invalid')
      .optional(),
    ...validity,
  })
  .refine(periodInOrder, { message: 'period_end_before_start', path: ['validTo'] });
export type MandatoryInsurance = z.output<typeof mandatoryInsuranceInput>;

/** Complementary insurance (AMC, mutuelle). */
export const complementaryInsuranceInput = z
  .object({
    organizationId: id.optional(),
    organizationName: text().trim().max(200).optional(),
    contractNumber: text().trim().max(40).optional(),
    thirdPartyPayment: z.boolean(),
    ...validity,
  })
  .refine((c) => !!c.organizationId || !!c.organizationName, {
    message: 'complementary_organization_required',
    path: ['organizationName'],
  })
  .refine(periodInOrder, { message: 'period_end_before_start', path: ['validTo'] });
export type ComplementaryInsurance = z.output<typeof complementaryInsuranceInput>;

export const exemptionKinds = ['ald', 'maternity', 'work_accident', 'c2s', 'ame'] as const;
export type ExemptionKind = (typeof exemptionKinds)[number];

/** Exemption of the patient's share (exonération du ticket modérateur). */
export const exemptionInput = z
  .object({
    kind: z.enum(exemptionKinds),
    startDate: isoDateSchema,
    endDate: isoDateSchema.nullable().optional(),
    aldLabel: text().trim().max(200).optional(),
  })
  .refine((e) => e.kind !== 'ald' || !!e.aldLabel, { message: 'ald_label_required', path: ['aldLabel'] })
  .refine((e) => !e.endDate || e.endDate >= e.startDate, {
    message: 'period_end_before_start',
    path: ['endDate'],
  });
export type Exemption = z.output<typeof exemptionInput>;
