import { resolve } from 'node:path';

export type Mode = 'demo' | 'production';

export interface Config {
  port: number;
  host: string;
  mode: Mode;
  /** PostgreSQL connection string; when absent, the embedded PGlite database is used. */
  databaseUrl: string | undefined;
  /** Folder of the embedded database and of stored files. */
  dataDir: string;
  /** The embedded database's buffer cache (PIVOT_PGLITE_SHARED_BUFFERS, e.g. `32MB`, `256MB`). */
  pgliteSharedBuffers: string | undefined;
  /** How long the spell-checker's word lists stay loaded after the last check (documents/spell-checker.ts). */
  spellCheckerIdleSeconds: number;
  /**
   * Key of the secrets stored encrypted in the database (TOTP): PIVOT_SECRET_KEY (32 bytes, base64
   * or hex), else the file PIVOT_SECRET_KEY_FILE, else `<dataDir>/secret.key` in demo mode
   * (ops/secret-key.ts). Never logged.
   */
  secretKey: string | undefined;
  secretKeyFile: string | undefined;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  /** How long a session lookup is kept in memory (auth/session-cache.ts); 0 disables the cache. */
  sessionCacheSeconds: number;
  cookieSecure: boolean;
  loginRateLimitPerMinute: number;
  logLevel: string;
  webDist: string | undefined;
  /** SMTP relay for e-mails leaving the outbox; none: e-mails wait in the outbox. */
  smtp: { host: string; port: number; from: string } | undefined;
  /** How often the outbox worker looks for messages to send; 0 disables it (tests drive it). */
  outboxIntervalMs: number;
  // HTTP edge (docs/operations.md, "Behind a reverse proxy" and "Logs").
  /**
   * Which peers may tell the client's address in X-Forwarded-For (Fastify's `trustProxy`): none by
   * default, else the proxy addresses or subnets, or the number of proxy hops.
   */
  trustProxy: false | number | string[];
  /** Error messages and stacks in the logs: they can quote patient data, never in production. */
  logErrorDetail: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const mode: Mode = env.PIVOT_MODE === 'production' ? 'production' : 'demo';
  return {
    port: Number(env.PORT ?? 3000),
    // Both loopbacks (Fastify listens on every address of `localhost`), so that http://localhost
    // reaches it whether `localhost` resolves to 127.0.0.1 or ::1; HOST=0.0.0.0 opens it wider.
    host: env.HOST || 'localhost',
    mode,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.PIVOT_DATA_DIR ?? './data'),
    pgliteSharedBuffers: parseMemorySize(env.PIVOT_PGLITE_SHARED_BUFFERS),
    spellCheckerIdleSeconds: Number(env.PIVOT_SPELL_CHECKER_IDLE_SECONDS ?? 600),
    secretKey: env.PIVOT_SECRET_KEY || undefined,
    secretKeyFile: env.PIVOT_SECRET_KEY_FILE ? resolve(env.PIVOT_SECRET_KEY_FILE) : undefined,
    sessionIdleMinutes: Number(env.PIVOT_SESSION_IDLE_MINUTES ?? 120),
    sessionMaxHours: Number(env.PIVOT_SESSION_MAX_HOURS ?? 12),
    sessionCacheSeconds: Number(env.PIVOT_SESSION_CACHE_SECONDS ?? 10),
    cookieSecure: env.PIVOT_COOKIE_SECURE ? env.PIVOT_COOKIE_SECURE === 'true' : mode === 'production',
    loginRateLimitPerMinute: Number(env.PIVOT_LOGIN_RATE_LIMIT ?? 30),
    logLevel: env.LOG_LEVEL ?? 'info',
    webDist: env.PIVOT_WEB_DIST,
    smtp: env.PIVOT_SMTP_HOST
      ? {
          host: env.PIVOT_SMTP_HOST,
          port: Number(env.PIVOT_SMTP_PORT ?? 25),
          from: env.PIVOT_SMTP_FROM ?? 'pivot@localhost',
        }
      : undefined,
    outboxIntervalMs: Number(env.PIVOT_OUTBOX_INTERVAL_MS ?? 5000),
    trustProxy: parseTrustProxy(env.PIVOT_TRUST_PROXY),
    logErrorDetail: env.PIVOT_LOG_ERROR_DETAIL === 'true',
  };
}

/** `PIVOT_TRUST_PROXY`: unset, a hop count (`1`), or addresses and subnets (`127.0.0.1,10.0.0.0/8`). */
export function parseTrustProxy(value: string | undefined): false | number | string[] {
  const text = value?.trim() ?? '';
  if (text === '' || text === 'false') return false;
  // Trusting every peer would let any client choose the address the login limits and the audit
  // log see (OWASP, "Forwarded header" spoofing): the proxies are named.
  if (text === 'true')
    throw new Error('PIVOT_TRUST_PROXY: name the proxy addresses or the hop count, not true');
  if (/^\d+$/.test(text)) return Number(text);
  return text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}

/** A memory size as PostgreSQL reads it (`64MB`, `1GB`); anything else stops the start with its name. */
export function parseMemorySize(value: string | undefined): string | undefined {
  const text = value?.trim() ?? '';
  if (text === '') return undefined;
  if (!/^[1-9]\d{0,5}(kB|MB|GB)$/.test(text))
    throw new Error(`PIVOT_PGLITE_SHARED_BUFFERS must be a size such as 32MB or 1GB, not "${text}"`);
  return text;
}
