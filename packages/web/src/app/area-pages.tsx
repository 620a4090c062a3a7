import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import i18n from './i18n.ts';

type Page = LazyExoticComponent<ComponentType>;

// Each area is its own chunk, downloaded the first time someone opens it: the login page and the
// shell do not wait for the document editor, the charts or the other areas. The areas are still
// reached through their doors. The area's messages are asked for at the same time as its code, not
// once its first page renders: one round trip instead of two.
function onDemand(namespaces: string[], page: () => Promise<ComponentType>): Page {
  return lazy(async () => {
    const [component] = await Promise.all([page(), i18n.loadNamespaces(namespaces)]);
    return { default: component };
  });
}

/** Areas that have their own pages; the others show what is coming. */
export const areaPages: Record<string, Page> = {
  agenda: onDemand(['agenda'], () => import('../agenda/index.ts').then((area) => area.AgendaArea)),
  patients: onDemand(['patients', 'records', 'directory'], () =>
    import('../patients/index.ts').then((area) => area.PatientsArea),
  ),
  documents: onDemand(['documents'], () =>
    import('../documents/index.ts').then((area) => area.DocumentsArea),
  ),
  mail: onDemand(['documents'], () => import('../mail/index.ts').then((area) => area.MailArea)),
  billing: onDemand(['billing'], () => import('../billing/index.ts').then((area) => area.BillingArea)),
  reception: onDemand(['reception', 'patients'], () =>
    import('../reception/index.ts').then((area) => area.ReceptionArea),
  ),
};

/** Pages outside the areas of the navigation, loaded on demand as well. */
export const AccountPage = onDemand([], () => import('../auth/index.ts').then((auth) => auth.AccountPage));
export const SetupPage = onDemand([], () => import('../auth/index.ts').then((auth) => auth.SetupPage));
export const DirectoryPage = onDemand(['directory'], () =>
  import('../directory/index.ts').then((directory) => directory.DirectoryPage),
);
export const PublicScreenPage = onDemand(['reception'], () =>
  import('../reception/index.ts').then((reception) => reception.PublicScreenPage),
);
export const AdministrationPage = onDemand([], () =>
  import('./AdministrationPage.tsx').then((page) => page.AdministrationPage),
);

/** The header's phone-message counter: it shows once the reception's code and messages are here. */
export const MyMessagesButton = onDemand(['reception'], () =>
  import('../reception/index.ts').then((reception) => reception.MyMessagesButton),
);
