/** Messages of the directory pages (i18next namespace 'directory'), French first, English complete. */
export const directoryMessages = {
  fr: {},
  en: {},
};
