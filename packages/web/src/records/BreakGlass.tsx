import { Alert, Anchor, Badge, Button, Card, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { type BreakGlassAccess, breakGlassHours } from '@pivot/core/records';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { get, post } from '../app/api.ts';
import { formatDateTime } from '../app/date-format.ts';
import { useApiForm } from '../app/use-api-form.ts';
import { breakGlassReasonError } from './break-glass-form.ts';

/**
 * The reason form of a break-glass access to one patient's record; once open, the notice of the
 * access until when (kept by the form, which stays mounted while the record reloads).
 */
export function BreakGlassForm({ patientId, intro }: { patientId: string; intro: 'closed' | 'more' }) {
  const { t, i18n } = useTranslation('records');
  const language = i18n.language === 'en' ? 'en' : 'fr';
  const client = useQueryClient();
  const form = useApiForm();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const [opened, setOpened] = useState<BreakGlassAccess | null>(null);
  const localError = touched ? breakGlassReasonError(reason, language) : null;

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (breakGlassReasonError(reason, language)) return;
    const access = await form.submit(() =>
      post<BreakGlassAccess>(`/api/patients/${patientId}/break-glass`, { reason }),
    );
    if (access) {
      setOpened(access);
      await client.invalidateQueries({ queryKey: ['patients', 'timeline', patientId] });
    }
  };

  if (opened)
    return (
      <Alert color="orange" data-testid="break-glass-opened">
        {t('breakGlass.opened', { until: formatDateTime(opened.expiresAt, i18n.language) })}
      </Alert>
    );
  return (
    <Card withBorder component="form" onSubmit={submit} noValidate data-testid="break-glass">
      <Stack gap="xs">
        <Title order={2} size="h5">
          {t('breakGlass.title')}
        </Title>
        <Text size="sm">{t(`breakGlass.${intro}`, { hours: breakGlassHours })}</Text>
        <Textarea
          label={t('breakGlass.reason')}
          description={t('breakGlass.reasonHint')}
          required
          autosize
          minRows={2}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          onBlur={() => setTouched(true)}
          error={localError ?? form.fieldError('reason')}
        />
        {form.error && !form.error.field && <Alert color="red">{form.error.message}</Alert>}
        <Button type="submit" color="orange" loading={form.busy} w="fit-content">
          {t('breakGlass.open')}
        </Button>
      </Stack>
    </Card>
  );
}

function AccessRows({
  accesses,
  withPatient,
}: {
  accesses: (BreakGlassAccess & { patientName?: string })[];
  withPatient?: boolean;
}) {
  const { t, i18n } = useTranslation('records');
  const { t: tRoot } = useTranslation();
  return (
    <Table withTableBorder verticalSpacing={4}>
      <Table.Thead>
        <Table.Tr>
          {withPatient && <Table.Th>{t('breakGlass.patient')}</Table.Th>}
          <Table.Th>{t('breakGlass.who')}</Table.Th>
          <Table.Th>{t('breakGlass.when')}</Table.Th>
          <Table.Th>{t('breakGlass.until')}</Table.Th>
          <Table.Th>{t('breakGlass.reason')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {accesses.map((a) => (
          <Table.Tr key={a.id}>
            {withPatient && (
              <Table.Td>
                <Anchor component={Link} to={`/patients/${a.patientId}`} size="sm">
                  {a.patientName}
                </Anchor>
              </Table.Td>
            )}
            <Table.Td>
              <Text size="sm">
                {a.userName} ({tRoot(`roles.${a.userRole}`)})
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="xs">{formatDateTime(a.startedAt, i18n.language)}</Text>
            </Table.Td>
            <Table.Td>
              <Text size="xs">{formatDateTime(a.expiresAt, i18n.language)}</Text>
              {a.active && (
                <Badge size="xs" color="orange">
                  {t('breakGlass.active')}
                </Badge>
              )}
            </Table.Td>
            <Table.Td>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {a.reason}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** For the patient's practitioners: who broke the glass on this record, when and why. */
export function BreakGlassAccesses({ patientId }: { patientId: string }) {
  const { t } = useTranslation('records');
  const accesses = useQuery({
    queryKey: ['break-glass', patientId],
    queryFn: () => get<BreakGlassAccess[]>(`/api/patients/${patientId}/break-glass`),
  });
  if (!accesses.data?.length) return null;
  return (
    <Alert color="orange" title={t('breakGlass.accesses')} data-testid="break-glass-accesses">
      <AccessRows accesses={accesses.data} />
    </Alert>
  );
}

/** For a practitioner: the break-glass accesses of the last 90 days to their patients. */
export function MyPatientsBreakGlass() {
  const { t } = useTranslation('records');
  const accesses = useQuery({
    queryKey: ['break-glass', 'mine'],
    queryFn: () => get<(BreakGlassAccess & { patientName: string })[]>('/api/break-glass-accesses'),
  });
  if (!accesses.data?.length) return null;
  return (
    <Card withBorder data-testid="break-glass-review">
      <Stack gap="xs">
        <Title order={2} size="h5">
          {t('breakGlass.mine')}
        </Title>
        <AccessRows accesses={accesses.data} withPatient />
      </Stack>
    </Card>
  );
}
