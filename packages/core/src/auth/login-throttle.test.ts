import { describe, expect, it } from 'vitest';
import { type LoginAttempt, loginThrottle, loginVerdict } from './login-throttle.ts';

const now = Date.parse('2026-03-02T10:00:00Z');
const minutes = (n: number) => n * 60_000;
const failures = (source: string, count: number, from = now - minutes(5)): LoginAttempt[] =>
  Array.from({ length: count }, (_, i) => ({ at: from + i * 1000, source, succeeded: false }));

describe('loginVerdict', () => {
  it('lets a source try again after four failures', () => {
    expect(loginVerdict(failures('203.0.113.9', 4), '203.0.113.9', now, false)).toEqual({ allowed: true });
  });

  it('locks a source out of the account for 15 minutes after five failures', () => {
    const attempts = failures('203.0.113.9', 5);
    const verdict = loginVerdict(attempts, '203.0.113.9', now, false);
    expect(verdict).toEqual({ allowed: false, until: attempts[4]!.at + minutes(loginThrottle.lockMinutes) });
    expect(loginVerdict(attempts, '203.0.113.9', attempts[4]!.at + minutes(15) + 1, false)).toEqual({
      allowed: true,
    });
  });

  it('does not lock the owner at another source out because a stranger failed five times', () => {
    expect(loginVerdict(failures('203.0.113.9', 5), '198.51.100.7', now, false)).toEqual({ allowed: true });
  });

  it('does not count failures spread over more than the observation window', () => {
    const spread = [0, 4, 8, 12, 16].map((m) => ({
      at: now - minutes(30) + minutes(m),
      source: 's',
      succeeded: false,
    }));
    expect(loginVerdict(spread, 's', now, false)).toEqual({ allowed: true });
  });

  it('forgets the failures of a source once it signed in', () => {
    const attempts = [
      ...failures('s', 4),
      { at: now - minutes(1), source: 's', succeeded: true },
      ...failures('s', 1, now),
    ];
    expect(loginVerdict(attempts, 's', now, false)).toEqual({ allowed: true });
  });

  it('refuses unknown sources when failures come from many sources', () => {
    const spread = Array.from({ length: 10 }, (_, i) => failures(`192.0.2.${i}`, 1)).flat();
    const verdict = loginVerdict(spread, '198.51.100.7', now, false);
    expect(verdict.allowed).toBe(false);
  });

  it('still lets a source the account signed in from before try during a spread attack', () => {
    const spread = Array.from({ length: 10 }, (_, i) => failures(`192.0.2.${i}`, 1)).flat();
    expect(loginVerdict(spread, '198.51.100.7', now, true)).toEqual({ allowed: true });
  });
});
