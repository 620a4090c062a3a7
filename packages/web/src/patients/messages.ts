/** Messages of the patients pages (i18next namespace 'patients'), French first, English complete. */
export const patientsMessages = {
  fr: {},
  en: {},
};
