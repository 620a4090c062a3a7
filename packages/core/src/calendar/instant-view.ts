import { z } from 'zod';

/**
 * A moment the server answers (a timestamptz read as a Date, or already a string): always sent
 * as ISO 8601 text. Response schemas use it for every `…At` field.
 */
export const instantView = z.codec(z.string(), z.union([z.date(), z.string()]), {
  decode: (value) => value,
  encode: (value) => (value instanceof Date ? value.toISOString() : value),
});
