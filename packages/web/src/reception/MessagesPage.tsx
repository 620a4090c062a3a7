import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { phoneMessageView } from '@pivot/core/reception';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { get, post } from '../app/api.ts';
import { useSession } from '../app/session.tsx';
import { useApiForm } from '../app/use-api-form.ts';
import { type MessageDraft, MessageFields } from './MessageFields.tsx';
import { type Urgency, urgencies, urgencyColour } from './model.ts';

/** A phone message as the server answers it (core's response schema). */
export type PhoneMessage = z.input<typeof phoneMessageView>;

function when(iso: string, language: string) {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'fr-FR', {
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Paris',
  }).format(new Date(iso));
}

/** Phone messages: mine (every colleague), and everyone's for the desk; overdue ones stand out. */
export function MessagesPage() {
  const { t } = useTranslation('reception');
  const [scope, setScope] = useState<'mine' | 'all'>('mine');
  const [taking, setTaking] = useState(false);
  return (
    <Stack>
      <Group justify="space-between">
        <SegmentedControl
          value={scope}
          onChange={(v) => setScope(v as 'mine' | 'all')}
          data={[
            { value: 'mine', label: t('messages.mine') },
            { value: 'all', label: t('messages.all') },
          ]}
          data-testid="messages-scope"
        />
        <Button onClick={() => setTaking(true)} data-testid="take-message">
          {t('messages.take')}
        </Button>
      </Group>
      <MessageList scope={scope} />
      {taking && <TakeMessageModal onClose={() => setTaking(false)} />}
    </Stack>
  );
}

export function MessageList({ scope }: { scope: 'mine' | 'all' }) {
  const { t, i18n } = useTranslation('reception');
  const { me } = useSession();
  const client = useQueryClient();
  const form = useApiForm();
  const messages = useQuery({
    queryKey: ['reception', 'messages', scope],
    queryFn: () =>
      get<PhoneMessage[]>(scope === 'mine' ? '/api/reception/messages/mine' : '/api/reception/messages'),
    refetchInterval: 30_000,
  });
  const mark = async (message: PhoneMessage, status: 'read' | 'done') => {
    await form.submit(() =>
      post(`/api/reception/messages/${message.id}/status`, { status, version: message.version }),
    );
    await client.invalidateQueries({ queryKey: ['reception', 'messages'] });
  };
  if (messages.data?.length === 0) return <Text c="dimmed">{t('messages.none')}</Text>;
  return (
    <Stack gap="xs" data-testid={`messages-${scope}`}>
      {form.error && <Alert color="red">{form.error.message}</Alert>}
      {(messages.data ?? []).map((m) => (
        <Card
          key={m.id}
          withBorder
          padding="sm"
          style={m.overdue ? { borderColor: 'var(--mantine-color-red-6)', borderWidth: 2 } : undefined}
          data-testid={`message-${m.id}`}
          data-overdue={m.overdue}
        >
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Stack gap={2}>
              <Group gap={6}>
                {m.status === 'unread' && (
                  <Badge size="xs" color="blue">
                    {t('messages.unread')}
                  </Badge>
                )}
                {m.overdue && (
                  <Badge size="xs" color="red">
                    {t('messages.overdue')}
                  </Badge>
                )}
                <Badge size="xs" variant="light" color={urgencyColour[m.urgency]}>
                  {t(`urgency.${m.urgency}`)}
                </Badge>
                <Text fw={600} size="sm">
                  {m.callerName}
                </Text>
                {m.callbackNumber && (
                  <Anchor href={`tel:${m.callbackNumber}`} size="sm">
                    {m.callbackNumber}
                  </Anchor>
                )}
              </Group>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {m.content}
              </Text>
              <Text size="xs" c="dimmed">
                {t('messages.meta', {
                  recipient: m.recipientName,
                  takenBy: m.takenByName,
                  takenAt: when(m.takenAt, i18n.language),
                  due: when(m.dueAt, i18n.language),
                })}
              </Text>
            </Stack>
            <Group gap={4} wrap="nowrap">
              {m.status === 'unread' && m.recipientId === me?.id && (
                <Button size="compact-xs" variant="subtle" onClick={() => mark(m, 'read')}>
                  {t('messages.markRead')}
                </Button>
              )}
              {m.status !== 'done' && (
                <Button size="compact-xs" onClick={() => mark(m, 'done')} data-testid={`done-${m.id}`}>
                  {t('messages.markDone')}
                </Button>
              )}
            </Group>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}

function TakeMessageModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('reception');
  const client = useQueryClient();
  const form = useApiForm();
  const [callerName, setCallerName] = useState('');
  const [message, setMessage] = useState<MessageDraft>({
    recipientId: null,
    callbackNumber: '',
    content: '',
  });
  const [urgency, setUrgency] = useState<Urgency>('routine');
  const [dueAt, setDueAt] = useState('');
  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    const saved = await form.submit(() =>
      post('/api/reception/messages', {
        recipientId: message.recipientId ?? '',
        callerName,
        callbackNumber: message.callbackNumber.trim() || null,
        content: message.content,
        urgency,
        dueAt: dueAt ? new Date(dueAt).toISOString() : null,
      }),
    );
    if (saved) {
      notifications.show({ color: 'green', message: t('messages.taken') });
      await client.invalidateQueries({ queryKey: ['reception', 'messages'] });
      onClose();
    }
  };
  return (
    <Modal opened onClose={onClose} title={t('messages.take')}>
      <form onSubmit={save} noValidate>
        <Stack>
          {form.error && !form.error.field && <Alert color="red">{form.error.message}</Alert>}
          <TextInput
            label={t('messages.caller')}
            value={callerName}
            onChange={(e) => setCallerName(e.currentTarget.value)}
            error={form.fieldError('callerName')}
            data-testid="take-caller"
          />
          <MessageFields
            value={message}
            onChange={setMessage}
            fieldError={form.fieldError}
            testIdPrefix="take"
          />
          <Group grow>
            <Select
              label={t('desk.urgency')}
              data={urgencies
                .filter((u) => u !== 'vital')
                .map((u) => ({ value: u, label: t(`urgency.${u}`) }))}
              value={urgency}
              onChange={(v) => setUrgency((v as Urgency) ?? 'routine')}
            />
            <TextInput
              type="datetime-local"
              label={t('messages.due')}
              value={dueAt}
              onChange={(e) => setDueAt(e.currentTarget.value)}
              error={form.fieldError('dueAt')}
            />
          </Group>
          <Text size="xs" c="dimmed">
            {t('messages.vitalHint')}
          </Text>
          <Group justify="flex-end">
            <Button type="submit" loading={form.busy} data-testid="take-save">
              {t('messages.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
