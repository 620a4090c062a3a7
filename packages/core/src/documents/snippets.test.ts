import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error.ts';
import { expandSnippetAt, expandSnippets, findSnippet, type Snippet, validateSnippet } from './snippets.ts';

const snippets: Snippet[] = [
  { shortcut: '.ras', text: 'Examen clinique sans particularité.' },
  { shortcut: 'cdt', text: 'Conduite à tenir :' },
];

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return 'no error';
}

describe('snippets', () => {
  it('expands the shortcut just typed before the caret', () => {
    const text = 'Ce jour .ras';
    expect(expandSnippetAt(text, text.length, snippets)).toMatchObject({
      text: 'Ce jour Examen clinique sans particularité.',
      caret: 43,
    });
  });

  it('keeps the text after the caret', () => {
    const text = 'cdt suite';
    expect(expandSnippetAt(text, 3, snippets)?.text).toBe('Conduite à tenir : suite');
  });

  it('expands nothing when the word is not a shortcut or the caret follows a space', () => {
    expect(expandSnippetAt('bonjour', 7, snippets)).toBeNull();
    expect(expandSnippetAt('cdt ', 4, snippets)).toBeNull();
  });

  it('matches shortcuts without regard to case', () => {
    expect(findSnippet(snippets, 'CDT')?.text).toBe('Conduite à tenir :');
  });

  it('expands every shortcut standing as a whole word in a text', () => {
    expect(expandSnippets('.ras\ncdt repos, cdtx', snippets)).toBe(
      'Examen clinique sans particularité.\nConduite à tenir : repos, cdtx',
    );
  });

  it('refuses a shortcut already taken', () => {
    expect(codeOf(() => validateSnippet({ shortcut: 'CDT', text: 'x' }, snippets))).toBe(
      'snippet_shortcut_taken',
    );
  });

  it('refuses a shortcut with a space or too short', () => {
    expect(codeOf(() => validateSnippet({ shortcut: 'a b', text: 'x' }))).toBe('snippet_shortcut_invalid');
    expect(codeOf(() => validateSnippet({ shortcut: 'a', text: 'x' }))).toBe('snippet_shortcut_invalid');
  });

  it('refuses an empty text and an unknown merge field in the text', () => {
    expect(codeOf(() => validateSnippet({ shortcut: 'vide', text: ' ' }))).toBe('required');
    expect(codeOf(() => validateSnippet({ shortcut: 'nom', text: '{{patient.nom}}' }))).toBe(
      'unknown_merge_field',
    );
    expect(validateSnippet({ shortcut: ' nom ', text: '{{patient.birthName}}' })).toEqual({
      shortcut: 'nom',
      text: '{{patient.birthName}}',
    });
  });
});
