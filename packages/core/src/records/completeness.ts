/** An item an appointment type needs in the record before the visit. */
export interface RequiredRecordItem {
  classificationCode: string;
  labels: { fr: string; en: string };
  /** Oldest acceptable age of the item at the visit date, in days; null for any age. */
  maxAgeDays: number | null;
}

export interface RecordAttachmentRef {
  id: string;
  classificationCode: string;
  /** Date of the exam or document (ISO date), not of its upload. */
  documentDate: string;
  deleted?: boolean;
}

export interface MissingRecordItem {
  requirement: RequiredRecordItem;
  reason: 'absent' | 'too_old';
  /** Date of the most recent matching item, when one exists but is too old. */
  latestDate: string | null;
  /** The oldest date an item may have to be accepted. */
  acceptedFrom: string | null;
}

const DAY_MS = 86_400_000;
/** ISO dates as UTC midnights: plain integer arithmetic, no calendar library in the desk's hot loop. */
const utcDay = (date: string) =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));

function daysBetween(from: string, to: string): number {
  return Math.round((utcDay(to) - utcDay(from)) / DAY_MS);
}

function minusDays(date: string, days: number): string {
  return new Date(utcDay(date) - days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * What the record lacks before the visit (e.g. blood test results less than 30 days old before
 * an anaesthesia consultation). Items dated after the visit are ignored.
 */
export function missingBeforeVisit(
  requirements: readonly RequiredRecordItem[],
  attachments: readonly RecordAttachmentRef[],
  visitDate: string,
): MissingRecordItem[] {
  const missing: MissingRecordItem[] = [];
  for (const requirement of requirements) {
    const dates = attachments
      .filter(
        (a) =>
          !a.deleted &&
          a.classificationCode === requirement.classificationCode &&
          a.documentDate <= visitDate,
      )
      .map((a) => a.documentDate)
      .sort();
    const latest = dates[dates.length - 1] ?? null;
    const acceptedFrom =
      requirement.maxAgeDays === null ? null : minusDays(visitDate, requirement.maxAgeDays);
    if (latest === null) missing.push({ requirement, reason: 'absent', latestDate: null, acceptedFrom });
    else if (requirement.maxAgeDays !== null && daysBetween(latest, visitDate) > requirement.maxAgeDays) {
      missing.push({ requirement, reason: 'too_old', latestDate: latest, acceptedFrom });
    }
  }
  return missing;
}
