import { z } from 'zod';
import { text, version } from '../input/schemas.ts';
import { roles } from './roles.ts';

export const roleSchema = z.enum(roles);

export const loginInput = z.object({
  email: text().trim().toLowerCase().email().max(254),
  password: text().min(1).max(256),
  totp: text()
    .regex(/^\d{6}$/)
    .optional(),
});
export type LoginInput = z.infer<typeof loginInput>;

export const userInput = z.object({
  email: text().trim().toLowerCase().email().max(254),
  displayName: text().trim().min(1).max(120),
  role: roleSchema,
  password: text().min(1).max(256),
  language: z.enum(['fr', 'en']).default('fr'),
  rpps: text()
    .regex(/^\d{11}$/)
    .optional(),
  specialty: text().trim().max(120).optional(),
});
export type UserInput = z.infer<typeof userInput>;

export const userUpdateInput = z.object({
  version,
  displayName: text().trim().min(1).max(120).optional(),
  role: roleSchema.optional(),
  active: z.boolean().optional(),
  language: z.enum(['fr', 'en']).optional(),
});

export const passwordChangeInput = z.object({
  currentPassword: text().min(1).max(256),
  newPassword: text().min(1).max(256),
});

export const totpConfirmInput = z.object({ code: text().regex(/^\d{6}$/) });
