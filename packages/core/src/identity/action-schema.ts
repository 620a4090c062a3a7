import { z } from 'zod';
import { text } from '../input/schemas.ts';
import { identityAttributes, identityDocumentKinds } from './identity-status.ts';
import { isValidNir } from './nir.ts';

/**
 * An identity-vigilance act as the API accepts it. Strict-trait changes are not here: they come
 * from a patient update, which sends the identity back to provisional by itself.
 */
export const identityActionInput = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('check_document'),
    document: z.object({
      kind: z.enum(identityDocumentKinds),
      guardianDocumentKind: z.enum(identityDocumentKinds).nullable().optional(),
    }),
  }),
  z.object({
    kind: z.literal('insi_result'),
    outcome: z.enum(['match', 'traits_mismatch', 'not_found', 'several_found', 'service_error']),
    ins: z
      .object({
        value: text()
          .transform((v) => v.replace(/\s/g, '').toUpperCase())
          .refine(isValidNir, { message: 'nir_key_mismatch' }),
        kind: z.enum(['nir', 'nia']),
      })
      .nullable()
      .optional(),
  }),
  z.object({ kind: z.literal('set_attribute'), attribute: z.enum(identityAttributes), value: z.boolean() }),
]);
export type IdentityActionInput = z.output<typeof identityActionInput>;
