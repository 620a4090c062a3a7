import { z } from 'zod';
import { id, text, version } from '../input/schemas.ts';
import { addressSchema, isValidFiness, isValidRpps } from '../organization/index.ts';
import { emailSchema, phoneNumberSchema } from '../patients/index.ts';

export const correspondentKinds = ['practitioner', 'body'] as const;
export type CorrespondentKind = (typeof correspondentKinds)[number];

/** Bodies the secretary writes to or sends people to (the reception uses them for orientation). */
export const bodyTypes = [
  'cpam',
  'mutuelle',
  'hospital',
  'clinic',
  'laboratory',
  'imaging',
  'pharmacy',
  'social_service',
  'other',
] as const;
export type BodyType = (typeof bodyTypes)[number];

export const correspondentPhoneKinds = ['work', 'mobile', 'secretariat', 'fax'] as const;

export const careTeamRoles = ['attending_physician', 'specialist', 'other'] as const;
export type CareTeamRole = (typeof careTeamRoles)[number];

/** An empty form field means "none": stored as null rather than refused as malformed. */
const blankToNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);
function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess(blankToNull, schema.nullable().optional()).transform((v) => v ?? null);
}
const trimmed = (max: number) => text().trim().max(max);

/** RPPS written with or without spaces; stored as its 11 digits. */
export const rppsSchema = text()
  .max(20)
  .transform((v) => v.replace(/\s/g, ''))
  .refine(isValidRpps, { message: 'invalid_rpps' });

/**
 * MSSanté addresses live in the health-care secure messaging space, whose domains are all
 * sub-domains of mssante.fr (ANS, référentiel MSSanté #1, espace de confiance).
 */
export const secureEmailSchema = emailSchema.refine((v) => /@([a-z0-9-]+\.)+mssante\.fr$/.test(v), {
  message: 'secure_email_not_mssante',
});

export const finessSchema = text().trim().toUpperCase().refine(isValidFiness, { message: 'invalid_finess' });

export const correspondentPhoneSchema = z.object({
  kind: z.enum(correspondentPhoneKinds).default('work'),
  number: phoneNumberSchema,
});

const common = {
  address: addressSchema.default({ line1: '', line2: '', postalCode: '', city: '', country: 'France' }),
  email: optional(emailSchema),
  secureEmail: optional(secureEmailSchema),
  notes: trimmed(2000).default(''),
};

export const practitionerInput = z.object({
  kind: z.literal('practitioner'),
  familyName: trimmed(100).min(1, 'required'),
  givenName: trimmed(100).default(''),
  rpps: optional(rppsSchema),
  specialty: trimmed(120).default(''),
  /** Where the practitioner works (cabinet, hospital department...). */
  workplace: trimmed(200).default(''),
  phones: z.array(correspondentPhoneSchema).max(6).default([]),
  ...common,
});

export const bodyInput = z.object({
  kind: z.literal('body'),
  bodyType: z.enum(bodyTypes),
  name: trimmed(200).min(1, 'required'),
  finess: optional(finessSchema),
  phone: optional(phoneNumberSchema),
  /** What the body handles, so the front desk knows where to send a request. */
  handles: trimmed(2000).default(''),
  /** Free text: bodies publish hours in every shape ("lun-ven 8h30-16h30, sur RDV le jeudi"). */
  openingHours: trimmed(500).default(''),
  ...common,
});

export const correspondentInput = z.discriminatedUnion('kind', [practitionerInput, bodyInput]);
export type CorrespondentInput = z.input<typeof correspondentInput>;
export type Correspondent = z.output<typeof correspondentInput>;
export type PractitionerCorrespondent = z.output<typeof practitionerInput>;
export type BodyCorrespondent = z.output<typeof bodyInput>;

const versioned = { version };
export const correspondentUpdateInput = z.discriminatedUnion('kind', [
  practitionerInput.extend(versioned),
  bodyInput.extend(versioned),
]);
export type CorrespondentUpdate = z.output<typeof correspondentUpdateInput>;

export const distributionListInput = z.object({
  name: trimmed(120).min(1, 'required'),
  description: trimmed(500).default(''),
  memberIds: z
    .array(id)
    .max(500)
    .default([])
    .transform((ids) => [...new Set(ids)]),
});
export type DistributionListInput = z.output<typeof distributionListInput>;
export const distributionListUpdateInput = distributionListInput.extend(versioned);

export const careTeamMemberInput = z.object({
  correspondentId: id,
  role: z.enum(careTeamRoles),
  note: trimmed(200).default(''),
});
export type CareTeamMemberInput = z.output<typeof careTeamMemberInput>;
