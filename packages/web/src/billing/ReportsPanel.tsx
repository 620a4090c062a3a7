import '@mantine/charts/styles.css';
import { BarChart, DonutChart } from '@mantine/charts';
import { Card, Group, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import type { AgeingView, TakingsView } from '@pivot/core/billing';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get } from '../app/api.ts';
import { euros, todayIso } from './money.ts';

const colors = ['blue.6', 'teal.6', 'orange.6', 'grape.6', 'red.6', 'cyan.6', 'lime.6', 'pink.6'];

/** Daily takings of a month by method, totals by practitioner and insurer, receivables ageing. */
export function ReportsPanel() {
  const { t, i18n } = useTranslation('billing');
  const [month, setMonth] = useState(todayIso().slice(0, 7));
  const [y, m] = month.split('-').map(Number) as [number, number];
  const to = `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
  const daily = useQuery({
    queryKey: ['billing', 'takings', month],
    queryFn: () => get<TakingsView>(`/api/billing/reports/takings?from=${month}-01&to=${to}&granularity=day`),
    enabled: /^\d{4}-\d{2}$/.test(month),
  });
  const monthly = useQuery({
    queryKey: ['billing', 'takings-month', month],
    queryFn: () =>
      get<TakingsView>(`/api/billing/reports/takings?from=${month}-01&to=${to}&granularity=month`),
    enabled: /^\d{4}-\d{2}$/.test(month),
  });
  const ageing = useQuery({
    queryKey: ['billing', 'ageing'],
    queryFn: () => get<AgeingView>('/api/billing/reports/ageing'),
  });
  const methods = ['cash', 'cheque', 'card', 'transfer'] as const;
  const bars = (daily.data?.periods ?? []).map((p) => ({
    day: p.period.slice(8, 10),
    ...Object.fromEntries(methods.map((k) => [t(`method.${k}`), (p.byMethod[k] ?? 0) / 100])),
  }));
  const total = monthly.data?.periods[0];
  const names = monthly.data?.practitioners ?? {};
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={4}>{t('reports.daily')}</Title>
        <TextInput
          type="month"
          value={month}
          onChange={(e) => setMonth(e.currentTarget.value)}
          aria-label={t('accounting.month')}
        />
      </Group>
      <BarChart
        h={260}
        data={bars}
        dataKey="day"
        type="stacked"
        withLegend
        valueFormatter={(v) => euros(Math.round(v * 100), i18n.language)}
        series={methods.map((k, i) => ({ name: t(`method.${k}`), color: colors[i]! }))}
      />
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Card withBorder>
          <Text fw={600}>{t('reports.total')}</Text>
          <Title order={2}>{euros(total?.totalCents ?? 0, i18n.language)}</Title>
          <Text c="dimmed">{t('reports.count', { count: total?.count ?? 0 })}</Text>
        </Card>
        <Card withBorder>
          <Text fw={600}>{t('reports.byPractitioner')}</Text>
          <Group align="center" wrap="nowrap">
            <DonutChart
              size={140}
              thickness={24}
              withTooltip
              valueFormatter={(v) => euros(Math.round(v * 100), i18n.language)}
              data={Object.entries(total?.byPractitioner ?? {}).map(([id, cents], i) => ({
                name: names[id] ?? t('reports.unassigned'),
                value: cents / 100,
                color: colors[i % colors.length]!,
              }))}
            />
            <Stack gap={2}>
              {Object.entries(total?.byPractitioner ?? {}).map(([id, cents]) => (
                <Text key={id} size="sm">
                  {names[id] ?? t('reports.unassigned')} : {euros(cents, i18n.language)}
                </Text>
              ))}
            </Stack>
          </Group>
        </Card>
        <Card withBorder>
          <Text fw={600}>{t('reports.byInsurer')}</Text>
          <Table>
            <Table.Tbody>
              <Table.Tr>
                <Table.Td>{t('debtor.patient')}</Table.Td>
                <Table.Td ta="right">{euros(total?.byPayerKind.patient ?? 0, i18n.language)}</Table.Td>
              </Table.Tr>
              {Object.entries(total?.byInsurer ?? {}).map(([key, cents]) => (
                <Table.Tr key={key}>
                  <Table.Td>{key}</Table.Td>
                  <Table.Td ta="right">{euros(cents, i18n.language)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      </SimpleGrid>
      <Title order={4}>{t('reports.ageing')}</Title>
      <Table data-testid="ageing">
        <Table.Thead>
          <Table.Tr>
            <Table.Th />
            {['0-30', '31-60', '61-90', '90+'].map((b) => (
              <Table.Th key={b} ta="right">
                {b} {t('unpaid.days')}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(['patient', 'amo', 'amc'] as const).map((kind) => (
            <Table.Tr key={kind}>
              <Table.Td>{t(`debtor.${kind}`)}</Table.Td>
              {['0-30', '31-60', '61-90', '90+'].map((b) => (
                <Table.Td key={b} ta="right">
                  {euros(ageing.data?.byKind[kind]?.[b] ?? 0, i18n.language)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
