import i18n, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './locales/en.ts';
import { fr } from './locales/fr.ts';

const stored = typeof localStorage !== 'undefined' ? localStorage.getItem('pivot.language') : null;

type AreaMessages = Record<'fr' | 'en', object>;

// Each capability keeps its own messages in `<capability>/messages.ts`, as an i18next namespace.
// They are downloaded the first time a page asks for them (react-i18next suspends it until then,
// and the area's loading state shows): the login page does not carry the text of every page.
const namespaces: Record<string, () => Promise<AreaMessages>> = {
  patients: () => import('../patients/messages.ts').then((m) => m.patientsMessages),
  directory: () => import('../directory/messages.ts').then((m) => m.directoryMessages),
  agenda: () => import('../agenda/messages.ts').then((m) => m.agendaMessages),
  billing: () => import('../billing/messages.ts').then((m) => m.billingMessages),
  documents: () => import('../documents/messages.ts').then((m) => m.documentsMessages),
  reception: () => import('../reception/messages.ts').then((m) => m.receptionMessages),
  records: () => import('../records/messages.ts').then((m) => m.recordsMessages),
};

const areaMessages: BackendModule = {
  type: 'backend',
  init() {},
  read(language, namespace, callback) {
    const load = namespaces[namespace];
    if (!load) {
      callback(new Error(`no messages for the namespace ${namespace}`), false);
      return;
    }
    load().then(
      (messages) => callback(null, messages[language === 'en' ? 'en' : 'fr']),
      (error: Error) => callback(error, false),
    );
  },
};

void i18n
  .use(areaMessages)
  .use(initReactI18next)
  .init({
    // The shell's own messages come with it; the areas' are read through the backend above.
    resources: { fr: { translation: fr }, en: { translation: en } },
    partialBundledLanguages: true,
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
