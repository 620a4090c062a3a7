import {
  Alert,
  Button,
  Card,
  FileButton,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type {
  BankImportView,
  ChartView,
  JournalEntryView,
  ReconciledTransactionView,
  ReconciliationProposalsView,
} from '@pivot/core/accounting';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, get, post } from '../app/api.ts';
import { useSession } from '../app/session.tsx';
import { useApiForm } from '../app/use-api-form.ts';
import { centsOf, euros, frenchDate, todayIso } from './money.ts';

function monthRange(month: string) {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** Journal, expenses, bank statement import with reconciliation, FEC export. */
export function AccountingPanel() {
  const { t, i18n } = useTranslation('billing');
  const { can } = useSession();
  const client = useQueryClient();
  const [month, setMonth] = useState(todayIso().slice(0, 7));
  const range = monthRange(month);
  const journal = useQuery({
    queryKey: ['billing', 'journal', month],
    queryFn: () => get<JournalEntryView[]>(`/api/accounting/journal?from=${range.from}&to=${range.to}`),
  });
  const chart = useQuery({
    queryKey: ['billing', 'chart'],
    queryFn: () => get<ChartView>('/api/accounting/chart'),
  });
  const bank = useQuery({
    queryKey: ['billing', 'bank'],
    queryFn: () => get<ReconciliationProposalsView>('/api/accounting/bank-transactions'),
  });
  const reconciled = useQuery({
    queryKey: ['billing', 'bank', 'reconciled'],
    queryFn: () => get<ReconciledTransactionView[]>('/api/accounting/bank-transactions/reconciled'),
  });
  const expenseForm = useApiForm();
  const bankForm = useApiForm();
  const [expense, setExpense] = useState({
    date: todayIso(),
    label: '',
    pieceRef: '',
    amount: '',
    category: '',
    method: 'transfer',
    share: 100,
  });
  const [fec, setFec] = useState({
    siren: '',
    start: `${todayIso().slice(0, 4)}-01-01`,
    closing: `${todayIso().slice(0, 4)}-12-31`,
  });
  const writable = can('accounting.write');
  const refresh = () => client.invalidateQueries({ queryKey: ['billing'] });

  const saveExpense = async () => {
    const done = await expenseForm.submit(() =>
      post('/api/accounting/expenses', {
        date: expense.date,
        label: expense.label,
        pieceRef: expense.pieceRef,
        amountCents: centsOf(expense.amount) ?? -1,
        category: expense.category,
        professionalShare: Math.round(expense.share * 100),
        paymentMethod: expense.method,
      }),
    );
    if (done) {
      notifications.show({ color: 'green', message: t('accounting.expenseSaved') });
      setExpense({ ...expense, label: '', pieceRef: '', amount: '' });
      await refresh();
    }
  };
  const importStatement = async (file: File | null) => {
    if (!file) return;
    const content = await file.text();
    const format = /\.ofx$/i.test(file.name) || content.includes('<OFX>') ? 'ofx' : 'csv';
    const done = await bankForm.submit(() =>
      post<BankImportView>('/api/accounting/bank-imports', {
        format,
        fileName: file.name,
        content,
      }),
    );
    if (done) {
      notifications.show({
        message: done.alreadyImported
          ? t('accounting.alreadyImported')
          : t('accounting.imported', { count: done.transactions }),
      });
      await refresh();
    }
  };
  const reconcile = async (id: string, entryIds: string[]) => {
    if (await bankForm.submit(() => post(`/api/accounting/bank-transactions/${id}/reconcile`, { entryIds })))
      await refresh();
  };
  const undoReconciliation = async (id: string) => {
    if (await bankForm.submit(() => api('DELETE', `/api/accounting/bank-transactions/${id}/reconcile`))) {
      notifications.show({ message: t('accounting.unreconciled') });
      await refresh();
    }
  };
  const expenseLines = (chart.data?.form2035Lines ?? []).filter((l) => l.side === 'expense');
  const fecUrl = `/api/accounting/fec?siren=${encodeURIComponent(fec.siren)}&fiscalYearStart=${fec.start}&closingDate=${fec.closing}`;

  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        {writable && (
          <Card withBorder>
            <Title order={4} mb="sm">
              {t('accounting.newExpense')}
            </Title>
            <Stack gap="xs">
              <Group grow>
                <TextInput
                  label={t('visit.date')}
                  type="date"
                  value={expense.date}
                  onChange={(e) => setExpense({ ...expense, date: e.currentTarget.value })}
                />
                <TextInput
                  label={t('accounting.pieceRef')}
                  value={expense.pieceRef}
                  onChange={(e) => setExpense({ ...expense, pieceRef: e.currentTarget.value })}
                  error={expenseForm.fieldError('pieceRef')}
                />
              </Group>
              <TextInput
                label={t('accounting.label')}
                value={expense.label}
                onChange={(e) => setExpense({ ...expense, label: e.currentTarget.value })}
                error={expenseForm.fieldError('label')}
              />
              <Select
                label={t('accounting.category')}
                searchable
                data={expenseLines.map((l) => ({ value: l.key, label: `${l.line}. ${l.label}` }))}
                value={expense.category || null}
                onChange={(v) => setExpense({ ...expense, category: v ?? '' })}
                error={expenseForm.fieldError('category')}
              />
              <Group grow>
                <TextInput
                  label={t('payments.amount')}
                  rightSection="€"
                  value={expense.amount}
                  onChange={(e) => setExpense({ ...expense, amount: e.currentTarget.value })}
                  error={expenseForm.fieldError('amountCents')}
                />
                <NumberInput
                  label={t('accounting.professionalShare')}
                  min={0}
                  max={100}
                  suffix=" %"
                  value={expense.share}
                  onChange={(v) => setExpense({ ...expense, share: Number(v) || 0 })}
                />
                <Select
                  label={t('accounting.method')}
                  data={(['cash', 'cheque', 'card', 'transfer'] as const).map((k) => ({
                    value: k,
                    label: t(`method.${k}`),
                  }))}
                  value={expense.method}
                  onChange={(v) => setExpense({ ...expense, method: v ?? 'transfer' })}
                />
              </Group>
              {expenseForm.generalError && <Alert color="red">{expenseForm.generalError}</Alert>}
              <Button onClick={saveExpense} loading={expenseForm.busy}>
                {t('accounting.saveExpense')}
              </Button>
            </Stack>
          </Card>
        )}
        <Card withBorder>
          <Title order={4} mb="sm">
            {t('accounting.fec')}
          </Title>
          <Stack gap="xs">
            <TextInput
              label="SIREN"
              value={fec.siren}
              onChange={(e) => setFec({ ...fec, siren: e.currentTarget.value })}
            />
            <Group grow>
              <TextInput
                label={t('accounting.yearStart')}
                type="date"
                value={fec.start}
                onChange={(e) => setFec({ ...fec, start: e.currentTarget.value })}
              />
              <TextInput
                label={t('accounting.closing')}
                type="date"
                value={fec.closing}
                onChange={(e) => setFec({ ...fec, closing: e.currentTarget.value })}
              />
            </Group>
            <Button component="a" href={fecUrl} variant="default">
              {t('accounting.downloadFec')}
            </Button>
            <Text size="xs" c="dimmed">
              {t('accounting.fecHint')}
            </Text>
          </Stack>
        </Card>
      </SimpleGrid>

      <Group justify="space-between">
        <Title order={4}>{t('accounting.bank')}</Title>
        {writable && (
          <FileButton onChange={importStatement} accept=".csv,.ofx,text/csv">
            {(props) => (
              <Button variant="default" {...props}>
                {t('accounting.importStatement')}
              </Button>
            )}
          </FileButton>
        )}
      </Group>
      {bankForm.generalError && <Alert color="red">{bankForm.generalError}</Alert>}
      <Table>
        <Table.Tbody>
          {(bank.data?.transactions ?? []).map((x) => (
            <Table.Tr key={x.id}>
              <Table.Td>{frenchDate(x.date)}</Table.Td>
              <Table.Td>{x.label}</Table.Td>
              <Table.Td ta="right">{euros(x.amountCents, i18n.language)}</Table.Td>
              <Table.Td>
                {x.proposal ? (
                  <Group gap="xs">
                    <Text size="sm">
                      {t(`accounting.proposal.${x.proposal.kind}`, { count: x.proposal.entryIds.length })}
                    </Text>
                    {writable && (
                      <Button size="xs" onClick={() => reconcile(x.id, x.proposal!.entryIds)}>
                        {t('accounting.reconcile')}
                      </Button>
                    )}
                  </Group>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('accounting.noProposal')}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {(reconciled.data ?? []).length > 0 && (
        <details data-testid="reconciled-transactions">
          <summary>
            <Text component="span" fw={600}>
              {t('accounting.reconciled', { count: reconciled.data?.length ?? 0 })}
            </Text>
          </summary>
          <Table>
            <Table.Tbody>
              {(reconciled.data ?? []).map((x) => (
                <Table.Tr key={x.id}>
                  <Table.Td>{frenchDate(x.date)}</Table.Td>
                  <Table.Td>{x.label}</Table.Td>
                  <Table.Td ta="right">{euros(x.amountCents, i18n.language)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      {x.entries
                        .map((e) => `${e.pieceRef} (${euros(e.amountCents, i18n.language)})`)
                        .join(', ')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {writable && (
                      <Button
                        size="xs"
                        variant="subtle"
                        color="orange"
                        onClick={() => undoReconciliation(x.id)}
                      >
                        {t('accounting.undoReconcile')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </details>
      )}

      <Group justify="space-between">
        <Title order={4}>{t('accounting.journal')}</Title>
        <TextInput
          type="month"
          value={month}
          onChange={(e) => setMonth(e.currentTarget.value)}
          aria-label={t('accounting.month')}
        />
      </Group>
      <Table striped data-testid="journal">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('invoices.date')}</Table.Th>
            <Table.Th>{t('accounting.journalCode')}</Table.Th>
            <Table.Th>{t('accounting.pieceRef')}</Table.Th>
            <Table.Th>{t('accounting.label')}</Table.Th>
            <Table.Th>{t('accounting.method')}</Table.Th>
            <Table.Th ta="right">{t('payments.amount')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(journal.data ?? []).map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>{frenchDate(e.date)}</Table.Td>
              <Table.Td>{e.journal}</Table.Td>
              <Table.Td>{e.pieceRef}</Table.Td>
              <Table.Td>{e.label}</Table.Td>
              <Table.Td>{t(`method.${e.paymentMethod}`)}</Table.Td>
              <Table.Td ta="right" c={e.amountCents < 0 ? 'red' : undefined}>
                {euros(e.amountCents, i18n.language)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
