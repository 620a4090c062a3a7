import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { agendaMessages } from '../agenda/messages.ts';
import { billingMessages } from '../billing/messages.ts';
import { directoryMessages } from '../directory/messages.ts';
import { documentsMessages } from '../documents/messages.ts';
import { patientsMessages } from '../patients/messages.ts';
import { receptionMessages } from '../reception/messages.ts';
import { recordsMessages } from '../records/messages.ts';
import { en } from './locales/en.ts';
import { fr } from './locales/fr.ts';

const stored = typeof localStorage !== 'undefined' ? localStorage.getItem('pivot.language') : null;

// Each capability keeps its own messages in `<capability>/messages.ts`, as an i18next namespace.
const namespaces = {
  patients: patientsMessages,
  directory: directoryMessages,
  agenda: agendaMessages,
  billing: billingMessages,
  documents: documentsMessages,
  reception: receptionMessages,
  records: recordsMessages,
};
const resourcesOf = (language: 'fr' | 'en') =>
  Object.fromEntries(Object.entries(namespaces).map(([name, messages]) => [name, messages[language]]));

void i18n.use(initReactI18next).init({
  resources: {
    fr: { translation: fr, ...resourcesOf('fr') },
    en: { translation: en, ...resourcesOf('en') },
  },
  lng: stored === 'en' ? 'en' : 'fr',
  fallbackLng: 'fr',
  interpolation: { escapeValue: false },
  returnObjects: true,
});

i18n.on('languageChanged', (language) => {
  localStorage.setItem('pivot.language', language);
  document.documentElement.lang = language;
});

export default i18n;
