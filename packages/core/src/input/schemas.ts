import { z } from 'zod';

/**
 * The building blocks of every input schema: what PostgreSQL can store, checked before it is
 * asked to. A value these accept never makes the database fail (OWASP ASVS 4.0, V5.1.3: input
 * validated against its type, range and character set on a trusted layer).
 */

/** A UTF-16 half with no other half: it has no UTF-8 form. */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * PostgreSQL text and jsonb cannot hold the NUL character in any encoding ("invalid byte sequence
 * for encoding UTF8: 0x00"; jsonb: "unsupported Unicode escape sequence"), and UTF-8 has no form
 * for a lone UTF-16 surrogate.
 */
export function isStorableText(value: string): boolean {
  return !value.includes('\u0000') && !loneSurrogate.test(value);
}

/** Every text input: a string PostgreSQL can store. Chain `.trim().min().max()` as on `z.string()`. */
export function text(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).refine(isStorableText, { message: 'text_invalid_character', abort: true });
}

/**
 * The id of a row: every primary key is a PostgreSQL uuid, which accepts any 8-4-4-4-12
 * hexadecimal text, whatever its version bits (hence guid rather than RFC 9562's uuid).
 */
export const id = z.guid({ message: 'id_invalid' });

/** PostgreSQL's date starts in 4713 BC but the ISO form of year 0 (1 BC) is refused: 0001 to 9999. */
const firstDate = '0001-01-01';

/** A calendar date `YYYY-MM-DD` that exists (29 February in leap years only), years 0001 to 9999. */
export const calendarDate = z.iso
  .date({ message: 'date_invalid' })
  .refine((value) => value >= firstDate, { message: 'date_invalid' });

const firstInstant = Date.parse('0001-01-01T00:00:00Z');
const lastInstant = Date.parse('9999-12-31T23:59:59.999Z');

/** Whether an epoch time (ms) lies within the years 0001 to 9999 (UTC) that dates and instants share. */
export function isStorableInstant(epochMs: number): boolean {
  return Number.isFinite(epochMs) && epochMs >= firstInstant && epochMs <= lastInstant;
}

/** An instant: ISO 8601 date and time with its offset (`Z` or `+01:00`), years 0001 to 9999. */
export const instant = z.iso
  .datetime({ offset: true, message: 'instant_invalid' })
  .refine((value) => isStorableInstant(Date.parse(value)), { message: 'instant_invalid' });

/** Every integer column is a PostgreSQL integer (int4): -2^31 to 2^31 - 1. */
export const integer = z.int32();

/** The version a change says it read (optimistic concurrency: a stale one is a 409). */
export const version = integer.nonnegative();

/** An integer read from a query string or a path (text there), within int4 as `integer`. */
export const integerParam = z.coerce.number().int().min(-2_147_483_648).max(2_147_483_647);

/** Whether every text inside a JSON value (keys included) is storable: jsonb refuses \u0000 too. */
export function holdsStorableText(value: unknown): boolean {
  if (typeof value === 'string') return isStorableText(value);
  if (Array.isArray(value)) return value.every(holdsStorableText);
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).every(([key, inner]) => isStorableText(key) && holdsStorableText(inner));
  }
  return true;
}

/** Any JSON value kept as it is (editor attributes...), provided PostgreSQL can store its texts. */
export const storableJson = z.unknown().refine(holdsStorableText, { message: 'text_invalid_character' });
