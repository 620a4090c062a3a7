import { z } from 'zod';
import { instantView } from '../calendar/index.ts';
import { careTeamRoles } from './schemas.ts';

// Answers of the server (see identity/responses.ts): the web reads their wire types.

const addressView = z.object({
  line1: z.string(),
  line2: z.string(),
  postalCode: z.string(),
  city: z.string(),
  country: z.string(),
});
export type AddressView = z.input<typeof addressView>;

const commonView = {
  id: z.string(),
  displayName: z.string(),
  active: z.boolean(),
  version: z.number(),
  address: addressView,
  email: z.string().nullable(),
  secureEmail: z.string().nullable(),
  notes: z.string(),
};

export const practitionerView = z.object({
  ...commonView,
  kind: z.literal('practitioner'),
  familyName: z.string(),
  givenName: z.string(),
  rpps: z.string().nullable(),
  specialty: z.string(),
  workplace: z.string(),
  phones: z.array(z.object({ kind: z.string(), number: z.string() })),
});
export type PractitionerView = z.input<typeof practitionerView>;

export const bodyView = z.object({
  ...commonView,
  kind: z.literal('body'),
  bodyType: z.string().nullable(),
  name: z.string(),
  finess: z.string().nullable(),
  phone: z.string().nullable(),
  handles: z.string(),
  openingHours: z.string(),
});
export type BodyView = z.input<typeof bodyView>;

export const correspondentView = z.discriminatedUnion('kind', [practitionerView, bodyView]);
export type CorrespondentView = z.input<typeof correspondentView>;

export const distributionListSummaryView = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  version: z.number(),
  memberCount: z.number(),
});
export type DistributionListSummaryView = z.input<typeof distributionListSummaryView>;

export const distributionListView = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  version: z.number(),
  members: z.array(correspondentView),
});
export type DistributionListView = z.input<typeof distributionListView>;

export const careTeamMemberView = z.object({
  id: z.string(),
  role: z.enum(careTeamRoles),
  note: z.string(),
  addedAt: instantView,
  correspondent: correspondentView,
});
export type CareTeamMemberView = z.input<typeof careTeamMemberView>;
