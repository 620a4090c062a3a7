import { Worker } from 'node:worker_threads';
import { buildMedicalWordList, personalDictionary } from '@pivot/core/documents';
import dictionaryFr from 'dictionary-fr';
import nspell from 'nspell';
import { medicalReference } from './medical-reference.ts';

export interface Misspelling {
  start: number;
  end: number;
  word: string;
}

export interface SpellChecker {
  check(text: string, userWords?: readonly string[]): Misspelling[];
  suggest(word: string): string[];
}

type Speller = ReturnType<typeof nspell>;

const wordPattern = /\p{L}+(?:['’-]\p{L}+)*/gu;
const elision = /^(?:jusqu|lorsqu|puisqu|qu|[cdjlmnst])['’]/iu;

function isKnown(speller: Speller, word: string, extra: ReadonlySet<string>): boolean {
  if (word.length < 2 || extra.has(word.toLocaleLowerCase('fr'))) return true;
  if (speller.correct(word)) return true;
  const bare = word.replace(/’/g, "'").replace(elision, '');
  if (bare !== word && (speller.correct(bare) || extra.has(bare.toLocaleLowerCase('fr')))) return true;
  // Compound words are checked part by part ("rhino-pharyngite" is in the list as its parts).
  if (word.includes('-'))
    return word.split('-').every((part) => part === '' || isKnown(speller, part, extra));
  return false;
}

/**
 * French Hunspell (dictionary-fr) plus the medical word list built from the CIM-10 labels and drug
 * names; built once, on first use (about half a second), then each check is a few milliseconds.
 */
export function createSpellChecker(): SpellChecker {
  const { cim10, drugNames } = medicalReference();
  const speller = nspell(dictionaryFr);
  speller.personal(personalDictionary(buildMedicalWordList(cim10, drugNames)));
  return {
    check(text, userWords = []) {
      const extra = new Set(userWords.map((w) => w.toLocaleLowerCase('fr')));
      const out: Misspelling[] = [];
      const known = new Map<string, boolean>();
      for (const match of text.matchAll(wordPattern)) {
        const word = match[0];
        let ok = known.get(word);
        if (ok === undefined) {
          ok = isKnown(speller, word, extra);
          known.set(word, ok);
        }
        if (!ok) out.push({ start: match.index, end: match.index + word.length, word });
      }
      return out;
    },
    // Suggestions are slow in Hunspell: asked for one word, when the user opens it.
    suggest(word) {
      return speller.suggest(word).slice(0, 5);
    },
  };
}

export interface AsyncSpellChecker {
  ready: Promise<void>;
  check(text: string, userWords?: readonly string[]): Promise<Misspelling[]>;
  suggest(word: string): Promise<string[]>;
  close(): Promise<void>;
}

/** The spell-checker in a worker thread, so that building it never blocks the server. */
export function startSpellWorker(): AsyncSpellChecker {
  // The worker runs TypeScript through tsx, as the server does (`node --import tsx`).
  const bootstrap = `(async () => {
    const { register } = await import('tsx/esm/api');
    register();
    await import(require('node:worker_threads').workerData.url);
  })();`;
  const worker = new Worker(bootstrap, {
    eval: true,
    workerData: { url: new URL('./spell-worker.ts', import.meta.url).href },
  });
  worker.unref();
  let next = 0;
  const pending = new Map<number, (result: unknown) => void>();
  const ready = new Promise<void>((resolve, reject) => {
    worker.on('message', (message: { type?: string; id?: number; result?: unknown }) => {
      if (message.type === 'ready') return resolve();
      const done = pending.get(message.id!);
      pending.delete(message.id!);
      done?.(message.result);
    });
    worker.on('error', reject);
  });
  const ask = <T>(message: Record<string, unknown>) =>
    ready.then(
      () =>
        new Promise<T>((resolve) => {
          const id = next++;
          pending.set(id, resolve as (result: unknown) => void);
          worker.postMessage({ id, ...message });
        }),
    );
  return {
    ready,
    check: (text, userWords = []) => ask<Misspelling[]>({ text, userWords: [...userWords] }),
    suggest: (word) => ask<string[]>({ suggest: word }),
    close: async () => {
      await worker.terminate();
    },
  };
}

let shared: AsyncSpellChecker | undefined;

/** The process's spell-checker, started on first use and kept. */
export function spellChecker(): AsyncSpellChecker {
  shared ??= startSpellWorker();
  return shared;
}
