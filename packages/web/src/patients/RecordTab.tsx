import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  FileInput,
  Grid,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconExternalLink, IconPaperclip } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, get, post, upload } from '../app/api.ts';
import { formatDateTime } from '../app/date-format.ts';
import { useSession } from '../app/session.tsx';
import { useApiForm } from '../app/use-api-form.ts';
import { BreakGlassAccesses, BreakGlassForm, NamedUsersSelect } from '../records/index.ts';
import { CompletenessPanel } from './CompletenessPanel.tsx';
import type { ClassificationCategory, PatientRecord, TimelineEntry } from './model.ts';

const kinds = [
  'note',
  'attachment',
  'registration',
  'identity',
  'merge',
  'merge_undone',
  'appointment',
  'document',
];
const confidentialityColors = { normal: 'gray', restricted: 'orange', practitioner_only: 'red' } as const;

function useConfidentialityOptions() {
  const { t } = useTranslation('patients');
  const { can } = useSession();
  // CSP R4127-72: only those who can read practitioner-only items may file them.
  return ['normal', 'restricted', ...(can('records.readConfidential') ? ['practitioner_only'] : [])].map(
    (c) => ({ value: c, label: t(`confidentiality.${c}`) }),
  );
}

export function RecordTab({ patient }: { patient: PatientRecord }) {
  const { t, i18n } = useTranslation('patients');
  const { can } = useSession();
  const [kind, setKind] = useState<string | null>(null);
  const [viewing, setViewing] = useState<TimelineEntry | null>(null);
  const timeline = useQuery({
    queryKey: ['patients', 'timeline', patient.id, kind],
    queryFn: () =>
      get<TimelineEntry[]>(
        `/api/patients/${patient.id}/timeline${kind ? `?kind=${encodeURIComponent(kind)}` : ''}`,
      ),
  });
  const plan = useQuery({
    queryKey: ['classification-plan'],
    queryFn: () => get<ClassificationCategory[]>('/api/classification-plan'),
    staleTime: 300_000,
    enabled: can('records.read'),
  });
  // An administrator reads no medical content: the record opens only through a break-glass access.
  const closed = timeline.error instanceof ApiError && timeline.error.code === 'break_glass_required';
  // Once closed, the form stays (it then shows until when the access is open).
  const [breakableFor, setBreakableFor] = useState<string | null>(null);
  if (closed && breakableFor !== patient.id) setBreakableFor(patient.id);
  const breakable = breakableFor === patient.id;
  const language = i18n.language === 'en' ? 'en' : 'fr';
  const classificationLabel = (code: string | null) =>
    code ? (plan.data?.find((c) => c.code === code)?.labels[language] ?? code) : '';
  const titleOf = (item: TimelineEntry) =>
    ['registration', 'identity', 'merge', 'merge_undone'].includes(item.kind)
      ? t(`timelineTitles.${item.title}`, { defaultValue: item.title })
      : item.title;
  const writable = can('records.write') && !patient.mergedInto;

  return (
    <Grid gutter="md">
      <Grid.Col span={{ base: 12, lg: writable ? 8 : 12 }}>
        <Stack gap="xs">
          {can('records.readConfidential') && <BreakGlassAccesses patientId={patient.id} />}
          {breakable && <BreakGlassForm key={patient.id} patientId={patient.id} intro="closed" />}
          {can('records.read') && <CompletenessPanel patientId={patient.id} />}
          <Group justify="space-between">
            <Title order={2} size="h4">
              {t('record.timeline')}
            </Title>
            <Select
              size="xs"
              w={220}
              aria-label={t('record.kindFilter')}
              placeholder={t('record.allKinds')}
              clearable
              data={kinds.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
              value={kind}
              onChange={setKind}
            />
          </Group>
          {timeline.error && !closed && <Alert color="red">{timeline.error.message}</Alert>}
          <Table striped withTableBorder verticalSpacing={4} data-testid="timeline">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={130}>{t('record.when')}</Table.Th>
                <Table.Th w={120}>{t('record.kind')}</Table.Th>
                <Table.Th>{t('record.item')}</Table.Th>
                <Table.Th w={140}>{t('record.author')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {timeline.data?.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={4}>
                    <Text size="sm" c="dimmed">
                      {t('record.empty')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {timeline.data?.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td>
                    <Text size="xs">{formatDateTime(item.occurred_at, i18n.language)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" size="xs" color={item.kind === 'note' ? 'pivot' : 'gray'}>
                      {t(`kinds.${item.kind}`, { defaultValue: item.kind })}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      {item.attachment_id ? (
                        <Anchor component="button" type="button" size="sm" onClick={() => setViewing(item)}>
                          <Group gap={4} wrap="nowrap">
                            <IconPaperclip size={14} />
                            {titleOf(item)}
                          </Group>
                        </Anchor>
                      ) : (
                        <Text size="sm" fw={item.kind === 'note' ? 600 : 400}>
                          {titleOf(item)}
                        </Text>
                      )}
                      {item.confidentiality !== 'normal' && (
                        <Badge
                          size="xs"
                          color={confidentialityColors[item.confidentiality]}
                          variant="outline"
                        >
                          {t(`confidentiality.${item.confidentiality}`)}
                        </Badge>
                      )}
                      {item.classification && (
                        <Text size="xs" c="dimmed">
                          {classificationLabel(item.classification)}
                        </Text>
                      )}
                    </Group>
                    {item.body && (
                      <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                        {item.body}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">{item.author ?? ''}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      </Grid.Col>
      {writable && (
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="sm">
            <NoteForm patientId={patient.id} />
            {can('records.breakGlass') && !breakable && (
              <BreakGlassForm key={patient.id} patientId={patient.id} intro="more" />
            )}
            <UploadForm patientId={patient.id} plan={plan.data ?? []} language={language} />
          </Stack>
        </Grid.Col>
      )}
      <Modal
        opened={!!viewing}
        onClose={() => setViewing(null)}
        title={viewing ? titleOf(viewing) : ''}
        size="90%"
      >
        {viewing?.attachment_id && (
          <Stack gap="xs">
            <Group justify="flex-end">
              <Button
                component="a"
                href={`/api/attachments/${viewing.attachment_id}/content`}
                target="_blank"
                rel="noopener"
                size="xs"
                variant="default"
                leftSection={<IconExternalLink size={14} />}
              >
                {t('record.openNewTab')}
              </Button>
            </Group>
            {viewing.media_type?.startsWith('image/') && viewing.media_type !== 'image/tiff' ? (
              <img
                src={`/api/attachments/${viewing.attachment_id}/content`}
                alt={titleOf(viewing)}
                style={{ maxWidth: '100%' }}
              />
            ) : (
              <iframe
                src={`/api/attachments/${viewing.attachment_id}/content`}
                title={titleOf(viewing)}
                style={{ width: '100%', height: '75vh', border: 0 }}
              />
            )}
          </Stack>
        )}
      </Modal>
    </Grid>
  );
}

function NoteForm({ patientId }: { patientId: string }) {
  const { t } = useTranslation('patients');
  const client = useQueryClient();
  const form = useApiForm();
  const options = useConfidentialityOptions();
  const empty = { title: '', body: '', confidentiality: 'normal', allowedUserIds: [] as string[] };
  const [draft, setDraft] = useState(empty);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const body = {
      ...draft,
      allowedUserIds: draft.confidentiality === 'restricted' ? draft.allowedUserIds : [],
    };
    if (await form.submit(() => post(`/api/patients/${patientId}/notes`, body))) {
      setDraft(empty);
      notifications.show({ color: 'green', message: t('record.noteAdded') });
      await client.invalidateQueries({ queryKey: ['patients', 'timeline', patientId] });
    }
  };
  return (
    <Card withBorder padding="sm" component="form" onSubmit={submit} noValidate>
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('record.addNote')}
        </Title>
        {form.error && !form.error.field && <Alert color="red">{form.error.message}</Alert>}
        <TextInput
          label={t('record.noteTitle')}
          required
          size="xs"
          value={draft.title}
          onChange={(e) => setDraft({ ...draft, title: e.currentTarget.value })}
          error={form.fieldError('title')}
        />
        <Textarea
          label={t('record.noteBody')}
          size="xs"
          autosize
          minRows={3}
          value={draft.body}
          onChange={(e) => setDraft({ ...draft, body: e.currentTarget.value })}
          error={form.fieldError('body')}
        />
        <Select
          label={t('record.confidentiality')}
          size="xs"
          data={options}
          value={draft.confidentiality}
          allowDeselect={false}
          onChange={(v) => setDraft({ ...draft, confidentiality: v ?? 'normal' })}
          error={form.fieldError('confidentiality')}
        />
        {draft.confidentiality === 'restricted' && (
          <NamedUsersSelect
            value={draft.allowedUserIds}
            onChange={(allowedUserIds) => setDraft({ ...draft, allowedUserIds })}
            error={form.fieldError('allowedUserIds')}
          />
        )}
        <Group>
          <Button type="submit" size="xs" loading={form.busy}>
            {t('record.saveNote')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function UploadForm({
  patientId,
  plan,
  language,
}: {
  patientId: string;
  plan: ClassificationCategory[];
  language: 'fr' | 'en';
}) {
  const { t } = useTranslation('patients');
  const client = useQueryClient();
  const form = useApiForm();
  const options = useConfidentialityOptions();
  const [file, setFile] = useState<File | null>(null);
  const [draft, setDraft] = useState({
    classification: '',
    title: '',
    confidentiality: 'normal',
    allowedUserIds: [] as string[],
  });
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const data = new FormData();
    // Fields first: the server reads them while the file streams.
    data.append('classification', draft.classification);
    if (draft.title.trim()) data.append('title', draft.title.trim());
    data.append('confidentiality', draft.confidentiality);
    if (draft.confidentiality === 'restricted' && draft.allowedUserIds.length > 0)
      data.append('allowedUserIds', draft.allowedUserIds.join(','));
    if (file) data.append('file', file, file.name);
    if (await form.submit(() => upload(`/api/patients/${patientId}/attachments`, data))) {
      setFile(null);
      setDraft({
        classification: draft.classification,
        title: '',
        confidentiality: 'normal',
        allowedUserIds: [],
      });
      notifications.show({ color: 'green', message: t('record.uploaded') });
      await client.invalidateQueries({ queryKey: ['patients', 'timeline', patientId] });
    }
  };
  return (
    <Card withBorder padding="sm" component="form" onSubmit={submit} noValidate>
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('record.upload')}
        </Title>
        {form.error && !form.error.field && <Alert color="red">{form.error.message}</Alert>}
        <FileInput
          label={t('record.file')}
          description={t('record.fileHint')}
          required
          size="xs"
          accept="application/pdf,image/jpeg,image/png,image/tiff"
          value={file}
          onChange={setFile}
          clearable
          error={form.fieldError('file')}
        />
        <Select
          label={t('record.classification')}
          required
          size="xs"
          searchable
          data={plan.map((c) => ({ value: c.code, label: c.labels[language] }))}
          value={draft.classification || null}
          onChange={(v) => setDraft({ ...draft, classification: v ?? '' })}
          error={form.fieldError('classification')}
        />
        <TextInput
          label={t('record.attachmentTitle')}
          size="xs"
          value={draft.title}
          onChange={(e) => setDraft({ ...draft, title: e.currentTarget.value })}
          error={form.fieldError('title')}
        />
        <Select
          label={t('record.confidentiality')}
          size="xs"
          data={options}
          value={draft.confidentiality}
          allowDeselect={false}
          onChange={(v) => setDraft({ ...draft, confidentiality: v ?? 'normal' })}
          error={form.fieldError('confidentiality')}
        />
        {draft.confidentiality === 'restricted' && (
          <NamedUsersSelect
            value={draft.allowedUserIds}
            onChange={(allowedUserIds) => setDraft({ ...draft, allowedUserIds })}
            error={form.fieldError('allowedUserIds')}
          />
        )}
        <Group>
          <Button type="submit" size="xs" loading={form.busy} leftSection={<IconPaperclip size={14} />}>
            {t('record.uploadButton')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
