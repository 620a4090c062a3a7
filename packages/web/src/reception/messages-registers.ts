/** Messages of the orientation, incident and triage-protocol pages (merged into the 'reception' namespace). */
export const registersMessages = {
  fr: {},
  en: {},
};
