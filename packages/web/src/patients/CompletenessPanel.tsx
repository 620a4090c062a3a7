import { Badge, Card, List, Select, Stack, Text, Title } from '@mantine/core';
import type {
  AppointmentTypeRequirementsView,
  RecordCompletenessView,
  RequiredRecordItemView,
} from '@pivot/core/records';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get } from '../app/api.ts';

type Requirement = RequiredRecordItemView;
type Missing = RecordCompletenessView['missing'][number];

/** What the record lacks before a visit of a given appointment type (e.g. anaesthesia). */
export function CompletenessPanel({ patientId }: { patientId: string }) {
  const { t, i18n } = useTranslation('patients');
  const language = i18n.language === 'en' ? 'en' : 'fr';
  const types = useQuery({
    queryKey: ['completeness-types'],
    queryFn: () => get<AppointmentTypeRequirementsView[]>('/api/completeness-requirements'),
  });
  const [type, setType] = useState<string | null>(null);
  const chosen = type ?? types.data?.[0]?.appointmentType ?? null;
  const check = useQuery({
    queryKey: ['completeness', patientId, chosen],
    enabled: !!chosen,
    queryFn: () =>
      get<{ required: number; missing: Missing[] }>(
        `/api/patients/${patientId}/completeness?appointmentType=${encodeURIComponent(chosen!)}`,
      ),
  });
  if (!types.data?.length) return null;
  return (
    <Card withBorder padding="sm" data-testid="completeness">
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('completeness.title')}
        </Title>
        <Select
          size="xs"
          label={t('completeness.appointmentType')}
          data={types.data.map((d) => d.appointmentType)}
          value={chosen}
          onChange={setType}
          allowDeselect={false}
        />
        {check.data && check.data.missing.length === 0 && (
          <Badge color="green" variant="light">
            {t('completeness.complete', { count: check.data.required })}
          </Badge>
        )}
        {check.data && check.data.missing.length > 0 && (
          <List size="sm" spacing={2}>
            {check.data.missing.map((m) => (
              <List.Item key={m.requirement.classificationCode}>
                <Text span c="red.8" size="sm">
                  {m.requirement.labels[language]}
                </Text>{' '}
                <Text span c="dimmed" size="xs">
                  {m.reason === 'absent'
                    ? t('completeness.absent')
                    : t('completeness.tooOld', { date: m.latestDate })}
                </Text>
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Card>
  );
}
