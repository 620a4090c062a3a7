import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Drawer,
  Group,
  Loader,
  Modal,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Timeline,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import type { appointmentWithHistoryView, queuedConvocationView, statusChangeView } from '@pivot/core/agenda';
import { IconMail, IconPrinter } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { z } from 'zod';
import { get, post } from '../app/api.ts';
import { useSession } from '../app/session.tsx';
import { useApiForm } from '../app/use-api-form.ts';
import {
  type AppointmentItem,
  localDate,
  type MotifItem,
  type Status,
  timeOf,
  useMotifs,
} from './agenda-model.ts';

interface PatientHit {
  id: string;
  birthName: string;
  usedName: string;
  birthGivenNames: string[];
  usedGivenName: string;
  birthDate: string;
}

const patientLabel = (p: PatientHit) =>
  `${p.usedName || p.birthName} ${p.usedGivenName || p.birthGivenNames[0] || ''} (${p.birthDate.split('-').reverse().join('/')})`;

export interface BookingDraft {
  practitionerId: string;
  practitionerName: string;
  /** Paris wall-clock 'YYYY-MM-DDTHH:MM'. */
  start: string;
  appointmentTypeId?: string;
}

function addMinutes(wall: string, minutes: number) {
  const [date, time] = wall.split('T') as [string, string];
  const [h, m] = time.split(':').map(Number) as [number, number];
  const total = h * 60 + m + minutes;
  return `${date}T${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/** Booking form: patient search as you type, motif of the practitioner, start time, optional override. */
export function BookModal({ draft, onClose }: { draft: BookingDraft | null; onClose: () => void }) {
  const { t, i18n } = useTranslation('agenda');
  const lang = i18n.language === 'en' ? 'en' : 'fr';
  const client = useQueryClient();
  const motifs = useMotifs();
  const form = useApiForm();
  const [term, setTerm] = useState('');
  const [debounced] = useDebouncedValue(term.trim(), 200);
  const [patient, setPatient] = useState<PatientHit | null>(null);
  const [motifId, setMotifId] = useState<string | null>(draft?.appointmentTypeId ?? null);
  const [start, setStart] = useState(draft?.start ?? '');
  const [comment, setComment] = useState('');
  const [override, setOverride] = useState(false);
  const [reason, setReason] = useState('');
  const [shownFor, setShownFor] = useState<BookingDraft | null>(null);
  if (draft !== shownFor) {
    setShownFor(draft);
    setStart(draft?.start ?? '');
    setMotifId(draft?.appointmentTypeId ?? null);
    setPatient(null);
    setTerm('');
    setOverride(false);
    setReason('');
    setComment('');
    form.setError(null);
  }
  const hits = useQuery({
    queryKey: ['agenda', 'patient-search', debounced],
    queryFn: () => post<PatientHit[]>('/api/patients/search', { q: debounced, limit: 8 }),
    enabled: debounced.length >= 2 && !patient,
  });
  const eligible = (motifs.data ?? []).filter(
    (m: MotifItem) => m.active && draft && m.eligiblePractitionerIds.includes(draft.practitionerId),
  );
  const motif = eligible.find((m) => m.id === motifId);

  const submit = async () => {
    if (!draft || !motif) return;
    const done = await form.submit(() =>
      post('/api/agenda/appointments', {
        patientId: patient?.id ?? '',
        practitionerId: draft.practitionerId,
        appointmentTypeId: motif.id,
        start,
        end: addMinutes(start, motif.durationMinutes),
        comment,
        override: override ? { reason } : null,
      }),
    );
    if (done) {
      notifications.show({ color: 'green', message: t('book.done') });
      await client.invalidateQueries({ queryKey: ['agenda'] });
      onClose();
    }
  };

  return (
    <Modal
      opened={!!draft}
      onClose={onClose}
      title={`${t('book.title')} — ${draft?.practitionerName ?? ''}`}
      size="lg"
    >
      <Stack>
        {patient ? (
          <Group justify="space-between">
            <Text fw={600} data-testid="chosen-patient">
              {patientLabel(patient)}
            </Text>
            <Button variant="subtle" size="xs" onClick={() => setPatient(null)}>
              ✕
            </Button>
          </Group>
        ) : (
          <Stack gap={4}>
            <TextInput
              label={t('book.patient')}
              placeholder={t('book.patientHint')}
              value={term}
              onChange={(e) => setTerm(e.currentTarget.value)}
              error={form.fieldError('patientId')}
              data-autofocus
              rightSection={hits.isFetching ? <Loader size="xs" /> : null}
            />
            {(hits.data ?? []).map((p) => (
              <Button
                key={p.id}
                variant="light"
                justify="start"
                onClick={() => setPatient(p)}
                data-testid="patient-hit"
              >
                {patientLabel(p)}
              </Button>
            ))}
            {hits.data && hits.data.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('book.noPatient')}
              </Text>
            )}
          </Stack>
        )}
        <Select
          label={t('book.motif')}
          data={eligible.map((m) => ({ value: m.id, label: `${m.label[lang]} (${m.durationMinutes} min)` }))}
          value={motifId}
          onChange={setMotifId}
          error={form.fieldError('appointmentTypeId')}
        />
        <TextInput
          label={t('book.start')}
          type="datetime-local"
          value={start}
          onChange={(e) => setStart(e.currentTarget.value)}
          error={form.fieldError('start') ?? form.fieldError('end')}
        />
        <Textarea
          label={t('book.comment')}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          autosize
        />
        <Checkbox
          label={t('book.override')}
          checked={override}
          onChange={(e) => setOverride(e.currentTarget.checked)}
        />
        {override && (
          <TextInput
            label={t('book.overrideReason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
        )}
        {form.error &&
          !['patientId', 'appointmentTypeId', 'start', 'end'].includes(form.error.field ?? '') && (
            <Alert color="red" data-testid="booking-error">
              {form.error.message}
            </Alert>
          )}
        <Group justify="flex-end">
          <Button onClick={submit} loading={form.busy} disabled={!patient || !motif || !start}>
            {t('book.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

type Detail = z.input<typeof appointmentWithHistoryView>;

const nextActions: Record<Status, Status[]> = {
  booked: ['confirmed', 'arrived', 'no_show'],
  confirmed: ['arrived', 'no_show'],
  arrived: ['in_consultation'],
  in_consultation: ['seen'],
  seen: [],
  cancelled: [],
  no_show: ['arrived'],
};

/** An appointment: status at a glance, the next steps, move, cancel with a reason, and its history. */
export function AppointmentDrawer({
  appointment,
  motif,
  practitionerName,
  onClose,
}: {
  appointment: AppointmentItem | null;
  motif: MotifItem | undefined;
  practitionerName: string;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation('agenda');
  const lang = i18n.language === 'en' ? 'en' : 'fr';
  const { can } = useSession();
  const client = useQueryClient();
  const action = useApiForm();
  const [moving, setMoving] = useState<string | null>(null);
  const [cancelReason, setCancelReason] = useState<string | null>(null);
  const [waitlist, setWaitlist] = useState<{ patientId: string }[]>([]);
  const detail = useQuery({
    queryKey: ['agenda', 'appointment', appointment?.id, appointment?.version],
    queryFn: () => get<Detail>(`/api/agenda/appointments/${appointment!.id}`),
    enabled: !!appointment,
  });
  const current = detail.data ?? appointment;
  const writable = can('agenda.write');
  const refresh = () => client.invalidateQueries({ queryKey: ['agenda'] });
  const close = () => {
    setMoving(null);
    setCancelReason(null);
    setWaitlist([]);
    action.setError(null);
    onClose();
  };

  const changeStatus = async (to: Status, reason: string | null = null) => {
    if (!current) return;
    const result = await action.submit(() =>
      post<z.input<typeof statusChangeView>>(`/api/agenda/appointments/${current.id}/status`, {
        to,
        reason,
        version: current.version,
      }),
    );
    if (result) {
      if (to === 'cancelled') notifications.show({ color: 'green', message: t('detail.cancelled') });
      setCancelReason(null);
      setWaitlist(result.waitlistMatches);
      await refresh();
      if (to === 'cancelled' && result.waitlistMatches.length === 0) close();
    }
  };
  const sendConvocation = async () => {
    if (!current) return;
    const result = await action.submit(() =>
      post<z.input<typeof queuedConvocationView>>(
        `/api/agenda/appointments/${current.id}/convocation/send`,
        {},
      ),
    );
    if (result) notifications.show({ color: 'green', message: t('convocation.sent', result) });
  };
  const move = async () => {
    if (!current || !moving) return;
    const done = await action.submit(() =>
      post(`/api/agenda/appointments/${current.id}/move`, { start: moving, version: current.version }),
    );
    if (done) {
      notifications.show({ color: 'green', message: t('detail.moved') });
      await refresh();
      close();
    }
  };

  return (
    <Drawer opened={!!appointment} onClose={close} position="right" title={t('detail.title')} size="md">
      {current && (
        <Stack>
          <Group justify="space-between">
            <Text fw={700} size="lg">
              {current.patientName}
            </Text>
            <Badge data-testid="appointment-status">{t(`status.${current.status}`)}</Badge>
          </Group>
          <Text>
            {localDate(current.start).split('-').reverse().join('/')} · {timeOf(current.start)}–
            {timeOf(current.end)} · {practitionerName}
          </Text>
          {motif && (
            <Group gap="xs">
              <span
                style={{
                  width: 12,
                  height: 12,
                  borderRadius: 6,
                  background: motif.colour,
                  display: 'inline-block',
                }}
              />
              <Text>{motif.label[lang]}</Text>
            </Group>
          )}
          {current.overrideReason && (
            <Text size="sm">{t('detail.override', { reason: current.overrideReason })}</Text>
          )}
          {current.comment && <Text size="sm">{current.comment}</Text>}
          <Group gap="xs">
            <Button component={Link} to={`/patients/${current.patientId}`} variant="subtle" size="xs">
              {t('detail.openRecord')}
            </Button>
            <Button
              component="a"
              href={`/api/agenda/appointments/${current.id}/convocation`}
              target="_blank"
              rel="noopener"
              variant="subtle"
              size="xs"
              leftSection={<IconPrinter size={14} />}
              data-testid="convocation-pdf"
            >
              {t('convocation.print')}
            </Button>
            {writable && (
              <Button
                variant="subtle"
                size="xs"
                leftSection={<IconMail size={14} />}
                onClick={sendConvocation}
                loading={action.busy}
              >
                {t('convocation.send')}
              </Button>
            )}
          </Group>
          {writable && (
            <Group gap="xs">
              {nextActions[current.status].map((to) => (
                <Button
                  key={to}
                  size="xs"
                  variant="light"
                  onClick={() =>
                    changeStatus(
                      to,
                      to === 'arrived' && current.status === 'no_show' ? t('detail.lateArrival') : null,
                    )
                  }
                >
                  {t(`action.${to}`)}
                </Button>
              ))}
              {(current.status === 'booked' || current.status === 'confirmed') && (
                <Button
                  size="xs"
                  variant="light"
                  onClick={() => setMoving(`${localDate(current.start)}T${timeOf(current.start)}`)}
                >
                  {t('detail.move')}
                </Button>
              )}
              {['booked', 'confirmed', 'arrived'].includes(current.status) && (
                <Button size="xs" color="red" variant="light" onClick={() => setCancelReason('')}>
                  {t('action.cancelled')}
                </Button>
              )}
            </Group>
          )}
          {moving !== null && (
            <Group align="end">
              <TextInput
                label={t('detail.newStart')}
                type="datetime-local"
                value={moving}
                onChange={(e) => setMoving(e.currentTarget.value)}
              />
              <Button onClick={move} loading={action.busy}>
                {t('detail.move')}
              </Button>
            </Group>
          )}
          {cancelReason !== null && (
            <Group align="end">
              <TextInput
                label={t('detail.cancelReason')}
                value={cancelReason}
                onChange={(e) => setCancelReason(e.currentTarget.value)}
                style={{ flex: 1 }}
              />
              <Button
                color="red"
                onClick={() => changeStatus('cancelled', cancelReason)}
                loading={action.busy}
              >
                {t('action.cancelled')}
              </Button>
            </Group>
          )}
          {action.error && <Alert color="red">{action.error.message}</Alert>}
          {waitlist.length > 0 && (
            <Alert color="blue" title={t('detail.waitlist')}>
              {waitlist.length}
            </Alert>
          )}
          {detail.data && (
            <>
              <Text fw={600}>{t('detail.history')}</Text>
              <Timeline bulletSize={12} lineWidth={2}>
                {detail.data.history.map((h) => (
                  <Timeline.Item key={h.at + h.to} title={t(`status.${h.to}`)}>
                    <Text size="xs" c="dimmed">
                      {new Date(h.at).toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB', {
                        timeZone: 'Europe/Paris',
                      })}{' '}
                      · {h.authorName ?? ''}
                    </Text>
                    {h.reason && <Text size="sm">{h.reason}</Text>}
                  </Timeline.Item>
                ))}
              </Timeline>
            </>
          )}
        </Stack>
      )}
    </Drawer>
  );
}
