import { existsSync } from 'node:fs';

/** The programs `npm run test:system` checks Pivot's output with, and the Debian package of each. */
export const systemPrograms = [
  {
    path: '/usr/bin/soffice',
    debianPackage: 'libreoffice-writer-nogui',
    for: 'opening the DOCX as Word would',
  },
  { path: '/usr/bin/pdftotext', debianPackage: 'poppler-utils', for: 'poppler’s reading of the PDF text' },
  { path: '/usr/bin/pdfinfo', debianPackage: 'poppler-utils', for: 'poppler’s reading of the PDF pages' },
  { path: '/usr/bin/pdffonts', debianPackage: 'poppler-utils', for: 'poppler’s reading of the PDF fonts' },
] as const;

export type SystemProgram = (typeof systemPrograms)[number];

export function missingSystemPrograms(): SystemProgram[] {
  return systemPrograms.filter((program) => !existsSync(program.path));
}

/** What a person reads when a program is missing: which ones, and the one command that installs them. */
export function missingProgramsMessage(missing: readonly SystemProgram[]): string {
  const packages = [...new Set(missing.map((p) => p.debianPackage))].join(' ');
  return [
    'npm run test:system needs programs this machine does not have:',
    ...missing.map((p) => `  ${p.path} (${p.for}), from Debian's ${p.debianPackage}`),
    `Install them with: apt-get install --no-install-recommends ${packages}`,
  ].join('\n');
}
