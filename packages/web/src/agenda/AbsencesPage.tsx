import { Alert, Button, Card, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { absenceImpactView, displacedPatientsNoticeView, listedAbsenceView } from '@pivot/core/agenda';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { get, post } from '../app/api.ts';
import { useSession } from '../app/session.tsx';
import { useApiForm } from '../app/use-api-form.ts';
import { addDays, isoAt, localDate, timeOf, todayDate, useResources } from './agenda-model.ts';
import { IcsImportCard } from './IcsImportCard.tsx';

type Impact = z.input<typeof absenceImpactView>;
type Notified = z.input<typeof displacedPatientsNoticeView>;
type ListedAbsence = z.input<typeof listedAbsenceView>;

const frDate = (iso: string) => `${localDate(iso).split('-').reverse().join('/')} ${timeOf(iso)}`;

/** Absences: declare one, see at once the appointments it hits, and move them in one step. */
export function AbsencesPage() {
  const { t } = useTranslation('agenda');
  const { can } = useSession();
  const client = useQueryClient();
  const resources = useResources();
  const form = useApiForm();
  const rebook = useApiForm();
  const [personId, setPersonId] = useState<string | null>(null);
  const [kind, setKind] = useState<string>('holiday');
  const [from, setFrom] = useState(todayDate());
  const [to, setTo] = useState(todayDate());
  const [note, setNote] = useState('');
  const [impact, setImpact] = useState<Impact | null>(null);
  const [moved, setMoved] = useState<string[]>([]);
  const notifyForm = useApiForm();
  const [notified, setNotified] = useState<Notified | null>(null);
  const names = new Map((resources.data?.practitioners ?? []).map((p) => [p.id, p.name]));
  const upcoming = useQuery({
    queryKey: ['agenda', 'absences'],
    queryFn: () =>
      get<ListedAbsence[]>(
        `/api/agenda/absences?from=${encodeURIComponent(new Date().toISOString())}&to=${encodeURIComponent(isoAt(addDays(todayDate(), 365), 0))}`,
      ),
  });

  const declare = async () => {
    const result = await form.submit(() =>
      post<Impact>('/api/agenda/absences', {
        personId: personId ?? '',
        kind,
        start: isoAt(from, 0),
        end: isoAt(addDays(to, 1), 0),
        note,
      }),
    );
    if (result) {
      notifications.show({ color: 'green', message: t('absences.declared') });
      setImpact(result);
      setMoved([]);
      setNotified(null);
      await client.invalidateQueries({ queryKey: ['agenda'] });
    }
  };
  const moveTo = async (appointmentId: string) => {
    const appointment = impact?.affected.find((a) => a.id === appointmentId);
    const slot = impact?.proposals.find((p) => p.appointmentId === appointmentId)?.slot;
    if (!appointment || !slot) return false;
    const done = await rebook.submit(() =>
      post(`/api/agenda/appointments/${appointmentId}/move`, {
        start: slot.start,
        practitionerId: slot.practitionerId,
        version: appointment.version,
      }),
    );
    if (done) setMoved((m) => [...m, appointmentId]);
    return !!done;
  };
  const showImpact = async (absenceId: string) => {
    const result = await rebook.submit(() => get<Impact>(`/api/agenda/absences/${absenceId}/impact`));
    if (result) {
      setImpact(result);
      setMoved([]);
      setNotified(null);
    }
  };
  const notify = async () => {
    if (!impact) return;
    const result = await notifyForm.submit(() =>
      post<Notified>(`/api/agenda/absences/${impact.absence.id}/notices`),
    );
    if (result) {
      setNotified(result);
      notifications.show({
        color: 'green',
        message: t('absences.notified', { queued: result.queued, already: result.alreadyNotified }),
      });
    }
  };
  const moveAll = async () => {
    for (const p of impact?.proposals ?? [])
      if (p.slot && !moved.includes(p.appointmentId)) await moveTo(p.appointmentId);
    notifications.show({ color: 'green', message: t('absences.rebooked') });
    await client.invalidateQueries({ queryKey: ['agenda'] });
  };

  return (
    <Stack>
      <Title order={3}>{t('absences.title')}</Title>
      {can('agenda.write') && (
        <Card withBorder>
          <Group align="end">
            <Select
              label={t('absences.person')}
              data={(resources.data?.practitioners ?? [])
                .filter((p) => p.active)
                .map((p) => ({ value: p.id, label: p.name }))}
              value={personId}
              onChange={setPersonId}
              error={form.fieldError('personId')}
              w={220}
            />
            <Select
              label={t('absences.kind')}
              data={['holiday', 'sickness', 'training'].map((k) => ({
                value: k,
                label: t(`absences.kinds.${k}`),
              }))}
              value={kind}
              onChange={(v) => setKind(v ?? 'holiday')}
              w={150}
            />
            <TextInput
              label={t('absences.from')}
              type="date"
              value={from}
              onChange={(e) => setFrom(e.currentTarget.value)}
              error={form.fieldError('start')}
            />
            <TextInput
              label={t('absences.to')}
              type="date"
              value={to}
              onChange={(e) => setTo(e.currentTarget.value)}
              error={form.fieldError('end')}
            />
            <TextInput
              label={t('absences.note')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
            />
            <Button onClick={declare} loading={form.busy}>
              {t('absences.declare')}
            </Button>
          </Group>
          {form.error && !['personId', 'start', 'end'].includes(form.error.field ?? '') && (
            <Alert color="red" mt="sm">
              {form.error.message}
            </Alert>
          )}
        </Card>
      )}
      {impact && (
        <Card withBorder>
          <Group justify="space-between">
            <Text fw={600}>{t('absences.impact')}</Text>
            {impact.proposals.some((p) => p.slot) && (
              <Button size="xs" onClick={moveAll} loading={rebook.busy}>
                {t('absences.rebookAll')}
              </Button>
            )}
          </Group>
          {impact.affected.length === 0 ? (
            <Text c="dimmed">{t('absences.noImpact')}</Text>
          ) : (
            <Table>
              <Table.Tbody>
                {impact.affected.map((a) => {
                  const slot = impact.proposals.find((p) => p.appointmentId === a.id)?.slot;
                  return (
                    <Table.Tr key={a.id}>
                      <Table.Td>{frDate(a.start)}</Table.Td>
                      <Table.Td>{a.patientName}</Table.Td>
                      <Table.Td>
                        {slot
                          ? `${t('absences.proposal')} : ${frDate(slot.start)} · ${names.get(slot.practitionerId) ?? ''}`
                          : t('absences.noProposal')}
                      </Table.Td>
                      <Table.Td>
                        {slot && !moved.includes(a.id) && (
                          <Button size="xs" variant="light" onClick={() => moveTo(a.id)}>
                            {t('absences.rebook')}
                          </Button>
                        )}
                        {moved.includes(a.id) && '✓'}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          )}
          {rebook.error && <Alert color="red">{rebook.error.message}</Alert>}
          {impact.patientsToNotify.length > 0 && (
            <Group mt="sm">
              <Text size="sm">
                {t('absences.notify')} : {impact.patientsToNotify.length}
              </Text>
              {can('agenda.write') && (
                <Button size="xs" variant="light" onClick={notify} loading={notifyForm.busy}>
                  {t('absences.notifyButton')}
                </Button>
              )}
            </Group>
          )}
          {notifyForm.error && <Alert color="red">{notifyForm.error.message}</Alert>}
          {notified && (
            <Alert
              color={notified.withoutContact.length ? 'orange' : 'green'}
              mt="sm"
              data-testid="absence-notified"
            >
              {t('absences.notified', { queued: notified.queued, already: notified.alreadyNotified })}
              {notified.withoutContact.length > 0 && (
                <Text size="sm">
                  {t('absences.withoutContact', {
                    names: notified.withoutContact.map((w) => w.patientName).join(', '),
                  })}
                </Text>
              )}
            </Alert>
          )}
        </Card>
      )}
      {can('agenda.write') && <IcsImportCard />}
      <Text fw={600}>{t('absences.upcoming')}</Text>
      {(upcoming.data ?? []).length === 0 && <Text c="dimmed">{t('absences.none')}</Text>}
      <Table>
        <Table.Tbody>
          {(upcoming.data ?? []).map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>{a.personName}</Table.Td>
              <Table.Td>{t(`absences.kinds.${a.kind}`)}</Table.Td>
              <Table.Td>
                {frDate(a.start)} → {frDate(a.end)}
              </Table.Td>
              <Table.Td>
                <Button size="xs" variant="subtle" onClick={() => showImpact(a.id)}>
                  {t('absences.showImpact')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
