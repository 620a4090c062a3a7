import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { loadSecretKey } from './secret-key.ts';

const key = randomBytes(32);
const folder = () => mkdtempSync(join(tmpdir(), 'pivot-key-'));

describe('secret key', () => {
  it('reads PIVOT_SECRET_KEY written in base64 or in hexadecimal', () => {
    const dataDir = folder();
    for (const text of [key.toString('base64'), key.toString('hex'), key.toString('base64url')]) {
      const config = { ...loadConfig({ PIVOT_SECRET_KEY: text }), dataDir };
      expect(loadSecretKey(config).equals(key)).toBe(true);
    }
  });

  it('refuses a key that is not 32 bytes, naming the variable and how to generate one', () => {
    const config = loadConfig({ PIVOT_SECRET_KEY: randomBytes(16).toString('base64') });
    expect(() => loadSecretKey(config)).toThrow(
      /PIVOT_SECRET_KEY must hold a 32-byte key.*randomBytes\(32\)/,
    );
    expect(() => loadSecretKey(loadConfig({ PIVOT_SECRET_KEY: 'not a key!' }))).toThrow(/PIVOT_SECRET_KEY/);
  });

  it('reads the key file of PIVOT_SECRET_KEY_FILE, and says so when it is missing', () => {
    const file = join(folder(), 'pivot.key');
    expect(() => loadSecretKey(loadConfig({ PIVOT_SECRET_KEY_FILE: file }))).toThrow(/does not exist/);
    writeFileSync(file, `${key.toString('base64')}\n`);
    expect(
      loadSecretKey(loadConfig({ PIVOT_SECRET_KEY_FILE: file, PIVOT_MODE: 'production' })).equals(key),
    ).toBe(true);
  });

  it('creates <dataDir>/secret.key readable by its owner only at the first start in demo mode, then reuses it', () => {
    const dataDir = join(folder(), 'data');
    const config = { ...loadConfig({}), dataDir };
    const first = loadSecretKey(config);
    const file = join(dataDir, 'secret.key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64').equals(first)).toBe(true);
    expect(loadSecretKey(config).equals(first)).toBe(true);
  });

  it('refuses to start in production mode without PIVOT_SECRET_KEY or PIVOT_SECRET_KEY_FILE', () => {
    const dataDir = folder();
    const config = { ...loadConfig({ PIVOT_MODE: 'production' }), dataDir };
    expect(() => loadSecretKey(config)).toThrow(
      /production mode needs .*PIVOT_SECRET_KEY.*PIVOT_SECRET_KEY_FILE/,
    );
  });
});
