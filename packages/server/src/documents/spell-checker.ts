import { Worker } from 'node:worker_threads';
import dictionaryFr from 'dictionary-fr';
import nspell from 'nspell';
import {
  buildMedicalWords,
  elision,
  expandFrenchWordForms,
  readFrenchWordForms,
  readMedicalWords,
  type WordForms,
  withoutElision,
} from './spelling-lists.ts';

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

function isKnown(speller: Speller, word: string, extra: ReadonlySet<string>): boolean {
  if (word.length < 2 || extra.has(word.toLocaleLowerCase('fr'))) return true;
  // Words in capitals are acronyms (HTA, BPCO) or birth names, as word processors assume.
  if (word === word.toLocaleUpperCase('fr') && word !== word.toLocaleLowerCase('fr')) return true;
  if (speller.correct(word)) return true;
  const bare = word.replace(/’/g, "'").replace(elision, '');
  if (bare !== word && (speller.correct(bare) || extra.has(bare.toLocaleLowerCase('fr')))) return true;
  // Compound words are checked part by part ("rhino-pharyngite" is in the list as its parts).
  if (word.includes('-'))
    return word.split('-').every((part) => part === '' || isKnown(speller, part, extra));
  return false;
}

/**
 * nspell over the expanded word forms: its own affix-file settings (REP, KEY and TRY tables for the
 * suggestions, ICONV/OCONV) with the forms read from the shipped list instead of expanded at each
 * start, so checks and suggestions are nspell's. nspell looks words up in its `data` object; a
 * proxy answers from the sets, finding the elided forms ("l'hypertension") through their bare
 * word, so "l'hypertention" is still corrected to "l'hypertension".
 */
function spellerOver(forms: WordForms, medicalWords: readonly string[]): Speller {
  const speller = nspell({ aff: dictionaryFr.aff }) as Speller & {
    data: Record<string, string[]>;
    flags: Record<string, string | boolean | undefined>;
  };
  const noCodes: string[] = [];
  const { plain } = forms;
  const codes = new Map<string, string[]>();
  for (const [form, flags] of forms.flagged)
    codes.set(
      form,
      flags.flatMap((name) => (speller.flags[name] ? [String(speller.flags[name])] : [])),
    );
  for (const word of medicalWords) if (!plain.has(word) && !codes.has(word)) codes.set(word, noCodes);
  const exact = (key: string) => (plain.has(key) ? noCodes : codes.get(key));
  const lookup = (key: string | symbol): string[] | undefined => {
    if (typeof key !== 'string') return undefined;
    const found = exact(key);
    if (found !== undefined) return found;
    const bare = withoutElision(key);
    return bare === undefined ? undefined : exact(bare);
  };
  speller.data = new Proxy(Object.create(null) as Record<string, string[]>, {
    get: (_, key) => lookup(key),
    has: (_, key) => lookup(key) !== undefined,
    set: (_, key, value: string[]) => {
      if (typeof key === 'string') codes.set(key, value);
      return true;
    },
  });
  return speller;
}

/**
 * French Hunspell (dictionary-fr) plus the medical word list built from the CIM-10 labels and drug
 * names. Ready in a few hundred milliseconds from the lists shipped in reference/spelling (see
 * spelling-lists.ts); each check is then a fraction of a millisecond.
 */
export async function loadSpellChecker(
  forms: WordForms | undefined = readFrenchWordForms(),
  medicalWords: readonly string[] | undefined = readMedicalWords(),
): Promise<SpellChecker> {
  if (forms === undefined || medicalWords === undefined)
    process.emitWarning(
      'reference/spelling does not match dictionary-fr or the CIM-10 and drug files: building the ' +
        'word lists (seconds); rebuild them with ' +
        '`node --import tsx packages/server/src/documents/build-spelling-lists.ts`',
    );
  const speller = spellerOver(forms ?? expandFrenchWordForms(), medicalWords ?? (await buildMedicalWords()));
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
    // Suggestions try every edit of the word: asked for one word, when the user opens it.
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

/**
 * The word lists take about 75 MB in their worker: a server nobody writes on gives them back after
 * `idleMs` without a check (PIVOT_SPELL_CHECKER_IDLE_SECONDS, 10 minutes by default), and the next
 * check loads them again in under a second.
 */

interface RunningChecker {
  checker: AsyncSpellChecker;
  inFlight: number;
  idle?: NodeJS.Timeout;
}

let running: RunningChecker | undefined;

function use<T>(idleMs: number, work: (checker: AsyncSpellChecker) => Promise<T>): Promise<T> {
  running ??= { checker: startSpellWorker(), inFlight: 0 };
  const current = running;
  current.inFlight += 1;
  clearTimeout(current.idle);
  return work(current.checker).finally(() => {
    current.inFlight -= 1;
    if (current.inFlight > 0) return;
    current.idle = setTimeout(() => {
      if (running === current) running = undefined;
      void current.checker.close();
    }, idleMs);
    current.idle.unref();
  });
}

/** The process's spell-checker: started by its first use, stopped once unused for `idleMs`. */
export function spellChecker(idleMs: number): Pick<AsyncSpellChecker, 'check' | 'suggest'> {
  return {
    check: (text, userWords) => use(idleMs, (checker) => checker.check(text, userWords)),
    suggest: (word) => use(idleMs, (checker) => checker.suggest(word)),
  };
}

/** Whether the word lists are loaded (a worker is running). */
export function spellCheckerLoaded(): boolean {
  return running !== undefined;
}
