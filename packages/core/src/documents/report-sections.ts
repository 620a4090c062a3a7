import { reportSectionLabels } from './mandatory-mentions.ts';
import { type RichTextDoc, type RichTextNode, richTextPlainText } from './rich-text.ts';

const normalize = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('fr')
    .replace(/[\s:.–—'’-]+/g, ' ')
    .trim();

/** The section a heading opens: "Motif de consultation" → `reason`, "Examen clinique :" → `examination`. */
export function reportSectionOfHeading(heading: string): string | null {
  const text = normalize(heading);
  for (const [section, labels] of Object.entries(reportSectionLabels))
    for (const label of [labels.fr, labels.en]) {
      const name = normalize(label);
      if (text === name || text.startsWith(`${name} `)) return section;
    }
  return null;
}

/**
 * The report's sections as written in its text: each heading naming a section (in French or
 * English) opens it, and what follows up to the next heading is its content. The mandatory
 * mentions check reads them, so a report written under the template's headings needs no form.
 */
export function reportSectionsFromContent(doc: RichTextDoc): Record<string, string> {
  const sections: Record<string, string> = {};
  let current: string | null = null;
  let parts: RichTextNode[] = [];
  const close = () => {
    if (current === null) return;
    const text = parts
      .map((node) => richTextPlainText(node))
      .join('\n')
      .trim();
    if (text !== '') sections[current] = sections[current] ? `${sections[current]}\n${text}` : text;
  };
  for (const node of doc.content) {
    if (node.type === 'heading') {
      close();
      current = reportSectionOfHeading(richTextPlainText(node));
      parts = [];
    } else parts.push(node);
  }
  close();
  return sections;
}
