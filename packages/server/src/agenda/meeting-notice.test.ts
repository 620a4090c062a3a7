import { describe, expect, it } from 'vitest';
import { attendeeLanguage, meetingDescription, meetingNoticeText, meetingWhen } from './meeting-notice.ts';

// 2027-06-07 12:00–13:00 in Paris (summer time, UTC+2).
const meeting = {
  title: 'Staff du lundi',
  start: Date.parse('2027-06-07T10:00:00Z'),
  end: Date.parse('2027-06-07T11:00:00Z'),
  location: 'Salle A',
  description: 'Point mensuel',
  agenda: ['Plannings', 'Congés'],
};

describe('meeting notice text', () => {
  it('writes an invitation in French with the Paris date and hours and the agenda', () => {
    const text = meetingNoticeText({ language: 'fr', kind: 'invitation', meeting });
    expect(text.subject).toBe('Invitation : Staff du lundi');
    expect(text.body).toBe(
      'Staff du lundi\nlundi 7 juin 2027, de 12:00 à 13:00\nSalle A\n\nPoint mensuel\n\nOrdre du jour :\n1. Plannings\n2. Congés',
    );
  });

  it('writes an invitation in English with the Paris date and hours and the agenda', () => {
    const text = meetingNoticeText({ language: 'en', kind: 'invitation', meeting });
    expect(text.subject).toBe('Invitation: Staff du lundi');
    expect(text.body).toBe(
      'Staff du lundi\nMonday 7 June 2027, from 12:00 to 13:00\nSalle A\n\nPoint mensuel\n\nAgenda:\n1. Plannings\n2. Congés',
    );
  });

  it('names an update as such in both languages', () => {
    expect(meetingNoticeText({ language: 'fr', kind: 'invitation_update', meeting }).subject).toBe(
      'Modification : Staff du lundi',
    );
    expect(meetingNoticeText({ language: 'en', kind: 'invitation_update', meeting }).subject).toBe(
      'Updated: Staff du lundi',
    );
  });

  it('tells a removed attendee they are no longer invited, in both languages', () => {
    const fr = meetingNoticeText({ language: 'fr', kind: 'invitation_withdrawn', meeting });
    expect(fr.subject).toBe('Annulation : Staff du lundi');
    expect(fr.body.startsWith('Vous n’êtes plus convié(e) à cette réunion.\n\nStaff du lundi\n')).toBe(true);
    const en = meetingNoticeText({ language: 'en', kind: 'invitation_withdrawn', meeting });
    expect(en.subject).toBe('Cancelled: Staff du lundi');
    expect(en.body.startsWith('You are no longer invited to this meeting.\n\nStaff du lundi\n')).toBe(true);
  });

  it('gives the reason of a cancellation, in both languages', () => {
    const fr = meetingNoticeText({
      language: 'fr',
      kind: 'cancellation',
      meeting,
      reason: 'Intervenant malade',
    });
    expect(fr.subject).toBe('Annulation : Staff du lundi');
    expect(fr.body.startsWith('Cette réunion est annulée.\nMotif : Intervenant malade\n\n')).toBe(true);
    const en = meetingNoticeText({ language: 'en', kind: 'cancellation', meeting, reason: 'Speaker ill' });
    expect(en.subject).toBe('Cancelled: Staff du lundi');
    expect(en.body.startsWith('This meeting is cancelled.\nReason: Speaker ill\n\n')).toBe(true);
  });

  it('leaves out the location and the description when there are none', () => {
    const bare = { ...meeting, location: '', description: '', agenda: [] };
    expect(meetingNoticeText({ language: 'en', kind: 'invitation', meeting: bare }).body).toBe(
      'Staff du lundi\nMonday 7 June 2027, from 12:00 to 13:00',
    );
  });

  it('reads the hours in Paris winter time and spans several days when the meeting does', () => {
    // 2027-01-14 09:00 Paris (UTC+1) to the next day 17:30.
    const start = Date.parse('2027-01-14T08:00:00Z');
    const end = Date.parse('2027-01-15T16:30:00Z');
    expect(meetingWhen(start, end, 'fr')).toBe(
      'du jeudi 14 janvier 2027 à 09:00 au vendredi 15 janvier 2027 à 17:30',
    );
    expect(meetingWhen(start, end, 'en')).toBe(
      'from Thursday 14 January 2027 at 09:00 to Friday 15 January 2027 at 17:30',
    );
  });

  it('names the agenda in the reader’s language', () => {
    expect(meetingDescription({ description: '', agenda: ['A'] }, 'fr')).toBe('Ordre du jour :\n1. A');
    expect(meetingDescription({ description: '', agenda: ['A'] }, 'en')).toBe('Agenda:\n1. A');
  });
});

describe('attendee language', () => {
  it('is the user’s own language for a Pivot user', () => {
    expect(attendeeLanguage('en', 'fr')).toBe('en');
    expect(attendeeLanguage('fr', 'en')).toBe('fr');
  });

  it('is the organization’s language for anyone else, French when it has none', () => {
    expect(attendeeLanguage(undefined, 'en')).toBe('en');
    expect(attendeeLanguage(undefined, null)).toBe('fr');
  });
});
