import type { Db } from '../db/connection.ts';

/** What every API request needs to know of its session and user. */
export interface SessionRow {
  session_id: string;
  expires_at: Date;
  last_seen_at: Date;
  revoked_at: Date | null;
  user_id: string;
  organization_id: string;
  role: string;
  language: string;
  display_name: string;
  active: boolean;
}

/**
 * The session lookups of the last few seconds, by token hash. Every API request needs its
 * session, and on this 2-core machine the database round trip for it cost a fifth of a booking's
 * time (docs/benchmarks.md). Any update or delete of `sessions` or `users` made through this
 * process (logout, revocation, deactivation, role or language change, restore) empties it at once
 * (db/write-watch.ts); the time limit bounds what another process or a manual SQL change could
 * leave stale. Expiry and idle time are still checked at each request from the cached dates.
 */
export class SessionCache {
  readonly #entries = new Map<string, { row: SessionRow; until: number }>();

  constructor(
    db: Db,
    private readonly seconds: number,
    private readonly maxEntries = 10_000,
  ) {
    // Touching last_seen_at is the cache's own business (see `touched`), not a change of the session.
    db.writes.watch(['sessions', 'users'], () => this.clear(), ['last_seen_at']);
  }

  get(tokenHash: string, now: number): SessionRow | undefined {
    const entry = this.#entries.get(tokenHash);
    if (!entry) return undefined;
    if (entry.until > now) return entry.row;
    this.#entries.delete(tokenHash);
    return undefined;
  }

  set(tokenHash: string, row: SessionRow, now: number): void {
    if (this.seconds <= 0) return;
    if (this.#entries.size >= this.maxEntries) this.#entries.clear();
    this.#entries.set(tokenHash, { row, until: now + this.seconds * 1000 });
  }

  /** The session was touched in the database: its cached copy follows. */
  touched(tokenHash: string, at: Date): void {
    const entry = this.#entries.get(tokenHash);
    if (entry) entry.row = { ...entry.row, last_seen_at: at };
  }

  clear(): void {
    this.#entries.clear();
  }
}
