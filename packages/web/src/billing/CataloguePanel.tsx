import {
  Alert,
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { CatalogueUpdatedView, CatalogueView } from '@pivot/core/billing';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, post } from '../app/api.ts';
import { useSession } from '../app/session.tsx';
import { useApiForm } from '../app/use-api-form.ts';
import { euros, frenchDate, todayIso } from './money.ts';

/** The acts catalogue in force on a date, and (admins) loading a newer edition from a file. */
export function CataloguePanel() {
  const { t, i18n } = useTranslation('billing');
  const { can } = useSession();
  const client = useQueryClient();
  const [date, setDate] = useState(todayIso());
  const catalogue = useQuery({
    queryKey: ['billing', 'catalogue', date],
    queryFn: () => get<CatalogueView>(`/api/billing/catalogue?date=${date}`),
    enabled: /^\d{4}-\d{2}-\d{2}$/.test(date),
  });
  const form = useApiForm();
  const [file, setFile] = useState<File | null>(null);
  const [edition, setEdition] = useState('');
  const [source, setSource] = useState('');
  const [publishedOn, setPublishedOn] = useState(todayIso());
  const upload = async () => {
    if (!file) return;
    const content = await file.text();
    const done = await form.submit(() =>
      post<CatalogueUpdatedView>('/api/billing/catalogue', {
        content,
        edition,
        source,
        publishedOn,
      }),
    );
    if (done) {
      notifications.show({ color: 'green', message: t('catalogue.loaded', { edition: done.edition }) });
      setFile(null);
      await client.invalidateQueries({ queryKey: ['billing', 'catalogue'] });
    }
  };
  const c = catalogue.data;
  return (
    <Stack>
      {can('organization.manage') && (
        <Card withBorder data-testid="catalogue-upload">
          <Stack>
            <Title order={4}>{t('catalogue.upload')}</Title>
            <Text size="sm" c="dimmed">
              {t('catalogue.format')}
            </Text>
            <Group align="flex-end" grow>
              <FileInput
                label={t('catalogue.file')}
                accept=".csv,.txt,text/csv,text/plain"
                value={file}
                onChange={setFile}
                error={form.fieldError('content')}
              />
              <TextInput
                label={t('catalogue.edition')}
                value={edition}
                onChange={(e) => setEdition(e.currentTarget.value)}
                error={form.fieldError('edition')}
              />
              <TextInput
                label={t('catalogue.source')}
                value={source}
                onChange={(e) => setSource(e.currentTarget.value)}
                error={form.fieldError('source')}
              />
              <TextInput
                label={t('catalogue.publishedOn')}
                type="date"
                value={publishedOn}
                onChange={(e) => setPublishedOn(e.currentTarget.value)}
              />
            </Group>
            {form.error && !['content', 'edition', 'source'].includes(form.error.field ?? '') && (
              <Alert color="red">{form.error.message}</Alert>
            )}
            <Group>
              <Button onClick={upload} disabled={!file || !edition || !source} loading={form.busy}>
                {t('catalogue.load')}
              </Button>
            </Group>
          </Stack>
        </Card>
      )}
      <Group justify="space-between" align="flex-end">
        {c && (
          <Text size="sm" data-testid="catalogue-edition">
            {t('catalogue.current', {
              edition: c.edition,
              date: frenchDate(c.publishedOn),
              source: c.source,
            })}
          </Text>
        )}
        <TextInput
          label={t('catalogue.inForceOn')}
          type="date"
          value={date}
          onChange={(e) => setDate(e.currentTarget.value)}
        />
      </Group>
      <Table striped data-testid="catalogue-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('catalogue.code')}</Table.Th>
            <Table.Th>{t('catalogue.label')}</Table.Th>
            <Table.Th>{t('catalogue.tariffs')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(c?.acts ?? []).map((a) => (
            <Table.Tr key={a.code}>
              <Table.Td>
                <Badge variant="light" color={a.kind === 'ccam' ? 'grape' : 'blue'}>
                  {a.kind.toUpperCase()}
                </Badge>{' '}
                {a.code}
              </Table.Td>
              <Table.Td>{a.label}</Table.Td>
              <Table.Td>
                {a.tariffs.length === 0
                  ? '—'
                  : a.tariffs
                      .map(
                        (x) =>
                          `${x.sector === 'all' ? t('catalogue.allSectors') : t(`sector.${x.sector}`)}${
                            x.specialty ? ` (${x.specialty})` : ''
                          } : ${euros(x.amountCents, i18n.language)} ${t('catalogue.since', {
                            date: frenchDate(x.validFrom),
                          })}`,
                      )
                      .join(' · ')}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
