import { read } from 'read';

/** Below this, a passphrase guessed offline costs too little even through scrypt. */
export const minimumPassphraseLength = 12;

export interface PassphraseSource {
  env: NodeJS.ProcessEnv;
  input: NodeJS.ReadStream;
  output: NodeJS.WriteStream;
}

/**
 * The passphrase of an encrypted backup: PIVOT_BACKUP_PASSPHRASE, else typed without echo when the
 * command runs in a terminal (twice when encrypting), else a clear error: a cron job or a pipe
 * cannot answer a prompt.
 */
export async function backupPassphrase(
  purpose: 'encrypt' | 'decrypt',
  source: PassphraseSource = { env: process.env, input: process.stdin, output: process.stderr },
): Promise<string> {
  let passphrase = source.env.PIVOT_BACKUP_PASSPHRASE;
  if (!passphrase) {
    if (!source.input.isTTY) {
      throw new Error(
        purpose === 'encrypt'
          ? 'an encrypted backup needs a passphrase: set PIVOT_BACKUP_PASSPHRASE or run the command in a terminal'
          : 'this backup is encrypted: set PIVOT_BACKUP_PASSPHRASE or run the command in a terminal to type its passphrase',
      );
    }
    const ask = (prompt: string) =>
      read({ prompt, silent: true, replace: '', input: source.input, output: source.output });
    passphrase = await ask('Backup passphrase: ');
    if (purpose === 'encrypt' && (await ask('Same passphrase again: ')) !== passphrase) {
      throw new Error('the two passphrases differ: nothing was written');
    }
  }
  if (purpose === 'encrypt' && passphrase.length < minimumPassphraseLength) {
    throw new Error(`the backup passphrase must have at least ${minimumPassphraseLength} characters`);
  }
  return passphrase;
}
