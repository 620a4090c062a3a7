import { createRequire } from 'node:module';
import type { RichTextDoc, RichTextNode } from '@pivot/core/documents';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import PDFDocument from 'pdfkit';

/** What is printed around the body: letterhead lines at the top, signature block at the end. */
export interface PrintFrame {
  title: string;
  letterhead: string[];
  signature: string[];
}

interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
}

interface Block {
  kind: 'paragraph' | 'heading' | 'bullet' | 'ordered' | 'row';
  level: number;
  runs: Run[];
  index?: number;
}

function runsOf(node: RichTextNode, out: Run[], marks: { bold: boolean; italic: boolean }): void {
  if (node.type === 'text') {
    const bold = marks.bold || (node.marks ?? []).some((m) => m.type === 'bold');
    const italic = marks.italic || (node.marks ?? []).some((m) => m.type === 'italic');
    out.push({ text: node.text ?? '', bold, italic });
    return;
  }
  if (node.type === 'hardBreak') {
    out.push({ text: '\n', ...marks });
    return;
  }
  if (node.type === 'mergeField') {
    out.push({ text: `{{${String(node.attrs?.field ?? '')}}}`, ...marks });
    return;
  }
  for (const child of node.content ?? []) runsOf(child, out, marks);
}

/** Flattens the editor document into printable blocks (headings, paragraphs, list items, table rows). */
export function printableBlocks(doc: RichTextDoc): Block[] {
  const blocks: Block[] = [];
  const plain = { bold: false, italic: false };
  const walk = (node: RichTextNode, list: 'bullet' | 'ordered' | null): void => {
    switch (node.type) {
      case 'heading': {
        const runs: Run[] = [];
        runsOf(node, runs, { bold: true, italic: false });
        blocks.push({ kind: 'heading', level: Number(node.attrs?.level ?? 2), runs });
        return;
      }
      case 'paragraph': {
        const runs: Run[] = [];
        runsOf(node, runs, plain);
        blocks.push({ kind: list ?? 'paragraph', level: 0, runs });
        return;
      }
      case 'bulletList':
      case 'orderedList':
        (node.content ?? []).forEach((item, index) => {
          const before = blocks.length;
          walk(item, node.type === 'bulletList' ? 'bullet' : 'ordered');
          if (blocks[before]) blocks[before]!.index = index + 1;
        });
        return;
      case 'tableRow': {
        const runs: Run[] = [];
        (node.content ?? []).forEach((cell, i) => {
          if (i > 0) runs.push({ text: '  |  ', bold: false, italic: false });
          runsOf(cell, runs, { bold: cell.type === 'tableHeader', italic: false });
        });
        blocks.push({ kind: 'row', level: 0, runs });
        return;
      }
      default:
        for (const child of node.content ?? []) walk(child, list);
    }
  };
  walk(doc, null);
  return blocks;
}

const shippedFont = (file: string) =>
  createRequire(import.meta.url).resolve(`@expo-google-fonts/arimo/${file}`);

/**
 * TrueType fonts embedded in every PDF (PDF/A-like print: no reliance on the reader's fonts).
 * Arimo, the design Liberation Sans 2 is built from (metrics of Arial, Latin with its extensions,
 * Greek, Cyrillic), ships with the npm install, so every server prints the same letters whatever
 * fonts its system has.
 */
function fontFiles(): Record<'regular' | 'bold' | 'italic' | 'boldItalic', string> {
  return {
    regular: shippedFont('400Regular/Arimo_400Regular.ttf'),
    bold: shippedFont('700Bold/Arimo_700Bold.ttf'),
    italic: shippedFont('400Regular_Italic/Arimo_400Regular_Italic.ttf'),
    boldItalic: shippedFont('700Bold_Italic/Arimo_700Bold_Italic.ttf'),
  };
}

/** The names under which `embedPrintFonts` registers the four faces: `pdf.font(printFonts.bold)`. */
export const printFonts = {
  regular: 'regular',
  bold: 'bold',
  italic: 'italic',
  boldItalic: 'boldItalic',
} as const;

/**
 * Registers on a pdfkit document the embedded TrueType faces every printed document of Pivot uses
 * (Arimo: regular, bold, italic, bold italic), under the names of `printFonts`; then
 * `pdf.font(printFonts.regular)` prints with an embedded font instead of pdfkit's standard
 * Helvetica, which the reader's system supplies. Returns the names.
 */
export function embedPrintFonts(pdf: PDFKit.PDFDocument): typeof printFonts {
  const fonts = fontFiles();
  pdf.registerFont(printFonts.regular, fonts.regular);
  pdf.registerFont(printFonts.bold, fonts.bold);
  pdf.registerFont(printFonts.italic, fonts.italic);
  pdf.registerFont(printFonts.boldItalic, fonts.boldItalic);
  return printFonts;
}

/** A4, 2 cm margins, fonts embedded. */
export function renderPdf(doc: RichTextDoc, frame: PrintFrame): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4',
    margin: 57,
    info: { Title: frame.title, Creator: 'Pivot' },
    pdfVersion: '1.7',
    lang: 'fr-FR',
  });
  embedPrintFonts(pdf);
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  const fontOf = (r: Run) => (r.bold ? (r.italic ? 'boldItalic' : 'bold') : r.italic ? 'italic' : 'regular');
  pdf.font('bold').fontSize(9);
  for (const line of frame.letterhead) pdf.text(line);
  if (frame.letterhead.length > 0) pdf.moveDown();
  for (const block of printableBlocks(doc)) {
    const size = block.kind === 'heading' ? (block.level <= 1 ? 16 : 13) : 11;
    const prefix = block.kind === 'bullet' ? '•  ' : block.kind === 'ordered' ? `${block.index ?? 1}.  ` : '';
    const runs = block.runs.length === 0 ? [{ text: ' ', bold: false, italic: false }] : block.runs;
    pdf.fontSize(size);
    if (prefix) pdf.font('regular').text(prefix, { continued: true, indent: 14 });
    runs.forEach((run, i) => {
      pdf.font(fontOf(run)).text(run.text, { continued: i < runs.length - 1 });
    });
    pdf.moveDown(block.kind === 'heading' ? 0.4 : 0.2);
  }
  if (frame.signature.length > 0) {
    pdf.moveDown();
    pdf.font('regular').fontSize(11);
    for (const line of frame.signature) pdf.text(line, { align: 'right' });
  }
  pdf.end();
  return done;
}

export async function renderDocx(doc: RichTextDoc, frame: PrintFrame): Promise<Buffer> {
  const paragraphs: Paragraph[] = [];
  for (const line of frame.letterhead)
    paragraphs.push(new Paragraph({ children: [new TextRun({ text: line, bold: true, size: 18 })] }));
  for (const block of printableBlocks(doc)) {
    const children = block.runs.map((r) => new TextRun({ text: r.text, bold: r.bold, italics: r.italic }));
    if (block.kind === 'heading')
      paragraphs.push(
        new Paragraph({
          heading: block.level <= 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
          children,
        }),
      );
    else if (block.kind === 'bullet') paragraphs.push(new Paragraph({ bullet: { level: 0 }, children }));
    else if (block.kind === 'ordered')
      paragraphs.push(new Paragraph({ children: [new TextRun(`${block.index ?? 1}. `), ...children] }));
    else paragraphs.push(new Paragraph({ children }));
  }
  for (const line of frame.signature)
    paragraphs.push(new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun(line)] }));
  const file = new Document({
    title: frame.title,
    creator: 'Pivot',
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 },
          },
        },
        children: paragraphs,
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(file));
}
