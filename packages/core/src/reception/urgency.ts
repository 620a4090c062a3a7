/** Degrees of urgency shared by calls, phone messages and triage, least urgent first. */
export const urgencyLevels = ['routine', 'soon', 'urgent', 'vital'] as const;
export type UrgencyLevel = (typeof urgencyLevels)[number];

export function urgencyRank(level: UrgencyLevel): number {
  return urgencyLevels.indexOf(level);
}

export function mostUrgent(levels: readonly UrgencyLevel[]): UrgencyLevel {
  return levels.reduce<UrgencyLevel>(
    (worst, level) => (urgencyRank(level) > urgencyRank(worst) ? level : worst),
    'routine',
  );
}
