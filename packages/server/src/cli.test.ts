import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const cli = join(root, 'packages/server/src/cli.ts');
const folder = mkdtempSync(join(tmpdir(), 'pivot-cli-'));
const password = 'Very-Strong-Pass-9';

/** Runs `npm run <command>` as an operator would, without a terminal (stdin is not a TTY). */
async function run(args: string[], env: Record<string, string>) {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('PIVOT_') && k !== 'DATABASE_URL'),
  );
  try {
    const { stdout, stderr } = await promisify(execFile)('node', ['--import', 'tsx', cli, ...args], {
      cwd: root,
      env: { ...clean, ...env },
    });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

describe('operator commands', () => {
  it('create-organization adds a second organization with its administrator and refuses a used e-mail', async () => {
    const env = { PIVOT_DATA_DIR: join(folder, 'orgs'), PIVOT_ADMIN_PASSWORD: password };
    const first = ['--email', 'admin@parc.fr', '--organization', 'Cabinet du Parc', '--name', 'Dr Parc'];
    expect((await run(['create-admin', ...first], env)).code).toBe(0);
    const second = await run(
      ['create-organization', '--email', 'admin@tilleuls.fr', '--organization', 'Cabinet des Tilleuls'],
      env,
    );
    expect(second).toMatchObject({ code: 0, out: expect.stringContaining('Cabinet des Tilleuls') });
    // Refused for the second organization's administrator too: it was stored, and e-mails are compared without case.
    const again = await run(
      ['create-organization', '--email', 'ADMIN@Tilleuls.fr', '--organization', 'Bis'],
      env,
    );
    expect(again.code).toBe(1);
    expect(again.out).toMatch(/email_taken: Cette adresse e-mail est déjà utilisée/);
    const noName = await run(['create-organization', '--email', 'x@y.fr'], env);
    expect(noName).toMatchObject({ code: 1, out: expect.stringContaining('usage') });
  }, 240_000);

  it('backup --encrypt writes an age file 0600; restore asks for its passphrase and a wrong one creates nothing', async () => {
    // A database without accounts is enough: what is inside is backup.test.ts's concern.
    const source = { PIVOT_DATA_DIR: join(folder, 'source') };
    const file = join(folder, 'backup.jsonl.gz.age');
    const passphrase = 'cheval-agrafe-batterie';
    const written = await run(['backup', '--encrypt', '--file', file], {
      ...source,
      PIVOT_BACKUP_PASSPHRASE: passphrase,
    });
    expect(written).toMatchObject({ code: 0, out: expect.stringContaining('(encrypted)') });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file).subarray(0, 21).toString()).toBe('age-encryption.org/v1');
    expect((await run(['backup', '--encrypt', '--file', join(folder, 'none.age')], source)).out).toMatch(
      /needs a passphrase: set PIVOT_BACKUP_PASSPHRASE or run the command in a terminal/,
    );

    const target = { PIVOT_DATA_DIR: join(folder, 'target') };
    const without = await run(['restore', '--file', file], target);
    expect(without).toMatchObject({ code: 1, out: expect.stringMatching(/this backup is encrypted/) });
    const wrong = await run(['restore', '--file', file], { ...target, PIVOT_BACKUP_PASSPHRASE: 'wrong-one' });
    expect(wrong).toMatchObject({
      code: 1,
      out: expect.stringMatching(/wrong passphrase.*nothing was restored/),
    });
    expect(existsSync(target.PIVOT_DATA_DIR)).toBe(false);
    const right = await run(['restore', '--file', file], { ...target, PIVOT_BACKUP_PASSPHRASE: passphrase });
    expect(right).toMatchObject({ code: 0, out: expect.stringMatching(/restored \d+ rows/) });
  }, 240_000);
});
