/**
 * A read-only set of the lines of one text, for the spell-checker's half-million word forms.
 * `new Set(text.split('\n'))` allocates a string per word and hashes it into a growing table:
 * about 300 ms. This keeps the text as it is, with the start of each line and an open-addressing
 * table of line numbers keyed by an FNV-1a hash of the line: a few tens of milliseconds, and less
 * memory. Look-ups compare characters in place.
 */
export class WordSet {
  readonly size: number;
  private readonly text: string;
  /** Start offset of each line, then one past the end of the last line's newline. */
  private readonly starts: Uint32Array;
  /** Line number + 1 at the slot of its hash, 0 when free. */
  private readonly slots: Uint32Array;
  private readonly mask: number;

  /** The lines of `text` (each ended by a newline, the last one optionally). */
  constructor(text: string) {
    this.text = text.endsWith('\n') || text === '' ? text : `${text}\n`;
    const starts: number[] = [];
    for (let at = 0; at < this.text.length; ) {
      starts.push(at);
      at = this.text.indexOf('\n', at) + 1;
    }
    starts.push(this.text.length);
    this.starts = Uint32Array.from(starts);
    this.size = starts.length - 1;
    let capacity = 1024;
    while (capacity < this.size * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.slots = new Uint32Array(capacity);
    for (let line = 0; line < this.size; line++) {
      const start = this.starts[line]!;
      const end = this.starts[line + 1]! - 1;
      if (end === start) continue;
      let slot = this.hash(this.text, start, end) & this.mask;
      for (;;) {
        const taken = this.slots[slot]!;
        if (taken === 0) {
          this.slots[slot] = line + 1;
          break;
        }
        if (this.lineEquals(taken - 1, this.text, start, end)) break;
        slot = (slot + 1) & this.mask;
      }
    }
  }

  has(word: string): boolean {
    if (word === '' || word.includes('\n')) return false;
    let slot = this.hash(word, 0, word.length) & this.mask;
    for (;;) {
      const taken = this.slots[slot]!;
      if (taken === 0) return false;
      if (this.lineEquals(taken - 1, word, 0, word.length)) return true;
      slot = (slot + 1) & this.mask;
    }
  }

  *[Symbol.iterator](): IterableIterator<string> {
    for (let line = 0; line < this.size; line++) {
      const start = this.starts[line]!;
      const end = this.starts[line + 1]! - 1;
      if (end > start) yield this.text.slice(start, end);
    }
  }

  private hash(source: string, start: number, end: number): number {
    let hash = 0x811c9dc5;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ source.charCodeAt(i), 0x01000193);
    return hash >>> 0;
  }

  private lineEquals(line: number, source: string, start: number, end: number): boolean {
    const lineStart = this.starts[line]!;
    if (this.starts[line + 1]! - 1 - lineStart !== end - start) return false;
    for (let i = 0; i < end - start; i++)
      if (this.text.charCodeAt(lineStart + i) !== source.charCodeAt(start + i)) return false;
    return true;
  }
}
