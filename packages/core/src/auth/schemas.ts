import { z } from 'zod';
import { text, version } from '../input/schemas.ts';
import { isValidRpps } from '../organization/index.ts';
import { practitionerRppsProblem } from './practitioner-account.ts';
import { roles } from './roles.ts';

export const roleSchema = z.enum(roles);

/** RPPS written with or without spaces; kept as its 11 digits. */
const rppsSchema = text()
  .max(20)
  .transform((v) => v.replace(/\s/g, ''))
  .refine(isValidRpps, { message: 'invalid_rpps' });

export const loginInput = z.object({
  email: text().trim().toLowerCase().email().max(254),
  password: text().min(1).max(256),
  totp: text()
    .regex(/^\d{6}$/)
    .optional(),
});
export type LoginInput = z.infer<typeof loginInput>;

export const userInput = z
  .object({
    email: text().trim().toLowerCase().email().max(254),
    displayName: text().trim().min(1).max(120),
    role: roleSchema,
    password: text().min(1).max(256),
    language: z.enum(['fr', 'en']).default('fr'),
    rpps: rppsSchema.optional(),
    specialty: text().trim().max(120).optional(),
  })
  .superRefine((user, context) => {
    const problem = practitionerRppsProblem(user.role, user.rpps);
    if (problem) context.addIssue({ code: 'custom', path: ['rpps'], message: problem });
  });
export type UserInput = z.infer<typeof userInput>;

export const userUpdateInput = z.object({
  version,
  displayName: text().trim().min(1).max(120).optional(),
  role: roleSchema.optional(),
  active: z.boolean().optional(),
  language: z.enum(['fr', 'en']).optional(),
  /** Required, with its Luhn key, to make the account a practitioner's. */
  rpps: rppsSchema.optional(),
});
export type UserUpdateInput = z.infer<typeof userUpdateInput>;

export const passwordChangeInput = z.object({
  currentPassword: text().min(1).max(256),
  newPassword: text().min(1).max(256),
});

export const totpConfirmInput = z.object({ code: text().regex(/^\d{6}$/) });
