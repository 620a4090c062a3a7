import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isSealed, secretBox } from './secret-box.ts';

const box = secretBox(randomBytes(32));
const secret = 'JBSWY3DPEHPK3PXP';

describe('secret box', () => {
  it('seals a secret in a versioned envelope that does not contain it, and opens it back', () => {
    const envelope = box.seal(secret, 'totp:u1');
    expect(envelope).toMatch(/^v1:[0-9a-f]{16}:[\w-]+:[\w-]+:[\w-]+$/);
    expect(envelope).not.toContain(secret);
    expect(isSealed(envelope)).toBe(true);
    expect(box.open(envelope, 'totp:u1')).toBe(secret);
  });

  it('never seals the same secret twice to the same envelope (random IV)', () => {
    expect(box.seal(secret, 'totp:u1')).not.toBe(box.seal(secret, 'totp:u1'));
  });

  it('refuses to open an envelope sealed with another key, naming it a key mismatch', () => {
    const other = secretBox(randomBytes(32));
    expect(() => other.open(box.seal(secret, 'totp:u1'), 'totp:u1')).toThrow(
      expect.objectContaining({ code: 'secret_key_mismatch' }),
    );
  });

  it('refuses an envelope moved to another owner or altered', () => {
    const envelope = box.seal(secret, 'totp:u1');
    expect(() => box.open(envelope, 'totp:u2')).toThrow(
      expect.objectContaining({ code: 'secret_unreadable' }),
    );
    const parts = envelope.split(':');
    parts[3] = Buffer.from('AAAAAAAAAAAAAAAA').toString('base64url');
    expect(() => box.open(parts.join(':'), 'totp:u1')).toThrow(
      expect.objectContaining({ code: 'secret_unreadable' }),
    );
    expect(() => box.open(secret, 'totp:u1')).toThrow(expect.objectContaining({ code: 'secret_unreadable' }));
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => secretBox(randomBytes(16))).toThrow(/32 bytes/);
  });
});
