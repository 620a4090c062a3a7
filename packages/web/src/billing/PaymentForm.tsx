import { Alert, Button, Group, SegmentedControl, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { PaymentRecordedView } from '@pivot/core/billing';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../app/api.ts';
import { useApiForm } from '../app/use-api-form.ts';
import { centsOf, euros } from './money.ts';

/** Takes a patient's payment: cash, cheque (bank, number, drawer), card or transfer. */
export function PaymentForm(props: {
  patientId: string;
  date: string;
  amountCents: number;
  onDone?: () => void;
}) {
  const { t, i18n } = useTranslation('billing');
  const client = useQueryClient();
  const form = useApiForm();
  const [amount, setAmount] = useState((props.amountCents / 100).toFixed(2).replace('.', ','));
  const [kind, setKind] = useState('cheque');
  const [bank, setBank] = useState('');
  const [number, setNumber] = useState('');
  const [drawer, setDrawer] = useState('');
  const [reference, setReference] = useState('');
  const submit = async () => {
    const method =
      kind === 'cheque'
        ? { kind, bank, number, drawer }
        : kind === 'cash'
          ? { kind }
          : { kind, reference: reference || undefined };
    const result = await form.submit(() =>
      post<PaymentRecordedView>('/api/billing/payments', {
        date: props.date,
        amountCents: centsOf(amount) ?? Number.NaN,
        method,
        payer: { kind: 'patient', id: props.patientId },
      }),
    );
    if (result) {
      notifications.show({
        color: 'green',
        message:
          result.creditCents > 0
            ? t('payments.savedWithCredit', { credit: euros(result.creditCents, i18n.language) })
            : t('payments.saved'),
      });
      await client.invalidateQueries({ queryKey: ['billing'] });
      props.onDone?.();
    }
  };
  return (
    <Stack>
      <SegmentedControl
        value={kind}
        onChange={setKind}
        data={(['cash', 'cheque', 'card', 'transfer'] as const).map((k) => ({
          value: k,
          label: t(`method.${k}`),
        }))}
      />
      <TextInput
        label={t('payments.amount')}
        rightSection="€"
        value={amount}
        onChange={(e) => setAmount(e.currentTarget.value)}
        error={form.fieldError('amountCents')}
      />
      {kind === 'cheque' && (
        <Group grow>
          <TextInput
            label={t('payments.bank')}
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
            label={t('payments.drawer')}
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
      {form.error && !form.error.field?.startsWith('method.') && form.error.field !== 'amountCents' && (
        <Alert color="red">{form.error.message}</Alert>
      )}
      <Button onClick={submit} loading={form.busy}>
        {t('payments.record')}
      </Button>
    </Stack>
  );
}
