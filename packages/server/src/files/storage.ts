import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { privateDirectoryMode, privateFileMode } from './private-files.ts';

/**
 * Where uploaded files (scans, attachments) live. The local directory is the default; a
 * deployment with several servers plugs in an S3-compatible object store behind this interface.
 */
export interface FileStorage {
  put(content: Buffer): Promise<{ key: string; sha256: string }>;
  get(key: string): Promise<Buffer>;
}

/** Content-addressed files under one directory: the key is the SHA-256 of the content. */
export function localDirectoryStorage(root: string): FileStorage {
  const pathOf = (key: string) => join(root, key.slice(0, 2), key);
  return {
    async put(content) {
      const sha256 = createHash('sha256').update(content).digest('hex');
      const path = pathOf(sha256);
      await mkdir(dirname(path), { recursive: true, mode: privateDirectoryMode });
      // Written aside then renamed: a reader never sees half a file.
      const temporary = `${path}.${process.pid}.tmp`;
      await writeFile(temporary, content, { mode: privateFileMode });
      await rename(temporary, path);
      return { key: sha256, sha256 };
    },
    async get(key) {
      if (!/^[0-9a-f]{64}$/.test(key)) throw new Error('invalid storage key');
      return readFile(pathOf(key));
    },
  };
}
