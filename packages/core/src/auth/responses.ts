import { z } from 'zod';

// What the auth and setup routes answer, declared from what their services return: the server
// serializes through these (an undeclared field is stripped), the web is typed by them.

/** An account as its administration shows it. */
export const userView = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: z.string(),
  language: z.string(),
  active: z.boolean(),
  totpEnabled: z.boolean(),
  rpps: z.string().nullable(),
  specialty: z.string().nullable(),
  version: z.number(),
});
export type UserView = z.infer<typeof userView>;

/** The signed-in user, what they may do and the areas their menu shows. */
export const meView = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: z.string(),
  language: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  totpEnabled: z.boolean(),
  permissions: z.array(z.string()),
  areas: z.array(z.string()),
});
export type MeView = z.infer<typeof meView>;

/** A change done, nothing more to say (sign-out, password, second factor). */
export const okView = z.object({ ok: z.boolean() });
export type OkView = z.input<typeof okView>;

/** My interface language, as saved. */
export const languageView = z.object({ language: z.enum(['fr', 'en']) });
export type LanguageView = z.input<typeof languageView>;

/** How many of my other sessions were closed. */
export const revokedSessionsView = z.object({ revoked: z.number() });
export type RevokedSessionsView = z.input<typeof revokedSessionsView>;

/** A second factor being enrolled: its secret, and the same as an otpauth:// address for a QR code. */
export const totpSetupView = z.object({ secret: z.string(), otpauthUrl: z.string() });
export type TotpSetupView = z.input<typeof totpSetupView>;

// --- setup -----------------------------------------------------------------------------------

/** The server's mode, and whether its first administrator still has to be created. */
export const setupStateView = z.object({ mode: z.enum(['demo', 'production']), needed: z.boolean() });
export type SetupStateView = z.input<typeof setupStateView>;

/** The organization and first administrator just created. */
export const setupResultView = z.object({ organizationId: z.string(), userId: z.string() });
export type SetupResultView = z.input<typeof setupResultView>;
