import { Button, Code, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import type { AuditEntryView } from '@pivot/core/audit';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get } from '../app/api.ts';

export function AuditPanel() {
  const { t, i18n } = useTranslation();
  const [action, setAction] = useState('');
  const entries = useInfiniteQuery({
    queryKey: ['audit', action],
    initialPageParam: 0,
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ limit: '50' });
      if (action) params.set('action', action);
      if (pageParam) params.set('beforeId', String(pageParam));
      return get<AuditEntryView[]>(`/api/audit?${params}`);
    },
    getNextPageParam: (last) => (last.length === 50 ? last[last.length - 1]!.id : undefined),
  });
  const rows = entries.data?.pages.flat() ?? [];
  const format = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'fr-FR', {
    dateStyle: 'short',
    timeStyle: 'medium',
    timeZone: 'Europe/Paris',
  });
  return (
    <Stack>
      <Group>
        <TextInput
          label={t('admin.filterAction')}
          placeholder="login, update…"
          value={action}
          onChange={(e) => setAction(e.currentTarget.value.trim())}
        />
      </Group>
      <Table striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('admin.when')}</Table.Th>
            <Table.Th>{t('admin.who')}</Table.Th>
            <Table.Th>{t('admin.action')}</Table.Th>
            <Table.Th>{t('admin.entity')}</Table.Th>
            <Table.Th>IP</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>{format.format(new Date(r.at))}</Table.Td>
              <Table.Td>{r.userName ?? '—'}</Table.Td>
              <Table.Td>
                <Code>{r.action}</Code>
              </Table.Td>
              <Table.Td>
                {r.entity}
                {r.entityId ? (
                  <Text span c="dimmed" size="xs">
                    {' '}
                    {r.entityId.slice(0, 8)}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>{r.ip}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {rows.length === 0 && !entries.isLoading && <Text c="dimmed">{t('admin.noEntries')}</Text>}
      {entries.hasNextPage && (
        <Group>
          <Button variant="default" onClick={() => void entries.fetchNextPage()}>
            {t('admin.more')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
