import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** What a test reads back from a PDF Pivot printed: its text in reading order, its pages, its fonts. */
export interface PdfReading {
  /** One line per printed line, top to bottom, pages separated by a form feed (as pdftotext does). */
  text: string;
  pages: { width: number; height: number }[];
  fonts: { name: string; embedded: boolean }[];
}

interface PlacedText {
  str: string;
  x: number;
  y: number;
  width: number;
}

// Items whose baselines are this close (in points) belong to one printed line.
const sameLine = 2;

function lines(items: PlacedText[]): string[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: { y: number; items: PlacedText[] }[] = [];
  for (const item of sorted) {
    const row = rows.at(-1);
    if (row && Math.abs(row.y - item.y) <= sameLine) row.items.push(item);
    else rows.push({ y: item.y, items: [item] });
  }
  return rows.map(({ items: row }) => {
    row.sort((a, b) => a.x - b.x);
    let line = '';
    let end = Number.NEGATIVE_INFINITY;
    for (const item of row) {
      // A gap between two runs of one line reads as a space, as a reader sees it.
      if (line !== '' && item.x - end > 1 && !line.endsWith(' ') && !item.str.startsWith(' ')) line += ' ';
      line += item.str;
      end = item.x + item.width;
    }
    return line.trimEnd();
  });
}

/** Reads a PDF with pdf.js: the same text, page sizes and font embedding a person's viewer sees. */
export async function readPdf(pdf: Uint8Array): Promise<PdfReading> {
  const document = await getDocument({
    data: new Uint8Array(pdf),
    fontExtraProperties: true,
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  try {
    const pageTexts: string[] = [];
    const pages: PdfReading['pages'] = [];
    const fonts = new Map<string, { name: string; embedded: boolean }>();
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const { width, height } = page.getViewport({ scale: 1 });
      pages.push({ width, height });
      const content = await page.getTextContent();
      const placed: PlacedText[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str === '') continue;
        placed.push({ str: item.str, x: item.transform[4], y: item.transform[5], width: item.width });
      }
      pageTexts.push(lines(placed).join('\n'));
      const operators = await page.getOperatorList();
      operators.fnArray.forEach((fn, index) => {
        if (fn !== OPS.setFont) return;
        const id = operators.argsArray[index][0] as string;
        if (fonts.has(id) || !page.commonObjs.has(id)) return;
        const font = page.commonObjs.get(id) as { name?: string; missingFile?: boolean };
        fonts.set(id, { name: font.name ?? id, embedded: font.missingFile !== true });
      });
    }
    return { text: pageTexts.join('\n\f'), pages, fonts: [...fonts.values()] };
  } finally {
    await document.destroy();
  }
}

/** The text of a PDF, line by line (see `readPdf`). */
export async function pdfText(pdf: Uint8Array): Promise<string> {
  return (await readPdf(pdf)).text;
}
