import type { z } from 'zod';
import { DomainError } from '../errors/domain-error.ts';
import {
  checkNirAgainstTraits,
  type DuplicateReason,
  duplicateThresholds,
  type IdentityForMatching,
  scoreDuplicate,
} from '../identity/index.ts';
import { checkPatientRegistration } from './registration.ts';
import {
  type PatientRegistration,
  type PatientRegistrationInput,
  patientRegistrationInput,
} from './schemas.ts';

/** Target fields an imported column can feed. */
export const importFields = [
  'birthName',
  'birthGivenNames',
  'usedName',
  'usedGivenName',
  'birthDate',
  'sex',
  'birthPlaceCode',
  'nir',
  'mobilePhone',
  'homePhone',
  'email',
  'addressLine1',
  'addressLine2',
  'postalCode',
  'city',
  'country',
] as const;
export type ImportField = (typeof importFields)[number];

/** Which column of the source file feeds each target field. */
export type ColumnMapping = Partial<Record<ImportField, string>>;

export interface ImportError {
  line: number;
  field: string;
  code: string;
}

export type ImportLine =
  | { line: number; ok: true; input: PatientRegistration }
  | { line: number; ok: false; errors: ImportError[] };

export interface ImportDuplicate {
  line: number;
  otherLine: number;
  score: number;
  reasons: DuplicateReason[];
}

export interface ImportResult {
  lines: ImportLine[];
  /** Pairs of lines of the file that look like the same person (RNIV: checked before creation). */
  duplicates: ImportDuplicate[];
}

const sexWords: Record<string, 'M' | 'F' | 'I'> = {
  M: 'M',
  H: 'M',
  HOMME: 'M',
  MASCULIN: 'M',
  MALE: 'M',
  '1': 'M',
  F: 'F',
  FEMME: 'F',
  FEMININ: 'F',
  FÉMININ: 'F',
  FEMALE: 'F',
  '2': 'F',
  I: 'I',
  INDETERMINE: 'I',
  INDÉTERMINÉ: 'I',
};

/** Dates as other software exports them: dd/mm/yyyy, dd-mm-yyyy, dd.mm.yyyy or ISO. */
export function importDate(value: string): string {
  const text = value.trim();
  const french = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (french) return `${french[3]}-${french[2]!.padStart(2, '0')}-${french[1]!.padStart(2, '0')}`;
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  return iso ? `${iso[1]}-${iso[2]}-${iso[3]}` : text;
}

const addressFields: Record<string, ImportField> = {
  line1: 'addressLine1',
  line2: 'addressLine2',
  postalCode: 'postalCode',
  city: 'city',
  country: 'country',
};

/** Names the import field an issue is about, as the mapping screen shows it. */
function fieldOfPath(path: readonly PropertyKey[], input: PatientRegistrationInput): string {
  const [first, second] = path.map(String);
  if (first === 'phones')
    return input.phones?.[Number(second)]?.kind === 'home' ? 'homePhone' : 'mobilePhone';
  if (first === 'address') return addressFields[second ?? ''] ?? 'address';
  return first ?? '';
}

function issueCode(issue: z.core.$ZodIssue, input: PatientRegistrationInput): string {
  let value: unknown = input;
  for (const key of issue.path) value = (value as Record<PropertyKey, unknown> | undefined)?.[key];
  if (value === undefined) return 'required';
  if (issue.code === 'custom' && issue.message) return issue.message;
  if (/^[a-z_]+$/.test(issue.message)) return issue.message;
  return issue.code === 'invalid_value' ? 'value_invalid' : 'validation_failed';
}

/** Builds the registration input of one source row from the mapping. */
export function rowToRegistrationInput(row: Record<string, string | undefined>, mapping: ColumnMapping) {
  const get = (field: ImportField) => {
    const column = mapping[field];
    const value = column === undefined ? undefined : row[column]?.trim();
    return value === '' ? undefined : value;
  };
  const phones: { kind: 'mobile' | 'home'; number: string }[] = [];
  const mobile = get('mobilePhone');
  const home = get('homePhone');
  if (mobile) phones.push({ kind: 'mobile', number: mobile });
  if (home) phones.push({ kind: 'home', number: home });
  const sex = get('sex');
  const addressParts = {
    line1: get('addressLine1'),
    line2: get('addressLine2'),
    postalCode: get('postalCode'),
    city: get('city'),
    country: get('country'),
  };
  const hasAddress = Object.values(addressParts).some((v) => v !== undefined);
  const birthDate = get('birthDate');
  const input: Record<string, unknown> = {
    birthName: get('birthName'),
    birthGivenNames: get('birthGivenNames'),
    usedName: get('usedName'),
    usedGivenName: get('usedGivenName'),
    birthDate: birthDate === undefined ? undefined : importDate(birthDate),
    sex: sex === undefined ? undefined : (sexWords[sex.toUpperCase()] ?? sex),
    birthPlaceCode: get('birthPlaceCode'),
    nir: get('nir'),
    email: get('email'),
    phones: phones.length ? phones : undefined,
    address: hasAddress
      ? Object.fromEntries(Object.entries(addressParts).filter(([, v]) => v !== undefined))
      : undefined,
  };
  return Object.fromEntries(
    Object.entries(input).filter(([, v]) => v !== undefined),
  ) as PatientRegistrationInput;
}

/**
 * Reads rows of another software's patient export (already split into records by column name):
 * each line becomes a valid registration input or the list of its errors, and lines that look
 * like the same person are paired. `firstLine` is the file line of the first row (2 after a header).
 */
export function importPatientRows(
  rows: readonly Record<string, string | undefined>[],
  mapping: ColumnMapping,
  options: { today: string; firstLine?: number; duplicateMinScore?: number },
): ImportResult {
  const firstLine = options.firstLine ?? 2;
  const lines: ImportLine[] = rows.map((row, index) => {
    const line = firstLine + index;
    const input = rowToRegistrationInput(row, mapping);
    const parsed = patientRegistrationInput.safeParse(input);
    if (!parsed.success) {
      const errors = parsed.error.issues.map((issue) => ({
        line,
        field: fieldOfPath(issue.path, input),
        code: issueCode(issue, input),
      }));
      return { line, ok: false, errors: dedupe(errors) };
    }
    try {
      checkPatientRegistration(parsed.data, options.today);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return { line, ok: false, errors: [{ line, field: error.field ?? '', code: error.code }] };
    }
    return { line, ok: true, input: parsed.data };
  });

  return {
    lines,
    duplicates: duplicatesWithinFile(lines, options.duplicateMinScore ?? duplicateThresholds.probable),
  };
}

/**
 * Pairs lines of one file that look like the same person. Lines are compared within the same
 * birth date (the primary criterion, RNIV) or the same NIR, so a large file stays fast.
 */
function duplicatesWithinFile(lines: readonly ImportLine[], minScore: number): ImportDuplicate[] {
  const valid = lines.filter((l): l is Extract<ImportLine, { ok: true }> => l.ok);
  const blocks = new Map<string, typeof valid>();
  for (const line of valid) {
    const view = matchingView(line.input);
    for (const key of [`date:${view.birthDate}`, view.ins ? `ins:${view.ins}` : '']) {
      if (!key) continue;
      blocks.set(key, [...(blocks.get(key) ?? []), line]);
    }
  }
  const seen = new Set<string>();
  const duplicates: ImportDuplicate[] = [];
  for (const block of blocks.values()) {
    for (let i = 0; i < block.length; i++) {
      for (let j = i + 1; j < block.length; j++) {
        const a = block[i]!;
        const b = block[j]!;
        const pair = `${a.line}-${b.line}`;
        if (seen.has(pair)) continue;
        seen.add(pair);
        const result = scoreDuplicate(matchingView(a.input), matchingView(b.input));
        if (result.level === 'certain' || result.score >= minScore) {
          duplicates.push({ line: b.line, otherLine: a.line, score: result.score, reasons: result.reasons });
        }
      }
    }
  }
  return duplicates.sort((x, y) => x.line - y.line || x.otherLine - y.otherLine);
}

function matchingView(input: PatientRegistration): IdentityForMatching {
  return {
    birthName: input.birthName,
    usedName: input.usedName ?? null,
    birthGivenNames: input.birthGivenNames,
    usedGivenName: input.usedGivenName ?? null,
    birthDate: input.birthDate,
    sex: input.sex,
    birthPlaceCode: input.birthPlaceCode ?? null,
    // The NIR of an export may be the insured person's (a child under a parent's number): it
    // counts as the person's own only when it agrees with the traits.
    ins: input.nir && checkNirAgainstTraits(input.nir, traitsOf(input)).length === 0 ? input.nir : null,
  };
}

function traitsOf(input: PatientRegistration) {
  return { sex: input.sex, birthDate: input.birthDate, birthPlaceCode: input.birthPlaceCode ?? null };
}

function dedupe(errors: ImportError[]): ImportError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.field}|${e.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
