import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Indicator,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useInterval } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { post } from '../app/api.ts';
import { useSession } from '../app/session.tsx';
import { useApiForm } from '../app/use-api-form.ts';
import {
  preselectedRoom,
  roomChoices,
  timeOf,
  urgencyColour,
  useLiveBoard,
  useOrganization,
  type Visit,
  type WaitingRoomBoard,
  waitText,
} from './model.ts';

type BoardVisit = WaitingRoomBoard['visits'][number];

function minutesSince(iso: string, now: number) {
  return Math.max(0, Math.floor((now - Date.parse(iso)) / 60_000));
}

/** Who waits, for whom, since when; who is in consultation; who is seen and to bill. Live on every screen. */
export function WaitingRoomPage() {
  const { t } = useTranslation('reception');
  const { board, connected } = useLiveBoard<WaitingRoomBoard>('/api/reception/waiting-room/stream');
  const [now, setNow] = useState(Date.now());
  useInterval(() => setNow(Date.now()), 30_000, { autoInvoke: true });
  const [leaving, setLeaving] = useState<BoardVisit | null>(null);
  const [calling, setCalling] = useState<BoardVisit | null>(null);
  const form = useApiForm();
  const move = (visit: Visit, to: 'in_consultation' | 'seen' | 'left', extra: Record<string, unknown> = {}) =>
    form.submit(() =>
      post<Visit>(`/api/reception/visits/${visit.id}/stage`, { to, version: visit.version, ...extra }),
    );

  if (!board) return <Text c="dimmed">{t('board.connecting')}</Text>;
  const waiting = board.visits.filter((v) => v.stage === 'waiting');
  const inConsultation = board.visits.filter((v) => v.stage === 'in_consultation');
  const queue = board.billingQueue
    .map((id) => board.visits.find((v) => v.id === id))
    .filter((v): v is BoardVisit => !!v);

  return (
    <Stack>
      <Group justify="space-between">
        <Group gap="xs">
          <Indicator
            color={connected ? 'teal' : 'red'}
            processing={connected}
            size={10}
            position="middle-start"
          >
            <Text size="sm" c="dimmed" pl="md" data-testid="board-live">
              {connected ? t('board.live') : t('board.reconnecting')}
            </Text>
          </Indicator>
        </Group>
        <Group gap="xs">
          <Button
            component="a"
            href="/ecran-salle-attente?mode=ticket"
            target="_blank"
            variant="light"
            size="xs"
          >
            {t('board.publicScreen')}
          </Button>
          <Button
            component="a"
            href="/ecran-salle-attente?mode=initials"
            target="_blank"
            variant="subtle"
            size="xs"
          >
            {t('board.publicScreenInitials')}
          </Button>
        </Group>
      </Group>
      {form.error && !calling && (
        <Alert color="red" withCloseButton onClose={() => form.setError(null)} data-testid="board-error">
          {form.error.message}
        </Alert>
      )}
      {board.late.length > 0 && (
        <Alert color="orange" title={t('board.lateTitle')} data-testid="late-practitioners">
          {board.late
            .map((l) => t('board.late', { name: l.practitionerName, minutes: l.lateMinutes }))
            .join(' · ')}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Column title={t('board.waiting', { count: waiting.length })} testId="column-waiting">
          {waiting.map((v) => (
            <VisitCard key={v.id} visit={v} minutes={minutesSince(v.arrivedAt, now)}>
              <Button size="compact-xs" onClick={() => setCalling(v)} data-testid={`call-in-${v.id}`}>
                {t('board.callIn')}
              </Button>
              <Button size="compact-xs" variant="subtle" color="gray" onClick={() => setLeaving(v)}>
                {t('board.left')}
              </Button>
            </VisitCard>
          ))}
        </Column>
        <Column
          title={t('board.inConsultation', { count: inConsultation.length })}
          testId="column-consultation"
        >
          {inConsultation.map((v) => (
            <VisitCard key={v.id} visit={v} minutes={null}>
              <Button size="compact-xs" onClick={() => move(v, 'seen')} data-testid={`seen-${v.id}`}>
                {t('board.seen')}
              </Button>
            </VisitCard>
          ))}
        </Column>
        <Column title={t('board.toBill', { count: queue.length })} testId="column-billing">
          {queue.map((v) => (
            <VisitCard key={v.id} visit={v} minutes={null}>
              <BillLink visit={v} />
            </VisitCard>
          ))}
        </Column>
      </SimpleGrid>
      <Card withBorder>
        <Title order={4} size="h5" mb="xs">
          {t('board.statsTitle')}
        </Title>
        <Table data-testid="waiting-stats">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('desk.practitioner')}</Table.Th>
              <Table.Th>{t('board.called')}</Table.Th>
              <Table.Th>{t('board.stillWaiting')}</Table.Th>
              <Table.Th>{t('board.average')}</Table.Th>
              <Table.Th>{t('board.max')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {board.stats.map((s) => (
              <Table.Tr key={s.practitionerId ?? 'none'} data-testid={`stats-${s.practitionerId ?? 'none'}`}>
                <Table.Td>{s.practitionerName ?? t('desk.anyPractitioner')}</Table.Td>
                <Table.Td>{s.called}</Table.Td>
                <Table.Td>{s.waiting}</Table.Td>
                <Table.Td>{waitText(s.averageMinutes, t)}</Table.Td>
                <Table.Td>{waitText(s.maxMinutes, t)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="xs" c="dimmed" mt="xs">
          {t('board.statsNote')}
        </Text>
      </Card>
      {calling && (
        <CallInModal
          visit={calling}
          lastRoomByPractitioner={board.lastRoomByPractitioner}
          error={form.error}
          onClose={() => {
            form.setError(null);
            setCalling(null);
          }}
          onCall={async (roomId) => {
            if (await move(calling, 'in_consultation', { roomId })) setCalling(null);
          }}
        />
      )}
      {leaving && (
        <LeftModal
          visit={leaving}
          onClose={() => setLeaving(null)}
          onLeft={async (reason) => {
            await move(leaving, 'left', { reason: reason || null });
            setLeaving(null);
          }}
        />
      )}
    </Stack>
  );
}

function Column({ title, testId, children }: { title: string; testId: string; children: React.ReactNode }) {
  return (
    <Card withBorder padding="sm" data-testid={testId}>
      <Title order={3} size="h5" mb="xs">
        {title}
      </Title>
      <Stack gap="xs">{children}</Stack>
    </Card>
  );
}

function VisitCard({
  visit,
  minutes,
  children,
}: {
  visit: BoardVisit;
  minutes: number | null;
  children: React.ReactNode;
}) {
  const { t, i18n } = useTranslation('reception');
  const long = minutes !== null && minutes >= 30;
  return (
    <Card withBorder padding="xs" data-testid={`visit-${visit.id}`}>
      <Group justify="space-between" wrap="nowrap">
        <Stack gap={0}>
          <Group gap={6}>
            <Badge variant="outline" size="sm">
              {String(visit.ticket).padStart(3, '0')}
            </Badge>
            <Text fw={600} size="sm" data-testid="visit-patient">
              {visit.patientName}
            </Text>
            {visit.urgency !== 'routine' && (
              <Badge size="xs" color={urgencyColour[visit.urgency]}>
                {t(`urgency.${visit.urgency}`)}
              </Badge>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {visit.practitionerName ?? t('desk.anyPractitioner')}
            {visit.scheduledStart
              ? ` · ${t('board.appointmentAt', { time: timeOf(visit.scheduledStart, i18n.language) })}`
              : ` · ${t('board.walkIn')}`}
            {visit.roomLabel ? ` · ${visit.roomLabel}` : ''}
          </Text>
          {minutes !== null && (
            <Text size="xs" c={long ? 'red' : 'dimmed'} fw={long ? 600 : 400}>
              {t('board.waitingFor', { count: minutes })}
            </Text>
          )}
        </Stack>
        <Group gap={4} wrap="nowrap">
          {children}
        </Group>
      </Group>
    </Card>
  );
}

function BillLink({ visit }: { visit: BoardVisit }) {
  const { t } = useTranslation('reception');
  const { can } = useSession();
  if (!can('billing.write') || !visit.practitionerId) return null;
  const query = new URLSearchParams({ patient: visit.patientId, practitioner: visit.practitionerId });
  if (visit.appointmentId) query.set('appointment', visit.appointmentId);
  return (
    <Button
      component={Link}
      to={`/facturation/seance?${query}`}
      size="compact-xs"
      variant="light"
      data-testid={`bill-${visit.id}`}
    >
      {t('board.bill')}
    </Button>
  );
}

/** The room is picked from the organization's rooms of the visit's site, the practitioner's last one first. */
function CallInModal({
  visit,
  lastRoomByPractitioner,
  error,
  onClose,
  onCall,
}: {
  visit: BoardVisit;
  lastRoomByPractitioner: Record<string, string>;
  error: { message: string; field?: string | undefined } | null;
  onClose: () => void;
  onCall: (roomId: string | null) => Promise<void>;
}) {
  const { t } = useTranslation('reception');
  const organization = useOrganization();
  const choices = organization.data ? roomChoices(organization.data, visit) : [];
  const [picked, setPicked] = useState<string | null | undefined>(undefined);
  // Until the secretary picks, the practitioner's last room (once the rooms are loaded).
  const room =
    picked === undefined ? preselectedRoom(choices, lastRoomByPractitioner, visit.practitionerId) : picked;
  const [busy, setBusy] = useState(false);
  const [listOpen, setListOpen] = useState(false);
  return (
    <Modal opened onClose={onClose} title={t('board.callInTitle', { name: visit.patientName })}>
      <Stack
        component="form"
        onSubmit={async (e: React.FormEvent) => {
          e.preventDefault();
          setBusy(true);
          await onCall(room).finally(() => setBusy(false));
        }}
      >
        <Select
          label={t('board.room')}
          placeholder={organization.isPending ? t('board.roomsLoading') : t('board.roomHint')}
          description={organization.data && choices.length === 0 ? t('board.noRooms') : undefined}
          data={choices}
          value={room}
          onChange={setPicked}
          // Typing a room's whole name picks it (and closes the list), as well as choosing it in the list.
          onSearchChange={(search) => {
            const typed = search.trim().toLocaleLowerCase('fr');
            const exact = choices.find((c) => c.label.toLocaleLowerCase('fr') === typed);
            if (exact && exact.value !== room) {
              setPicked(exact.value);
              setListOpen(false);
            }
          }}
          dropdownOpened={listOpen}
          onDropdownOpen={() => setListOpen(true)}
          onDropdownClose={() => setListOpen(false)}
          clearable
          searchable
          nothingFoundMessage={t('board.noRoomFound')}
          error={error?.field === 'roomId' ? error.message : undefined}
          data-testid="call-in-room"
        />
        {error && error.field !== 'roomId' && <Alert color="red">{error.message}</Alert>}
        <Group justify="flex-end">
          {/* Focused first: with the last room preselected, Enter calls the patient in. */}
          <Button type="submit" loading={busy} data-autofocus data-testid="call-in-confirm">
            {room
              ? t('board.callInto', { room: choices.find((c) => c.value === room)?.label ?? '' })
              : t('board.callIn')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function LeftModal({
  visit,
  onClose,
  onLeft,
}: {
  visit: BoardVisit;
  onClose: () => void;
  onLeft: (reason: string) => Promise<void>;
}) {
  const { t } = useTranslation('reception');
  const [reason, setReason] = useState('');
  return (
    <Modal opened onClose={onClose} title={t('board.leftTitle', { name: visit.patientName })}>
      <Stack>
        <TextInput
          label={t('board.leftReason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button color="orange" onClick={() => void onLeft(reason)}>
            {t('board.left')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
