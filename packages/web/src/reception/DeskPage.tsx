import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { get, post } from '../app/api.ts';
import { formatDate } from '../app/date-format.ts';
import { useApiForm } from '../app/use-api-form.ts';
import { PatientPicker } from '../patients/index.ts';
import { IdentityCheckModal } from './IdentityCheck.tsx';
import {
  type DeskAppointment,
  type DeskDay,
  timeOf,
  todayInParis,
  type Urgency,
  urgencies,
  urgencyColour,
  useColleagues,
  useLiveBoard,
  useOrganization,
  type Visit,
  type WaitingRoomBoard,
} from './model.ts';

const arrivable = ['booked', 'confirmed', 'no_show'];

/** Today's desk: the day's appointments in time order, arrivals in one click, walk-ins. */
export function DeskPage() {
  const { t, i18n } = useTranslation('reception');
  const [date, setDate] = useState(todayInParis());
  const [siteId, setSiteId] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  const [checking, setChecking] = useState<DeskAppointment | null>(null);
  const [walkIn, setWalkIn] = useState(false);
  const client = useQueryClient();
  // Arrivals made at another desk show here without reload.
  useLiveBoard<WaitingRoomBoard>('/api/reception/waiting-room/stream');
  const organization = useOrganization();
  const desk = useQuery({
    queryKey: ['reception', 'desk', date, siteId],
    queryFn: () => get<DeskDay>(`/api/reception/desk?date=${date}${siteId ? `&siteId=${siteId}` : ''}`),
  });
  const form = useApiForm();
  const isToday = date === todayInParis();

  const arrive = async (appointment: DeskAppointment) => {
    const visit = await form.submit(() =>
      post<Visit>('/api/reception/arrivals', {
        appointmentId: appointment.appointmentId,
        version: appointment.version,
      }),
    );
    if (visit) {
      notifications.show({
        color: 'green',
        message: t('desk.arrived', { name: appointment.patientName, ticket: visit.ticket }),
      });
      setChecking(null);
    }
    await client.invalidateQueries({ queryKey: ['reception'] });
  };
  const onArrive = (appointment: DeskAppointment) =>
    appointment.identityToCheck ? setChecking(appointment) : void arrive(appointment);

  const words = filter.trim().toLocaleLowerCase('fr');
  const practitionerOf = (a: DeskAppointment) => desk.data?.practitioners[a.practitionerId] ?? '';
  const rows = (desk.data?.appointments ?? []).filter(
    (a) => !words || `${a.patientName} ${practitionerOf(a)}`.toLocaleLowerCase('fr').includes(words),
  );
  const label = (l: { fr: string; en: string } | undefined) =>
    l ? (i18n.language === 'en' ? l.en : l.fr) : '';
  const requirementLabel = (code: string) => label(desk.data?.requirementLabels[code]) || code;

  return (
    <Stack>
      <Group align="flex-end">
        <TextInput
          type="date"
          label={t('desk.date')}
          value={date}
          onChange={(e) => setDate(e.currentTarget.value || todayInParis())}
          data-testid="desk-date"
        />
        {(organization.data?.sites.length ?? 0) > 1 && (
          <Select
            label={t('desk.site')}
            placeholder={t('desk.allSites')}
            clearable
            data={organization.data!.sites.map((s) => ({ value: s.id, label: s.name }))}
            value={siteId}
            onChange={setSiteId}
          />
        )}
        <TextInput
          label={t('desk.filter')}
          placeholder={t('desk.filterHint')}
          value={filter}
          onChange={(e) => setFilter(e.currentTarget.value)}
          data-testid="desk-filter"
        />
        <Button onClick={() => setWalkIn(true)} variant="light" data-testid="walk-in">
          {t('desk.walkIn')}
        </Button>
      </Group>
      {form.error && !checking && (
        <Alert color="red" data-testid="desk-error" withCloseButton onClose={() => form.setError(null)}>
          {form.error.message}
        </Alert>
      )}
      <Text size="sm" c="dimmed">
        {t('desk.count', { count: rows.length })}
      </Text>
      <Table striped highlightOnHover data-testid="desk-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('desk.time')}</Table.Th>
            <Table.Th>{t('desk.patient')}</Table.Th>
            <Table.Th>{t('desk.practitioner')}</Table.Th>
            <Table.Th>{t('desk.type')}</Table.Th>
            <Table.Th>{t('desk.status')}</Table.Th>
            <Table.Th>{t('desk.checks')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((a) => (
            <Table.Tr key={a.appointmentId} data-testid={`desk-row-${a.appointmentId}`}>
              <Table.Td>{timeOf(a.start, i18n.language)}</Table.Td>
              <Table.Td>
                <Link to={`/patients/${a.patientId}`}>{a.patientName}</Link>
              </Table.Td>
              <Table.Td>{practitionerOf(a)}</Table.Td>
              <Table.Td>{label(desk.data?.appointmentTypes[a.appointmentTypeId])}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {!a.visit && (
                    <Badge variant="light" color={a.status === 'no_show' ? 'red' : 'gray'}>
                      {t(`status.${a.status}`)}
                    </Badge>
                  )}
                  {a.visit && (
                    <Badge variant="outline" data-testid="visit-ticket">
                      {t('desk.ticket', { ticket: a.visit.ticket })} · {t(`stage.${a.visit.stage}`)}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {a.identityToCheck && (
                    <Badge color="orange" variant="light">
                      {t('desk.identityToCheck')}
                    </Badge>
                  )}
                  {a.coverageExpiredOn && (
                    <Badge color="red" variant="light">
                      {t('desk.coverageExpired', { date: formatDate(a.coverageExpiredOn) })}
                    </Badge>
                  )}
                  {a.noMandatoryCoverage && (
                    <Badge color="gray" variant="light">
                      {t('desk.noCoverage')}
                    </Badge>
                  )}
                  {a.missingDocuments.length > 0 && (
                    <Tooltip label={a.missingDocuments.map(requirementLabel).join(' · ')} multiline w={260}>
                      <Badge color="yellow" variant="light">
                        {t('desk.missingDocuments', { count: a.missingDocuments.length })}
                      </Badge>
                    </Tooltip>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                {isToday && arrivable.includes(a.status) && !a.visit && (
                  <Button
                    size="xs"
                    onClick={() => onArrive(a)}
                    loading={form.busy}
                    data-testid={`arrive-${a.appointmentId}`}
                  >
                    {t('desk.arrive')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {(desk.data?.walkIns.length ?? 0) > 0 && (
        <Stack gap={4}>
          <Text fw={600}>{t('desk.walkIns')}</Text>
          {desk.data!.walkIns.map((w) => (
            <Group key={w.id} gap="xs">
              <Badge variant="outline">{t('desk.ticket', { ticket: w.ticket })}</Badge>
              <Text size="sm">{w.patientName}</Text>
              <Text size="sm" c="dimmed">
                {w.practitionerName ?? t('desk.anyPractitioner')} · {t(`stage.${w.stage}`)}
              </Text>
              <Badge color={urgencyColour[w.urgency]} variant="light">
                {t(`urgency.${w.urgency}`)}
              </Badge>
            </Group>
          ))}
        </Stack>
      )}
      {checking && (
        <IdentityCheckModal
          appointment={checking}
          busy={form.busy}
          error={form.error?.message ?? null}
          onClose={() => setChecking(null)}
          onArrive={() => arrive(checking)}
        />
      )}
      {walkIn && <WalkInModal onClose={() => setWalkIn(false)} />}
    </Stack>
  );
}

function WalkInModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('reception');
  const colleagues = useColleagues();
  const client = useQueryClient();
  const form = useApiForm();
  const [patientId, setPatientId] = useState<string | null>(null);
  const [practitionerId, setPractitionerId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [urgency, setUrgency] = useState<Urgency>('routine');
  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    const visit = await form.submit(() =>
      post<Visit>('/api/reception/walk-ins', { patientId, practitionerId, reason, urgency }),
    );
    if (visit) {
      notifications.show({
        color: 'green',
        message: t('desk.arrived', { name: visit.patientName, ticket: visit.ticket }),
      });
      await client.invalidateQueries({ queryKey: ['reception'] });
      onClose();
    }
  };
  return (
    <Modal opened onClose={onClose} title={t('desk.walkIn')}>
      <form onSubmit={save} noValidate>
        <Stack>
          {form.error && !form.error.field && <Alert color="red">{form.error.message}</Alert>}
          <PatientPicker
            label={t('desk.patient')}
            placeholder={t('desk.patientHint')}
            value={patientId}
            onChange={setPatientId}
            error={form.fieldError('patientId')}
            testId="walk-in-patient"
            autoFocus
          />
          <Select
            label={t('desk.practitioner')}
            placeholder={t('desk.anyPractitioner')}
            clearable
            data={(colleagues.data ?? [])
              .filter((c) => c.role === 'practitioner')
              .map((c) => ({ value: c.id, label: c.displayName }))}
            value={practitionerId}
            onChange={setPractitionerId}
            error={form.fieldError('practitionerId')}
          />
          <Textarea
            label={t('desk.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          <Select
            label={t('desk.urgency')}
            data={urgencies.map((u) => ({ value: u, label: t(`urgency.${u}`) }))}
            value={urgency}
            onChange={(v) => setUrgency((v as Urgency) ?? 'routine')}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={form.busy} data-testid="walk-in-save">
              {t('desk.addToWaitingRoom')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
