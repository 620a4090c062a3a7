import { createHash, randomBytes } from 'node:crypto';

export const sessionCookie = 'pivot_session';

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Only the hash is stored: a stolen database does not yield usable session cookies. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
