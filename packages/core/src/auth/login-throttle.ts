/**
 * When a login attempt is refused before its password is even checked.
 *
 * A lock of the whole account after a few failures lets any stranger lock anyone out, the
 * administrator included (OWASP Authentication Cheat Sheet, "Account Lockout": "care must be taken
 * to prevent it from being used to cause a denial of service"). So failures are counted per
 * account *and* source (OWASP, "Slow Down Online Guessing Attacks with Device Cookies": a lockout
 * of the account/IP pair): five failures from one source lock that source out of the account for
 * 15 minutes (CNIL, délibération 2022-100 on passwords: temporary lock after a few failures), and
 * the owner elsewhere still signs in. Against a guessing spread over many sources (a botnet, a
 * proxy pool), a second brake counts the account's failures from every source: past its
 * threshold, only sources the account signed in from before may still try.
 */
export const loginThrottle = {
  failuresPerSource: 5,
  failuresPerAccount: 10,
  windowMinutes: 15,
  lockMinutes: 15,
  /** How long a source from which the account signed in counts as known. */
  knownSourceDays: 30,
} as const;

export interface LoginAttempt {
  /** Epoch milliseconds. */
  at: number;
  source: string;
  succeeded: boolean;
}

export type LoginVerdict = { allowed: true } | { allowed: false; until: number };

const minute = 60_000;

/** How far back `loginVerdict` needs the account's attempts. */
export const loginHistoryMinutes = loginThrottle.windowMinutes + loginThrottle.lockMinutes;

/**
 * `attempts`: the account's attempts of the last `loginHistoryMinutes`, any order.
 * `knownSource`: the account signed in from this source in the last `knownSourceDays`.
 */
export function loginVerdict(
  attempts: readonly LoginAttempt[],
  source: string,
  now: number,
  knownSource: boolean,
): LoginVerdict {
  const sorted = [...attempts].sort((a, b) => a.at - b.at);
  const own = sorted.filter((a) => a.source === source);
  const lastSuccess = own.findLast((a) => a.succeeded)?.at ?? Number.NEGATIVE_INFINITY;
  const failures = own.filter((a) => !a.succeeded && a.at > lastSuccess).map((a) => a.at);
  const refusals: number[] = [];
  const n = loginThrottle.failuresPerSource;
  if (failures.length >= n) {
    const first = failures[failures.length - n]!;
    const last = failures[failures.length - 1]!;
    if (last - first <= loginThrottle.windowMinutes * minute)
      refusals.push(last + loginThrottle.lockMinutes * minute);
  }
  if (!knownSource) {
    const recent = sorted
      .filter((a) => !a.succeeded && a.at > now - loginThrottle.windowMinutes * minute)
      .map((a) => a.at);
    const m = loginThrottle.failuresPerAccount;
    // Refused until the failures of the window fall below the threshold again.
    if (recent.length >= m) refusals.push(recent[recent.length - m]! + loginThrottle.windowMinutes * minute);
  }
  const until = Math.max(...refusals, Number.NEGATIVE_INFINITY);
  return until > now ? { allowed: false, until } : { allowed: true };
}
