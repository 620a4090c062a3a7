import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RichTextDoc } from '@pivot/core/documents';
import { beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../testing/pdf-reader.ts';
import { missingProgramsMessage, missingSystemPrograms } from '../testing/system-programs.ts';
import { type PrintFrame, renderDocx, renderPdf } from './document-output.ts';

// What other programs make of Pivot's printed output: LibreOffice opens the DOCX as a word
// processor would, poppler reads the PDF as most viewers and printers do. `npm test` reads both
// formats with JavaScript readers; these checks make sure those readers do not flatter the output.

const prescription: RichTextDoc = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Ordonnance' }] },
    { type: 'paragraph', content: [{ type: 'text', text: 'Mme CAMILLE LEROY, 46 ans, le 2 mars 2026' }] },
    {
      type: 'bulletList',
      content: [
        {
          type: 'listItem',
          content: [
            { type: 'paragraph', content: [{ type: 'text', text: 'Paracétamol 1 g, 3 fois par jour' }] },
          ],
        },
      ],
    },
    { type: 'paragraph', content: [{ type: 'text', text: 'Łukasz Wałęsa — œdème, 12 € ' }] },
  ],
};

const frame: PrintFrame = {
  title: 'Ordonnance',
  letterhead: ['Maison de santé des Tilleuls', 'Dr Paul Durand — Médecine générale'],
  signature: ['Dr P. Durand'],
};

let dir: string;

beforeAll(() => {
  const missing = missingSystemPrograms();
  if (missing.length > 0) throw new Error(missingProgramsMessage(missing));
  dir = mkdtempSync(join(tmpdir(), 'pivot-system-'));
});

const run = (program: string, args: string[]) =>
  execFileSync(program, args, { encoding: 'utf8', timeout: 90_000 });

describe('the printed PDF as poppler reads it', () => {
  it('is one A4 page whose every font is embedded', async () => {
    const file = join(dir, 'prescription.pdf');
    writeFileSync(file, await renderPdf(prescription, frame));
    expect(run('/usr/bin/pdfinfo', [file])).toMatch(
      /Pages:\s+1\n[\s\S]*Page size:\s+595\.28 x 841\.89 pts \(A4\)/,
    );
    const fonts = run('/usr/bin/pdffonts', [file])
      .split('\n')
      .slice(2)
      .filter((line) => line.trim() !== '');
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line).toMatch(/Arimo.*\byes\s+yes\b/);
  });

  it('holds the same words as the JavaScript reader of npm test finds, accents and Central European letters included', async () => {
    const pdf = await renderPdf(prescription, frame);
    const file = join(dir, 'words.pdf');
    writeFileSync(file, pdf);
    const words = (text: string) => text.split(/\s+/).filter(Boolean);
    const poppler = run('/usr/bin/pdftotext', [file, '-']);
    expect(poppler).toContain('Łukasz Wałęsa — œdème, 12 €');
    expect(words(await pdfText(pdf))).toEqual(words(poppler));
  });
});

describe('the DOCX as LibreOffice opens it', () => {
  it('converts to a PDF that reads back the letterhead, the text and the signature', async () => {
    const file = join(dir, 'prescription.docx');
    writeFileSync(file, await renderDocx(prescription, frame));
    run('/usr/bin/soffice', [
      `-env:UserInstallation=file://${dir}/profile`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      file,
    ]);
    const converted = join(dir, 'prescription.pdf');
    expect(existsSync(converted)).toBe(true);
    const text = run('/usr/bin/pdftotext', [converted, '-']);
    expect(text).toContain('Maison de santé des Tilleuls');
    expect(text).toContain('CAMILLE LEROY');
    expect(text).toContain('Paracétamol 1 g');
    expect(text).toContain('Dr P. Durand');
  }, 120_000);
});
