import { DomainError } from '../errors/domain-error.ts';
import { mergeFieldsInText } from './merge-fields.ts';

/** A text snippet: typing its shortcut expands to a standard sentence (may hold merge fields). */
export interface Snippet {
  shortcut: string;
  text: string;
}

const shortcutPattern = /^[./#]?[\p{L}\p{N}_-]{2,30}$/u;

function shortcutKey(shortcut: string): string {
  return shortcut.trim().toLocaleLowerCase('fr');
}

/** Checks one snippet against the existing ones: valid shortcut, not taken, known merge fields. */
export function validateSnippet(snippet: Snippet, existing: readonly Snippet[] = []): Snippet {
  const shortcut = snippet.shortcut.trim();
  if (!shortcutPattern.test(shortcut))
    throw new DomainError('snippet_shortcut_invalid', { field: 'shortcut' });
  if (snippet.text.trim() === '') throw new DomainError('required', { field: 'text' });
  if (existing.some((s) => shortcutKey(s.shortcut) === shortcutKey(shortcut))) {
    throw new DomainError('snippet_shortcut_taken', { field: 'shortcut', params: { shortcut } });
  }
  mergeFieldsInText(snippet.text);
  return { shortcut, text: snippet.text };
}

export function findSnippet(snippets: readonly Snippet[], shortcut: string): Snippet | null {
  const key = shortcutKey(shortcut);
  return snippets.find((s) => shortcutKey(s.shortcut) === key) ?? null;
}

export interface Expansion {
  text: string;
  caret: number;
  snippet: Snippet;
}

/**
 * Expands the word just before the caret when it is a shortcut (called by the editor when the
 * user types a space or presses Tab). Null when there is nothing to expand.
 */
export function expandSnippetAt(text: string, caret: number, snippets: readonly Snippet[]): Expansion | null {
  let start = caret;
  while (start > 0 && !/\s/.test(text[start - 1]!)) start--;
  if (start === caret) return null;
  const snippet = findSnippet(snippets, text.slice(start, caret));
  if (!snippet) return null;
  return {
    text: text.slice(0, start) + snippet.text + text.slice(caret),
    caret: start + snippet.text.length,
    snippet,
  };
}

/** Expands every shortcut standing as a whole word in a text (e.g. a dictated transcription). */
export function expandSnippets(text: string, snippets: readonly Snippet[]): string {
  return text.replace(/(^|\s)(\S+)(?=\s|$)/g, (whole, space: string, word: string) => {
    const snippet = findSnippet(snippets, word);
    return snippet ? space + snippet.text : whole;
  });
}
