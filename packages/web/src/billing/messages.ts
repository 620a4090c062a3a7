/** Messages of the billing pages (i18next namespace 'billing'), French first, English complete. */
export const billingMessages = {
  fr: {},
  en: {},
};
