import { registersMessages } from './messages-registers.ts';

const fr = {
  title: 'Accueil',
  tabs: {
    desk: 'Journée',
    waitingRoom: 'Salle d’attente',
    calls: 'Appels',
    messages: 'Messages',
    orientation: 'Orientation',
    incidents: 'Incidents',
    protocols: 'Protocoles de tri',
  },
  urgency: { routine: 'Habituel', soon: 'Dans la semaine', urgent: 'Urgent', vital: 'Vital' },
  stage: {
    waiting: 'En attente',
    in_consultation: 'En consultation',
    seen: 'Vu',
    billed: 'Facturé',
    left: 'Parti sans être vu',
  },
  status: {
    booked: 'Réservé',
    confirmed: 'Confirmé',
    arrived: 'Arrivé',
    in_consultation: 'En consultation',
    seen: 'Vu',
    cancelled: 'Annulé',
    no_show: 'Absent',
  },
};

type Messages = typeof fr;

const en: Messages = {
  title: 'Reception',
  tabs: {
    desk: 'Today',
    waitingRoom: 'Waiting room',
    calls: 'Calls',
    messages: 'Messages',
    orientation: 'Orientation',
    incidents: 'Incidents',
    protocols: 'Triage protocols',
  },
  urgency: { routine: 'Routine', soon: 'Within the week', urgent: 'Urgent', vital: 'Vital' },
  stage: {
    waiting: 'Waiting',
    in_consultation: 'In consultation',
    seen: 'Seen',
    billed: 'Billed',
    left: 'Left without being seen',
  },
  status: {
    booked: 'Booked',
    confirmed: 'Confirmed',
    arrived: 'Arrived',
    in_consultation: 'In consultation',
    seen: 'Seen',
    cancelled: 'Cancelled',
    no_show: 'No-show',
  },
};

/** Messages of the reception pages (i18next namespace 'reception'), French first, English complete. */
export const receptionMessages = {
  fr: { ...fr, ...registersMessages.fr },
  en: { ...en, ...registersMessages.en },
};
