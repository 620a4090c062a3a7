import { type ComponentType, type LazyExoticComponent, lazy } from 'react';

type Page = LazyExoticComponent<ComponentType>;

// Each area is its own chunk, downloaded the first time someone opens it: the login page and the
// shell do not wait for the document editor, the charts or the other areas. The areas are still
// reached through their doors.

/** Areas that have their own pages; the others show what is coming. */
export const areaPages: Record<string, Page> = {
  agenda: lazy(() => import('../agenda/index.ts').then((area) => ({ default: area.AgendaArea }))),
  patients: lazy(() => import('../patients/index.ts').then((area) => ({ default: area.PatientsArea }))),
  documents: lazy(() => import('../documents/index.ts').then((area) => ({ default: area.DocumentsArea }))),
  mail: lazy(() => import('../mail/index.ts').then((area) => ({ default: area.MailArea }))),
  billing: lazy(() => import('../billing/index.ts').then((area) => ({ default: area.BillingArea }))),
  reception: lazy(() => import('../reception/index.ts').then((area) => ({ default: area.ReceptionArea }))),
};

/** Pages outside the areas of the navigation, loaded on demand as well. */
export const AccountPage: Page = lazy(() =>
  import('../auth/index.ts').then((auth) => ({ default: auth.AccountPage })),
);
export const SetupPage: Page = lazy(() =>
  import('../auth/index.ts').then((auth) => ({ default: auth.SetupPage })),
);
export const DirectoryPage: Page = lazy(() =>
  import('../directory/index.ts').then((directory) => ({ default: directory.DirectoryPage })),
);
export const PublicScreenPage: Page = lazy(() =>
  import('../reception/index.ts').then((reception) => ({ default: reception.PublicScreenPage })),
);
export const AdministrationPage: Page = lazy(() =>
  import('./AdministrationPage.tsx').then((page) => ({ default: page.AdministrationPage })),
);

/** The header's phone-message counter: it shows once the reception's code and messages are here. */
export const MyMessagesButton: Page = lazy(() =>
  import('../reception/index.ts').then((reception) => ({ default: reception.MyMessagesButton })),
);
