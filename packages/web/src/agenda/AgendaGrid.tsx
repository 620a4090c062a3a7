import { Box, Group, Text, Tooltip } from '@mantine/core';
import { type DragEvent, type MouseEvent, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type AgendaRange,
  type AppointmentItem,
  addDays,
  GRID_END,
  GRID_START,
  hhmm,
  isoAt,
  localDate,
  localMinutes,
  PX_PER_MINUTE,
  timeOf,
} from './agenda-model.ts';

export interface GridColumn {
  key: string;
  label: string;
  sub?: string | null;
  kind: 'practitioner' | 'room';
  resourceId: string;
  date: string;
}

const height = (GRID_END - GRID_START) * PX_PER_MINUTE;
const top = (minutes: number) => (Math.max(GRID_START, minutes) - GRID_START) * PX_PER_MINUTE;
const statusMark: Record<string, string> = {
  booked: '○',
  confirmed: '●',
  arrived: '⌂',
  in_consultation: '▶',
  seen: '✓',
  no_show: '✗',
  cancelled: '—',
};

function minutesAt(event: MouseEvent<HTMLElement> | DragEvent<HTMLElement>, element: HTMLElement) {
  const y = event.clientY - element.getBoundingClientRect().top;
  return GRID_START + Math.floor(y / PX_PER_MINUTE / 5) * 5;
}

/** A time grid 07:00–20:00 with one column per practitioner, room or day; closed time is shaded. */
export function AgendaGrid({
  columns,
  data,
  onEmptyClick,
  onSelect,
  onDropAppointment,
}: {
  columns: GridColumn[];
  data: AgendaRange;
  onEmptyClick: (column: GridColumn, minutes: number) => void;
  onSelect: (appointment: AppointmentItem) => void;
  onDropAppointment: (appointment: AppointmentItem, column: GridColumn, minutes: number) => void;
}) {
  const { t, i18n } = useTranslation('agenda');
  const lang = i18n.language === 'en' ? 'en' : 'fr';
  const motifs = new Map(data.appointmentTypes.map((m) => [m.id, m]));
  const grab = useRef<{ id: string; offset: number } | null>(null);
  const hours = Array.from({ length: (GRID_END - GRID_START) / 60 }, (_, i) => GRID_START + i * 60);

  return (
    <Box className="agenda-grid" data-testid="agenda-grid">
      <Box style={{ width: 48, flex: '0 0 48px', paddingTop: 44 }}>
        <Box style={{ position: 'relative', height }}>
          {hours.map((h) => (
            <Text key={h} size="xs" c="dimmed" style={{ position: 'absolute', top: top(h) - 7, right: 6 }}>
              {hhmm(h)}
            </Text>
          ))}
        </Box>
      </Box>
      {columns.map((column) => {
        const open = data.openIntervals.filter(
          (o) => o.resourceId === column.resourceId && localDate(o.start) === column.date,
        );
        const dayStart = Date.parse(isoAt(column.date, 0));
        const dayEnd = Date.parse(isoAt(addDays(column.date, 1), 0));
        const absences = data.absences.filter(
          (a) =>
            a.personId === column.resourceId && Date.parse(a.start) < dayEnd && Date.parse(a.end) > dayStart,
        );
        const items = data.appointments.filter(
          (a) =>
            a.status !== 'cancelled' &&
            localDate(a.start) === column.date &&
            (column.kind === 'practitioner'
              ? a.practitionerId === column.resourceId
              : a.roomId === column.resourceId),
        );
        const meetings = data.meetings.filter(
          (m) =>
            column.kind === 'room' && m.roomId === column.resourceId && localDate(m.start) === column.date,
        );
        // Rooms have no hours of their own here: they follow the practice and are shown open.
        const shaded = column.kind === 'practitioner';
        return (
          <Box
            key={column.key}
            style={{ flex: '1 0 140px', minWidth: 140, borderLeft: '1px solid var(--mantine-color-gray-3)' }}
          >
            <Box
              style={{
                height: 44,
                padding: '2px 6px',
                borderBottom: '1px solid var(--mantine-color-gray-3)',
              }}
            >
              <Text size="sm" fw={600} truncate>
                {column.label}
              </Text>
              <Text size="xs" c="dimmed" truncate>
                {absences.length > 0 ? t('absent') : (column.sub ?? '')}
              </Text>
            </Box>
            <Box
              data-testid={`column-${column.key}`}
              role="grid"
              aria-label={column.label}
              style={{
                position: 'relative',
                height,
                cursor: 'copy',
                background: shaded ? 'var(--mantine-color-gray-1)' : 'white',
                backgroundImage:
                  'repeating-linear-gradient(to bottom, transparent 0, transparent 65px, var(--mantine-color-gray-2) 65px, var(--mantine-color-gray-2) 66px)',
              }}
              onClick={(e) => {
                if (e.target === e.currentTarget || (e.target as HTMLElement).dataset.open)
                  onEmptyClick(column, minutesAt(e, e.currentTarget));
              }}
              onDragOver={(e) => e.preventDefault()}
              onDrop={(e) => {
                e.preventDefault();
                const dragged = grab.current;
                const appointment = data.appointments.find((a) => a.id === dragged?.id);
                if (!dragged || !appointment) return;
                const minutes = minutesAt(e, e.currentTarget) - Math.floor(dragged.offset / 5) * 5;
                onDropAppointment(appointment, column, minutes);
              }}
            >
              {shaded &&
                open.map((o) => (
                  <Box
                    key={o.start}
                    data-open="1"
                    style={{
                      position: 'absolute',
                      left: 0,
                      right: 0,
                      top: top(localMinutes(o.start)),
                      height:
                        (localMinutes(o.end) - localMinutes(o.start) || 24 * 60 - localMinutes(o.start)) *
                        PX_PER_MINUTE,
                      background: o.reservedSameDay ? 'var(--mantine-color-orange-0)' : 'white',
                    }}
                  />
                ))}
              {absences.map((a) => (
                <Box
                  key={a.id}
                  style={{
                    position: 'absolute',
                    inset: 0,
                    pointerEvents: 'none',
                    background:
                      'repeating-linear-gradient(45deg, transparent 0 8px, rgba(250,82,82,0.12) 8px 16px)',
                  }}
                />
              ))}
              {meetings.map((m) => (
                <Box
                  key={m.id}
                  style={{
                    position: 'absolute',
                    left: 2,
                    right: 2,
                    top: top(localMinutes(m.start)),
                    height: (localMinutes(m.end) - localMinutes(m.start)) * PX_PER_MINUTE - 1,
                    background: 'var(--mantine-color-gray-4)',
                    borderRadius: 4,
                    padding: '0 4px',
                  }}
                >
                  <Text size="xs" fw={600} truncate>
                    {timeOf(m.start)} {m.title}
                  </Text>
                </Box>
              ))}
              {items.map((a) => {
                const motif = motifs.get(a.appointmentTypeId);
                const start = localMinutes(a.start);
                const end = localMinutes(a.end);
                const faded = a.status === 'no_show' || a.status === 'seen';
                return (
                  <Tooltip
                    key={a.id}
                    label={`${timeOf(a.start)}–${timeOf(a.end)} ${a.patientName} · ${motif?.label[lang] ?? ''} · ${t(`status.${a.status}`)}`}
                    openDelay={400}
                  >
                    <Box
                      component="button"
                      type="button"
                      draggable={a.status === 'booked' || a.status === 'confirmed'}
                      data-testid="appointment"
                      data-status={a.status}
                      aria-label={`${timeOf(a.start)} ${a.patientName} ${t(`status.${a.status}`)}`}
                      onDragStart={(e: DragEvent<HTMLButtonElement>) => {
                        grab.current = {
                          id: a.id,
                          offset: (e.clientY - e.currentTarget.getBoundingClientRect().top) / PX_PER_MINUTE,
                        };
                      }}
                      onClick={(e: MouseEvent) => {
                        e.stopPropagation();
                        onSelect(a);
                      }}
                      style={{
                        position: 'absolute',
                        left: 2,
                        right: 2,
                        top: top(start),
                        height: Math.max(14, (end - start) * PX_PER_MINUTE - 1),
                        overflow: 'hidden',
                        textAlign: 'left',
                        border: 'none',
                        borderLeft: `4px solid ${motif?.colour ?? '#868e96'}`,
                        background: `${motif?.colour ?? '#868e96'}${faded ? '22' : '33'}`,
                        opacity: faded ? 0.65 : 1,
                        borderRadius: 4,
                        padding: '0 4px',
                        cursor: 'pointer',
                        font: 'inherit',
                      }}
                    >
                      <Group gap={4} wrap="nowrap">
                        <Text size="xs" fw={700} span title={t(`status.${a.status}`)}>
                          {statusMark[a.status]}
                        </Text>
                        <Text size="xs" span>
                          {timeOf(a.start)}
                        </Text>
                        <Text
                          size="xs"
                          fw={600}
                          span
                          truncate
                          td={a.status === 'no_show' ? 'line-through' : undefined}
                        >
                          {a.patientName}
                        </Text>
                      </Group>
                    </Box>
                  </Tooltip>
                );
              })}
            </Box>
          </Box>
        );
      })}
    </Box>
  );
}
