import type { Language } from '../errors/messages.ts';

/** The patient's sex as the identity records it (RNIV: M, F, I for undetermined), or not known. */
export type PatientSex = 'M' | 'F' | 'I' | null | undefined;

/** The words of a letter that agree with the patient's sex, each a merge field. */
export const agreedWords = ['civility', 'born', 'concerned', 'pronoun', 'pronounCapitalized'] as const;
export type AgreedWord = (typeof agreedWords)[number];

type Forms = { M: string; F: string; inclusive: string };

/**
 * French agrees the participle and the noun with the person ("née le", "l'intéressée"); when the
 * sex is undetermined or unknown the letter keeps the inclusive form the templates were written
 * with ("né(e)", "l'intéressé(e)"), as French administrative letters do. The civility stays empty
 * then: the name alone is written rather than a guessed "Madame" or "Monsieur".
 */
const forms: Record<Language, Record<AgreedWord, Forms>> = {
  fr: {
    civility: { M: 'Monsieur', F: 'Madame', inclusive: '' },
    born: { M: 'né', F: 'née', inclusive: 'né(e)' },
    concerned: { M: 'l’intéressé', F: 'l’intéressée', inclusive: 'l’intéressé(e)' },
    pronoun: { M: 'il', F: 'elle', inclusive: 'il/elle' },
    pronounCapitalized: { M: 'Il', F: 'Elle', inclusive: 'Il/Elle' },
  },
  en: {
    civility: { M: 'Mr', F: 'Ms', inclusive: '' },
    born: { M: 'born', F: 'born', inclusive: 'born' },
    concerned: { M: 'the person concerned', F: 'the person concerned', inclusive: 'the person concerned' },
    pronoun: { M: 'he', F: 'she', inclusive: 'they' },
    pronounCapitalized: { M: 'He', F: 'She', inclusive: 'They' },
  },
};

/** The form of `word` that agrees with the patient's sex, the inclusive one when it is not M or F. */
export function agreeWithSex(word: AgreedWord, sex: PatientSex, language: Language): string {
  const form = forms[language][word];
  return sex === 'M' || sex === 'F' ? form[sex] : form.inclusive;
}
