/** Messages of the documents pages (i18next namespace 'documents'), French first, English complete. */
export const documentsMessages = {
  fr: {},
  en: {},
};
