import { parisToday } from '@pivot/core/calendar';
import type {
  DuplicateCandidateView,
  DuplicatePairView,
  PatientMergeView,
  PatientSummaryView,
} from '@pivot/core/identity';
import type {
  AccessLogEntryView,
  CoverageItemView,
  IdentityEventRowView,
  PatientFileView,
} from '@pivot/core/patients';
import type { ClassificationCategoryView, TimelineEntryView } from '@pivot/core/records';

// The server's answers, typed by core's response schemas.
/** A search result, a duplicate candidate or one side of a worklist pair. */
export type PatientSummary = PatientSummaryView;
export type DuplicateReason = DuplicateCandidateView['reasons'][number];
export type DuplicateCandidate = DuplicateCandidateView;
export type WorklistPair = DuplicatePairView;

/** GET /api/patients/:id */
export type PatientRecord = PatientFileView;

export type TimelineEntry = TimelineEntryView;

export type IdentityEventRow = IdentityEventRowView;

export type AccessLogRow = AccessLogEntryView;

export type MergeRow = PatientMergeView;

export type CoverageItem = CoverageItemView;

export type ClassificationCategory = ClassificationCategoryView;

/** Today in Paris, as the server counts ages and coverage. */
export function todayIso(): string {
  return parisToday();
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
