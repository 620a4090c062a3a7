import { List, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { get } from '../app/api.ts';

interface Check {
  date: string;
  problems: { kind: string; patientId?: string; appointmentIds?: string[]; appointmentId?: string }[];
  patientNames: Record<string, string>;
}

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
        {problems.map((p) => (
          <List.Item
            key={`${p.kind}-${p.appointmentId ?? ''}-${p.patientId ?? ''}-${(p.appointmentIds ?? []).join(',')}`}
          >
            {t(`check.${p.kind}`)}
            {p.patientId ? ` — ${patientNames[p.patientId] ?? ''}` : ''}
            {p.appointmentIds ? ` (${p.appointmentIds.length})` : ''}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
