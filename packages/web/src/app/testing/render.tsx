// The web test kit: a component rendered as the app renders it — Mantine (test environment: no
// transitions, no portals), a fresh React Query client, i18n in French, a memory router.
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { type ReactElement, type ReactNode, Suspense } from 'react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router-dom';
import i18n from '../i18n.ts';
import { theme } from '../theme.ts';

export interface RenderOptions {
  /** The i18next namespaces the component reads (`patients`, `agenda`, `billing`...). */
  namespaces?: string[];
  /** The router's first address. */
  route?: string;
}

export function AppProviders({ children, route = '/' }: { children: ReactNode; route?: string }) {
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  return (
    <MantineProvider theme={theme} env="test">
      <QueryClientProvider client={client}>
        <I18nextProvider i18n={i18n}>
          <MemoryRouter initialEntries={[route]}>
            <Suspense fallback={null}>{children}</Suspense>
          </MemoryRouter>
        </I18nextProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}

/** Renders `ui` in French with its namespaces loaded; returns Testing Library's queries and a user. */
export async function renderWithApp(ui: ReactElement, options: RenderOptions = {}) {
  if (i18n.language !== 'fr') await i18n.changeLanguage('fr');
  if (options.namespaces) await i18n.loadNamespaces(options.namespaces);
  const user = userEvent.setup({ delay: null });
  return { user, ...render(<AppProviders route={options.route}>{ui}</AppProviders>) };
}

/** The texts an input points to with aria-describedby: its description and its error. */
export function describedText(input: HTMLElement): string {
  const ids = (input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

/** Whether an input is marked invalid (Mantine sets aria-invalid when a field has an error). */
export const isInvalid = (input: HTMLElement) => input.getAttribute('aria-invalid') === 'true';
