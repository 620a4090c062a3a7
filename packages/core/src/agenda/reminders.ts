import {
  addDays,
  minutesOfTime,
  parisDateText,
  parisInstant,
  parisTimeText,
  toParisLocal,
} from '../calendar/index.ts';
import type { Language } from '../errors/messages.ts';
import type { AppointmentType } from './appointment-type.ts';
import { templateTimePolicy } from './opening-hours.ts';

const HOUR = 3_600_000;

export interface ReminderPolicy {
  hoursBefore: readonly number[];
  /** Messages are sent only between these Paris wall-clock times. */
  sendFrom: string;
  sendUntil: string;
}

export const defaultReminderPolicy: ReminderPolicy = {
  hoursBefore: [48, 24],
  sendFrom: '08:00',
  sendUntil: '20:00',
};

/**
 * Send times for the reminders of an appointment, earliest first. A time falling at night moves
 * back to the evening before (the patient still hears at least that many hours ahead); times
 * already past are dropped, and two reminders falling at the same moment become one.
 */
export function reminderTimes(
  appointmentStart: number,
  now: number,
  policy: ReminderPolicy = defaultReminderPolicy,
): number[] {
  const from = minutesOfTime(policy.sendFrom);
  const until = minutesOfTime(policy.sendUntil);
  const times = new Set<number>();
  for (const hours of policy.hoursBefore) {
    let at = appointmentStart - hours * HOUR;
    const local = toParisLocal(at);
    if (local.minutes > until) at = parisInstant(local.date, policy.sendUntil, templateTimePolicy);
    else if (local.minutes < from)
      at = parisInstant(addDays(local.date, -1), policy.sendUntil, templateTimePolicy);
    if (at >= now && at < appointmentStart) times.add(at);
  }
  return [...times].sort((a, b) => a - b);
}

export type NoticeKind = 'confirmation' | 'reminder' | 'cancellation' | 'rebooking_proposal';

export interface NoticeInput {
  kind: NoticeKind;
  language: Language;
  start: number;
  motif: Pick<AppointmentType, 'label' | 'preparationInstructions' | 'documentsToBring'>;
  practitionerName: string;
  siteName: string;
  siteAddress?: string | null;
  sitePhone?: string | null;
}

/** What a convocation or reminder says, in the patient's language; rendering (PDF, e-mail, SMS) is elsewhere. */
export interface NoticeContent {
  kind: NoticeKind;
  language: Language;
  dateText: string;
  timeText: string;
  motif: string;
  practitionerName: string;
  location: string;
  preparationInstructions: string;
  documentsToBring: string[];
  sitePhone: string | null;
}

export function noticeContent(input: NoticeInput): NoticeContent {
  const lang = input.language;
  return {
    kind: input.kind,
    language: lang,
    dateText: parisDateText(input.start, lang),
    timeText: parisTimeText(input.start),
    motif: input.motif.label[lang],
    practitionerName: input.practitionerName,
    location: [input.siteName, input.siteAddress].filter(Boolean).join(', '),
    preparationInstructions: input.motif.preparationInstructions[lang],
    documentsToBring: input.motif.documentsToBring.map((d) => d[lang]).filter((d) => d.trim() !== ''),
    sitePhone: input.sitePhone ?? null,
  };
}

/** The SMS reminder text. It leaves out the motif: a phone screen can be read by others. */
export function reminderSmsText(notice: NoticeContent): string {
  const phone = notice.sitePhone;
  if (notice.language === 'fr') {
    const call = phone ? ` Empêché(e) ? Prévenez-nous au ${phone}.` : ' Empêché(e) ? Prévenez-nous.';
    return `Rappel : rendez-vous le ${notice.dateText} à ${notice.timeText} avec ${notice.practitionerName}, ${notice.location}.${call}`;
  }
  const call = phone ? ` Cannot come? Please call ${phone}.` : ' Cannot come? Please let us know.';
  return `Reminder: appointment on ${notice.dateText} at ${notice.timeText} with ${notice.practitionerName}, ${notice.location}.${call}`;
}
