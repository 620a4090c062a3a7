import { describe, expect, it } from 'vitest';
import { breakGlassExpiry, isBreakGlassActive } from './break-glass.ts';
import { breakGlassInput } from './schemas.ts';

describe('break-glass access', () => {
  it('lasts four hours from the moment the glass is broken', () => {
    const start = new Date('2026-03-29T00:30:00Z');
    expect(breakGlassExpiry(start).toISOString()).toBe('2026-03-29T04:30:00.000Z');
  });

  it('is active until its expiry, not after', () => {
    const access = { expiresAt: '2026-03-29T04:30:00.000Z' };
    expect(isBreakGlassActive(access, new Date('2026-03-29T04:29:59Z'))).toBe(true);
    expect(isBreakGlassActive(access, new Date('2026-03-29T04:30:00Z'))).toBe(false);
  });

  it('requires a reason of at least ten characters, spaces not counted at the ends', () => {
    const issue = (reason: unknown) => breakGlassInput.safeParse({ reason }).error?.issues[0]?.message;
    expect(issue('   urgence   ')).toBe('break_glass_reason_required');
    expect(issue('')).toBe('break_glass_reason_required');
    expect(issue('x'.repeat(501))).toBe('break_glass_reason_too_long');
    expect(breakGlassInput.parse({ reason: '  Patient inconscient aux urgences  ' }).reason).toBe(
      'Patient inconscient aux urgences',
    );
  });
});
