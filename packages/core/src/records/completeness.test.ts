import { describe, expect, it } from 'vitest';
import { missingBeforeVisit, type RequiredRecordItem } from './completeness.ts';

const bloodTests: RequiredRecordItem = {
  classificationCode: 'biology',
  labels: { fr: 'Bilan sanguin', en: 'Blood tests' },
  maxAgeDays: 30,
};
const consent: RequiredRecordItem = {
  classificationCode: 'consent',
  labels: { fr: 'Consentement', en: 'Consent' },
  maxAgeDays: null,
};

describe('record completeness before a visit', () => {
  it('lists a required item absent from the record', () => {
    expect(missingBeforeVisit([bloodTests], [], '2025-06-15')).toEqual([
      { requirement: bloodTests, reason: 'absent', latestDate: null, acceptedFrom: '2025-05-16' },
    ]);
  });

  it('accepts blood tests up to the maximum age before an anaesthesia consultation', () => {
    const attachments = [{ id: 'a', classificationCode: 'biology', documentDate: '2025-05-16' }];
    expect(missingBeforeVisit([bloodTests], attachments, '2025-06-15')).toEqual([]);
  });

  it('lists blood tests older than the maximum age as too old, with their date', () => {
    const attachments = [
      { id: 'a', classificationCode: 'biology', documentDate: '2025-04-01' },
      { id: 'b', classificationCode: 'biology', documentDate: '2025-05-15' },
    ];
    expect(missingBeforeVisit([bloodTests], attachments, '2025-06-15')).toMatchObject([
      { reason: 'too_old', latestDate: '2025-05-15' },
    ]);
  });

  it('accepts an item of any age when no maximum is set', () => {
    const attachments = [{ id: 'c', classificationCode: 'consent', documentDate: '2010-01-01' }];
    expect(missingBeforeVisit([consent], attachments, '2025-06-15')).toEqual([]);
  });

  it('ignores deleted items, other categories and items dated after the visit', () => {
    const attachments = [
      { id: 'a', classificationCode: 'biology', documentDate: '2025-06-10', deleted: true },
      { id: 'b', classificationCode: 'imaging', documentDate: '2025-06-10' },
      { id: 'c', classificationCode: 'biology', documentDate: '2025-06-20' },
    ];
    expect(
      missingBeforeVisit([bloodTests, consent], attachments, '2025-06-15').map(
        (m) => m.requirement.classificationCode,
      ),
    ).toEqual(['biology', 'consent']);
  });
});
