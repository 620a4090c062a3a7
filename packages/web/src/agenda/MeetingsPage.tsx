import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type listedMeetingView, meetingKinds } from '@pivot/core/agenda';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { get, post, put } from '../app/api.ts';
import { useSession } from '../app/session.tsx';
import { useApiForm } from '../app/use-api-form.ts';
import { addDays, isoAt, localDate, localMinutes, timeOf, todayDate, useResources } from './agenda-model.ts';

type MeetingItem = z.input<typeof listedMeetingView>;
type MeetingKind = MeetingItem['kind'];
type MeetingStatus = MeetingItem['status'];
const kinds: readonly MeetingKind[] = meetingKinds;
const kindColours: Record<MeetingKind, string> = { meeting: 'blue', training: 'teal', conference: 'grape' };
const statusColours: Record<MeetingStatus, string> = { scheduled: 'green', cancelled: 'red', over: 'gray' };

const minutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
};
const hhmmOf = (iso: string) => {
  const m = localMinutes(iso);
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};

interface Draft {
  title: string;
  kind: MeetingKind;
  date: string;
  start: string;
  end: string;
  roomId: string | null;
  location: string;
  description: string;
  agenda: string;
  attendees: string[];
}

const emptyDraft = (): Draft => ({
  title: '',
  kind: 'meeting',
  date: todayDate(),
  start: '12:30',
  end: '13:30',
  roomId: null,
  location: '',
  description: '',
  agenda: '',
  attendees: [],
});

function draftOf(m: MeetingItem): Draft {
  return {
    title: m.title,
    kind: m.kind,
    date: localDate(m.start),
    start: hhmmOf(m.start),
    end: hhmmOf(m.end),
    roomId: m.roomId,
    // A place filled from the room's name follows the room.
    location: m.roomId && m.location === m.roomName ? '' : m.location,
    description: m.description,
    agenda: m.agenda.join('\n'),
    attendees: m.attendees.map((a) => a.email),
  };
}

/**
 * Meetings, trainings and conferences: the coming ones with their status, a form that books the
 * room and sends .ics invitations, edited or cancelled (with a reason) by the organizer or an admin.
 */
export function MeetingsPage() {
  const { t } = useTranslation('agenda');
  const { can, me } = useSession();
  const client = useQueryClient();
  const resources = useResources();
  const form = useApiForm();
  const cancelForm = useApiForm();
  // null: no form open; 'new': creating; a meeting: editing it.
  const [open, setOpen] = useState<'new' | MeetingItem | null>(null);
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [cancelling, setCancelling] = useState<MeetingItem | null>(null);
  const [reason, setReason] = useState('');
  const from = isoAt(todayDate(), 0);
  const to = isoAt(addDays(todayDate(), 90), 0);
  const meetings = useQuery({
    queryKey: ['agenda', 'meetings', from],
    queryFn: () =>
      get<MeetingItem[]>(
        `/api/agenda/meetings?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
      ),
  });
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const mayChange = (m: MeetingItem) =>
    m.status === 'scheduled' && can('agenda.write') && (m.organizerId === me?.id || me?.role === 'admin');
  const editing = open !== null && open !== 'new' ? open : null;

  const startNew = () => {
    form.setError(null);
    setDraft(emptyDraft());
    setOpen('new');
  };
  const startEdit = (m: MeetingItem) => {
    form.setError(null);
    setDraft(draftOf(m));
    setOpen(m);
  };
  const save = async () => {
    // Existing attendees keep the name they were invited with.
    const names = new Map((editing?.attendees ?? []).map((a) => [a.email.toLowerCase(), a.name]));
    const body = {
      title: draft.title,
      kind: draft.kind,
      start: isoAt(draft.date, minutes(draft.start)),
      end: isoAt(draft.date, minutes(draft.end)),
      roomId: draft.roomId,
      location: draft.roomId ? '' : draft.location,
      description: draft.description,
      agenda: draft.agenda
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== ''),
      attendees: draft.attendees.map((email) => ({ email, name: names.get(email.toLowerCase()) ?? null })),
    };
    const done = await form.submit(() =>
      editing
        ? put(`/api/agenda/meetings/${editing.id}`, { ...body, version: editing.version })
        : post('/api/agenda/meetings', body),
    );
    if (done) {
      notifications.show({ color: 'green', message: t(editing ? 'meetings.updated' : 'meetings.created') });
      setOpen(null);
      await client.invalidateQueries({ queryKey: ['agenda'] });
    }
  };
  const confirmCancel = async () => {
    if (!cancelling) return;
    const done = await cancelForm.submit(() =>
      post(`/api/agenda/meetings/${cancelling.id}/cancel`, { reason, version: cancelling.version }),
    );
    if (done) {
      notifications.show({ color: 'green', message: t('meetings.cancelDone') });
      setCancelling(null);
      setReason('');
      await client.invalidateQueries({ queryKey: ['agenda'] });
    }
  };

  const fieldsWithError = ['title', 'kind', 'start', 'end', 'roomId', 'location', 'description', 'agenda'];
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>{t('meetings.title')}</Title>
        {can('agenda.write') && open === null && (
          <Button size="xs" onClick={startNew}>
            {t('meetings.add')}
          </Button>
        )}
      </Group>
      {open !== null && (
        <Card withBorder data-testid="meeting-form">
          <Stack>
            {editing && <Text fw={600}>{t('meetings.editing', { title: editing.title })}</Text>}
            <Group align="end">
              <TextInput
                label={t('meetings.subject')}
                value={draft.title}
                onChange={(e) => set('title', e.currentTarget.value)}
                error={form.fieldError('title')}
                data-autofocus
                style={{ flex: 1 }}
              />
              <Select
                label={t('meetings.kind')}
                data={kinds.map((k) => ({ value: k, label: t(`meetings.kinds.${k}`) }))}
                value={draft.kind}
                onChange={(v) => set('kind', (v as MeetingKind | null) ?? 'meeting')}
                allowDeselect={false}
                w={200}
                error={form.fieldError('kind')}
              />
            </Group>
            <Group align="end">
              <TextInput
                label={t('meetings.date')}
                type="date"
                value={draft.date}
                onChange={(e) => set('date', e.currentTarget.value)}
              />
              <TextInput
                label={t('meetings.start')}
                type="time"
                value={draft.start}
                onChange={(e) => set('start', e.currentTarget.value)}
                error={form.fieldError('start')}
              />
              <TextInput
                label={t('meetings.end')}
                type="time"
                value={draft.end}
                onChange={(e) => set('end', e.currentTarget.value)}
                error={form.fieldError('end')}
              />
              <Select
                label={t('meetings.room')}
                data={(resources.data?.rooms ?? []).map((r) => ({ value: r.id, label: r.name }))}
                value={draft.roomId}
                onChange={(v) => set('roomId', v)}
                clearable
                w={260}
                error={form.fieldError('roomId')}
              />
              <TextInput
                label={t('meetings.location')}
                value={draft.location}
                onChange={(e) => set('location', e.currentTarget.value)}
                disabled={!!draft.roomId}
                error={form.fieldError('location')}
              />
            </Group>
            <Textarea
              label={t('meetings.description')}
              value={draft.description}
              onChange={(e) => set('description', e.currentTarget.value)}
              autosize
              minRows={2}
              error={form.fieldError('description')}
            />
            <Textarea
              label={t('meetings.agenda')}
              description={t('meetings.agendaHint')}
              value={draft.agenda}
              onChange={(e) => set('agenda', e.currentTarget.value)}
              autosize
              minRows={2}
              error={form.error?.field?.startsWith('agenda') ? form.error.message : undefined}
            />
            <TagsInput
              label={t('meetings.attendees')}
              value={draft.attendees}
              onChange={(v) => set('attendees', v)}
              splitChars={[',', ' ', ';']}
              error={form.error?.field?.startsWith('attendees') ? form.error.message : undefined}
            />
            {editing && (
              <Text size="xs" c="dimmed">
                {t('meetings.updateHint')}
              </Text>
            )}
            {form.error &&
              !fieldsWithError.includes(form.error.field ?? '') &&
              !form.error.field?.startsWith('attendees') &&
              !form.error.field?.startsWith('agenda') && <Alert color="red">{form.error.message}</Alert>}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpen(null)}>
                {t('settings.cancel')}
              </Button>
              <Button onClick={save} loading={form.busy} disabled={!draft.title}>
                {t(editing ? 'meetings.save' : 'meetings.create')}
              </Button>
            </Group>
          </Stack>
        </Card>
      )}
      <Text fw={600}>{t('meetings.upcoming')}</Text>
      {meetings.data?.length === 0 && <Text c="dimmed">{t('meetings.none')}</Text>}
      <Table>
        <Table.Tbody>
          {(meetings.data ?? []).map((m) => (
            <Table.Tr key={m.id} data-testid="meeting-row" opacity={m.status === 'scheduled' ? 1 : 0.7}>
              <Table.Td>
                {localDate(m.start).split('-').reverse().join('/')} {timeOf(m.start)}–{timeOf(m.end)}
              </Table.Td>
              <Table.Td>
                <Group gap={6}>
                  <Text fw={600} size="sm" td={m.status === 'cancelled' ? 'line-through' : undefined}>
                    {m.title}
                  </Text>
                  <Badge size="xs" variant="light" color={kindColours[m.kind]}>
                    {t(`meetings.kinds.${m.kind}`)}
                  </Badge>
                </Group>
                {m.organizerName && (
                  <Text size="xs" c="dimmed">
                    {t('meetings.organizer', { name: m.organizerName })}
                  </Text>
                )}
                {m.agenda.length > 0 && (
                  <Text size="xs" c="dimmed">
                    {t('meetings.agendaCount', { count: m.agenda.length })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{m.roomName ?? m.location}</Table.Td>
              <Table.Td>
                <Text size="xs">{m.attendees.map((a) => a.name ?? a.email).join(', ')}</Text>
              </Table.Td>
              <Table.Td>
                <Tooltip
                  label={t('meetings.reasonWas', { reason: m.cancelledReason })}
                  disabled={!m.cancelledReason}
                >
                  <Badge color={statusColours[m.status]} variant="light" data-testid="meeting-status">
                    {t(`meetings.statuses.${m.status}`)}
                  </Badge>
                </Tooltip>
                {m.status === 'cancelled' && m.cancelledReason && (
                  <Text size="xs" c="dimmed">
                    {m.cancelledReason}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {mayChange(m) && (
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Button size="compact-xs" variant="light" onClick={() => startEdit(m)}>
                      {t('meetings.edit')}
                    </Button>
                    <Button
                      size="compact-xs"
                      variant="light"
                      color="red"
                      onClick={() => {
                        cancelForm.setError(null);
                        setReason('');
                        setCancelling(m);
                      }}
                    >
                      {t('meetings.cancel')}
                    </Button>
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal
        opened={cancelling !== null}
        onClose={() => setCancelling(null)}
        title={t('meetings.cancelTitle', { title: cancelling?.title ?? '' })}
      >
        <Stack>
          <Text size="sm">{t('meetings.cancelHint')}</Text>
          <Textarea
            label={t('meetings.cancelReason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={cancelForm.fieldError('reason')}
            autosize
            minRows={2}
            data-autofocus
          />
          {cancelForm.error && cancelForm.error.field !== 'reason' && (
            <Alert color="red">{cancelForm.error.message}</Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setCancelling(null)}>
              {t('meetings.keep')}
            </Button>
            <Button color="red" onClick={confirmCancel} loading={cancelForm.busy} disabled={!reason.trim()}>
              {t('meetings.confirmCancel')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
