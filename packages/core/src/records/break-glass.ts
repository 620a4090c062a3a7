/**
 * Break-glass access (« bris de glace »): in an emergency a user who may not read a patient's
 * record opens it for a limited time, giving a reason. The access is traced and shown afterwards to
 * the patient's practitioners, who judge whether it was justified: the hospitals' usual procedure
 * for an access outside one's habilitations, which the medical secret otherwise forbids (CSP L1110-4).
 */
export const breakGlassHours = 4;
export const breakGlassReasonMinLength = 10;
export const breakGlassReasonMaxLength = 500;

export function breakGlassExpiry(startedAt: Date): Date {
  return new Date(startedAt.getTime() + breakGlassHours * 3_600_000);
}

export function isBreakGlassActive(access: { expiresAt: Date | string }, now: Date): boolean {
  return new Date(access.expiresAt).getTime() > now.getTime();
}
