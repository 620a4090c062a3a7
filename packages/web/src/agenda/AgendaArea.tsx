import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronLeft, IconChevronRight, IconPrinter } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Route, Routes, useSearchParams } from 'react-router-dom';
import { post } from '../app/api.ts';
import { useSession } from '../app/session.tsx';
import { useApiForm } from '../app/use-api-form.ts';
import { AbsencesPage } from './AbsencesPage.tsx';
import { AgendaGrid, type GridColumn } from './AgendaGrid.tsx';
import { AppointmentDrawer, type BookingDraft, BookModal } from './AppointmentPanels.tsx';
import {
  type AppointmentItem,
  addDays,
  timeOf,
  todayDate,
  useAgendaRange,
  useResources,
  wallClock,
} from './agenda-model.ts';
import { DailyCheckPage } from './DailyCheckPage.tsx';
import { MeetingsPage } from './MeetingsPage.tsx';
import { NoticesPage } from './NoticesPage.tsx';
import { SettingsPage } from './SettingsPage.tsx';
import { SlotFinderPage } from './SlotFinderPage.tsx';
import './agenda.css';

type View = 'day' | 'week' | 'list';

function formatDate(date: string, lang: string, options: Intl.DateTimeFormatOptions) {
  return new Date(`${date}T12:00:00Z`).toLocaleDateString(lang === 'en' ? 'en-GB' : 'fr-FR', {
    ...options,
    timeZone: 'UTC',
  });
}

/** The day, week and list views of the agenda, with booking, moving and cancelling in place. */
function AgendaPage() {
  const { t, i18n } = useTranslation('agenda');
  const lang = i18n.language === 'en' ? 'en' : 'fr';
  const { can } = useSession();
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const date = params.get('date') ?? todayDate();
  const view = (params.get('vue') as View | null) ?? 'day';
  const [weekPractitioner, setWeekPractitioner] = useState<string | null>(null);
  const [draft, setDraft] = useState<BookingDraft | null>(null);
  const [selected, setSelected] = useState<AppointmentItem | null>(null);
  const moveForm = useApiForm();
  const siteId = params.get('site');
  const sites = useResources().data?.sites ?? [];
  const range = useAgendaRange(view === 'week' ? 'week' : 'day', date, siteId);
  const data = range.data;
  const step = view === 'week' ? 7 : 1;

  const go = (next: { date?: string; view?: View; site?: string | null }) => {
    const p = new URLSearchParams(params);
    if (next.date) p.set('date', next.date);
    if (next.view) p.set('vue', next.view);
    if (next.site !== undefined) {
      if (next.site) p.set('site', next.site);
      else p.delete('site');
    }
    setParams(p, { replace: true });
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.isContentEditable) return;
      if (draft || selected || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === 't') go({ date: todayDate() });
      else if (e.key === 'ArrowLeft') go({ date: addDays(date, -step) });
      else if (e.key === 'ArrowRight') go({ date: addDays(date, step) });
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const practitioners = data?.practitioners ?? [];
  const practitionerName = (id: string) => practitioners.find((p) => p.id === id)?.name ?? '';
  const weekOf = weekPractitioner ?? practitioners[0]?.id ?? null;
  const columns: GridColumn[] =
    view === 'week' && data
      ? Array.from({ length: 7 }, (_, i) => addDays(data.from, i)).map((d) => ({
          key: d,
          label: formatDate(d, lang, { weekday: 'short', day: 'numeric', month: 'short' }),
          kind: 'practitioner' as const,
          resourceId: weekOf ?? '',
          date: d,
        }))
      : [
          ...practitioners.map((p) => ({
            key: p.id,
            label: p.name,
            sub: p.specialty,
            kind: 'practitioner' as const,
            resourceId: p.id,
            date,
          })),
          ...(data?.rooms ?? []).map((r) => ({
            key: r.id,
            label: r.name,
            sub: t('room'),
            kind: 'room' as const,
            resourceId: r.id,
            date,
          })),
        ];

  const onEmptyClick = (column: GridColumn, minutes: number) => {
    if (!can('agenda.write') || column.kind !== 'practitioner') return;
    setDraft({
      practitionerId: column.resourceId,
      practitionerName: practitionerName(column.resourceId),
      start: wallClock(column.date, minutes),
    });
  };
  const onDrop = async (appointment: AppointmentItem, column: GridColumn, minutes: number) => {
    if (!can('agenda.write')) return;
    const body: Record<string, unknown> = {
      start: wallClock(column.date, minutes),
      version: appointment.version,
    };
    if (column.kind === 'practitioner') body.practitionerId = column.resourceId;
    else body.roomId = column.resourceId;
    const done = await moveForm.submit(() => post(`/api/agenda/appointments/${appointment.id}/move`, body));
    if (done) notifications.show({ color: 'green', message: t('detail.moved') });
    else notifications.show({ color: 'red', message: t('detail.move') });
    await client.invalidateQueries({ queryKey: ['agenda'] });
  };

  const title =
    view === 'week' && data
      ? `${formatDate(data.from, lang, { day: 'numeric', month: 'long' })} – ${formatDate(data.to, lang, { day: 'numeric', month: 'long', year: 'numeric' })}`
      : formatDate(date, lang, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const motifs = new Map((data?.appointmentTypes ?? []).map((m) => [m.id, m]));

  return (
    <Stack gap="sm">
      <Group justify="space-between" className="no-print">
        <Group gap="xs">
          <Button variant="default" size="xs" onClick={() => go({ date: todayDate() })}>
            {t('today')}
          </Button>
          <Button
            variant="subtle"
            size="xs"
            aria-label={view === 'week' ? t('previousWeek') : t('previous')}
            onClick={() => go({ date: addDays(date, -step) })}
          >
            <IconChevronLeft size={16} />
          </Button>
          <Button
            variant="subtle"
            size="xs"
            aria-label={view === 'week' ? t('nextWeek') : t('next')}
            onClick={() => go({ date: addDays(date, step) })}
          >
            <IconChevronRight size={16} />
          </Button>
          <input
            type="date"
            aria-label="date"
            value={date}
            onChange={(e) => e.currentTarget.value && go({ date: e.currentTarget.value })}
            style={{ font: 'inherit', padding: '2px 6px' }}
          />
        </Group>
        <Group gap="xs">
          <SegmentedControl
            size="xs"
            value={view}
            onChange={(v) => go({ view: v as View })}
            data={[
              { value: 'day', label: t('nav.day') },
              { value: 'week', label: t('nav.week') },
              { value: 'list', label: t('nav.list') },
            ]}
          />
          {sites.length > 1 && (
            <Select
              size="xs"
              value={siteId}
              onChange={(v) => go({ site: v })}
              data={sites.map((s) => ({ value: s.id, label: s.name }))}
              placeholder={t('allSites')}
              clearable
              aria-label={t('site')}
              data-testid="agenda-site"
            />
          )}
          {view === 'week' && (
            <Select
              size="xs"
              value={weekOf}
              onChange={setWeekPractitioner}
              data={practitioners.map((p) => ({ value: p.id, label: p.name }))}
              aria-label={t('practitioner')}
            />
          )}
          <Button
            variant="default"
            size="xs"
            leftSection={<IconPrinter size={14} />}
            onClick={() => window.print()}
          >
            {t('print')}
          </Button>
        </Group>
      </Group>
      <Group justify="space-between">
        <Title order={3} data-testid="agenda-title">
          {title}
        </Title>
        <Text size="xs" c="dimmed" className="no-print">
          {t('shortcuts')}
        </Text>
      </Group>
      {moveForm.error && (
        <Alert color="red" withCloseButton onClose={() => moveForm.setError(null)} data-testid="move-error">
          {moveForm.error.message}
        </Alert>
      )}
      {!data && range.isLoading && <Loader />}
      {data && view !== 'list' && (
        <AgendaGrid
          columns={columns}
          data={data}
          onEmptyClick={onEmptyClick}
          onSelect={setSelected}
          onDropAppointment={onDrop}
        />
      )}
      {data && view === 'list' && (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('list.time')}</Table.Th>
              <Table.Th>{t('list.patient')}</Table.Th>
              <Table.Th>{t('list.motif')}</Table.Th>
              <Table.Th>{t('list.practitioner')}</Table.Th>
              <Table.Th>{t('list.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.appointments.map((a) => (
              <Table.Tr key={a.id} onClick={() => setSelected(a)} style={{ cursor: 'pointer' }}>
                <Table.Td>
                  {timeOf(a.start)}–{timeOf(a.end)}
                </Table.Td>
                <Table.Td>{a.patientName}</Table.Td>
                <Table.Td>
                  <Badge color={motifs.get(a.appointmentTypeId)?.colour} variant="dot">
                    {motifs.get(a.appointmentTypeId)?.label[lang]}
                  </Badge>
                </Table.Td>
                <Table.Td>{practitionerName(a.practitionerId)}</Table.Td>
                <Table.Td>{t(`status.${a.status}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {data && view === 'list' && data.appointments.length === 0 && <Text c="dimmed">{t('list.empty')}</Text>}
      <BookModal draft={draft} onClose={() => setDraft(null)} />
      <AppointmentDrawer
        appointment={selected ? (data?.appointments.find((a) => a.id === selected.id) ?? selected) : null}
        motif={selected ? motifs.get(selected.appointmentTypeId) : undefined}
        practitionerName={selected ? practitionerName(selected.practitionerId) : ''}
        onClose={() => setSelected(null)}
      />
    </Stack>
  );
}

/** The Agenda area: views, free-slot finder, absences, the next-day check, meetings, outbox and settings. */
export function AgendaArea() {
  const { t } = useTranslation('agenda');
  const links = [
    { to: '/agenda', label: t('nav.day'), end: true },
    { to: '/agenda/creneaux', label: t('nav.slots') },
    { to: '/agenda/absences', label: t('nav.absences') },
    { to: '/agenda/controle', label: t('nav.check') },
    { to: '/agenda/reunions', label: t('nav.meetings') },
    { to: '/agenda/envois', label: t('nav.notices') },
    { to: '/agenda/parametres', label: t('nav.settings') },
  ];
  return (
    <Stack gap="sm">
      <Group gap="xs" className="no-print">
        <Title order={2} mr="md">
          {t('title')}
        </Title>
        {links.map((l) => (
          <Button
            key={l.to}
            component={NavLink}
            to={l.to}
            end={l.end}
            variant="subtle"
            size="xs"
            className="agenda-tab"
          >
            {l.label}
          </Button>
        ))}
      </Group>
      <Routes>
        <Route index element={<AgendaPage />} />
        <Route path="creneaux" element={<SlotFinderPage />} />
        <Route path="absences" element={<AbsencesPage />} />
        <Route path="controle" element={<DailyCheckPage />} />
        <Route path="reunions" element={<MeetingsPage />} />
        <Route path="envois" element={<NoticesPage />} />
        <Route path="parametres" element={<SettingsPage />} />
      </Routes>
    </Stack>
  );
}
