import { describe, expect, it } from 'vitest';
import { triageProtocolSchema } from './schemas.ts';
import { evaluateTriage, type TriageProtocol } from './triage.ts';
import { defaultTriageProtocols } from './triage-protocols.ts';

const protocol = (id: string): TriageProtocol => {
  const found = defaultTriageProtocols.find((p) => p.id === id);
  if (!found) throw new Error(id);
  return found;
};

/** Answers every question with its flag-free option ("no"), then applies the given answers. */
function calm(p: TriageProtocol, answers: Record<string, string> = {}): Record<string, string> {
  const base: Record<string, string> = {};
  for (const q of p.questions) {
    const plain = q.options.find((o) => !o.flag);
    if (plain) base[q.id] = plain.id;
  }
  return { ...base, ...answers };
}

function outcome(id: string, answers: Record<string, string>) {
  const p = protocol(id);
  const result = evaluateTriage(p, calm(p, answers));
  return [result.level, result.path];
}

describe('triage evaluation', () => {
  it('is always labelled as an aid, with a bilingual disclaimer', () => {
    const result = evaluateTriage(protocol('chest_pain'), {});
    expect(result.isAid).toBe(true);
    expect(result.disclaimer.fr).toMatch(/Aide/);
    expect(result.disclaimer.en).toMatch(/aid/);
  });

  it('reports unanswered questions and keeps the baseline level', () => {
    const result = evaluateTriage(protocol('abdominal_pain'), { intensity: 'mild' });
    expect(result.unanswered).toEqual(['bleeding', 'pregnancy_bleeding', 'fever']);
    expect([result.level, result.path]).toEqual(['routine', 'routine']);
  });

  it('takes the most urgent red flag and lists every flag raised', () => {
    const p = protocol('abdominal_pain');
    const result = evaluateTriage(p, calm(p, { intensity: 'moderate', fever: 'yes', bleeding: 'yes' }));
    expect(result.level).toBe('vital');
    expect(result.path).toBe('call_samu_15');
    expect(result.flags.map((f) => f.questionId)).toEqual(['intensity', 'bleeding', 'fever']);
  });

  it('refuses answers to unknown questions or with unknown options', () => {
    expect(() => evaluateTriage(protocol('chest_pain'), { unknown: 'yes' })).toThrow(
      expect.objectContaining({ code: 'triage_unknown_answer' }),
    );
    expect(() => evaluateTriage(protocol('chest_pain'), { pain_type: 'purple' })).toThrow(
      expect.objectContaining({ code: 'triage_unknown_answer', field: 'pain_type' }),
    );
  });

  it('always sends a vital level to the SAMU, whatever path the author wrote', () => {
    const custom: TriageProtocol = {
      id: 'custom',
      title: { fr: 'x', en: 'x' },
      baseline: { level: 'routine' },
      questions: [
        {
          id: 'q',
          text: { fr: 'q', en: 'q' },
          options: [
            { id: 'a', label: { fr: 'a', en: 'a' }, flag: { level: 'vital', path: 'orient_elsewhere' } },
            { id: 'b', label: { fr: 'b', en: 'b' } },
          ],
        },
      ],
    };
    expect(evaluateTriage(custom, { q: 'a' }).path).toBe('call_samu_15');
  });
});

describe('default protocols: red flags', () => {
  it('chest pain: crushing pain, associated signs or more than 20 minutes call the SAMU', () => {
    expect(outcome('chest_pain', { pain_type: 'crushing' })).toEqual(['vital', 'call_samu_15']);
    expect(outcome('chest_pain', { pain_type: 'sharp_breathing', associated_signs: 'yes' })).toEqual([
      'vital',
      'call_samu_15',
    ]);
    expect(outcome('chest_pain', { pain_type: 'sharp_breathing', lasting_20_min: 'yes' })).toEqual([
      'vital',
      'call_samu_15',
    ]);
    expect(outcome('chest_pain', { pain_type: 'sharp_breathing' })).toEqual(['urgent', 'same_day']);
    // Chest pain is never below same-day, even when it has gone.
    expect(outcome('chest_pain', { pain_type: 'gone' })).toEqual(['urgent', 'same_day']);
  });

  it('breathing difficulty: unable to speak, blue lips or throat swelling call the SAMU', () => {
    expect(outcome('breathing_difficulty', { severity: 'cannot_speak' })).toEqual(['vital', 'call_samu_15']);
    expect(outcome('breathing_difficulty', { blue_lips: 'yes' })).toEqual(['vital', 'call_samu_15']);
    expect(outcome('breathing_difficulty', { allergy_swelling: 'yes' })).toEqual(['vital', 'call_samu_15']);
    expect(outcome('breathing_difficulty', { severity: 'breathless_at_rest' })).toEqual([
      'urgent',
      'same_day',
    ]);
    expect(outcome('breathing_difficulty', { asthma_not_relieved: 'yes' })).toEqual(['urgent', 'same_day']);
    expect(outcome('breathing_difficulty', {})).toEqual(['soon', 'within_week']);
  });

  it('infant fever: a floppy infant or purpura call the SAMU; under 3 months is same day', () => {
    expect(outcome('infant_fever', { behaviour: 'floppy_or_unrousable' })).toEqual(['vital', 'call_samu_15']);
    expect(outcome('infant_fever', { purpura: 'yes' })).toEqual(['vital', 'call_samu_15']);
    expect(outcome('infant_fever', { age: 'under_3_months' })).toEqual(['urgent', 'same_day']);
    expect(outcome('infant_fever', { feeding: 'yes' })).toEqual(['urgent', 'same_day']);
    expect(outcome('infant_fever', { fever_over_48h: 'yes' })).toEqual(['urgent', 'same_day']);
    expect(outcome('infant_fever', {})).toEqual(['soon', 'within_week']);
  });

  it('abdominal pain: digestive bleeding calls the SAMU; unbearable pain, fever or pregnancy bleeding is same day', () => {
    expect(outcome('abdominal_pain', { bleeding: 'yes' })).toEqual(['vital', 'call_samu_15']);
    expect(outcome('abdominal_pain', { intensity: 'unbearable' })).toEqual(['urgent', 'same_day']);
    expect(outcome('abdominal_pain', { pregnancy_bleeding: 'yes' })).toEqual(['urgent', 'same_day']);
    expect(outcome('abdominal_pain', { fever: 'yes' })).toEqual(['urgent', 'same_day']);
    expect(outcome('abdominal_pain', { intensity: 'moderate' })).toEqual(['soon', 'within_week']);
    expect(outcome('abdominal_pain', {})).toEqual(['routine', 'routine']);
  });

  it('head injury: loss of consciousness, seizure or repeated vomiting call the SAMU; anticoagulants are same day', () => {
    expect(outcome('head_injury', { consciousness: 'yes' })).toEqual(['vital', 'call_samu_15']);
    expect(outcome('head_injury', { symptoms: 'seizure_or_repeated_vomiting' })).toEqual([
      'vital',
      'call_samu_15',
    ]);
    expect(outcome('head_injury', { symptoms: 'single_vomit' })).toEqual(['urgent', 'same_day']);
    expect(outcome('head_injury', { anticoagulant: 'yes' })).toEqual(['urgent', 'same_day']);
    expect(outcome('head_injury', { wound: 'yes' })).toEqual(['urgent', 'same_day']);
    expect(outcome('head_injury', {})).toEqual(['soon', 'within_week']);
  });

  it('stroke signs: any of face, arm or speech calls the SAMU', () => {
    for (const question of ['face', 'arm', 'speech'])
      expect(outcome('stroke_signs', { [question]: 'yes' })).toEqual(['vital', 'call_samu_15']);
    expect(outcome('stroke_signs', {})).toEqual(['urgent', 'same_day']);
  });

  it('toothache is oriented to a dentist unless it is an abscess with fever or threatens breathing', () => {
    const result = evaluateTriage(protocol('dental_pain'), calm(protocol('dental_pain')));
    expect([result.level, result.path]).toEqual(['soon', 'orient_elsewhere']);
    expect(result.advice?.fr).toMatch(/dentiste/);
    expect(outcome('dental_pain', { swelling_fever: 'yes' })).toEqual(['urgent', 'same_day']);
    expect(outcome('dental_pain', { swallowing: 'yes' })).toEqual(['vital', 'call_samu_15']);
  });

  it('ships every default protocol in French and English, valid against the editing schema', () => {
    expect(defaultTriageProtocols.length).toBeGreaterThanOrEqual(7);
    for (const p of defaultTriageProtocols) {
      const result = triageProtocolSchema.safeParse(p);
      expect(result.success, `${p.id}: ${JSON.stringify(result.error?.issues)}`).toBe(true);
    }
  });
});

describe('triage protocol schema', () => {
  const valid = triageProtocolSchema.parse(protocol('stroke_signs'));
  const messages = (value: unknown) =>
    triageProtocolSchema.safeParse(value).error?.issues.map((i) => i.message) ?? [];

  it('refuses duplicate question ids and duplicate option ids', () => {
    expect(messages({ ...valid, questions: [valid.questions[0], valid.questions[0]] })).toContain(
      'triage_duplicate_id',
    );
    const q = valid.questions[0]!;
    expect(messages({ ...valid, questions: [{ ...q, options: [q.options[0], q.options[0]] }] })).toContain(
      'triage_duplicate_id',
    );
  });

  it('refuses a question with a single answer, a missing translation or an unknown level', () => {
    const q = valid.questions[0]!;
    expect(
      triageProtocolSchema.safeParse({ ...valid, questions: [{ ...q, options: [q.options[0]] }] }).success,
    ).toBe(false);
    expect(triageProtocolSchema.safeParse({ ...valid, title: { fr: 'AVC', en: '' } }).success).toBe(false);
    expect(triageProtocolSchema.safeParse({ ...valid, baseline: { level: 'panic' } }).success).toBe(false);
  });

  it('refuses the SAMU path on a level other than vital', () => {
    const q = valid.questions[0]!;
    const options = [{ ...q.options[0]!, flag: { level: 'urgent', path: 'call_samu_15' } }, q.options[1]];
    expect(messages({ ...valid, questions: [{ ...q, options }] })).toContain('triage_path_level_mismatch');
  });
});
