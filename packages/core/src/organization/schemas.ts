import { z } from 'zod';
import { text, version } from '../input/schemas.ts';
import { isValidFiness, isValidSiret } from './identifiers.ts';

const time = text().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');

export const weekdays = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;

/** Opening hours of a site: per weekday, a list of [open, close) intervals (breaks are gaps). */
export const openingHoursSchema = z
  .partialRecord(z.enum(weekdays), z.array(z.object({ open: time, close: time })).max(6))
  .refine((hours) => Object.values(hours).every((day) => (day ?? []).every((i) => i.open < i.close)), {
    message: 'open_before_close',
  });

export const addressSchema = z.object({
  line1: text().trim().max(200).default(''),
  line2: text().trim().max(200).default(''),
  postalCode: text()
    .trim()
    .regex(/^(\d{5})?$/)
    .default(''),
  city: text().trim().max(120).default(''),
  country: text().trim().max(80).default('France'),
});

export const organizationKinds = ['practice', 'clinic', 'hospital', 'health_centre'] as const;

export const organizationInput = z.object({
  version,
  name: text().trim().min(1).max(200),
  kind: z.enum(organizationKinds),
  finess: text()
    .trim()
    .toUpperCase()
    .refine((v) => v === '' || isValidFiness(v), { message: 'invalid_finess' })
    .default(''),
  siret: text()
    .trim()
    .transform((v) => v.replace(/\s/g, ''))
    .refine((v) => v === '' || isValidSiret(v), { message: 'invalid_siret' })
    .default(''),
  address: addressSchema,
  phone: text().trim().max(30).default(''),
  email: text().trim().email().max(254).or(z.literal('')).default(''),
  openingHours: openingHoursSchema,
});
export type OrganizationInput = z.infer<typeof organizationInput>;

export const siteInput = z.object({
  name: text().trim().min(1).max(200),
  kind: z.enum(['site', 'unit']).default('site'),
  finess: text()
    .trim()
    .toUpperCase()
    .refine((v) => v === '' || isValidFiness(v), { message: 'invalid_finess' })
    .default(''),
  address: addressSchema,
  openingHours: openingHoursSchema,
});
export type SiteInput = z.infer<typeof siteInput>;

// --- answers ---------------------------------------------------------------------------------

/** Address and opening hours as stored (older rows may lack a field the input now defaults). */
const storedAddress = z.record(z.string(), z.string());
const storedOpeningHours = z.record(z.string(), z.array(z.object({ open: z.string(), close: z.string() })));

export const siteView = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  finess: z.string(),
  address: storedAddress,
  openingHours: storedOpeningHours,
  active: z.boolean(),
  version: z.number(),
});
export type SiteView = z.infer<typeof siteView>;

export const roomView = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  siteId: z.string().nullable(),
  active: z.boolean(),
  version: z.number(),
});
export type RoomView = z.infer<typeof roomView>;

export const organizationView = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  finess: z.string(),
  siret: z.string(),
  address: storedAddress,
  phone: z.string(),
  email: z.string(),
  openingHours: storedOpeningHours,
  version: z.number(),
  sites: z.array(siteView),
  rooms: z.array(roomView),
});
export type OrganizationView = z.infer<typeof organizationView>;

/** What a creation or an update answers: the record's id and its new version. */
export const createdPlace = z.object({ id: z.string(), version: z.number() });
export const newVersion = z.object({ version: z.number() });
