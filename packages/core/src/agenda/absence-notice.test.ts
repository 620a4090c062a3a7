import { describe, expect, it } from 'vitest';
import { absenceNoticeText } from './absence-notice.ts';

// 2027-04-06 09:00 in Paris (summer time, UTC+2).
const start = Date.parse('2027-04-06T07:00:00Z');
const base = {
  start,
  practitionerName: 'Dr Durand',
  motif: { fr: 'Consultation', en: 'Consultation' },
  sitePhone: '01 23 45 67 89',
};

describe('absence notice', () => {
  it('names the displaced appointment in Paris time and the proposed slot, in French', () => {
    const text = absenceNoticeText({
      ...base,
      language: 'fr',
      proposal: { start: Date.parse('2027-04-07T12:30:00Z'), practitionerName: 'Dr Martin' },
    });
    expect(text.body).toContain('Dr Durand sera absent(e) le mardi 6 avril 2027');
    expect(text.body).toContain('rendez-vous de 09:00 (Consultation)');
    expect(text.body).toContain('le mercredi 7 avril 2027 à 14:30 avec Dr Martin');
    expect(text.body).toContain('01 23 45 67 89');
  });

  it('asks to book again when no slot was found, in English', () => {
    const text = absenceNoticeText({ ...base, language: 'en', proposal: null, sitePhone: null });
    expect(text.subject).toBe('Your appointment cannot go ahead');
    expect(text.body).toContain('Tuesday 6 April 2027');
    expect(text.body).toContain('Please book a new appointment.');
  });

  it('leaves the motif out of the SMS', () => {
    const text = absenceNoticeText({
      ...base,
      language: 'fr',
      motif: { fr: 'Suivi psychiatrique', en: 'Psychiatric follow-up' },
      proposal: null,
    });
    expect(text.sms).not.toContain('psychiatrique');
    expect(text.sms).toContain('09:00');
  });
});
