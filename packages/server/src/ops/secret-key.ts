import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { secretKeyBytes } from '../auth/index.ts';
import type { Config } from '../config.ts';
import { ensurePrivateDirectory, privateFileMode } from '../files/private-files.ts';

export const generateKeyHint =
  "generate one with `node -e \"console.log(require('node:crypto').randomBytes(32).toString('base64'))\"`";

/** A key written as 64 hexadecimal digits or as base64 (standard or URL-safe) of 32 bytes. */
export function parseSecretKey(text: string, source: string): Buffer {
  const value = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(value)
    ? Buffer.from(value, 'hex')
    : /^[A-Za-z0-9+/_-]+={0,2}$/.test(value)
      ? Buffer.from(value, 'base64')
      : Buffer.alloc(0);
  if (key.length !== secretKeyBytes) {
    throw new Error(
      `${source} must hold a ${secretKeyBytes}-byte key in base64 or hexadecimal; ${generateKeyHint}`,
    );
  }
  return key;
}

/**
 * The key of the secrets stored encrypted in the database (auth/secret-box.ts): PIVOT_SECRET_KEY,
 * else the file PIVOT_SECRET_KEY_FILE. In demo mode, without either, `<dataDir>/secret.key` is
 * created (0600) at first start. Production mode requires one of them so the operator chooses where
 * the key lives and keeps a copy apart from the backups.
 */
export function loadSecretKey(config: Config): Buffer {
  if (config.secretKey) return parseSecretKey(config.secretKey, 'PIVOT_SECRET_KEY');
  if (config.secretKeyFile) {
    if (!existsSync(config.secretKeyFile)) {
      throw new Error(`PIVOT_SECRET_KEY_FILE: ${config.secretKeyFile} does not exist; ${generateKeyHint}`);
    }
    return parseSecretKey(
      readFileSync(config.secretKeyFile, 'utf8'),
      `PIVOT_SECRET_KEY_FILE (${config.secretKeyFile})`,
    );
  }
  if (config.mode === 'production') {
    throw new Error(
      `production mode needs the key that encrypts TOTP secrets: set PIVOT_SECRET_KEY (32 bytes, base64 or hex) or PIVOT_SECRET_KEY_FILE; ${generateKeyHint}`,
    );
  }
  const file = join(config.dataDir, 'secret.key');
  if (existsSync(file)) return parseSecretKey(readFileSync(file, 'utf8'), file);
  ensurePrivateDirectory(config.dataDir);
  const key = randomBytes(secretKeyBytes);
  // 'wx': two processes starting at once must not each write a different key.
  try {
    writeFileSync(file, `${key.toString('base64')}\n`, { mode: privateFileMode, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      return parseSecretKey(readFileSync(file, 'utf8'), file);
    throw error;
  }
  return key;
}
