import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error.ts';
import {
  assertConfidentialityConfirmed,
  buildMedicalTermIndex,
  checkBeforeSending,
  defaultMedicalTerms,
  findMedicalTerms,
  isHealthRecipient,
  medicalTermIndexOf,
  medicalTermsOf,
  recipientCategories,
  recipientCategoryOf,
  withUserTerms,
} from './confidentiality.ts';
import { richTextDoc } from './rich-text.ts';

const cim10 = [
  { code: 'E11', label: 'Diabète de type 2' },
  { code: 'E119', label: 'Diabète sucré de type 2, sans complication' },
  { code: 'I10', label: 'Hypertension essentielle (primitive)' },
  { code: 'F329', label: 'Épisode dépressif, sans précision' },
  { code: 'M6289', label: 'Autres affections musculaires précisées' },
  { code: 'S628', label: 'Fracture de parties autres et non précisées du poignet et de la main' },
  {
    code: 'V4350',
    label: 'Passager d’une voiture blessé dans une collision avec une voiture, accident de la circulation',
  },
  { code: 'G309', label: 'Maladie d’Alzheimer, sans précision' },
  { code: 'I509', label: 'Œdème pulmonaire, sans précision' },
];
const drugs = ['METFORMINE', 'metformine', 'GLUCOPHAGE', 'sodium fluorure', 'oxygene'];
const index = buildMedicalTermIndex(cim10, drugs, ['greffe de rein']);

describe('buildMedicalTermIndex', () => {
  it('keeps whole label segments and their meaningful words', () => {
    const terms = [...index.byFirstKey.values()].flat().map((t) => t.keys.join(' '));
    expect(terms).toContain('diabete de type 2');
    expect(terms).toContain('diabete sucre de type 2');
    expect(terms).toContain('diabete');
    expect(terms).toContain('hypertension essentielle');
    expect(terms).toContain('primitive');
    expect(terms).toContain('alzheimer');
  });

  it('keeps as single words only segment heads, disease-shaped words and proper names', () => {
    const small = buildMedicalTermIndex(
      [{ code: 'J40', label: 'Toux avec bronchite chez un sujet ayant travaillé' }],
      [],
      [],
    );
    const singles = [...small.byFirstKey.values()]
      .flat()
      .filter((t) => t.keys.length === 1)
      .map((t) => t.keys[0]);
    expect(singles.sort()).toEqual(['bronchite', 'toux']);
  });

  it('offers default terms missing from CIM-10, such as cancer', () => {
    const withDefaults = buildMedicalTermIndex([], [], defaultMedicalTerms);
    expect(findMedicalTerms('un cancer du sein', withDefaults).map((s) => s.text)).toEqual(['cancer']);
  });

  it('skips stop words, qualifiers and common words', () => {
    for (const word of [
      'de',
      'type',
      'sans',
      'precision',
      'autre',
      'main',
      'poignet',
      'partie',
      'sodium',
      'maladie',
    ]) {
      expect(index.byFirstKey.get(word)?.some((t) => t.keys.length === 1) ?? false).toBe(false);
    }
  });

  it('leaves out the external causes chapter (V–Y) by default', () => {
    expect(index.byFirstKey.has('voiture')).toBe(false);
    expect(index.byFirstKey.has('passager')).toBe(false);
    const withCauses = buildMedicalTermIndex(cim10, [], [], { excludedCodePrefixes: [] });
    expect(withCauses.byFirstKey.has('passager')).toBe(true);
  });

  it('orders the terms starting with a word longest first', () => {
    const lengths = index.byFirstKey.get('diabete')!.map((t) => t.keys.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => b - a));
  });

  it('counts each term once whatever its spelling in the sources', () => {
    expect(index.byFirstKey.get('metformine')).toHaveLength(1);
  });
});

describe('the reference index and the users’ terms', () => {
  it('adds an organisation’s terms to the reference index as building both would', () => {
    const reference = buildMedicalTermIndex(cim10, drugs, []);
    const combined = withUserTerms(reference, ['greffe de rein', 'diabète']);
    const built = buildMedicalTermIndex(cim10, drugs, ['greffe de rein', 'diabète']);
    expect(combined.size).toBe(built.size);
    expect(findMedicalTerms('greffe de rein, diabète de type 2', combined)).toEqual(
      findMedicalTerms('greffe de rein, diabète de type 2', built),
    );
    // The user's spelling of a term already in the reference wins, as when built together.
    expect(combined.byFirstKey.get('diabete')?.find((t) => t.keys.length === 1)?.source).toBe('user');
    expect(withUserTerms(reference, [])).toBe(reference);
  });

  it('rebuilds an index from its terms sent as plain data by the worker', () => {
    const copy = medicalTermIndexOf(JSON.parse(JSON.stringify(medicalTermsOf(index))));
    expect(copy.size).toBe(index.size);
    expect(findMedicalTerms('Diabète sucré de type 2, metformine', copy)).toEqual(
      findMedicalTerms('Diabète sucré de type 2, metformine', index),
    );
  });

  it('does not flag “arrêt de travail” nor “à la demande”, ordinary words of letters', () => {
    const withHeads = buildMedicalTermIndex(
      [
        { code: 'I469', label: 'Arrêt cardiaque, sans précision' },
        { code: 'Z763', label: 'Demande de conseils' },
      ],
      [],
      [],
    );
    expect(findMedicalTerms('Arrêt de travail de dix jours, à la demande de l’intéressé', withHeads)).toEqual(
      [],
    );
    expect(findMedicalTerms('arrêt cardiaque', withHeads).map((s) => s.text)).toEqual(['arrêt cardiaque']);
  });
});

describe('findMedicalTerms', () => {
  it('highlights a diagnosis and a drug with offsets in the text', () => {
    const text = 'Patient suivi pour un diabète de type 2, traité par metformine.';
    const spans = findMedicalTerms(text, index);
    expect(spans.map((s) => [s.text, s.source])).toEqual([
      ['diabète de type 2', 'cim10'],
      ['metformine', 'drug'],
    ]);
    expect(text.slice(spans[0]!.start, spans[0]!.end)).toBe('diabète de type 2');
    expect(spans[0]!.code).toBe('E11');
  });

  it('matches the longest term first', () => {
    const [span] = findMedicalTerms('Diabète sucré de type 2 équilibré', index);
    expect(span!.text).toBe('Diabète sucré de type 2');
  });

  it('falls back to a single disease word when no phrase matches', () => {
    expect(findMedicalTerms('un diabète ancien', index).map((s) => s.text)).toEqual(['diabète']);
  });

  it('ignores case, accents, ligatures and plurals', () => {
    expect(
      findMedicalTerms('DIABETE, oedeme pulmonaire, METFORMINE, épisodes dépressifs', index).map(
        (s) => s.text,
      ),
    ).toEqual(['DIABETE', 'oedeme pulmonaire', 'METFORMINE', 'épisodes dépressifs']);
  });

  it('finds brand names and terms with an elision', () => {
    expect(findMedicalTerms("Glucophage 1000 ; maladie d'Alzheimer", index).map((s) => s.text)).toEqual([
      'Glucophage',
      "maladie d'Alzheimer",
    ]);
  });

  it('finds the terms the users added', () => {
    expect(findMedicalTerms('suite à une greffe de rein', index)).toMatchObject([
      { text: 'greffe de rein', source: 'user' },
    ]);
  });

  it('does not flag an ordinary certificate sentence', () => {
    const text =
      'Certificat remis en main propre à l’intéressée, le patient est apte au travail à partir du 16/06/2025.';
    expect(findMedicalTerms(text, index)).toEqual([]);
  });

  it('matches words only, never inside another word', () => {
    expect(findMedicalTerms('diabètement', index)).toEqual([]);
  });
});

describe('checkBeforeSending', () => {
  const letter = 'Arrêt de travail en raison d’une hypertension essentielle traitée.';

  it('checks nothing for a health professional', () => {
    expect(checkBeforeSending(letter, { category: 'health_professional' }, index)).toEqual({
      needsConfirmation: false,
      spans: [],
    });
    expect(isHealthRecipient('health_establishment')).toBe(true);
  });

  it('highlights medical terms for an employer, a school, an insurer, the family or the patient', () => {
    for (const category of ['employer', 'school', 'insurer', 'family', 'patient'] as const) {
      const check = checkBeforeSending(letter, { category }, index);
      expect(check.needsConfirmation).toBe(true);
      expect(check.spans.map((s) => s.text)).toEqual(['hypertension essentielle']);
    }
  });

  it('treats every category except health professionals and establishments as non-health', () => {
    expect(recipientCategories.filter(isHealthRecipient)).toEqual([
      'health_professional',
      'health_establishment',
    ]);
  });

  it('reads a rich-text document', () => {
    const check = checkBeforeSending(
      richTextDoc('Objet : certificat', 'Sous METFORMINE'),
      { category: 'school' },
      index,
    );
    expect(check.spans).toMatchObject([{ text: 'METFORMINE', start: 24, end: 34 }]);
  });

  it('leaves out the terms the user confirmed, whatever their case or accents', () => {
    const check = checkBeforeSending(letter, { category: 'employer' }, index, ['Hypertension ESSENTIELLE']);
    expect(check).toEqual({ needsConfirmation: false, spans: [] });
  });

  it('refuses sending while terms remain unconfirmed', () => {
    const check = checkBeforeSending(letter, { category: 'employer' }, index);
    expect(() => assertConfidentialityConfirmed(check)).toThrow(DomainError);
    expect(() => assertConfidentialityConfirmed({ needsConfirmation: false, spans: [] })).not.toThrow();
  });
});

describe('recipient category of a correspondent', () => {
  it('treats practitioners and care facilities as health recipients, insurers and social services not', () => {
    expect(recipientCategoryOf({ kind: 'practitioner' })).toBe('health_professional');
    for (const bodyType of ['hospital', 'clinic', 'laboratory', 'imaging', 'pharmacy'])
      expect(recipientCategoryOf({ kind: 'body', bodyType })).toBe('health_establishment');
    expect(recipientCategoryOf({ kind: 'body', bodyType: 'cpam' })).toBe('insurer');
    expect(recipientCategoryOf({ kind: 'body', bodyType: 'mutuelle' })).toBe('insurer');
    expect(recipientCategoryOf({ kind: 'body', bodyType: 'social_service' })).toBe('administration');
    expect(recipientCategoryOf({ kind: 'body', bodyType: 'other' })).toBe('other');
  });
});
