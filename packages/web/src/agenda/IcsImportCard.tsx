import { Alert, Badge, Button, Card, FileInput, Group, Select, Stack, Table, Text } from '@mantine/core';
import type { busyImportReportView } from '@pivot/core/agenda';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { post } from '../app/api.ts';
import { useApiForm } from '../app/use-api-form.ts';
import { localDate, timeOf, useResources } from './agenda-model.ts';

type ImportReport = z.input<typeof busyImportReportView>;

const when = (iso: string) => `${localDate(iso).split('-').reverse().join('/')} ${timeOf(iso)}`;

/** Import of a person's external calendar as busy periods: a trial run first, then the import, each with its report. */
export function IcsImportCard() {
  const { t } = useTranslation('agenda');
  const client = useQueryClient();
  const resources = useResources();
  const form = useApiForm();
  const [personId, setPersonId] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);

  const run = async (dryRun: boolean) => {
    if (!file) return;
    const ics = await file.text();
    const result = await form.submit(() =>
      post<ImportReport>('/api/agenda/absences/import', { personId: personId ?? '', ics, dryRun }),
    );
    setReport(result ?? null);
    if (result && !dryRun) await client.invalidateQueries({ queryKey: ['agenda'] });
  };

  return (
    <Card withBorder>
      <Stack gap="sm">
        <Text fw={600}>{t('icsImport.title')}</Text>
        <Text size="sm" c="dimmed">
          {t('icsImport.intro')}
        </Text>
        <Group align="end">
          <Select
            label={t('icsImport.person')}
            data={(resources.data?.practitioners ?? [])
              .filter((p) => p.active)
              .map((p) => ({ value: p.id, label: p.name }))}
            value={personId}
            onChange={(v) => {
              setPersonId(v);
              setReport(null);
            }}
            error={form.fieldError('personId')}
            w={220}
          />
          <FileInput
            label={t('icsImport.file')}
            accept=".ics,text/calendar"
            value={file}
            onChange={(f) => {
              setFile(f);
              setReport(null);
            }}
            error={form.fieldError('ics')}
            w={260}
            clearable
          />
          <Button
            variant="default"
            onClick={() => run(true)}
            loading={form.busy}
            disabled={!file || !personId}
          >
            {t('icsImport.trial')}
          </Button>
          <Button onClick={() => run(false)} loading={form.busy} disabled={!file || !personId}>
            {t('icsImport.run')}
          </Button>
        </Group>
        {form.error && !['personId', 'ics'].includes(form.error.field ?? '') && (
          <Alert color="red">{form.error.message}</Alert>
        )}
        {report && (
          <Stack gap="xs" data-testid="ics-report">
            <Alert color={report.dryRun ? 'blue' : 'green'}>
              {report.dryRun ? t('icsImport.trialDone') : t('icsImport.done')}{' '}
              {t('icsImport.summary', {
                events: report.events,
                periods: report.periods.length,
                replaced: report.replaced,
              })}
            </Alert>
            {report.appointmentsInBusyPeriods.length > 0 && (
              <Alert color="orange" title={t('icsImport.conflicts')}>
                {report.appointmentsInBusyPeriods.map((a) => (
                  <Text size="sm" key={a.appointmentId}>
                    {when(a.start)} — {a.patientName}
                  </Text>
                ))}
              </Alert>
            )}
            <Table>
              <Table.Tbody>
                {report.lines.map((l) => (
                  <Table.Tr key={`${l.uid}-${l.start}`}>
                    <Table.Td>
                      {when(l.start)} → {when(l.end)}
                    </Table.Td>
                    <Table.Td>{l.summary}</Table.Td>
                    <Table.Td>
                      {l.outcome === 'imported' ? (
                        <Badge color="green" variant="light">
                          {t('icsImport.imported')}
                        </Badge>
                      ) : (
                        <Badge color="gray" variant="light">
                          {t(`icsImport.reasons.${l.reason}`)}
                        </Badge>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
