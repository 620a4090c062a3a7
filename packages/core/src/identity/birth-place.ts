import { DomainError } from '../errors/domain-error.ts';

/**
 * The INSEE lists (communes by the code in force at the birth, countries 99xxx) are loaded by the
 * server; the core only asks this question.
 */
export interface BirthPlaceDirectory {
  isCommune(code: string): boolean;
  isCountry(code: string): boolean;
}

export type BirthPlaceKind = 'commune' | 'country';

/** INSEE code of France in the country list: someone born in France carries a commune code instead. */
export const franceCountryCode = '99100';

export function normalizeBirthPlaceCode(input: string): string {
  return input.replace(/\s/g, '').toUpperCase();
}

/**
 * The kind a 5-character code can be by its shape alone: a commune (2 digits, 2A or 2B, then 3
 * digits; overseas 97x/98x + 2 digits), or a country (99 + 3 digits). Null when malformed.
 */
export function birthPlaceKind(code: string): BirthPlaceKind | null {
  if (/^99\d{3}$/.test(code)) return 'country';
  if (/^(\d{2}|2A|2B)\d{3}$/.test(code) && !code.startsWith('00')) return 'commune';
  return null;
}

/**
 * Validates a birth place code (RNIV 2021: the INSEE code of the commune of birth, or of the
 * country for people born abroad). Without a directory only the shape is checked.
 */
export function validateBirthPlaceCode(
  input: string,
  directory?: BirthPlaceDirectory,
  field = 'birthPlaceCode',
): { code: string; kind: BirthPlaceKind } {
  const code = normalizeBirthPlaceCode(input);
  const kind = birthPlaceKind(code);
  if (kind === null) throw new DomainError('birth_place_malformed', { field });
  if (code === franceCountryCode) throw new DomainError('birth_place_france_is_not_a_country', { field });
  if (directory) {
    const known = kind === 'country' ? directory.isCountry(code) : directory.isCommune(code);
    if (!known) throw new DomainError('birth_place_unknown', { field });
  }
  return { code, kind };
}

export interface Country {
  /** INSEE code 99xxx. */
  code: string;
  iso2: string;
  iso3: string;
  name: string;
  officialName: string;
  /** INSEE country code of the sovereign state for a territory, '' otherwise. */
  parentCode: string;
}

/** Splits CSV text (RFC 4180: comma separator, double-quoted fields, "" for a quote) into rows. */
export function parseCsvRows(text: string, separator = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.length > 1 || r[0] !== '');
}

/** Reads the INSEE country list (cog-countries CSV: code, iso2_code, iso3_code, ..., name, official_name, ..., parent_code). */
export function parseCountriesCsv(text: string): Country[] {
  const [header, ...rows] = parseCsvRows(text.replace(/^\uFEFF/, ''));
  if (!header) return [];
  const column = (name: string) => {
    const index = header.indexOf(name);
    if (index < 0) throw new DomainError('csv_column_missing', { params: { column: name } });
    return index;
  };
  const code = column('code');
  const iso2 = column('iso2_code');
  const iso3 = column('iso3_code');
  const name = column('name');
  const officialName = column('official_name');
  const parent = header.indexOf('parent_code');
  return rows
    .map((row) => ({
      code: row[code]?.trim() ?? '',
      iso2: row[iso2] ?? '',
      iso3: row[iso3] ?? '',
      name: row[name] ?? '',
      officialName: row[officialName] ?? '',
      parentCode: parent >= 0 ? (row[parent] ?? '') : '',
    }))
    .filter((country) => /^99\d{3}$/.test(country.code));
}

/** The set of INSEE country codes found in the country CSV text. */
export function countryCodesFromCsv(text: string): Set<string> {
  return new Set(parseCountriesCsv(text).map((country) => country.code));
}

/** A directory over in-memory code lists (the server fills them from the INSEE files). */
export function birthPlaceDirectory(lists: {
  communes: Iterable<string>;
  countries: Iterable<string>;
}): BirthPlaceDirectory {
  const communes = new Set(lists.communes);
  const countries = new Set(lists.countries);
  return { isCommune: (code) => communes.has(code), isCountry: (code) => countries.has(code) };
}
