import { parisToday } from '@pivot/core/calendar';
import type { IdentityState } from '@pivot/core/identity';
import type { CoverageStatus, Patient } from '@pivot/core/patients';
import { ApiError } from '../app/api.ts';
import i18n from '../app/i18n.ts';

/** A search result, a duplicate candidate or one side of a worklist pair (server `PatientSummary`). */
export interface PatientSummary {
  id: string;
  birthName: string;
  usedName: string;
  birthGivenNames: string[];
  usedGivenName: string;
  birthDate: string;
  sex: string;
  identityStatus: string;
  nir: string | null;
  mergedInto: string | null;
}

export interface DuplicateReason {
  code: string;
  points: number;
}

export interface DuplicateCandidate {
  patient: PatientSummary;
  score: number;
  level: string;
  reasons: DuplicateReason[];
}

export interface WorklistPair {
  a: PatientSummary;
  b: PatientSummary;
  score: number;
  level: string;
  reasons: DuplicateReason[];
}

/** GET /api/patients/:id */
export type PatientRecord = Patient & {
  identity: IdentityState;
  mergedInto: string | null;
  coverageStatus: CoverageStatus;
};

export interface TimelineEntry {
  id: string;
  kind: string;
  occurred_at: string;
  title: string;
  body: string | null;
  confidentiality: 'normal' | 'restricted' | 'practitioner_only';
  data: Record<string, unknown> | null;
  attachment_id: string | null;
  author: string | null;
  file_name: string | null;
  media_type: string | null;
  classification: string | null;
}

export interface IdentityEventRow {
  id: string;
  at: string;
  reason: string;
  status_before: string;
  status_after: string;
  evidence: Record<string, unknown> | string | null;
  actor: string | null;
}

export interface AccessLogRow {
  id: string | number;
  at: string;
  action: string;
  entity: string;
  ip: string | null;
  user: string | null;
  role: string | null;
}

export interface MergeRow {
  id: string;
  survivor_id: string;
  merged_id: string;
  merged_by: string | null;
  merged_at: string;
  undone_by: string | null;
  undone_at: string | null;
}

export interface CoverageItem {
  id: string;
  kind: 'mandatory' | 'complementary' | 'exemption';
  version: number;
  [key: string]: unknown;
}

export interface ClassificationCategory {
  code: string;
  labels: { fr: string; en: string };
  parentCode: string | null;
  active: boolean;
}

/** An API error that keeps the `details` of the answer (the duplicate candidates of a 409). */
export class DetailedApiError extends ApiError {
  constructor(
    status: number,
    code: string,
    message: string,
    field: string | undefined,
    readonly details: unknown,
  ) {
    super(status, code, message, field);
  }
}

async function throwFrom(response: Response): Promise<never> {
  const text = await response.text();
  let data: { error?: { code: string; message: string; field?: string; details?: unknown } } | undefined;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  const error = data?.error ?? { code: 'internal_error', message: response.statusText };
  throw new DetailedApiError(response.status, error.code, error.message, error.field, error.details);
}

/** JSON request like `api()`, but its errors keep their details. */
export async function send<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: {
      'accept-language': i18n.language,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) return throwFrom(response);
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A multipart upload (attachments): the browser sets the boundary. */
export async function upload<T>(path: string, form: FormData): Promise<T> {
  const response = await fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'accept-language': i18n.language },
    body: form,
  });
  if (!response.ok) return throwFrom(response);
  return (await response.json()) as T;
}

/** Today in Paris, as the server counts ages and coverage. */
export function todayIso(): string {
  return parisToday();
}

/** ISO date → dd/mm/yyyy. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = iso.slice(0, 10);
  return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
}

export function formatDateTime(value: string | null | undefined, language: string): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return date.toLocaleString(language === 'en' ? 'en-GB' : 'fr-FR', {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: 'Europe/Paris',
  });
}

/** Typed dd/mm/yyyy, d/m/yyyy or ddmmyyyy (or already ISO) → ISO; null when not a date. */
export function parseTypedDate(text: string): string | null {
  const value = text.trim();
  let match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match) return isRealDate(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{4})$/.exec(value);
  if (match) return isRealDate(Number(match[3]), Number(match[2]), Number(match[1]));
  match = /^(\d{2})(\d{2})(\d{4})$/.exec(value);
  if (match) return isRealDate(Number(match[3]), Number(match[2]), Number(match[1]));
  return null;
}

function isRealDate(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Used name or given name in normal case for display next to the strict traits. */
export function titleCase(text: string): string {
  return text
    .toLowerCase()
    .replace(/(^|[\s'-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
}

export const identityStatusColors: Record<string, string> = {
  provisional: 'gray',
  retrieved: 'blue',
  validated: 'teal',
  qualified: 'green',
};
export const identityStatusVariants: Record<string, 'light' | 'filled'> = {
  provisional: 'light',
  retrieved: 'light',
  validated: 'light',
  qualified: 'filled',
};
