import type { FastifyBaseLogger } from 'fastify';
import type { SecretBox } from '../auth/index.ts';
import { sealClearTotpSecrets, totpSecretsOfAnotherKey } from '../auth/index.ts';
import type { Db } from '../db/connection.ts';

/**
 * At start and after a restore: seals the TOTP secrets still in clear, and tells the operator when
 * some were sealed with another key (their owners cannot pass the second factor until the right
 * key is configured; nothing else is affected).
 */
export async function sealAndCheckStoredSecrets(
  db: Db,
  secrets: SecretBox,
  log: Pick<FastifyBaseLogger, 'info' | 'error'>,
): Promise<{ sealed: number; ofAnotherKey: number }> {
  const sealed = await sealClearTotpSecrets(db, secrets);
  if (sealed > 0) log.info({ accounts: sealed }, 'TOTP secrets stored in clear are now encrypted');
  const ofAnotherKey = await totpSecretsOfAnotherKey(db, secrets);
  if (ofAnotherKey > 0) {
    log.error(
      { accounts: ofAnotherKey, keyId: secrets.keyId },
      'TOTP secrets were encrypted with another key than PIVOT_SECRET_KEY / the key file: their owners cannot sign in with their code until the original key is configured (docs/operations.md)',
    );
  }
  return { sealed, ofAnotherKey };
}
