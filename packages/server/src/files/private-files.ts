import { chmodSync, mkdirSync } from 'node:fs';

/**
 * Everything Pivot keeps on disk (embedded database, scans, attachments, outboxes, the secret key,
 * backups) is health data or opens it: readable by the account running Pivot only (CNIL, Guide de
 * la sécurité des données personnelles 2024, fiche 9 « Protéger les locaux et les serveurs »).
 */
export const privateDirectoryMode = 0o700;
export const privateFileMode = 0o600;

/** Creates the directory (and missing parents) 0700, and tightens it if it already existed. */
export function ensurePrivateDirectory(path: string): void {
  mkdirSync(path, { recursive: true, mode: privateDirectoryMode });
  chmodSync(path, privateDirectoryMode);
}
