import { describe, expect, it } from 'vitest';
import { readConfidentialityCorpus, scoreConfidentialityCorpus } from './confidentiality-corpus.ts';
import { buildReferenceIndex } from './medical-reference.ts';

describe('the confidentiality check on 30 invented French letters', () => {
  const letters = readConfidentialityCorpus();
  const score = scoreConfidentialityCorpus(buildReferenceIndex(), letters);

  it('holds consultation letters, certificates, liaison letters, prescriptions and administrative letters', () => {
    expect(letters).toHaveLength(30);
    const kinds = new Set(letters.map((l) => l.id.replace(/-\d+$/, '')));
    for (const kind of [
      'colleague',
      'certificate',
      'consultation',
      'liaison',
      'prescription',
      'administrative',
    ])
      expect(kinds).toContain(kind);
    // Administrative letters carry no medical content: nothing is expected in them.
    expect(
      letters
        .filter((l) => l.id.startsWith('administrative-0') && l.id !== 'administrative-05')
        .every((l) => l.expected.length === 0),
    ).toBe(true);
  });

  // Floors measured on 2026-12-02: precision 0.988 (85 of 86 flagged), recall 0.954 (83 of 87).
  it('keeps its precision above 0.95: what it flags is medical content written about the patient', () => {
    expect(score.precision, JSON.stringify(score.falseAlarms)).toBeGreaterThanOrEqual(0.95);
  });

  it('keeps its recall above 0.90: the medical content of the letters is flagged', () => {
    expect(score.recall, JSON.stringify(score.missed)).toBeGreaterThanOrEqual(0.9);
  });

  it('flags nothing in the administrative letters and never the template’s words', () => {
    const alarms = score.falseAlarms.map((a) => a.text.toLowerCase());
    for (const word of ['demande', 'constatations', 'prise en charge', 'affection', 'hospitalisation'])
      expect(alarms).not.toContain(word);
    expect(score.falseAlarms.filter((a) => a.id.startsWith('administrative'))).toEqual([]);
  });
});
