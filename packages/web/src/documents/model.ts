import type { RichTextDoc, RichTextNode } from '@pivot/core/documents';

export interface MissingMentionView {
  code: string;
  itemIndex?: number;
  section?: string;
  labels: { fr: string; en: string };
}

export interface VersionView {
  id: string;
  number: number;
  status: string;
  practitionerId: string | null;
  content: RichTextDoc;
  details: { items?: PrescriptionLine[]; weightKg?: number | null };
  supersededBy: string | null;
  version: number;
}

export interface DocumentView {
  id: string;
  patientId: string;
  kind: string;
  language: 'fr' | 'en';
  title: string;
  documentDate: string;
  current: VersionView;
  versions: VersionView[];
  allowedActions: string[];
  missingMentions: MissingMentionView[];
}

export interface DocumentRow {
  id: string;
  kind: string;
  title: string;
  documentDate: string;
  patientId: string;
  patientBirthName: string;
  patientGivenName: string;
  status: string;
  number: number;
}

export interface TemplateView {
  id: string;
  name: string;
  kind: string;
  language: 'fr' | 'en';
  practitionerId: string | null;
  content: RichTextDoc;
  mergeFields: string[];
  version: number;
}

export interface PrescriptionLine {
  product?: string | null;
  dosage?: string | null;
  posology?: string | null;
  duration?: string | null;
}

export interface Signer {
  id: string;
  displayName: string;
  specialty: string | null;
}

function inlineText(node: RichTextNode): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'mergeField') return `{{${String(node.attrs?.field ?? '')}}}`;
  if (node.type === 'hardBreak') return ' ';
  return (node.content ?? []).map(inlineText).join('');
}

/**
 * The plain-text form the editor shows: one block a line, "# " for a heading, "- " for a bullet.
 * Marks (bold, italic) and tables are kept only as their text until the rich editor arrives.
 */
export function docToText(doc: RichTextDoc): string {
  const lines: string[] = [];
  const walk = (node: RichTextNode, bullet: boolean) => {
    if (node.type === 'heading')
      lines.push(`${'#'.repeat(Number(node.attrs?.level ?? 1))} ${inlineText(node)}`);
    else if (node.type === 'paragraph') lines.push(`${bullet ? '- ' : ''}${inlineText(node)}`);
    else if (node.type === 'tableRow') lines.push((node.content ?? []).map(inlineText).join(' | '));
    else
      for (const child of node.content ?? [])
        walk(child, bullet || node.type === 'bulletList' || node.type === 'orderedList');
  };
  walk(doc, false);
  return lines.join('\n');
}

const textNodes = (text: string): RichTextNode[] => (text === '' ? [] : [{ type: 'text', text }]);

export function textToDoc(text: string): RichTextDoc {
  const content: RichTextNode[] = [];
  let list: RichTextNode | null = null;
  for (const line of text.split('\n')) {
    const heading = /^(#{1,3}) (.*)$/.exec(line);
    const bullet = /^- (.*)$/.exec(line);
    if (bullet) {
      if (!list) {
        list = { type: 'bulletList', content: [] };
        content.push(list);
      }
      list.content!.push({
        type: 'listItem',
        content: [{ type: 'paragraph', content: textNodes(bullet[1]!) }],
      });
      continue;
    }
    list = null;
    if (heading)
      content.push({
        type: 'heading',
        attrs: { level: heading[1]!.length },
        content: textNodes(heading[2]!),
      });
    else content.push({ type: 'paragraph', content: textNodes(line) });
  }
  return { type: 'doc', content };
}
