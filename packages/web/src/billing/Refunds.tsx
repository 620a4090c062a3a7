import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { RefundBalanceView } from '@pivot/core/billing';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, post } from '../app/api.ts';
import { useSession } from '../app/session.tsx';
import { useApiForm } from '../app/use-api-form.ts';
import { centsOf, euros, todayIso } from './money.ts';

export interface RefundTarget {
  balance: RefundBalanceView;
  creditNote?: { id: string; number: string } | undefined;
}

export function useRefundBalances(patientId?: string) {
  return useQuery({
    queryKey: ['billing', 'refunds', patientId ?? 'all'],
    queryFn: () =>
      get<RefundBalanceView[]>(`/api/billing/refunds/balances${patientId ? `?patientId=${patientId}` : ''}`),
  });
}

/** Gives money back: amount (at most what is refundable), how, and why. */
export function RefundModal({ target, onClose }: { target: RefundTarget | null; onClose: () => void }) {
  return (
    <Modal opened={target !== null} onClose={onClose} title={<RefundTitle target={target} />} size="lg">
      {target && <RefundForm key={target.balance.payer.id} target={target} onDone={onClose} />}
    </Modal>
  );
}

function RefundTitle({ target }: { target: RefundTarget | null }) {
  const { t } = useTranslation('billing');
  return <>{t('refunds.title', { name: target?.balance.payerName ?? '' })}</>;
}

function RefundForm({ target, onDone }: { target: RefundTarget; onDone: () => void }) {
  const { t, i18n } = useTranslation('billing');
  const client = useQueryClient();
  const form = useApiForm();
  const { balance, creditNote } = target;
  const [amount, setAmount] = useState((balance.refundableCents / 100).toFixed(2).replace('.', ','));
  const [kind, setKind] = useState('cash');
  const [bank, setBank] = useState(() => localStorage.getItem('pivot.slip.bank') ?? '');
  const [number, setNumber] = useState('');
  const [drawer, setDrawer] = useState('');
  const [reference, setReference] = useState('');
  const [reason, setReason] = useState(
    creditNote ? t('refunds.reasonCreditNote', { number: creditNote.number }) : t('refunds.reasonCredit'),
  );
  const submit = async () => {
    const method =
      kind === 'cheque'
        ? { kind, bank, number, drawer }
        : kind === 'cash'
          ? { kind }
          : { kind, reference: reference || undefined };
    const done = await form.submit(() =>
      post('/api/billing/refunds', {
        date: todayIso(),
        amountCents: centsOf(amount) ?? Number.NaN,
        method,
        payer: balance.payer,
        reason,
        ...(creditNote ? { creditNoteId: creditNote.id } : {}),
      }),
    );
    if (done) {
      notifications.show({ color: 'green', message: t('refunds.done') });
      await client.invalidateQueries({ queryKey: ['billing'] });
      onDone();
    }
  };
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('refunds.refundable', { amount: euros(balance.refundableCents, i18n.language) })}
      </Text>
      <SegmentedControl
        value={kind}
        onChange={setKind}
        data={(['cash', 'cheque', 'card', 'transfer'] as const).map((k) => ({
          value: k,
          label: t(`method.${k}`),
        }))}
      />
      <TextInput
        label={t('refunds.amount')}
        rightSection="€"
        value={amount}
        onChange={(e) => setAmount(e.currentTarget.value)}
        error={form.fieldError('amountCents')}
      />
      {kind === 'cheque' && (
        <Group grow>
          <TextInput
            label={t('slips.bank')}
            value={bank}
            onChange={(e) => setBank(e.currentTarget.value)}
            error={form.fieldError('method.bank')}
          />
          <TextInput
            label={t('payments.chequeNumber')}
            value={number}
            onChange={(e) => setNumber(e.currentTarget.value)}
            error={form.fieldError('method.number')}
          />
          <TextInput
            label={t('refunds.signedBy')}
            value={drawer}
            onChange={(e) => setDrawer(e.currentTarget.value)}
            error={form.fieldError('method.drawer')}
          />
        </Group>
      )}
      {(kind === 'card' || kind === 'transfer') && (
        <TextInput
          label={t('payments.reference')}
          value={reference}
          onChange={(e) => setReference(e.currentTarget.value)}
        />
      )}
      <TextInput
        label={t('refunds.reason')}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={form.fieldError('reason')}
      />
      {form.error && !['amountCents', 'reason'].includes(form.error.field ?? '') && (
        <Alert color="red">{form.error.message}</Alert>
      )}
      <Button onClick={submit} loading={form.busy}>
        {t('refunds.submit')}
      </Button>
    </Stack>
  );
}

/** Payers the practice owes money to, each with a button to refund them. */
export function RefundsSection() {
  const { t, i18n } = useTranslation('billing');
  const { can } = useSession();
  const balances = useRefundBalances();
  const [target, setTarget] = useState<RefundTarget | null>(null);
  if (!balances.data || balances.data.length === 0) return null;
  return (
    <Stack gap="xs">
      <Title order={4}>{t('refunds.owed')}</Title>
      <Table striped data-testid="refunds-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('unpaid.debtor')}</Table.Th>
            <Table.Th ta="right">{t('refunds.credit')}</Table.Th>
            <Table.Th ta="right">{t('refunds.paidOnCancelled')}</Table.Th>
            <Table.Th ta="right">{t('refunds.refunded')}</Table.Th>
            <Table.Th ta="right">{t('refunds.toRefund')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {balances.data.map((b) => (
            <Table.Tr key={`${b.payer.kind}:${b.payer.id}`}>
              <Table.Td>
                <Badge variant="light">{t(`debtor.${b.payer.kind}`)}</Badge> {b.payerName}
              </Table.Td>
              <Table.Td ta="right">{euros(b.creditCents, i18n.language)}</Table.Td>
              <Table.Td ta="right">{euros(b.paidOnCancelledCents, i18n.language)}</Table.Td>
              <Table.Td ta="right">{euros(b.refundedCents, i18n.language)}</Table.Td>
              <Table.Td ta="right" fw={700}>
                {euros(b.refundableCents, i18n.language)}
              </Table.Td>
              <Table.Td>
                {can('billing.write') && (
                  <Button size="xs" variant="light" onClick={() => setTarget({ balance: b })}>
                    {t('refunds.refund')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <RefundModal target={target} onClose={() => setTarget(null)} />
    </Stack>
  );
}
