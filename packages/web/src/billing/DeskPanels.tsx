import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  FileButton,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type {
  CashDayView,
  ClaimBatchesSentView,
  ClaimResentView,
  ClaimRowView,
  CreditNoteIssuedView,
  DepositSlipRow,
  InvoiceRowView,
  InvoiceView,
  PaymentRowView,
  RefundBalanceView,
  RemittanceImportView,
  UnpaidView,
} from '@pivot/core/billing';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, post } from '../app/api.ts';
import { useSession } from '../app/session.tsx';
import { useApiForm } from '../app/use-api-form.ts';
import { CashSlipForm } from './CashSlipForm.tsx';
import { centsOf, euros, frenchDate, todayIso } from './money.ts';
import { RefundModal, RefundsSection, type RefundTarget } from './Refunds.tsx';

export function InvoicesPanel() {
  const { t, i18n } = useTranslation('billing');
  const { can } = useSession();
  const client = useQueryClient();
  const form = useApiForm();
  const invoices = useQuery({
    queryKey: ['billing', 'invoices'],
    queryFn: () => get<InvoiceRowView[]>('/api/billing/invoices?limit=200'),
  });
  const [crediting, setCrediting] = useState<InvoiceRowView | null>(null);
  const [reason, setReason] = useState('');
  const [refund, setRefund] = useState<RefundTarget | null>(null);
  const credit = async () => {
    if (!crediting) return;
    const row = crediting;
    const done = await form.submit(() =>
      post<CreditNoteIssuedView>(`/api/billing/invoices/${row.id}/credit-note`, { reason }),
    );
    if (!done) return;
    setCrediting(null);
    setReason('');
    notifications.show({ color: 'green', message: t('invoices.credited', { number: done.number }) });
    await client.invalidateQueries({ queryKey: ['billing'] });
    // What the patient had paid on the cancelled invoice is now owed back: offer the refund at once.
    const invoice = await get<InvoiceView>(`/api/billing/invoices/${row.id}`);
    const balances = await get<RefundBalanceView[]>(
      `/api/billing/refunds/balances?patientId=${invoice.patientId}`,
    );
    const owed = balances.find((b) => b.payer.kind === 'patient' && b.payer.id === invoice.patientId);
    if (owed) setRefund({ balance: owed, creditNote: { id: done.id, number: done.number } });
  };
  return (
    <Stack>
      <Modal
        opened={crediting !== null}
        onClose={() => setCrediting(null)}
        title={t('invoices.creditTitle', { number: crediting?.number ?? '' })}
      >
        <Stack>
          <TextInput
            label={t('invoices.creditReason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={form.fieldError('reason')}
            data-autofocus
          />
          {form.error && form.error.field !== 'reason' && <Alert color="red">{form.error.message}</Alert>}
          <Button color="orange" onClick={credit} loading={form.busy} disabled={reason.trim() === ''}>
            {t('invoices.issueCreditNote')}
          </Button>
        </Stack>
      </Modal>
      <RefundModal target={refund} onClose={() => setRefund(null)} />
      <Table striped data-testid="invoices-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('invoices.number')}</Table.Th>
            <Table.Th>{t('invoices.date')}</Table.Th>
            <Table.Th>{t('invoices.patient')}</Table.Th>
            <Table.Th>{t('invoices.practitioner')}</Table.Th>
            <Table.Th ta="right">{t('invoices.total')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(invoices.data ?? []).map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>
                {r.number}{' '}
                {r.kind === 'credit_note' && <Badge color="orange">{t('invoices.creditNote')}</Badge>}
              </Table.Td>
              <Table.Td>{frenchDate(r.issuedOn)}</Table.Td>
              <Table.Td>{r.patientName}</Table.Td>
              <Table.Td>{r.practitionerName}</Table.Td>
              <Table.Td ta="right">{euros(r.totalCents, i18n.language)}</Table.Td>
              <Table.Td>
                <Group gap="xs" justify="flex-end">
                  <Anchor href={`/api/billing/invoices/${r.id}/pdf`} target="_blank">
                    {t('invoices.pdf')}
                  </Anchor>
                  {r.kind === 'invoice' && can('billing.write') && (
                    <Button size="xs" variant="subtle" color="orange" onClick={() => setCrediting(r)}>
                      {t('invoices.cancel')}
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {invoices.data?.length === 0 && <Text c="dimmed">{t('invoices.empty')}</Text>}
    </Stack>
  );
}

export function UnpaidPanel() {
  const { t, i18n } = useTranslation('billing');
  const client = useQueryClient();
  const unpaid = useQuery({
    queryKey: ['billing', 'unpaid'],
    queryFn: () => get<UnpaidView>('/api/billing/receivables'),
  });
  const remind = async (id: string) => {
    await post(`/api/billing/receivables/${id}/reminders`);
    notifications.show({ message: t('unpaid.reminded') });
    await client.invalidateQueries({ queryKey: ['billing', 'unpaid'] });
  };
  return (
    <Stack>
      <RefundsSection />
      <Title order={4}>{t('unpaid.title')}</Title>
      <Table striped data-testid="unpaid-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('unpaid.debtor')}</Table.Th>
            <Table.Th>{t('invoices.patient')}</Table.Th>
            <Table.Th>{t('invoices.number')}</Table.Th>
            <Table.Th>{t('unpaid.since')}</Table.Th>
            <Table.Th ta="right">{t('unpaid.outstanding')}</Table.Th>
            <Table.Th>{t('unpaid.reminders')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(unpaid.data?.items ?? []).map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>
                <Badge variant="light">{t(`debtor.${r.debtor.kind}`)}</Badge>{' '}
                {r.debtor.kind !== 'patient' && r.debtor.id}
              </Table.Td>
              <Table.Td>{r.patientName}</Table.Td>
              <Table.Td>{r.invoiceNumber}</Table.Td>
              <Table.Td>
                {frenchDate(r.dueDate)} ({r.bucket} {t('unpaid.days')})
              </Table.Td>
              <Table.Td ta="right">{euros(r.outstandingCents, i18n.language)}</Table.Td>
              <Table.Td>{r.reminderCount}</Table.Td>
              <Table.Td>
                <Button size="xs" variant="subtle" onClick={() => remind(r.id)}>
                  {t('unpaid.remind')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

export function CashDeskPanel() {
  const { t, i18n } = useTranslation('billing');
  const client = useQueryClient();
  const [date, setDate] = useState(todayIso());
  const [float, setFloat] = useState('');
  const [counted, setCounted] = useState('');
  const [reason, setReason] = useState('');
  const form = useApiForm();
  const day = useQuery({
    queryKey: ['billing', 'cash', date],
    queryFn: () => get<CashDayView>(`/api/billing/cash-days/${date}`),
    enabled: /^\d{4}-\d{2}-\d{2}$/.test(date),
  });
  const refresh = () => client.invalidateQueries({ queryKey: ['billing', 'cash'] });
  const open = async () => {
    if (
      await form.submit(() =>
        post(`/api/billing/cash-days/${date}/open`, { openingFloatCents: centsOf(float) ?? -1 }),
      )
    )
      await refresh();
  };
  const close = async () => {
    const done = await form.submit(() =>
      post(`/api/billing/cash-days/${date}/close`, {
        countedCents: centsOf(counted) ?? -1,
        reason: reason || undefined,
      }),
    );
    if (done) {
      notifications.show({ color: 'green', message: t('cash.closedMessage') });
      await refresh();
    }
  };
  const d = day.data;
  return (
    <Stack maw={640}>
      <TextInput
        label={t('visit.date')}
        type="date"
        value={date}
        onChange={(e) => setDate(e.currentTarget.value)}
        w={200}
      />
      {d && (
        <Card withBorder data-testid="cash-day">
          <Group justify="space-between">
            <Title order={4}>{frenchDate(d.date)}</Title>
            <Badge color={d.status === 'closed' ? 'gray' : 'green'} data-testid="cash-status">
              {t(`cash.${d.status}`)}
            </Badge>
          </Group>
          <Table>
            <Table.Tbody>
              <Table.Tr>
                <Table.Td>{t('cash.float')}</Table.Td>
                <Table.Td ta="right">{euros(d.openingFloatCents, i18n.language)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Td>{t('cash.payments')}</Table.Td>
                <Table.Td ta="right">{euros(d.cashPaymentsCents, i18n.language)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Td>{t('cash.deposited')}</Table.Td>
                <Table.Td ta="right">{euros(d.cashDepositedCents, i18n.language)}</Table.Td>
              </Table.Tr>
              <Table.Tr fw={700}>
                <Table.Td>{t('cash.expected')}</Table.Td>
                <Table.Td ta="right">{euros(d.expectedCents, i18n.language)}</Table.Td>
              </Table.Tr>
              {d.status === 'closed' && (
                <>
                  <Table.Tr>
                    <Table.Td>{t('cash.counted')}</Table.Td>
                    <Table.Td ta="right">{euros(d.countedCents, i18n.language)}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Td>{t('cash.difference')}</Table.Td>
                    <Table.Td ta="right">
                      {euros(d.differenceCents, i18n.language)} {d.reason && `(${d.reason})`}
                    </Table.Td>
                  </Table.Tr>
                </>
              )}
            </Table.Tbody>
          </Table>
        </Card>
      )}
      {d?.status === 'open' && (
        <>
          <Group align="flex-end">
            <TextInput
              label={t('cash.float')}
              rightSection="€"
              value={float}
              onChange={(e) => setFloat(e.currentTarget.value)}
              error={form.fieldError('openingFloatCents')}
            />
            <Button variant="default" onClick={open}>
              {t('cash.setFloat')}
            </Button>
          </Group>
          <Group align="flex-end">
            <TextInput
              label={t('cash.counted')}
              rightSection="€"
              value={counted}
              onChange={(e) => setCounted(e.currentTarget.value)}
              error={form.fieldError('countedCents')}
            />
            <TextInput
              label={t('cash.reason')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={form.fieldError('reason')}
              style={{ flex: 1 }}
            />
          </Group>
          <Button onClick={close} loading={form.busy}>
            {t('cash.close')}
          </Button>
        </>
      )}
      {form.error && !['reason', 'countedCents', 'openingFloatCents'].includes(form.error.field ?? '') && (
        <Alert color="red">{form.error.message}</Alert>
      )}
    </Stack>
  );
}

export function DepositSlipsPanel() {
  const { t, i18n } = useTranslation('billing');
  const client = useQueryClient();
  const form = useApiForm();
  const [selected, setSelected] = useState<string[]>([]);
  const [bank, setBank] = useState(() => localStorage.getItem('pivot.slip.bank') ?? '');
  const [iban, setIban] = useState(() => localStorage.getItem('pivot.slip.iban') ?? '');
  const [date, setDate] = useState(todayIso());
  const cheques = useQuery({
    queryKey: ['billing', 'cheques'],
    queryFn: () => get<PaymentRowView[]>('/api/billing/payments?method=cheque&undeposited=true'),
  });
  const slips = useQuery({
    queryKey: ['billing', 'slips'],
    queryFn: () => get<DepositSlipRow[]>('/api/billing/deposit-slips'),
  });
  const create = async () => {
    const done = await form.submit(() =>
      post('/api/billing/deposit-slips', { bank, iban, date, paymentIds: selected }),
    );
    if (done) {
      localStorage.setItem('pivot.slip.bank', bank);
      localStorage.setItem('pivot.slip.iban', iban);
      setSelected([]);
      notifications.show({ color: 'green', message: t('slips.created') });
      await client.invalidateQueries({ queryKey: ['billing'] });
    }
  };
  const total = (cheques.data ?? [])
    .filter((c) => selected.includes(c.id))
    .reduce((s, c) => s + c.amountCents, 0);
  return (
    <Stack>
      <Title order={4}>{t('slips.undeposited')}</Title>
      <Table data-testid="undeposited-cheques">
        <Table.Thead>
          <Table.Tr>
            <Table.Th />
            <Table.Th>{t('payments.drawer')}</Table.Th>
            <Table.Th>{t('payments.bank')}</Table.Th>
            <Table.Th>{t('payments.chequeNumber')}</Table.Th>
            <Table.Th>{t('invoices.date')}</Table.Th>
            <Table.Th ta="right">{t('payments.amount')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(cheques.data ?? []).map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>
                <Checkbox
                  aria-label={t('slips.pick', { number: c.cheque?.number })}
                  checked={selected.includes(c.id)}
                  onChange={(e) =>
                    setSelected(
                      e.currentTarget.checked ? [...selected, c.id] : selected.filter((x) => x !== c.id),
                    )
                  }
                />
              </Table.Td>
              <Table.Td>{c.cheque?.drawer}</Table.Td>
              <Table.Td>{c.cheque?.bank}</Table.Td>
              <Table.Td>{c.cheque?.number}</Table.Td>
              <Table.Td>{frenchDate(c.date)}</Table.Td>
              <Table.Td ta="right">{euros(c.amountCents, i18n.language)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group align="flex-end" data-testid="cheque-slip-form">
        <TextInput
          label={t('slips.bank')}
          value={bank}
          onChange={(e) => setBank(e.currentTarget.value)}
          error={form.fieldError('bank')}
        />
        <TextInput
          label={t('slips.iban')}
          value={iban}
          onChange={(e) => setIban(e.currentTarget.value)}
          error={form.fieldError('iban')}
          w={320}
        />
        <TextInput
          label={t('visit.date')}
          type="date"
          value={date}
          onChange={(e) => setDate(e.currentTarget.value)}
        />
        <Button onClick={create} disabled={selected.length === 0} loading={form.busy}>
          {t('slips.create', { count: selected.length, total: euros(total, i18n.language) })}
        </Button>
      </Group>
      {form.error && !['bank', 'iban'].includes(form.error.field ?? '') && (
        <Alert color="red">{form.error.message}</Alert>
      )}
      <CashSlipForm />
      <Title order={4}>{t('slips.title')}</Title>
      <Table data-testid="deposit-slips">
        <Table.Tbody>
          {(slips.data ?? []).map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>{s.number}</Table.Td>
              <Table.Td>{frenchDate(s.date)}</Table.Td>
              <Table.Td>{s.bank}</Table.Td>
              <Table.Td>
                {s.kind === 'cash'
                  ? t('slips.cashCount', { count: s.count })
                  : t('slips.count', { count: s.count })}
              </Table.Td>
              <Table.Td ta="right">{euros(s.totalCents, i18n.language)}</Table.Td>
              <Table.Td>
                <Anchor href={`/api/billing/deposit-slips/${s.id}/pdf`} target="_blank">
                  PDF
                </Anchor>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

export function ClaimsPanel() {
  const { t, i18n } = useTranslation('billing');
  const { can } = useSession();
  const client = useQueryClient();
  const form = useApiForm();
  const claims = useQuery({
    queryKey: ['billing', 'claims'],
    queryFn: () => get<ClaimRowView[]>('/api/billing/claims'),
  });
  const send = async () => {
    const done = await form.submit(() => post<ClaimBatchesSentView>('/api/billing/claim-batches'));
    if (done) {
      notifications.show({ color: 'green', message: t('claims.sent', { count: done.batches.length }) });
      await client.invalidateQueries({ queryKey: ['billing'] });
    }
  };
  const resend = async (claim: ClaimRowView) => {
    const done = await form.submit(() => post<ClaimResentView>(`/api/billing/claims/${claim.id}/resend`));
    if (done) {
      notifications.show({ color: 'green', message: t('claims.resent', { number: done.number }) });
      await client.invalidateQueries({ queryKey: ['billing'] });
    }
  };
  const importFile = async (file: File | null) => {
    if (!file) return;
    const content = await file.text();
    const done = await form.submit(() =>
      post<RemittanceImportView>('/api/billing/remittances', {
        fileName: file.name,
        content,
      }),
    );
    if (done) {
      notifications.show({
        message: done.alreadyImported
          ? t('claims.alreadyImported')
          : t('claims.imported', { payments: done.payments ?? 0, rejections: done.rejections ?? 0 }),
      });
      await client.invalidateQueries({ queryKey: ['billing'] });
    }
  };
  return (
    <Stack>
      <Group>
        <Button onClick={send} loading={form.busy}>
          {t('claims.send')}
        </Button>
        <FileButton onChange={importFile} accept=".txt,.csv,text/plain">
          {(props) => (
            <Button variant="default" {...props}>
              {t('claims.import')}
            </Button>
          )}
        </FileButton>
      </Group>
      {form.generalError && <Alert color="orange">{form.generalError}</Alert>}
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('invoices.number')}</Table.Th>
            <Table.Th>{t('invoices.date')}</Table.Th>
            <Table.Th>{t('invoices.patient')}</Table.Th>
            <Table.Th>{t('claims.destination')}</Table.Th>
            <Table.Th ta="right">AMO</Table.Th>
            <Table.Th ta="right">AMC</Table.Th>
            <Table.Th>{t('claims.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(claims.data ?? []).map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>{c.number}</Table.Td>
              <Table.Td>{frenchDate(c.date)}</Table.Td>
              <Table.Td>{c.patientName}</Table.Td>
              <Table.Td>
                {c.destination} {c.batchNumber && `(${t('claims.batch')} ${c.batchNumber})`}
              </Table.Td>
              <Table.Td ta="right">{euros(c.amoCents, i18n.language)}</Table.Td>
              <Table.Td ta="right">{euros(c.amcCents, i18n.language)}</Table.Td>
              <Table.Td>
                <Badge color={c.status === 'rejected' ? 'red' : c.status === 'paid' ? 'green' : 'blue'}>
                  {t(`claimStatus.${c.status}`)}
                </Badge>
                {c.rejection && (
                  <Text size="xs" c="red">
                    {c.rejection.code} — {c.rejection.label}
                  </Text>
                )}
                {c.status === 'rejected' && can('billing.write') && (
                  <Button size="xs" variant="light" mt={4} onClick={() => resend(c)}>
                    {t('claims.resend')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
