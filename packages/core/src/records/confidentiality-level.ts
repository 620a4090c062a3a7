import { can, type Role } from '../auth/roles.ts';
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
}

export interface ConfidentialItem {
  level: ConfidentialityLevel;
  authorUserId?: string | null;
  /** Users named on a restricted item (the care team's secretary, for instance). */
  allowedUserIds?: readonly string[];
}

/**
 * - normal: anyone who reads records;
 * - restricted: practitioners, plus the author and the users named on the item;
 * - practitioner_only: practitioners only. The secretary works under the practitioner's
 *   responsibility and never sees these notes (CSP R4127-72, L1110-4).
 */
export function canSeeItem(viewer: RecordViewer, item: ConfidentialItem): boolean {
  if (!can(viewer.role, 'records.read')) return false;
  const practitioner = can(viewer.role, 'records.readConfidential');
  switch (item.level) {
    case 'normal':
      return true;
    case 'restricted':
      return (
        practitioner ||
        item.authorUserId === viewer.userId ||
        (item.allowedUserIds ?? []).includes(viewer.userId)
      );
    case 'practitioner_only':
      return practitioner;
  }
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
