import { chmodSync, mkdirSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileTransmissionAdapter } from '../billing/index.ts';
import { connect } from '../db/connection.ts';
import { fileDropSecureMessaging } from '../documents/index.ts';
import { ensurePrivateDirectory } from './private-files.ts';
import { localDirectoryStorage } from './storage.ts';

const modeOf = (path: string) => statSync(path).mode & 0o777;
const folder = () => mkdtempSync(join(tmpdir(), 'pivot-modes-'));

describe('files on disk readable by Pivot’s account only', () => {
  it('creates the data directory 0700 and tightens one left 0755 by an earlier version', () => {
    const created = join(folder(), 'data');
    ensurePrivateDirectory(created);
    expect(modeOf(created)).toBe(0o700);
    const existing = join(folder(), 'old-data');
    mkdirSync(existing, { mode: 0o755 });
    chmodSync(existing, 0o755);
    ensurePrivateDirectory(existing);
    expect(modeOf(existing)).toBe(0o700);
  });

  it('opens the embedded database in a data directory 0700', async () => {
    const dataDir = join(folder(), 'data');
    mkdirSync(dataDir, { mode: 0o755 });
    chmodSync(dataDir, 0o755);
    const db = await connect({ dataDir });
    await db.close();
    expect(modeOf(dataDir)).toBe(0o700);
  });

  it('stores scans and attachments 0600 in directories 0700', async () => {
    const root = join(folder(), 'files');
    const { key } = await localDirectoryStorage(root).put(Buffer.from('%PDF-1.4 scan'));
    expect(modeOf(root)).toBe(0o700);
    expect(modeOf(join(root, key.slice(0, 2)))).toBe(0o700);
    expect(modeOf(join(root, key.slice(0, 2), key))).toBe(0o600);
  });

  it('writes claim batches and secure messages 0600 in directories 0700', async () => {
    const claims = join(folder(), 'claims', 'outbox');
    const { fileName } = await fileTransmissionAdapter(claims).send(
      { destination: 'amo', number: 1 } as unknown as Parameters<
        ReturnType<typeof fileTransmissionAdapter>['send']
      >[0],
      '{}',
    );
    expect(modeOf(claims)).toBe(0o700);
    expect(modeOf(join(claims, fileName))).toBe(0o600);
    const outbox = join(folder(), 'secure-messaging-outbox');
    await fileDropSecureMessaging(outbox).send({
      id: 'm1',
      recipient: 'dr@mssante.fr',
      subject: 'Lettre',
      body: 'Texte',
      attachment: { name: 'lettre.pdf', content: Buffer.from('%PDF') },
    });
    expect(modeOf(join(outbox, 'm1'))).toBe(0o700);
    for (const name of readdirSync(join(outbox, 'm1'))) expect(modeOf(join(outbox, 'm1', name))).toBe(0o600);
  });
});
