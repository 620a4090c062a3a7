import { parisDateText, parisTimeText } from '../calendar/index.ts';
import type { Language } from '../errors/messages.ts';

export interface AbsenceNoticeInput {
  language: Language;
  /** The appointment the absence displaces. */
  start: number;
  practitionerName: string;
  motif: { fr: string; en: string };
  /** The next suitable slot found for it, if any; the patient confirms it by phone. */
  proposal: { start: number; practitionerName: string } | null;
  sitePhone: string | null;
}

export interface AbsenceNoticeText {
  subject: string;
  body: string;
  /** Short form for SMS: no motif (a phone screen can be read by others). */
  sms: string;
}

const when = (instant: number, language: Language) => ({
  date: parisDateText(instant, language),
  time: parisTimeText(instant),
});

/**
 * The message to a patient whose appointment falls in a practitioner's absence: which appointment,
 * the proposed new time if one was found, and whom to call. In the patient's language.
 */
export function absenceNoticeText(input: AbsenceNoticeInput): AbsenceNoticeText {
  const fr = input.language === 'fr';
  const old = when(input.start, input.language);
  const proposal = input.proposal ? when(input.proposal.start, input.language) : null;
  const phone = input.sitePhone;
  const intro = fr
    ? `${input.practitionerName} sera absent(e) le ${old.date}. Votre rendez-vous de ${old.time} (${input.motif.fr}) ne pourra pas avoir lieu.`
    : `${input.practitionerName} will be absent on ${old.date}. Your appointment at ${old.time} (${input.motif.en}) cannot take place.`;
  const offer = proposal
    ? fr
      ? `Nous vous proposons le ${proposal.date} à ${proposal.time} avec ${input.proposal!.practitionerName}.`
      : `We can offer ${proposal.date} at ${proposal.time} with ${input.proposal!.practitionerName}.`
    : fr
      ? 'Nous vous invitons à reprendre rendez-vous.'
      : 'Please book a new appointment.';
  const call = phone
    ? fr
      ? `Merci de nous appeler au ${phone} pour confirmer ou choisir un autre horaire.`
      : `Please call ${phone} to confirm or choose another time.`
    : fr
      ? 'Merci de nous contacter pour confirmer ou choisir un autre horaire.'
      : 'Please contact us to confirm or choose another time.';
  const smsIntro = fr
    ? `${input.practitionerName} absent(e) le ${old.date} : votre RDV de ${old.time} est annulé.`
    : `${input.practitionerName} absent on ${old.date}: your ${old.time} appointment is cancelled.`;
  return {
    subject: fr ? 'Votre rendez-vous ne peut pas être maintenu' : 'Your appointment cannot go ahead',
    body: [intro, '', offer, call].join('\n'),
    sms: [smsIntro, offer, call].join(' '),
  };
}
