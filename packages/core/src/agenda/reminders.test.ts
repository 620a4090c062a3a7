import { describe, expect, it } from 'vitest';
import { noticeContent, reminderSmsText, reminderTimes } from './reminders.ts';

const at = Date.parse;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 16);

describe('reminderTimes', () => {
  const now = at('2025-01-01T00:00:00Z');

  it('sends 48 h and 24 h before a daytime appointment', () => {
    expect(reminderTimes(at('2025-01-16T09:00:00Z'), now).map(iso)).toEqual([
      '2025-01-14T09:00',
      '2025-01-15T09:00',
    ]);
  });

  it('moves a reminder falling at night back to the evening before', () => {
    // 07:30 local appointment: 24 h before is 07:30 local, moved to 20:00 local two days before.
    expect(reminderTimes(at('2025-01-16T06:30:00Z'), now).map(iso)).toEqual([
      '2025-01-13T19:00',
      '2025-01-14T19:00',
    ]);
  });

  it('moves a late-evening reminder back to 20:00 the same day', () => {
    expect(
      reminderTimes(at('2025-01-16T21:00:00Z'), now, {
        hoursBefore: [24],
        sendFrom: '08:00',
        sendUntil: '20:00',
      }).map(iso),
    ).toEqual(['2025-01-15T19:00']);
  });

  it('drops reminders already in the past', () => {
    expect(reminderTimes(at('2025-01-16T09:00:00Z'), at('2025-01-14T12:00:00Z')).map(iso)).toEqual([
      '2025-01-15T09:00',
    ]);
    expect(reminderTimes(at('2025-01-16T09:00:00Z'), at('2025-01-16T08:00:00Z'))).toEqual([]);
  });

  it('merges reminders that land on the same moment', () => {
    expect(
      reminderTimes(at('2025-01-16T06:30:00Z'), now, {
        hoursBefore: [10, 9],
        sendFrom: '08:00',
        sendUntil: '20:00',
      }),
    ).toHaveLength(1);
  });

  it('keeps local hours across the spring change', () => {
    // Appointment Monday 31 March 2025 09:00 summer time; 48 h before is Saturday 09:00 winter time.
    expect(
      reminderTimes(at('2025-03-31T07:00:00Z'), now, {
        hoursBefore: [48],
        sendFrom: '08:00',
        sendUntil: '20:00',
      }).map(iso),
    ).toEqual(['2025-03-29T07:00']);
  });
});

describe('noticeContent', () => {
  const input = {
    kind: 'reminder' as const,
    start: at('2025-01-14T13:30:00Z'),
    motif: {
      label: { fr: 'Échographie', en: 'Ultrasound' },
      preparationInstructions: { fr: 'Venir à jeun.', en: 'Come fasting.' },
      documentsToBring: [
        { fr: 'Ordonnance', en: 'Prescription' },
        { fr: '', en: '' },
      ],
    },
    practitionerName: 'Dr Martin',
    siteName: 'Cabinet du Parc',
    siteAddress: '3 rue de la Paix, 75002 Paris',
    sitePhone: '01 23 45 67 89',
  };

  it('writes the notice in French with the Paris date and time', () => {
    expect(noticeContent({ ...input, language: 'fr' })).toEqual({
      kind: 'reminder',
      language: 'fr',
      dateText: 'mardi 14 janvier 2025',
      timeText: '14:30',
      motif: 'Échographie',
      practitionerName: 'Dr Martin',
      location: 'Cabinet du Parc, 3 rue de la Paix, 75002 Paris',
      preparationInstructions: 'Venir à jeun.',
      documentsToBring: ['Ordonnance'],
      sitePhone: '01 23 45 67 89',
    });
  });

  it('writes the notice in English for an English-speaking patient', () => {
    const notice = noticeContent({ ...input, language: 'en' });
    expect(notice).toMatchObject({
      dateText: 'Tuesday 14 January 2025',
      motif: 'Ultrasound',
      preparationInstructions: 'Come fasting.',
    });
  });

  it('leaves the motif out of the SMS text', () => {
    const sms = reminderSmsText(noticeContent({ ...input, language: 'fr' }));
    expect(sms).toContain('mardi 14 janvier 2025 à 14:30');
    expect(sms).not.toContain('Échographie');
    expect(reminderSmsText(noticeContent({ ...input, language: 'en', sitePhone: null }))).toMatch(
      /^Reminder: appointment on Tuesday/,
    );
  });
});
