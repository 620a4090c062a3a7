import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { backupPassphrase } from './backup-passphrase.ts';

const notATerminal = { isTTY: false } as unknown as NodeJS.ReadStream;
const output = process.stderr;

describe('backup passphrase', () => {
  it('takes PIVOT_BACKUP_PASSPHRASE when it is set', async () => {
    const env = { PIVOT_BACKUP_PASSPHRASE: 'cheval-agrafe-batterie' };
    expect(await backupPassphrase('decrypt', { env, input: notATerminal, output })).toBe(
      'cheval-agrafe-batterie',
    );
  });

  it('refuses clearly when there is neither PIVOT_BACKUP_PASSPHRASE nor a terminal to type it', async () => {
    await expect(backupPassphrase('decrypt', { env: {}, input: notATerminal, output })).rejects.toThrow(
      /encrypted: set PIVOT_BACKUP_PASSPHRASE or run the command in a terminal/,
    );
    await expect(backupPassphrase('encrypt', { env: {}, input: notATerminal, output })).rejects.toThrow(
      /needs a passphrase: set PIVOT_BACKUP_PASSPHRASE/,
    );
  });

  it('refuses to encrypt with a passphrase shorter than 12 characters', async () => {
    const env = { PIVOT_BACKUP_PASSPHRASE: 'short' };
    await expect(backupPassphrase('encrypt', { env, input: notATerminal, output })).rejects.toThrow(
      /12 characters/,
    );
  });

  function terminal(...lines: string[]) {
    const input = Object.assign(new PassThrough(), { isTTY: true }) as unknown as NodeJS.ReadStream;
    const screen = Object.assign(new PassThrough(), { isTTY: true }) as unknown as NodeJS.WriteStream;
    let shown = '';
    screen.on('data', (chunk: Buffer) => {
      shown += chunk.toString();
    });
    for (const [i, line] of lines.entries()) {
      setTimeout(() => input.write(`${line}\n`), 30 * (i + 1));
    }
    return { input, output: screen, shown: () => shown };
  }

  it('asks twice in a terminal when encrypting, without echoing what is typed', async () => {
    const t = terminal('cheval-agrafe-batterie', 'cheval-agrafe-batterie');
    expect(await backupPassphrase('encrypt', { env: {}, ...t })).toBe('cheval-agrafe-batterie');
    expect(t.shown()).toContain('Backup passphrase:');
    expect(t.shown()).not.toContain('cheval');
  });

  it('refuses to encrypt when the two typed passphrases differ', async () => {
    const t = terminal('cheval-agrafe-batterie', 'cheval-agrafe-battery');
    await expect(backupPassphrase('encrypt', { env: {}, ...t })).rejects.toThrow(/differ/);
  });
});
