import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { DomainError } from '@pivot/core';

/**
 * Encrypts the secrets Pivot must be able to read back (TOTP seeds) with a key kept outside the
 * database, so a copy of the database or of a backup does not give away second factors
 * (OWASP Cryptographic Storage Cheat Sheet: "store keys separately from the data").
 *
 * Envelope (text, fits the existing column): `v1:<key id>:<iv>:<ciphertext>:<tag>`, base64url
 * fields, AES-256-GCM with a random 96-bit IV (NIST SP 800-38D) and the owner as additional data
 * (`totp:<user id>`), so an envelope copied onto another row does not open. The key id (8 bytes
 * of SHA-256 of the key) tells "wrong key" from "damaged value" without revealing the key.
 */
export interface SecretBox {
  /** 16 hex characters identifying the key (never the key itself). */
  readonly keyId: string;
  seal(secret: string, context: string): string;
  /** Throws `secret_key_mismatch` (another key sealed it) or `secret_unreadable`. */
  open(envelope: string, context: string): string;
}

const version = 'v1';

export const secretKeyBytes = 32;

export function isSealed(value: string): boolean {
  return value.startsWith(`${version}:`);
}

export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update('pivot secret key id\0').update(key).digest('hex').slice(0, 16);
}

export function secretBox(key: Buffer): SecretBox {
  if (key.length !== secretKeyBytes) throw new Error(`the secret key must be ${secretKeyBytes} bytes`);
  const keyId = keyIdOf(key);
  return {
    keyId,
    seal(secret, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
      const fields = [iv, ciphertext, cipher.getAuthTag()].map((b) => b.toString('base64url'));
      return [version, keyId, ...fields].join(':');
    },
    open(envelope, context) {
      const [v, id, iv, ciphertext, tag, ...rest] = envelope.split(':');
      if (v !== version || !id || !iv || !ciphertext || !tag || rest.length > 0) {
        throw new DomainError('secret_unreadable');
      }
      if (id !== keyId) throw new DomainError('secret_key_mismatch', { params: { keyId: id } });
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
        decipher.setAAD(Buffer.from(context, 'utf8'));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([
          decipher.update(Buffer.from(ciphertext, 'base64url')),
          decipher.final(),
        ]).toString('utf8');
      } catch {
        throw new DomainError('secret_unreadable');
      }
    },
  };
}
