import { describe, expect, it } from 'vitest';
import { WordSet } from './word-set.ts';

describe('word set over the lines of a text', () => {
  it('holds each line, and nothing else', () => {
    const set = new WordSet('artère\nartères\nL’Haÿ-les-Roses\nqu’\n');
    expect(set.size).toBe(4);
    for (const word of ['artère', 'artères', 'L’Haÿ-les-Roses', 'qu’']) expect(set.has(word)).toBe(true);
    for (const word of ['artèr', 'artèresx', 'Artère', '', 'artère\nartères', 'qu'])
      expect(set.has(word)).toBe(false);
    expect([...set]).toEqual(['artère', 'artères', 'L’Haÿ-les-Roses', 'qu’']);
  });

  it('reads a last line without a newline and skips empty lines', () => {
    const set = new WordSet('un\n\ndeux');
    expect(set.has('deux')).toBe(true);
    expect(set.has('')).toBe(false);
    expect([...set]).toEqual(['un', 'deux']);
  });

  it('finds every one of many words whose hashes collide in a small table', () => {
    const words = Array.from({ length: 5000 }, (_, i) => `mot${i.toString(36)}`);
    const set = new WordSet(words.join('\n'));
    expect(words.every((w) => set.has(w))).toBe(true);
    expect(words.some((w) => set.has(`${w}-`))).toBe(false);
  });
});
