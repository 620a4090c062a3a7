import { can, type Role } from '../auth/index.ts';
import { DomainError } from '../errors/domain-error.ts';

export const confidentialityLevels = ['normal', 'restricted', 'practitioner_only'] as const;
export type ConfidentialityLevel = (typeof confidentialityLevels)[number];

export const confidentialityLevelLabels: Record<ConfidentialityLevel, { fr: string; en: string }> = {
  normal: { fr: 'Normal', en: 'Normal' },
  restricted: { fr: 'Restreint', en: 'Restricted' },
  practitioner_only: { fr: 'Réservé au praticien', en: 'Practitioner only' },
};

export interface RecordViewer {
  userId: string;
  role: Role;
  /** The viewer holds an unexpired break-glass access to the item's patient. */
  breakGlass?: boolean;
}

export interface ConfidentialItem {
  level: ConfidentialityLevel;
  authorUserId?: string | null;
  /** Users named on a restricted item (the care team's secretary, for instance). */
  allowedUserIds?: readonly string[];
}

/**
 * The levels a role reads, in the three cases the rule distinguishes. The server turns this into
 * one SQL condition, so the database and `canSeeItem` cannot disagree.
 */
export interface ReadableLevels {
  /** Read on every item of these levels. */
  always: ConfidentialityLevel[];
  /** Read when the viewer wrote the item or is named on it. */
  asAuthorOrNamed: ConfidentialityLevel[];
  /** Read during a break-glass access to the item's patient. */
  withBreakGlass: ConfidentialityLevel[];
}

/**
 * - normal: anyone who reads records;
 * - restricted: practitioners, plus the author and the users named on it;
 * - practitioner_only: practitioners only. The secretary works under the practitioner's
 *   responsibility and never sees these notes (CSP R4127-72, L1110-4).
 * An administrator administers and reads no medical content (GDPR art. 5.1.c and 32: access
 * limited to what each function needs). A break-glass access lets a
 * secretary or an administrator read the normal and restricted items of one patient for a while;
 * practitioner-only items stay with practitioners, whom the medical secret binds (CSP L1110-4).
 */
export function readableLevels(role: Role): ReadableLevels {
  if (can(role, 'records.readConfidential'))
    return { always: [...confidentialityLevels], asAuthorOrNamed: [], withBreakGlass: [] };
  const reads = can(role, 'records.read');
  return {
    always: reads ? ['normal'] : [],
    asAuthorOrNamed: reads ? ['restricted'] : [],
    withBreakGlass: can(role, 'records.breakGlass') ? ['normal', 'restricted'] : [],
  };
}

export function canSeeItem(viewer: RecordViewer, item: ConfidentialItem): boolean {
  const levels = readableLevels(viewer.role);
  if (levels.always.includes(item.level)) return true;
  if (viewer.breakGlass && levels.withBreakGlass.includes(item.level)) return true;
  const authorOrNamed =
    item.authorUserId === viewer.userId || (item.allowedUserIds ?? []).includes(viewer.userId);
  return authorOrNamed && levels.asAuthorOrNamed.includes(item.level);
}

export function filterVisible<T extends ConfidentialItem>(items: readonly T[], viewer: RecordViewer): T[] {
  return items.filter((item) => canSeeItem(viewer, item));
}

/** Levels a user may give an item: only a practitioner marks it practitioner-only. */
export function assignableLevels(role: Role): ConfidentialityLevel[] {
  if (!can(role, 'records.write')) return [];
  return can(role, 'records.readConfidential') ? [...confidentialityLevels] : ['normal', 'restricted'];
}

export function assertMaySetLevel(role: Role, level: ConfidentialityLevel): void {
  if (!assignableLevels(role).includes(level)) {
    throw new DomainError('confidentiality_level_forbidden', { field: 'level', params: { level } });
  }
}
