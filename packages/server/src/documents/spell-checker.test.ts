import { beforeAll, describe, expect, it } from 'vitest';
import { loadSpellChecker, type SpellChecker, spellChecker, spellCheckerLoaded } from './spell-checker.ts';
import { buildMedicalWords, readFrenchWordForms, readMedicalWords } from './spelling-lists.ts';

let checker: SpellChecker;

beforeAll(async () => {
  checker = await loadSpellChecker();
});

const unknown = (text: string) => checker.check(text).map((m) => m.word);

describe('French and medical spell-checker', () => {
  it('ships word lists built from the installed dictionary-fr and the CIM-10 and drug files', async () => {
    // When this fails, rebuild them: node --import tsx packages/server/src/documents/build-spelling-lists.ts
    const forms = readFrenchWordForms();
    expect(forms?.plain.has('artérielle')).toBe(true);
    expect(readMedicalWords()).toEqual(await buildMedicalWords());
  }, 60_000);

  it('accepts French words in any case, elided, hyphenated, and the medical words', () => {
    expect(
      unknown(
        "L'hypertension artérielle de l'enfant, qu'il soit traité par amlodipine ou non. " +
          "Quoiqu'il arrive, jusqu'à l'AVC. Rhino-pharyngite. IDENTITÉ QUALIFIÉE. Metformine, dyspnée.",
      ),
    ).toEqual([]);
  });

  it('flags misspelt words with their offsets', () => {
    expect(checker.check('Une fautte, deux fauttes.')).toEqual([
      { start: 4, end: 10, word: 'fautte' },
      { start: 17, end: 24, word: 'fauttes' },
    ]);
    expect(unknown('une hypertention et une dispnée sous amlodipinne')).toEqual([
      'hypertention',
      'dispnée',
      'amlodipinne',
    ]);
  });

  it('leaves words in capitals alone: acronyms and birth names', () => {
    expect(unknown('Mme DUPONTEL, suivie pour HTA et BPCO, IRM faite.')).toEqual([]);
    expect(unknown('Mme Dupontel')).toEqual(['Dupontel']);
  });

  it('leaves surnames in capitals alone, hyphenated and elided ones too', () => {
    expect(unknown('M. KERBRAT-ZANETTI et Mme D’OLIVEIRA, vus par le Dr LE SCOUARNEC.')).toEqual([]);
  });

  it('accepts the words the users added', () => {
    expect(checker.check('Le Dr Zorglub prescrit du zorglubine.', ['Zorglub', 'zorglubine'])).toEqual([]);
  });

  it('suggests the right French and medical words', () => {
    expect(checker.suggest('hypertention')[0]).toBe('hypertension');
    expect(checker.suggest('amlodipinne')[0]).toBe('amlodipine');
    expect(checker.suggest('dyspnee')[0]).toBe('dyspnée');
    expect(checker.suggest('rhinopharingite')[0]).toBe('rhinopharyngite');
    expect(checker.suggest('metformin')).toContain('metformine');
    expect(checker.suggest('Fautte')[0]).toBe('Faute');
    expect(checker.suggest("l'hypertention")[0]).toBe('l’hypertension');
    expect(checker.suggest('hypertension')).toEqual([]);
  });
});

describe('the spell-checker of the server process', () => {
  it('gives its word lists back once unused for the idle time, and loads them again at the next check', async () => {
    expect(spellCheckerLoaded()).toBe(false);
    const checker = spellChecker(300);
    expect(await checker.check('Le patiant tousse.')).toEqual([{ start: 3, end: 10, word: 'patiant' }]);
    expect(spellCheckerLoaded()).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(spellCheckerLoaded()).toBe(false);
    expect(await checker.suggest('hypertention')).toContain('hypertension');
    expect(spellCheckerLoaded()).toBe(true);
  }, 60_000);
});
