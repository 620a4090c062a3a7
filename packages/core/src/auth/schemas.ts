import { z } from 'zod';
import { roles } from './roles.ts';

export const roleSchema = z.enum(roles);

export const loginInput = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(256),
  totp: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
});
export type LoginInput = z.infer<typeof loginInput>;

export const userInput = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  displayName: z.string().trim().min(1).max(120),
  role: roleSchema,
  password: z.string().min(1).max(256),
  language: z.enum(['fr', 'en']).default('fr'),
  rpps: z
    .string()
    .regex(/^\d{11}$/)
    .optional(),
  specialty: z.string().trim().max(120).optional(),
});
export type UserInput = z.infer<typeof userInput>;

export const userUpdateInput = z.object({
  version: z.number().int().nonnegative(),
  displayName: z.string().trim().min(1).max(120).optional(),
  role: roleSchema.optional(),
  active: z.boolean().optional(),
  language: z.enum(['fr', 'en']).optional(),
});

export const passwordChangeInput = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});

export const totpConfirmInput = z.object({ code: z.string().regex(/^\d{6}$/) });
