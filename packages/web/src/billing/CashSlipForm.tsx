import {
  Alert,
  Button,
  Card,
  Group,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { euroDenominations } from '@pivot/core/billing';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../app/api.ts';
import { useApiForm } from '../app/use-api-form.ts';
import { euros, todayIso } from './money.ts';

/** A cash deposit slip: how many of each banknote and coin go to the bank (billing.md § Deposit slip). */
export function CashSlipForm() {
  const { t, i18n } = useTranslation('billing');
  const client = useQueryClient();
  const form = useApiForm();
  const [bank, setBank] = useState(() => localStorage.getItem('pivot.slip.bank') ?? '');
  const [iban, setIban] = useState(() => localStorage.getItem('pivot.slip.iban') ?? '');
  const [date, setDate] = useState(todayIso());
  const [counts, setCounts] = useState<Record<number, number>>({});
  const total = Object.entries(counts).reduce((s, [d, n]) => s + Number(d) * n, 0);
  const create = async () => {
    const denominations = Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
    const done = await form.submit(() =>
      post('/api/billing/deposit-slips/cash', { bank, iban, date, denominations }),
    );
    if (done) {
      localStorage.setItem('pivot.slip.bank', bank);
      localStorage.setItem('pivot.slip.iban', iban);
      setCounts({});
      notifications.show({ color: 'green', message: t('slips.cashCreated') });
      await client.invalidateQueries({ queryKey: ['billing'] });
    }
  };
  return (
    <Card withBorder data-testid="cash-slip-form">
      <Stack>
        <Title order={4}>{t('slips.cashTitle')}</Title>
        <Text size="sm" c="dimmed">
          {t('slips.cashHint')}
        </Text>
        <SimpleGrid cols={{ base: 3, sm: 5, lg: 8 }}>
          {euroDenominations
            .filter((d) => d >= 5)
            .map((d) => (
              <NumberInput
                key={d}
                label={euros(d, i18n.language)}
                min={0}
                max={100_000}
                allowDecimal={false}
                value={counts[d] ?? ''}
                onChange={(v) => setCounts({ ...counts, [d]: Number(v) || 0 })}
              />
            ))}
        </SimpleGrid>
        <Group align="flex-end">
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
          <Button onClick={create} disabled={total === 0} loading={form.busy}>
            {t('slips.createCash', { total: euros(total, i18n.language) })}
          </Button>
        </Group>
        {form.error && !['bank', 'iban'].includes(form.error.field ?? '') && (
          <Alert color="red">{form.error.message}</Alert>
        )}
      </Stack>
    </Card>
  );
}
