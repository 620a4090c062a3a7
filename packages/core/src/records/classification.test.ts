import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error.ts';
import {
  activeCategories,
  type ClassificationPlan,
  categoryWithDescendants,
  classificationLabel,
  defaultClassificationPlan,
  filterTimeline,
  type TimelineItem,
  validateClassificationPlan,
} from './classification.ts';

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return 'no error';
}

describe('classification plan', () => {
  it('starts with biology, imaging, letters received, reports, prescriptions, administrative and consent', () => {
    const codes = defaultClassificationPlan.map((c) => c.code);
    for (const code of [
      'biology',
      'imaging',
      'letter_received',
      'report',
      'prescription',
      'administrative',
      'consent',
    ]) {
      expect(codes).toContain(code);
    }
    expect(() => validateClassificationPlan(defaultClassificationPlan)).not.toThrow();
  });

  it('labels categories in French and English', () => {
    expect(classificationLabel(defaultClassificationPlan, 'letter_received', 'fr')).toBe('Courrier reçu');
    expect(classificationLabel(defaultClassificationPlan, 'biology', 'en')).toBe('Laboratory results');
    expect(classificationLabel(defaultClassificationPlan, 'unknown', 'fr')).toBe('unknown');
  });

  it('refuses duplicate codes, malformed codes, unknown parents and cycles', () => {
    const c = (code: string, parentCode: string | null = null) => ({
      code,
      labels: { fr: code, en: code },
      parentCode,
      active: true,
    });
    expect(codeOf(() => validateClassificationPlan([c('aa'), c('aa')]))).toBe(
      'classification_code_duplicate',
    );
    expect(codeOf(() => validateClassificationPlan([c('A b')]))).toBe('classification_code_invalid');
    expect(codeOf(() => validateClassificationPlan([c('aa', 'zz')]))).toBe('classification_parent_unknown');
    expect(codeOf(() => validateClassificationPlan([c('aa', 'bb'), c('bb', 'aa')]))).toBe(
      'classification_cycle',
    );
  });

  it('offers only active categories for new items', () => {
    const plan: ClassificationPlan = [
      ...defaultClassificationPlan.filter((c) => c.code !== 'other'),
      { code: 'other', labels: { fr: 'Autre', en: 'Other' }, parentCode: null, active: false },
    ];
    expect(activeCategories(plan).map((c) => c.code)).not.toContain('other');
  });

  it('selects a category with those under it', () => {
    expect(categoryWithDescendants(defaultClassificationPlan, 'report')).toEqual([
      'report',
      'consultation_report',
      'operative_report',
      'hospital_report',
    ]);
  });
});

describe('record timeline', () => {
  const items: TimelineItem[] = [
    {
      id: '1',
      kind: 'appointment',
      at: '2025-01-10T09:00:00+01:00',
      title: 'Consultation cardiologie',
      level: 'normal',
    },
    {
      id: '2',
      kind: 'attachment',
      at: '2025-03-01',
      title: 'Bilan lipidique',
      classificationCode: 'biology',
      level: 'normal',
    },
    {
      id: '3',
      kind: 'document',
      at: '2025-03-02T10:00:00+01:00',
      title: 'Compte rendu opératoire',
      classificationCode: 'operative_report',
      level: 'normal',
      authorUserId: 'doc',
    },
    {
      id: '4',
      kind: 'note',
      at: '2025-03-03T10:00:00+01:00',
      title: 'Note personnelle',
      level: 'practitioner_only',
    },
    {
      id: '5',
      kind: 'mail_received',
      at: '2025-03-02T10:00:00+01:00',
      title: 'Écho cardiaque',
      level: 'normal',
    },
  ];
  const secretary = { userId: 'sec', role: 'secretary' as const };
  const practitioner = { userId: 'doc', role: 'practitioner' as const };
  const ids = (list: TimelineItem[]) => list.map((i) => i.id);

  it('lists the most recent first, ties by id', () => {
    expect(ids(filterTimeline(items, {}, practitioner))).toEqual(['4', '3', '5', '2', '1']);
  });

  it('hides practitioner-only items from a secretary', () => {
    expect(ids(filterTimeline(items, {}, secretary))).toEqual(['3', '5', '2', '1']);
  });

  it('filters by kind, dates (inclusive, Paris calendar), author and category with its sub-categories', () => {
    expect(ids(filterTimeline(items, { kinds: ['attachment', 'appointment'] }, secretary))).toEqual([
      '2',
      '1',
    ]);
    expect(ids(filterTimeline(items, { from: '2025-03-01', to: '2025-03-02' }, secretary))).toEqual([
      '3',
      '5',
      '2',
    ]);
    expect(ids(filterTimeline(items, { classificationCodes: ['report'] }, secretary))).toEqual(['3']);
    expect(ids(filterTimeline(items, { authorUserId: 'doc' }, secretary))).toEqual(['3']);
  });

  it('searches titles without regard to case or accents', () => {
    expect(ids(filterTimeline(items, { text: 'ECHO' }, secretary))).toEqual(['5']);
    expect(ids(filterTimeline(items, { text: 'CARDI' }, secretary))).toEqual(['5', '1']);
  });
});
