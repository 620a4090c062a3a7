import { List, Loader, Stack, Text, Title } from '@mantine/core';
import type { dailyCheckView } from '@pivot/core/agenda';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { get } from '../app/api.ts';

type Check = z.input<typeof dailyCheckView>;

/** The checklist of the next working day: unconfirmed appointments, absences, room conflicts, rights. */
export function DailyCheckPage() {
  const { t } = useTranslation('agenda');
  const check = useQuery({
    queryKey: ['agenda', 'daily-check'],
    queryFn: () => get<Check>('/api/agenda/daily-check'),
  });
  if (!check.data) return <Loader />;
  const { date, problems, patientNames } = check.data;
  return (
    <Stack>
      <Title order={3}>{t('check.title', { date: date.split('-').reverse().join('/') })}</Title>
      {problems.length === 0 && <Text c="dimmed">{t('check.none')}</Text>}
      <List>
        {problems.map((p) => {
          // Each kind of problem names what it is about: an appointment, a patient, several appointments.
          const appointmentId = 'appointmentId' in p ? p.appointmentId : undefined;
          const patientId = 'patientId' in p ? p.patientId : undefined;
          const appointmentIds = 'appointmentIds' in p ? p.appointmentIds : undefined;
          return (
            <List.Item
              key={`${p.kind}-${appointmentId ?? ''}-${patientId ?? ''}-${(appointmentIds ?? []).join(',')}`}
            >
              {t(`check.${p.kind}`)}
              {patientId ? ` — ${patientNames[patientId] ?? ''}` : ''}
              {appointmentIds ? ` (${appointmentIds.length})` : ''}
            </List.Item>
          );
        })}
      </List>
    </Stack>
  );
}
