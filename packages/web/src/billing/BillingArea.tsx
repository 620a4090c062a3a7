import { Stack, Tabs, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../app/session.tsx';
import { AccountingPanel } from './AccountingPanel.tsx';
import { BillVisitPanel } from './BillVisitPanel.tsx';
import { CashDeskPanel, ClaimsPanel, DepositSlipsPanel, InvoicesPanel, UnpaidPanel } from './DeskPanels.tsx';
import { ReportsPanel } from './ReportsPanel.tsx';

/** The billing area: bill a visit, invoices, unpaid, cash desk, deposit slips, claims, books, reports. */
export function BillingArea() {
  const { t } = useTranslation('billing');
  const { can } = useSession();
  const writable = can('billing.write');
  const [tab, setTab] = useState<string | null>(writable ? 'visit' : 'invoices');
  const tabs = [
    ...(writable ? (['visit'] as const) : []),
    'invoices',
    'unpaid',
    'cash',
    'slips',
    'claims',
    ...(can('accounting.read') ? (['accounting'] as const) : []),
    'reports',
  ];
  const panels: Record<string, React.ReactNode> = {
    visit: <BillVisitPanel />,
    invoices: <InvoicesPanel />,
    unpaid: <UnpaidPanel />,
    cash: <CashDeskPanel />,
    slips: <DepositSlipsPanel />,
    claims: <ClaimsPanel />,
    accounting: <AccountingPanel />,
    reports: <ReportsPanel />,
  };
  return (
    <Stack>
      <Title order={2}>{t('title')}</Title>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          {tabs.map((key) => (
            <Tabs.Tab key={key} value={key} data-testid={`billing-tab-${key}`}>
              {t(`tabs.${key}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map((key) => (
          <Tabs.Panel key={key} value={key} pt="md">
            {panels[key]}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
