import JSZip from 'jszip';
import mammoth from 'mammoth';

/** What a test reads back from a DOCX Pivot wrote: the parts a word processor needs, and the text. */
export interface DocxReading {
  parts: string[];
  /** The main document's content type, as declared in [Content_Types].xml. */
  mainContentType: string | undefined;
  /** The paragraphs' text, one per line, as mammoth (a maintained DOCX reader) extracts it. */
  text: string;
}

const overrides = /<Override\b[^>]*>/g;

function mainDocumentType(contentTypes: string): string | undefined {
  const override = contentTypes
    .match(overrides)
    ?.find((tag) => tag.includes('PartName="/word/document.xml"'));
  return override && /ContentType="([^"]+)"/.exec(override)?.[1];
}

export async function readDocx(docx: Uint8Array): Promise<DocxReading> {
  const zip = await JSZip.loadAsync(docx);
  const contentTypes = (await zip.file('[Content_Types].xml')?.async('string')) ?? '';
  const { value } = await mammoth.extractRawText({ buffer: Buffer.from(docx) });
  return {
    parts: Object.values(zip.files)
      .filter((entry) => !entry.dir)
      .map((entry) => entry.name),
    mainContentType: mainDocumentType(contentTypes),
    text: value,
  };
}
