import { errorMessage, type Language } from '@pivot/core';
import { breakGlassInput } from '@pivot/core/records';

/** The message to show under the reason field, from the same rule the server enforces, or null. */
export function breakGlassReasonError(reason: string, language: Language): string | null {
  const parsed = breakGlassInput.safeParse({ reason });
  if (parsed.success) return null;
  return errorMessage(
    parsed.error.issues[0]?.message ?? 'break_glass_reason_required',
    language,
    {},
    'reason',
  );
}
