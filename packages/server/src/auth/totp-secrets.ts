import { DomainError, isDomainError } from '@pivot/core';
import type { Db } from '../db/connection.ts';
import { clearTotpSecretsForUpdate, countTotpSecretsOfAnotherKey, setTotpSecret } from './repository.ts';
import { isSealed, type SecretBox } from './secret-box.ts';

/** The additional data binding a sealed TOTP secret to its account. */
const contextOf = (userId: string) => `totp:${userId}`;

export function sealTotpSecret(secrets: SecretBox, userId: string, secret: string): string {
  return secrets.seal(secret, contextOf(userId));
}

/**
 * The TOTP secret of an account. A value this server cannot open (sealed with another key,
 * damaged) refuses the check with `totp_unavailable`, never as a wrong code: a wrong code counts
 * toward locking the account, a wrong server key must not.
 */
export function openTotpSecret(secrets: SecretBox, userId: string, stored: string, field: string): string {
  try {
    if (!isSealed(stored)) throw new DomainError('secret_unreadable');
    return secrets.open(stored, contextOf(userId));
  } catch (error) {
    if (isDomainError(error)) throw new DomainError('totp_unavailable', { field });
    throw error;
  }
}

/**
 * Seals the TOTP secrets still stored in clear (written before secrets were encrypted, or restored
 * from such a backup). Run at start and after a restore; returns how many were sealed.
 */
export async function sealClearTotpSecrets(db: Db, secrets: SecretBox): Promise<number> {
  return db.kysely.transaction().execute(async (tx) => {
    const clear = await clearTotpSecretsForUpdate(tx);
    for (const user of clear) {
      await setTotpSecret(tx, user.id, sealTotpSecret(secrets, user.id, user.totp_secret!));
    }
    return clear.length;
  });
}

/** How many TOTP secrets were sealed with another key than this server's (a wrong or lost key). */
export async function totpSecretsOfAnotherKey(db: Db, secrets: SecretBox): Promise<number> {
  return countTotpSecretsOfAnotherKey(db.kysely, secrets.keyId);
}
