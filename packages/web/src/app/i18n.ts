import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './locales/en.ts';
import { fr } from './locales/fr.ts';

const stored = typeof localStorage !== 'undefined' ? localStorage.getItem('pivot.language') : null;

void i18n.use(initReactI18next).init({
  resources: { fr: { translation: fr }, en: { translation: en } },
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
