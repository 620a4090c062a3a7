/** Messages of the agenda pages (i18next namespace 'agenda'), French first, English complete. */
export const agendaMessages = {
  fr: {},
  en: {},
};
