import { Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useSession } from '../app/session.tsx';
import { AccountingPanel } from './AccountingPanel.tsx';
import { BillVisitPanel } from './BillVisitPanel.tsx';
import { CataloguePanel } from './CataloguePanel.tsx';
import { CashDeskPanel, ClaimsPanel, DepositSlipsPanel, InvoicesPanel, UnpaidPanel } from './DeskPanels.tsx';
import { ReportsPanel } from './ReportsPanel.tsx';

/**
 * Each tab has its own address under /facturation, so other areas link to a step: the reception's
 * billing queue opens `/facturation/seance?patient=…&practitioner=…&appointment=…`.
 */
export const billingPaths = {
  visit: 'seance',
  invoices: 'factures',
  unpaid: 'impayes',
  cash: 'caisse',
  slips: 'remises',
  claims: 'teletransmission',
  accounting: 'comptabilite',
  reports: 'rapports',
  catalogue: 'catalogue',
} as const;
type TabKey = keyof typeof billingPaths;

/** The billing area: bill a visit, invoices, unpaid, cash desk, deposit slips, claims, books, reports. */
export function BillingArea() {
  const { t } = useTranslation('billing');
  const { can } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const writable = can('billing.write');
  const tabs: TabKey[] = [
    ...(writable ? (['visit'] as const) : []),
    'invoices',
    'unpaid',
    'cash',
    'slips',
    'claims',
    ...(can('accounting.read') ? (['accounting'] as const) : []),
    'reports',
    'catalogue',
  ];
  const segment = location.pathname.replace(/^\/facturation\/?/, '').split('/')[0] ?? '';
  const tab = tabs.find((key) => billingPaths[key] === segment);
  if (!tab) {
    // `/facturation?patient=…` (or an unknown tab) lands on the first tab, keeping the query.
    const first = location.search.includes('patient=') && writable ? 'visit' : tabs[0]!;
    return <Navigate to={`/facturation/${billingPaths[first]}${location.search}`} replace />;
  }
  const panels: Record<TabKey, React.ReactNode> = {
    visit: <BillVisitPanel />,
    invoices: <InvoicesPanel />,
    unpaid: <UnpaidPanel />,
    cash: <CashDeskPanel />,
    slips: <DepositSlipsPanel />,
    claims: <ClaimsPanel />,
    accounting: <AccountingPanel />,
    reports: <ReportsPanel />,
    catalogue: <CataloguePanel />,
  };
  return (
    <Stack>
      <Title order={2}>{t('title')}</Title>
      <Tabs
        value={tab}
        onChange={(key) => key && navigate(`/facturation/${billingPaths[key as TabKey]}`)}
        keepMounted={false}
      >
        <Tabs.List>
          {tabs.map((key) => (
            <Tabs.Tab key={key} value={key} data-testid={`billing-tab-${key}`}>
              {t(`tabs.${key}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value={tab} pt="md">
          {panels[tab]}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
