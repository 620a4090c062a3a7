import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { directoryMessages } from '../directory/messages.ts';
import { patientsMessages } from '../patients/messages.ts';
import { en } from './locales/en.ts';
import { fr } from './locales/fr.ts';

const stored = typeof localStorage !== 'undefined' ? localStorage.getItem('pivot.language') : null;

// Each capability keeps its own messages in `<capability>/messages.ts`, as an i18next namespace.
void i18n.use(initReactI18next).init({
  resources: {
    fr: { translation: fr, patients: patientsMessages.fr, directory: directoryMessages.fr },
    en: { translation: en, patients: patientsMessages.en, directory: directoryMessages.en },
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
