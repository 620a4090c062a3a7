import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { bodyTypes } from '@pivot/core/directory';
import {
  informationSheetCategories,
  type informationSheetView,
  type sentSheetView,
} from '@pivot/core/reception';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { get, post, put } from '../app/api.ts';
import type { useApiForm as UseApiForm } from '../app/use-api-form.ts';
import { useApiForm } from '../app/use-api-form.ts';
import { type BodyView, formatPhone } from '../directory/index.ts';
import { PatientPicker, type PatientRecord, type PatientSummary } from '../patients/index.ts';

type Bilingual = { fr: string; en: string };
type Category = (typeof informationSheetCategories)[number];

type BodyCorrespondent = BodyView;

/** An information sheet as the server answers it (core's response schema). */
export type InformationSheet = z.input<typeof informationSheetView>;

/** The UI language as the API's bilingual texts name it. */
export function useLanguage(): 'fr' | 'en' {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'fr';
}

/** The API's error when no input on screen shows it: its message, and the field it names. */
export function FormError({ form, shown = [] }: { form: ReturnType<typeof UseApiForm>; shown?: string[] }) {
  const { t } = useTranslation('reception');
  const error = form.error;
  if (!error || (error.field && shown.includes(error.field))) return null;
  return (
    <Alert color="red" data-testid="form-error">
      {error.field ? `${t('orientation.field', { field: error.field })} ` : ''}
      {error.message}
    </Alert>
  );
}

export function patientLabel(
  p: Pick<PatientSummary, 'birthName' | 'usedName' | 'birthGivenNames' | 'birthDate'>,
) {
  const used = p.usedName && p.usedName !== p.birthName ? ` (${p.usedName})` : '';
  return `${p.birthName}${used} ${p.birthGivenNames[0] ?? ''} — ${p.birthDate.split('-').reverse().join('/')}`;
}

/** Orientation: where to send callers and patients, and the information sheets handed or sent to them. */
export function OrientationPage() {
  return (
    <Grid gutter="xl">
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <DirectorySection />
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <SheetsSection />
      </Grid.Col>
    </Grid>
  );
}

function DirectorySection() {
  const { t } = useTranslation('reception');
  const [q, setQ] = useState('');
  const [bodyType, setBodyType] = useState<string | null>(null);
  const [debounced] = useDebouncedValue(q.trim(), 250);
  const results = useQuery({
    queryKey: ['reception', 'orientation', 'directory', debounced, bodyType],
    queryFn: () => {
      const params = new URLSearchParams({ kind: 'body', limit: '60' });
      if (debounced) params.set('q', debounced);
      if (bodyType) params.set('bodyType', bodyType);
      return get<BodyCorrespondent[]>(`/api/directory/correspondents?${params}`);
    },
  });
  return (
    <Stack>
      <Title order={3}>{t('orientation.directoryTitle')}</Title>
      <Text c="dimmed" size="sm">
        {t('orientation.directoryHint')}
      </Text>
      <Group align="flex-end">
        <TextInput
          label={t('orientation.search')}
          placeholder={t('orientation.searchPlaceholder')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          w={360}
          data-testid="orientation-search"
        />
        <Select
          label={t('orientation.bodyType')}
          placeholder={t('orientation.allBodyTypes')}
          clearable
          value={bodyType}
          onChange={setBodyType}
          data={bodyTypes.map((b) => ({ value: b, label: t(`orientation.bodyTypes.${b}`) }))}
          data-testid="orientation-body-type"
        />
      </Group>
      {results.data?.length === 0 && <Text c="dimmed">{t('orientation.noService')}</Text>}
      <SimpleGrid cols={{ base: 1, md: 2 }} data-testid="orientation-results">
        {(results.data ?? []).map((c) => (
          <ServiceCard key={c.id} service={c} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function ServiceCard({ service: c }: { service: BodyCorrespondent }) {
  const { t } = useTranslation('reception');
  const address = [c.address.line1, c.address.line2, [c.address.postalCode, c.address.city].join(' ').trim()]
    .filter(Boolean)
    .join(', ');
  return (
    <Card withBorder padding="sm" data-testid="orientation-service">
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text fw={600}>{c.name}</Text>
          <Badge variant="light">{t(`orientation.bodyTypes.${c.bodyType}`)}</Badge>
        </Group>
        {c.handles && (
          <Text size="sm">
            <Text span c="dimmed" size="sm">
              {t('orientation.handles')}{' '}
            </Text>
            {c.handles}
          </Text>
        )}
        {c.openingHours && (
          <Text size="sm">
            <Text span c="dimmed" size="sm">
              {t('orientation.openingHours')}{' '}
            </Text>
            {c.openingHours}
          </Text>
        )}
        {c.phone && (
          <Anchor href={`tel:${c.phone}`} fw={600} data-testid="orientation-phone">
            ☎ {formatPhone(c.phone)}
          </Anchor>
        )}
        {address && (
          <Text size="sm" c="dimmed">
            {address}
          </Text>
        )}
        {c.email && (
          <Anchor size="sm" href={`mailto:${c.email}`}>
            {c.email}
          </Anchor>
        )}
        {c.secureEmail && (
          <Text size="sm">
            <Text span c="dimmed" size="sm">
              {t('orientation.secureEmail')}{' '}
            </Text>
            {c.secureEmail}
          </Text>
        )}
        {c.notes && (
          <Text size="xs" c="dimmed">
            {c.notes}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

function SheetsSection() {
  const { t } = useTranslation('reception');
  const language = useLanguage();
  const sheets = useQuery({
    queryKey: ['reception', 'information-sheets'],
    queryFn: () => get<InformationSheet[]>('/api/reception/information-sheets'),
  });
  const [editing, setEditing] = useState<InformationSheet | 'new' | null>(null);
  const [sending, setSending] = useState<InformationSheet | null>(null);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>{t('orientation.sheetsTitle')}</Title>
        <Button onClick={() => setEditing('new')} data-testid="sheet-new">
          {t('orientation.newSheet')}
        </Button>
      </Group>
      {sheets.data?.length === 0 && <Text c="dimmed">{t('orientation.noSheet')}</Text>}
      {informationSheetCategories.map((category) => {
        const rows = (sheets.data ?? []).filter((s) => s.category === category);
        if (rows.length === 0) return null;
        return (
          <Paper key={category} withBorder p="sm" data-testid={`sheets-${category}`}>
            <Title order={5} mb="xs">
              {t(`orientation.categories.${category}`)}
            </Title>
            <Table>
              <Table.Tbody>
                {rows.map((s) => (
                  <Table.Tr key={s.id} data-testid="sheet-row">
                    <Table.Td>
                      <Text fw={500}>{s.title[language]}</Text>
                      <Text size="xs" c="dimmed" lineClamp={1}>
                        {s.body[language]}
                      </Text>
                      <Group gap={4} mt={4}>
                        <Button size="xs" variant="subtle" onClick={() => setEditing(s)}>
                          {t('orientation.edit')}
                        </Button>
                        <Button
                          size="xs"
                          variant="subtle"
                          component="a"
                          href={`/api/reception/information-sheets/${s.id}/pdf?language=fr`}
                          target="_blank"
                          rel="noopener"
                        >
                          {t('orientation.printFr')}
                        </Button>
                        <Button
                          size="xs"
                          variant="subtle"
                          component="a"
                          href={`/api/reception/information-sheets/${s.id}/pdf?language=en`}
                          target="_blank"
                          rel="noopener"
                        >
                          {t('orientation.printEn')}
                        </Button>
                        <Button
                          size="xs"
                          variant="light"
                          onClick={() => setSending(s)}
                          data-testid="sheet-send"
                        >
                          {t('orientation.send')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        );
      })}
      {editing && <SheetEditor sheet={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {sending && <SendSheet sheet={sending} onClose={() => setSending(null)} />}
    </Stack>
  );
}

const emptyText: Bilingual = { fr: '', en: '' };

function SheetEditor({ sheet, onClose }: { sheet: InformationSheet | null; onClose: () => void }) {
  const { t } = useTranslation('reception');
  const client = useQueryClient();
  const form = useApiForm();
  const [category, setCategory] = useState<Category>(sheet?.category ?? 'exam_preparation');
  const [title, setTitle] = useState<Bilingual>(sheet?.title ?? emptyText);
  const [body, setBody] = useState<Bilingual>(sheet?.body ?? emptyText);
  const save = async (active = true) => {
    const input = { category, title, body };
    const saved = await form.submit(() =>
      sheet
        ? put<InformationSheet>(`/api/reception/information-sheets/${sheet.id}`, {
            ...input,
            active,
            version: sheet.version,
          })
        : post<InformationSheet>('/api/reception/information-sheets', input),
    );
    if (!saved) return;
    notifications.show({
      color: 'green',
      message: active ? t('orientation.sheetSaved') : t('orientation.sheetWithdrawn'),
    });
    await client.invalidateQueries({ queryKey: ['reception', 'information-sheets'] });
    onClose();
  };
  const fields = ['category', 'title.fr', 'title.en', 'body.fr', 'body.en', 'version'];
  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={sheet ? t('orientation.editSheet') : t('orientation.newSheet')}
    >
      <Stack>
        <Select
          label={t('orientation.category')}
          value={category}
          onChange={(v) => v && setCategory(v as Category)}
          allowDeselect={false}
          data={informationSheetCategories.map((c) => ({
            value: c,
            label: t(`orientation.categories.${c}`),
          }))}
          error={form.fieldError('category')}
          data-testid="sheet-category"
        />
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {(['fr', 'en'] as const).map((lang) => (
            <Stack key={lang} gap="xs">
              <TextInput
                label={t(`orientation.title_${lang}`)}
                value={title[lang]}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  setTitle((x) => ({ ...x, [lang]: value }));
                }}
                error={form.fieldError(`title.${lang}`)}
                data-testid={`sheet-title-${lang}`}
              />
              <Textarea
                label={t(`orientation.body_${lang}`)}
                value={body[lang]}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  setBody((x) => ({ ...x, [lang]: value }));
                }}
                autosize
                minRows={8}
                maxRows={20}
                error={form.fieldError(`body.${lang}`)}
                data-testid={`sheet-body-${lang}`}
              />
            </Stack>
          ))}
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          {t('orientation.paragraphHint')}
        </Text>
        <FormError form={form} shown={fields} />
        {form.error?.code === 'stale_version' && <Alert color="orange">{t('orientation.staleSheet')}</Alert>}
        <Group justify="space-between">
          {sheet ? (
            <Button variant="subtle" color="red" onClick={() => save(false)} loading={form.busy}>
              {t('orientation.withdraw')}
            </Button>
          ) : (
            <span />
          )}
          <Button onClick={() => save(true)} loading={form.busy} data-testid="sheet-save">
            {t('orientation.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function SendSheet({ sheet, onClose }: { sheet: InformationSheet; onClose: () => void }) {
  const { t } = useTranslation('reception');
  const uiLanguage = useLanguage();
  const form = useApiForm();
  const [patient, setPatient] = useState<PatientSummary | null>(null);
  const [language, setLanguage] = useState<'fr' | 'en'>(uiLanguage);
  const [email, setEmail] = useState('');
  // The address on record, shown so the secretary knows where the sheet goes (the read is traced).
  const record = useQuery({
    queryKey: ['patients', patient?.id],
    queryFn: () => get<PatientRecord>(`/api/patients/${patient?.id}`),
    enabled: !!patient,
  });
  const send = async () => {
    if (!patient) return;
    const sent = await form.submit(() =>
      post<z.input<typeof sentSheetView>>(`/api/reception/information-sheets/${sheet.id}/send`, {
        patientId: patient.id,
        language,
        email: email.trim() || null,
      }),
    );
    if (!sent) return;
    notifications.show({ color: 'green', message: t('orientation.sent') });
    onClose();
  };
  const onRecord = record.data?.email ?? null;
  return (
    <Modal opened onClose={onClose} title={t('orientation.sendTitle', { title: sheet.title[uiLanguage] })}>
      <Stack>
        <PatientPicker
          label={t('orientation.patient')}
          placeholder={t('orientation.patientSearch')}
          nothingFound={t('orientation.noPatient')}
          optionLabel={patientLabel}
          clearable
          value={patient?.id ?? null}
          onChange={(_id, p) => {
            setPatient(p);
            form.setError(null);
          }}
        />
        <Select
          label={t('orientation.language')}
          value={language}
          allowDeselect={false}
          onChange={(v) => v && setLanguage(v as 'fr' | 'en')}
          data={[
            { value: 'fr', label: t('orientation.french') },
            { value: 'en', label: t('orientation.english') },
          ]}
        />
        <TextInput
          label={t('orientation.email')}
          description={
            patient && record.isFetched
              ? onRecord
                ? t('orientation.emailOnRecord', { email: onRecord })
                : t('orientation.noEmailOnRecord')
              : t('orientation.emailHint')
          }
          placeholder={onRecord ?? ''}
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={form.fieldError('email')}
          data-testid="sheet-send-email"
        />
        <FormError form={form} shown={['email']} />
        <Group justify="flex-end">
          <Button onClick={send} disabled={!patient} loading={form.busy} data-testid="sheet-send-confirm">
            {t('orientation.sendConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
