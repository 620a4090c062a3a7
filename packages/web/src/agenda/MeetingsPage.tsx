import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Select,
  Stack,
  Table,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, post } from '../app/api.ts';
import { useSession } from '../app/session.tsx';
import { useApiForm } from '../app/use-api-form.ts';
import { addDays, isoAt, localDate, timeOf, todayDate, useResources } from './agenda-model.ts';

interface MeetingItem {
  id: string;
  title: string;
  start: string;
  end: string;
  roomName: string | null;
  location: string;
  description: string;
  cancelled: boolean;
  organizerName: string | null;
  attendees: { email: string; name: string | null }[];
}

const minutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
};

/** Meetings and trainings: the coming ones, and a form that books the room and sends .ics invitations. */
export function MeetingsPage() {
  const { t } = useTranslation('agenda');
  const { can } = useSession();
  const client = useQueryClient();
  const resources = useResources();
  const form = useApiForm();
  const [adding, setAdding] = useState(false);
  const [title, setTitle] = useState('');
  const [date, setDate] = useState(todayDate());
  const [start, setStart] = useState('12:30');
  const [end, setEnd] = useState('13:30');
  const [roomId, setRoomId] = useState<string | null>(null);
  const [location, setLocation] = useState('');
  const [description, setDescription] = useState('');
  const [attendees, setAttendees] = useState<string[]>([]);
  const from = isoAt(todayDate(), 0);
  const to = isoAt(addDays(todayDate(), 90), 0);
  const meetings = useQuery({
    queryKey: ['agenda', 'meetings', from],
    queryFn: () =>
      get<MeetingItem[]>(
        `/api/agenda/meetings?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
      ),
  });
  const create = async () => {
    const done = await form.submit(() =>
      post('/api/agenda/meetings', {
        title,
        start: isoAt(date, minutes(start)),
        end: isoAt(date, minutes(end)),
        roomId,
        location,
        description,
        attendees: attendees.map((email) => ({ email, name: null })),
      }),
    );
    if (done) {
      notifications.show({ color: 'green', message: t('meetings.created') });
      setAdding(false);
      setTitle('');
      setDescription('');
      setAttendees([]);
      await client.invalidateQueries({ queryKey: ['agenda'] });
    }
  };
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>{t('meetings.title')}</Title>
        {can('agenda.write') && !adding && (
          <Button size="xs" onClick={() => setAdding(true)}>
            {t('meetings.add')}
          </Button>
        )}
      </Group>
      {adding && (
        <Card withBorder>
          <Stack>
            <TextInput
              label={t('meetings.subject')}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              error={form.fieldError('title')}
              data-autofocus
            />
            <Group align="end">
              <TextInput
                label={t('meetings.date')}
                type="date"
                value={date}
                onChange={(e) => setDate(e.currentTarget.value)}
              />
              <TextInput
                label={t('meetings.start')}
                type="time"
                value={start}
                onChange={(e) => setStart(e.currentTarget.value)}
                error={form.fieldError('start')}
              />
              <TextInput
                label={t('meetings.end')}
                type="time"
                value={end}
                onChange={(e) => setEnd(e.currentTarget.value)}
                error={form.fieldError('end')}
              />
              <Select
                label={t('meetings.room')}
                data={(resources.data?.rooms ?? []).map((r) => ({ value: r.id, label: r.name }))}
                value={roomId}
                onChange={setRoomId}
                clearable
                w={260}
                error={form.fieldError('roomId')}
              />
              <TextInput
                label={t('meetings.location')}
                value={location}
                onChange={(e) => setLocation(e.currentTarget.value)}
                disabled={!!roomId}
              />
            </Group>
            <Textarea
              label={t('meetings.description')}
              value={description}
              onChange={(e) => setDescription(e.currentTarget.value)}
              autosize
              minRows={2}
            />
            <TagsInput
              label={t('meetings.attendees')}
              value={attendees}
              onChange={setAttendees}
              splitChars={[',', ' ', ';']}
              error={form.error?.field?.startsWith('attendees') ? form.error.message : undefined}
            />
            {form.error &&
              !['title', 'start', 'end', 'roomId'].includes(form.error.field ?? '') &&
              !form.error.field?.startsWith('attendees') && <Alert color="red">{form.error.message}</Alert>}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setAdding(false)}>
                {t('settings.cancel')}
              </Button>
              <Button onClick={create} loading={form.busy} disabled={!title}>
                {t('meetings.create')}
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
            <Table.Tr key={m.id} data-testid="meeting-row">
              <Table.Td>
                {localDate(m.start).split('-').reverse().join('/')} {timeOf(m.start)}–{timeOf(m.end)}
              </Table.Td>
              <Table.Td>
                <Text fw={600} size="sm">
                  {m.title}
                </Text>
                {m.organizerName && (
                  <Text size="xs" c="dimmed">
                    {t('meetings.organizer', { name: m.organizerName })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{m.roomName ?? m.location}</Table.Td>
              <Table.Td>
                <Text size="xs">{m.attendees.map((a) => a.name ?? a.email).join(', ')}</Text>
              </Table.Td>
              <Table.Td>
                {m.cancelled && (
                  <Badge color="gray" variant="light">
                    {t('meetings.cancelled')}
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
