import { parsePhoneNumberFromString } from 'libphonenumber-js';

/** France's overseas departments and territories dialled from France with a 0 (ARCEP plan). */
const frenchNumbering = new Set(['FR', 'GP', 'MQ', 'GF', 'RE', 'YT', 'PM', 'BL', 'MF']);

/**
 * A telephone number as a French letter prints it: a French number in the national format, in
 * pairs ("01 43 00 00 00", the ARCEP numbering plan's usual writing), whether it was stored as
 * `+33143000000` or `01.43.00.00.00`; a foreign number in the international format
 * ("+44 20 7946 0958"). What is not a valid number is printed as it was typed.
 */
export function formatPhoneNumber(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined || raw.trim() === '') return null;
  const phone = parsePhoneNumberFromString(raw.trim(), 'FR');
  if (!phone?.isValid()) return raw.trim();
  return phone.country && frenchNumbering.has(phone.country)
    ? phone.formatNational()
    : phone.formatInternational();
}
