import {
  Alert,
  Badge,
  Button,
  Group,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { noticeView, outboxRunView } from '@pivot/core/agenda';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { get, post } from '../app/api.ts';
import { useSession } from '../app/session.tsx';
import { useApiForm } from '../app/use-api-form.ts';
import { localDate, timeOf } from './agenda-model.ts';

type NoticeItem = z.input<typeof noticeView>;
type NoticeStatus = NoticeItem['status'];

const statusColour: Record<NoticeStatus, string> = {
  pending: 'blue',
  sent: 'green',
  failed: 'red',
  no_provider: 'orange',
  cancelled: 'gray',
};

const when = (iso: string) => `${localDate(iso).split('-').reverse().join('/')} ${timeOf(iso)}`;

/** The outbox of notices, reminders and invitations: what left, what waits, what failed and why. */
export function NoticesPage() {
  const { t, i18n } = useTranslation('agenda');
  const { can } = useSession();
  const client = useQueryClient();
  const action = useApiForm();
  const [status, setStatus] = useState<string>('all');
  const notices = useQuery({
    queryKey: ['agenda', 'notices', status],
    queryFn: () => get<NoticeItem[]>(`/api/agenda/notices${status === 'all' ? '' : `?status=${status}`}`),
  });
  const resend = async (id: string) => {
    const done = await action.submit(() => post(`/api/agenda/notices/${id}/resend`));
    if (done) {
      notifications.show({ color: 'green', message: t('notices.resent') });
      await client.invalidateQueries({ queryKey: ['agenda', 'notices'] });
    }
  };
  const sendNow = async () => {
    const result = await action.submit(() => post<z.input<typeof outboxRunView>>('/api/agenda/notices/send'));
    if (result) {
      notifications.show({ color: 'blue', message: t('notices.sendResult', result) });
      await client.invalidateQueries({ queryKey: ['agenda', 'notices'] });
    }
  };
  const kindLabel = (kind: string) =>
    i18n.exists(`agenda:notices.kinds.${kind}`) ? t(`notices.kinds.${kind}`) : kind;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>{t('notices.title')}</Title>
        {can('agenda.manage') && (
          <Button size="xs" variant="default" onClick={sendNow} loading={action.busy}>
            {t('notices.sendNow')}
          </Button>
        )}
      </Group>
      <SegmentedControl
        value={status}
        onChange={setStatus}
        data={[
          { value: 'all', label: t('notices.all') },
          ...(['pending', 'sent', 'failed', 'no_provider', 'cancelled'] as const).map((s) => ({
            value: s,
            label: t(`notices.statuses.${s}`),
          })),
        ]}
        w="fit-content"
      />
      {action.error && (
        <Alert color="red" withCloseButton onClose={() => action.setError(null)}>
          {action.error.message}
        </Alert>
      )}
      {notices.data?.length === 0 && <Text c="dimmed">{t('notices.none')}</Text>}
      {(notices.data?.length ?? 0) > 0 && (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('notices.when')}</Table.Th>
              <Table.Th>{t('notices.patient')}</Table.Th>
              <Table.Th>{t('notices.kind')}</Table.Th>
              <Table.Th>{t('notices.channel')}</Table.Th>
              <Table.Th>{t('notices.status')}</Table.Th>
              <Table.Th>{t('notices.attempts')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(notices.data ?? []).map((n) => (
              <Table.Tr key={n.id} data-testid="notice-row">
                <Table.Td>{when(n.sentAt ?? n.sendAfter)}</Table.Td>
                <Table.Td>
                  <Text size="sm">{n.patientName ?? ''}</Text>
                  <Text size="xs" c="dimmed">
                    {n.recipient}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{kindLabel(n.kind)}</Text>
                  <Text size="xs" c="dimmed">
                    {n.subject}
                  </Text>
                </Table.Td>
                <Table.Td>{t(`notices.channels.${n.channel}`)}</Table.Td>
                <Table.Td>
                  <Tooltip label={n.lastError ?? ''} disabled={!n.lastError}>
                    <Badge color={statusColour[n.status]} variant="light">
                      {t(`notices.statuses.${n.status}`)}
                    </Badge>
                  </Tooltip>
                  {n.lastError && (
                    <Text size="xs" c="red">
                      {n.lastError}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{n.attempts}</Table.Td>
                <Table.Td>
                  {can('agenda.write') && n.status !== 'pending' && n.status !== 'cancelled' && (
                    <Button size="xs" variant="subtle" onClick={() => resend(n.id)}>
                      {t('notices.resend')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
