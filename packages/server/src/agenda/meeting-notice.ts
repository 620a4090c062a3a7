import type { Language } from '@pivot/core';
import { parisDateText, timeOfMinutes, toParisLocal } from '@pivot/core/agenda';

/**
 * The words of a meeting e-mail (invitation, update, withdrawal, cancellation) in the attendee's
 * language. Pure: no database, no clock; dates are read in Europe/Paris whatever the server's zone.
 */

export type MeetingNoticeKind = 'invitation' | 'invitation_update' | 'invitation_withdrawn' | 'cancellation';

export interface MeetingNoticeMeeting {
  title: string;
  start: number;
  end: number;
  location: string;
  description: string;
  agenda: readonly string[];
}

export interface MeetingNoticeInput {
  language: Language;
  kind: MeetingNoticeKind;
  meeting: MeetingNoticeMeeting;
  /** Why the meeting is cancelled (kind `cancellation`). */
  reason?: string;
}

/**
 * An attendee who is a Pivot user reads their own language; anyone else the organization's, when
 * it has one; French otherwise (the practices Pivot serves are French).
 */
export function attendeeLanguage(
  userLanguage: string | null | undefined,
  organizationLanguage: Language | null,
): Language {
  if (userLanguage === 'fr' || userLanguage === 'en') return userLanguage;
  return organizationLanguage ?? 'fr';
}

const words = {
  fr: {
    subject: {
      invitation: 'Invitation',
      invitation_update: 'Modification',
      invitation_withdrawn: 'Annulation',
      cancellation: 'Annulation',
    },
    separator: ' : ',
    agenda: 'Ordre du jour :',
    withdrawn: 'Vous n’êtes plus convié(e) à cette réunion.',
    cancelled: 'Cette réunion est annulée.',
    reason: 'Motif : ',
    sameDay: (date: string, from: string, to: string) => `${date}, de ${from} à ${to}`,
    days: (from: string, to: string) => `du ${from} au ${to}`,
    at: (date: string, time: string) => `${date} à ${time}`,
  },
  en: {
    subject: {
      invitation: 'Invitation',
      invitation_update: 'Updated',
      invitation_withdrawn: 'Cancelled',
      cancellation: 'Cancelled',
    },
    separator: ': ',
    agenda: 'Agenda:',
    withdrawn: 'You are no longer invited to this meeting.',
    cancelled: 'This meeting is cancelled.',
    reason: 'Reason: ',
    sameDay: (date: string, from: string, to: string) => `${date}, from ${from} to ${to}`,
    days: (from: string, to: string) => `from ${from} to ${to}`,
    at: (date: string, time: string) => `${date} at ${time}`,
  },
} as const;

/** When the meeting takes place, in Paris time: one day with its hours, or from one day to another. */
export function meetingWhen(start: number, end: number, language: Language): string {
  const w = words[language];
  const from = toParisLocal(start);
  const to = toParisLocal(end);
  const fromTime = timeOfMinutes(from.minutes);
  const toTime = timeOfMinutes(to.minutes);
  return from.date === to.date
    ? w.sameDay(parisDateText(start, language), fromTime, toTime)
    : w.days(w.at(parisDateText(start, language), fromTime), w.at(parisDateText(end, language), toTime));
}

/** The description followed by the numbered points of the agenda (ordre du jour). */
export function meetingDescription(
  meeting: Pick<MeetingNoticeMeeting, 'description' | 'agenda'>,
  language: Language,
): string {
  const points = meeting.agenda.map((point, i) => `${i + 1}. ${point}`);
  return [
    meeting.description,
    ...(points.length > 0 ? [`${words[language].agenda}\n${points.join('\n')}`] : []),
  ]
    .filter((part) => part !== '')
    .join('\n\n');
}

export function meetingNoticeText(input: MeetingNoticeInput): { subject: string; body: string } {
  const { language, kind, meeting } = input;
  const w = words[language];
  const text = meetingDescription(meeting, language);
  const summary = [
    meeting.title,
    meetingWhen(meeting.start, meeting.end, language),
    ...(meeting.location ? [meeting.location] : []),
  ].join('\n');
  const details = `${summary}${text ? `\n\n${text}` : ''}`;
  const lead =
    kind === 'invitation_withdrawn'
      ? w.withdrawn
      : kind === 'cancellation'
        ? `${w.cancelled}\n${w.reason}${input.reason ?? ''}`
        : null;
  return {
    subject: `${w.subject[kind]}${w.separator}${meeting.title}`,
    body: lead ? `${lead}\n\n${details}` : details,
  };
}
