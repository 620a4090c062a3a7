import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  CloseButton,
  Group,
  List,
  NumberInput,
  Paper,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { documentKindRules, documentKinds, type RichTextDoc } from '@pivot/core/documents';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes, useNavigate, useParams } from 'react-router-dom';
import { get, post, put } from '../app/api.ts';
import { useSession } from '../app/session.tsx';
import { useApiForm } from '../app/use-api-form.ts';
import { PatientPicker } from '../patients/index.ts';
import { DocumentEditor } from './DocumentEditor.tsx';
import type {
  CertificateForm,
  DocumentRow,
  DocumentView,
  LiaisonForm,
  PrescriptionLine,
  Signer,
  TemplateView,
} from './model.ts';
import { SendDialog } from './SendDialog.tsx';

const statusColors: Record<string, string> = {
  draft: 'gray',
  to_validate: 'orange',
  validated: 'green',
  sent: 'blue',
  filed: 'dark',
};

function useKindLabel() {
  const { i18n } = useTranslation();
  return (kind: string) => {
    const labels: Record<string, { fr: string; en: string }> = kindLabels;
    return labels[kind]?.[i18n.language === 'en' ? 'en' : 'fr'] ?? kind;
  };
}

const kindLabels = Object.fromEntries(Object.entries(documentKindRules).map(([k, r]) => [k, r.labels]));

function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation('documents');
  return (
    <Badge color={statusColors[status] ?? 'gray'} data-testid="document-status">
      {t(`statuses.${status}`)}
    </Badge>
  );
}

function DocumentsList() {
  const { t } = useTranslation('documents');
  const kindLabel = useKindLabel();
  const { can } = useSession();
  const [status, setStatus] = useState<string | null>(null);
  const list = useQuery({
    queryKey: ['documents', 'list', status],
    queryFn: () => get<DocumentRow[]>(`/api/documents${status ? `?status=${status}` : ''}`),
  });
  return (
    <Stack>
      <Group justify="space-between">
        <Select
          placeholder={t('allStatuses')}
          clearable
          value={status}
          onChange={setStatus}
          data={['draft', 'to_validate', 'validated', 'sent', 'filed'].map((s) => ({
            value: s,
            label: t(`statuses.${s}`),
          }))}
        />
        {can('documents.write') && (
          <Button component={Link} to="/documents/nouveau">
            {t('newDocument')}
          </Button>
        )}
      </Group>
      {list.data?.length === 0 && <Text c="dimmed">{t('empty')}</Text>}
      <Table striped highlightOnHover>
        <Table.Tbody>
          {list.data?.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td>
                <Anchor component={Link} to={`/documents/${d.id}`}>
                  {kindLabel(d.kind)}
                </Anchor>
              </Table.Td>
              <Table.Td>
                {d.patientBirthName} {d.patientGivenName}
              </Table.Td>
              <Table.Td>{d.documentDate}</Table.Td>
              <Table.Td>
                <StatusBadge status={d.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

const emptyDoc: RichTextDoc = { type: 'doc', content: [] };

function today() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
}

function NewDocument() {
  const { t } = useTranslation('documents');
  const kindLabel = useKindLabel();
  const { me } = useSession();
  const navigate = useNavigate();
  const form = useApiForm();
  const templates = useQuery({
    queryKey: ['document-templates'],
    queryFn: () => get<TemplateView[]>('/api/document-templates'),
  });
  const signers = useQuery({
    queryKey: ['documents', 'signers'],
    queryFn: () => get<Signer[]>('/api/documents/signers'),
  });
  const [patientId, setPatientId] = useState<string | null>(null);
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [kind, setKind] = useState<string>('prescription');
  const [practitionerId, setPractitionerId] = useState<string | null>(
    me?.role === 'practitioner' ? me.id : null,
  );
  const [documentDate, setDocumentDate] = useState(today());
  const create = async () => {
    const template = templates.data?.find((x) => x.id === templateId);
    const created = await form.submit(() =>
      post<{ id: string }>('/api/documents', {
        kind: template?.kind ?? kind,
        patientId,
        practitionerId,
        templateId,
        language: template?.language ?? 'fr',
        documentDate,
      }),
    );
    if (created) navigate(`/documents/${created.id}`);
  };
  return (
    <Paper withBorder p="md" maw={640}>
      <Stack>
        <Title order={3}>{t('newDocument')}</Title>
        <PatientPicker
          label={t('patient')}
          placeholder={t('patientSearch')}
          optionLabel={(p) => `${p.birthName} ${p.birthGivenNames[0] ?? ''} (${p.birthDate})`}
          value={patientId}
          onChange={(id) => setPatientId(id)}
        />
        <Select
          label={t('template')}
          placeholder={t('noTemplate')}
          clearable
          value={templateId}
          onChange={setTemplateId}
          data={(templates.data ?? []).map((x) => ({
            value: x.id,
            label: `${x.name} (${kindLabel(x.kind)}, ${x.language})`,
          }))}
          data-testid="template-picker"
        />
        {!templateId && (
          <Select
            label={t('kind')}
            value={kind}
            onChange={(v) => setKind(v ?? 'letter_to_patient')}
            data={documentKinds.map((k) => ({ value: k, label: kindLabel(k) }))}
          />
        )}
        <Select
          label={t('practitioner')}
          value={practitionerId}
          onChange={setPractitionerId}
          clearable
          data={(signers.data ?? []).map((s) => ({
            value: s.id,
            label: `${s.displayName}${s.specialty ? ` — ${s.specialty}` : ''}`,
          }))}
          data-testid="signer-picker"
        />
        <TextInput
          type="date"
          label={t('date')}
          value={documentDate}
          onChange={(e) => setDocumentDate(e.currentTarget.value)}
        />
        {form.generalError && (
          <Alert color="red">
            {form.error?.field ? `${form.error.field} : ` : ''}
            {form.generalError}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button loading={form.busy} disabled={!patientId} onClick={create}>
            {t('create')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function PrescriptionLines({
  lines,
  onChange,
  readOnly,
  bizone,
}: {
  lines: PrescriptionLine[];
  onChange: (lines: PrescriptionLine[]) => void;
  readOnly: boolean;
  /** The two-zone ALD form: each line says which zone it is printed in. */
  bizone: boolean;
}) {
  const { t } = useTranslation('documents');
  const set = (i: number, key: keyof PrescriptionLine, value: string | null) =>
    onChange(lines.map((l, j) => (j === i ? { ...l, [key]: value } : l)));
  return (
    <Paper withBorder p="sm">
      <Text fw={500} mb="xs">
        {t('items')}
      </Text>
      <Stack gap="xs">
        {lines.map((line, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: prescription lines have no identity but their position
          <Group key={i} grow>
            {(['product', 'dosage', 'posology', 'duration'] as const).map((key) => (
              <TextInput
                key={key}
                size="xs"
                label={t(key)}
                readOnly={readOnly}
                value={line[key] ?? ''}
                onChange={(e) => set(i, key, e.currentTarget.value)}
                data-testid={`item-${i}-${key}`}
              />
            ))}
            {bizone && (
              <Select
                size="xs"
                label={t('zone')}
                readOnly={readOnly}
                value={line.zone ?? null}
                onChange={(v) => set(i, 'zone', v)}
                data={[
                  { value: 'ald', label: t('zones.ald') },
                  { value: 'other', label: t('zones.other') },
                ]}
                error={!line.zone && (line.product ?? '').trim() !== '' ? t('zoneRequired') : undefined}
                data-testid={`item-${i}-zone`}
              />
            )}
          </Group>
        ))}
        {!readOnly && (
          <Group>
            <Button
              size="xs"
              variant="light"
              onClick={() => onChange([...lines, bizone ? { zone: 'ald' } : {}])}
            >
              {t('addItem')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function CertificatePanel({
  value,
  onChange,
  readOnly,
}: {
  value: CertificateForm;
  onChange: (value: CertificateForm) => void;
  readOnly: boolean;
}) {
  const { t } = useTranslation('documents');
  return (
    <Paper withBorder p="sm" data-testid="certificate-panel">
      <Text fw={500} mb="xs">
        {t('certificate.title')}
      </Text>
      <Stack gap="xs">
        <Group grow align="flex-start">
          <TextInput
            type="date"
            label={t('certificate.examinationDate')}
            value={value.examinationDate ?? ''}
            readOnly={readOnly}
            onChange={(e) => onChange({ ...value, examinationDate: e.currentTarget.value || null })}
          />
          <TextInput
            label={t('certificate.purpose')}
            placeholder={t('certificate.purposeHint')}
            value={value.purpose ?? ''}
            readOnly={readOnly}
            onChange={(e) => onChange({ ...value, purpose: e.currentTarget.value })}
          />
        </Group>
        <Textarea
          label={t('certificate.observations')}
          description={t('certificate.observationsHint')}
          autosize
          minRows={3}
          value={value.observations ?? ''}
          readOnly={readOnly}
          onChange={(e) => onChange({ ...value, observations: e.currentTarget.value })}
        />
        <Checkbox
          label={t('certificate.handedOver')}
          checked={value.handedOver === true}
          disabled={readOnly}
          onChange={(e) => onChange({ ...value, handedOver: e.currentTarget.checked })}
        />
      </Stack>
    </Paper>
  );
}

const treatmentChanges = ['started', 'changed', 'stopped', 'continued'] as const;

/** The liaison letter's form: what the mandatory-mentions check reads and the letter prints. */
function LiaisonPanel({
  value,
  onChange,
  readOnly,
}: {
  value: LiaisonForm;
  onChange: (value: LiaisonForm) => void;
  readOnly: boolean;
}) {
  const { t } = useTranslation('documents');
  const treatments = value.dischargeTreatments ?? [];
  const noTreatment = Array.isArray(value.dischargeTreatments) && value.dischargeTreatments.length === 0;
  const setTreatments = (next: LiaisonForm['dischargeTreatments']) =>
    onChange({ ...value, dischargeTreatments: next });
  const text = (key: 'reasonForStay' | 'staySummary' | 'followUp', hint?: string) => (
    <Textarea
      label={t(`liaison.${key}`)}
      description={hint}
      autosize
      minRows={key === 'staySummary' ? 3 : 2}
      value={value[key] ?? ''}
      readOnly={readOnly}
      onChange={(e) => onChange({ ...value, [key]: e.currentTarget.value })}
      data-testid={`liaison-${key}`}
    />
  );
  return (
    <Paper withBorder p="sm" data-testid="liaison-panel">
      <Text fw={500} mb="xs">
        {t('liaison.title')}
      </Text>
      <Stack gap="xs">
        <Group grow align="flex-start">
          <TextInput
            label={t('liaison.dischargingPractitioner')}
            value={value.dischargingPractitioner ?? ''}
            readOnly={readOnly}
            onChange={(e) => onChange({ ...value, dischargingPractitioner: e.currentTarget.value })}
            data-testid="liaison-dischargingPractitioner"
          />
          <TextInput
            label={t('liaison.attendingPhysician')}
            value={value.attendingPhysician ?? ''}
            readOnly={readOnly}
            onChange={(e) => onChange({ ...value, attendingPhysician: e.currentTarget.value })}
            data-testid="liaison-attendingPhysician"
          />
        </Group>
        {text('reasonForStay')}
        {text('staySummary', t('liaison.staySummaryHint'))}
        <div>
          <Text size="sm" fw={500}>
            {t('liaison.treatments')}
          </Text>
          <Text size="xs" c="dimmed" mb={4}>
            {t('liaison.treatmentsHint')}
          </Text>
          <Stack gap={4}>
            {treatments.map((line, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: treatment lines have no identity but their position
              <Group key={i} align="flex-end" wrap="nowrap">
                <TextInput
                  size="xs"
                  flex={2}
                  label={t('liaison.product')}
                  readOnly={readOnly}
                  value={line.product ?? ''}
                  onChange={(e) =>
                    setTreatments(
                      treatments.map((l, j) => (j === i ? { ...l, product: e.currentTarget.value } : l)),
                    )
                  }
                  data-testid={`treatment-${i}-product`}
                />
                <Select
                  size="xs"
                  flex={1}
                  label={t('liaison.change')}
                  readOnly={readOnly}
                  value={line.change ?? null}
                  onChange={(v) =>
                    setTreatments(
                      treatments.map((l, j) =>
                        j === i
                          ? { ...l, change: (v as (typeof treatmentChanges)[number] | null) ?? null }
                          : l,
                      ),
                    )
                  }
                  data={treatmentChanges.map((c) => ({ value: c, label: t(`liaison.changes.${c}`) }))}
                  error={
                    !line.change && (line.product ?? '').trim() !== ''
                      ? t('liaison.changeRequired')
                      : undefined
                  }
                  data-testid={`treatment-${i}-change`}
                />
                {!readOnly && (
                  <CloseButton
                    aria-label={t('liaison.removeTreatment')}
                    onClick={() => setTreatments(treatments.filter((_, j) => j !== i))}
                  />
                )}
              </Group>
            ))}
            {!readOnly && (
              <Group>
                <Button
                  size="xs"
                  variant="light"
                  onClick={() => setTreatments([...treatments, { product: '', change: null }])}
                >
                  {t('liaison.addTreatment')}
                </Button>
                {treatments.length === 0 && (
                  <Checkbox
                    label={t('liaison.noTreatment')}
                    checked={noTreatment}
                    onChange={(e) => setTreatments(e.currentTarget.checked ? [] : null)}
                    data-testid="liaison-no-treatment"
                  />
                )}
              </Group>
            )}
          </Stack>
        </div>
        {text('followUp', t('liaison.followUpHint'))}
        <Checkbox
          label={t('liaison.handedToPatient')}
          checked={value.handedToPatient === true}
          disabled={readOnly}
          onChange={(e) => onChange({ ...value, handedToPatient: e.currentTarget.checked })}
          data-testid="liaison-handedToPatient"
        />
      </Stack>
    </Paper>
  );
}

/** The form as saved: treatment lines without a drug dropped, a list emptied by hand kept as "none". */
function liaisonDetails(form: LiaisonForm): LiaisonForm {
  const treatments = form.dischargeTreatments;
  return {
    ...form,
    dischargeTreatments: Array.isArray(treatments)
      ? treatments.filter((l) => (l.product ?? '').trim() !== '' || l.change)
      : null,
  };
}

function DocumentPage() {
  const { t, i18n } = useTranslation('documents');
  const kindLabel = useKindLabel();
  const { id } = useParams();
  const { can } = useSession();
  const client = useQueryClient();
  const form = useApiForm();
  const doc = useQuery({
    queryKey: ['documents', id],
    queryFn: () => get<DocumentView>(`/api/documents/${id}`),
  });
  const sendings = useQuery({
    queryKey: ['documents', id, 'sendings'],
    queryFn: () =>
      get<
        {
          id: string;
          channel: string;
          recipientName: string;
          recipientAddress: string | null;
          outboxId: string | null;
          outboxStatus: string | null;
          attempts: number | null;
          lastError: string | null;
        }[]
      >(`/api/documents/${id}/sendings`),
    refetchInterval: 5000,
  });
  const [content, setContent] = useState<RichTextDoc>(emptyDoc);
  const [lines, setLines] = useState<PrescriptionLine[]>([]);
  const [weight, setWeight] = useState<number | ''>('');
  const [certificate, setCertificate] = useState<CertificateForm>({});
  const [liaison, setLiaison] = useState<LiaisonForm>({});
  const [sending, setSending] = useState(false);
  useEffect(() => {
    if (!doc.data) return;
    setContent(doc.data.current.content);
    setLines(doc.data.current.details.items ?? []);
    setWeight(doc.data.current.details.weightKg ?? '');
    setCertificate(
      doc.data.current.details.certificate ?? { examinationDate: doc.data.documentDate, handedOver: false },
    );
    setLiaison(doc.data.current.details.liaison ?? {});
  }, [doc.data]);
  if (!doc.data) return null;
  const d = doc.data;
  const editable = d.allowedActions.includes('edit') && can('documents.write');
  const isPrescription = d.kind === 'prescription' || d.kind === 'prescription_ald';
  const language = i18n.language === 'en' ? 'en' : 'fr';
  const refresh = () => client.invalidateQueries({ queryKey: ['documents'] });

  const run = async (kind: string) => {
    const body: Record<string, unknown> = { kind, version: d.current.version };
    if (kind === 'edit') {
      body.content = content;
      body.details = {
        ...d.current.details,
        ...(isPrescription ? { items: lines.filter((l) => (l.product ?? '').trim() !== '') } : {}),
        ...(d.kind === 'certificate' ? { certificate } : {}),
        ...(d.kind === 'liaison_letter' ? { liaison: liaisonDetails(liaison) } : {}),
        weightKg: weight === '' ? null : weight,
      };
    }
    const done = await form.submit(() => post(`/api/documents/${d.id}/actions`, body));
    if (done) {
      notifications.show({ color: 'green', message: t(kind === 'edit' ? 'saved' : 'done') });
      await refresh();
    }
  };
  const revise = async () => {
    const done = await form.submit(() =>
      post(`/api/documents/${d.id}/revisions`, { version: d.current.version, content }),
    );
    if (done) await refresh();
  };

  return (
    <Stack>
      <Group justify="space-between">
        <div>
          <Title order={3}>{d.title}</Title>
          <Text c="dimmed" size="sm">
            {kindLabel(d.kind)} · {d.documentDate} · {t('version', { n: d.current.number })}
          </Text>
        </div>
        <Group>
          <StatusBadge status={d.current.status} />
          <Button component="a" href={`/api/documents/${d.id}/pdf`} variant="default" size="xs">
            PDF
          </Button>
          <Button component="a" href={`/api/documents/${d.id}/docx`} variant="default" size="xs">
            DOCX
          </Button>
        </Group>
      </Group>
      <DocumentEditor
        value={content}
        onChange={setContent}
        readOnly={!editable}
        withMergeFields
        documentId={d.id}
      />
      {isPrescription && (
        <PrescriptionLines
          lines={lines}
          onChange={setLines}
          readOnly={!editable}
          bizone={d.kind === 'prescription_ald'}
        />
      )}
      {d.kind === 'certificate' && (
        <CertificatePanel value={certificate} onChange={setCertificate} readOnly={!editable} />
      )}
      {d.kind === 'liaison_letter' && (
        <LiaisonPanel value={liaison} onChange={setLiaison} readOnly={!editable} />
      )}
      {editable && (
        <NumberInput
          label={t('weight')}
          value={weight}
          onChange={(v) => setWeight(v === '' ? '' : Number(v))}
          maw={200}
          decimalScale={1}
        />
      )}
      <Paper withBorder p="sm" data-testid="mentions-panel">
        <Text fw={500}>{t('mentions')}</Text>
        {d.missingMentions.length === 0 ? (
          <Text size="sm" c="green">
            {t('mentionsOk')}
          </Text>
        ) : (
          <>
            <Text size="sm">{t('mentionsMissing')}</Text>
            <List size="sm">
              {d.missingMentions.map((m) => (
                <List.Item key={`${m.code}-${m.itemIndex ?? ''}-${m.section ?? ''}`}>
                  {m.labels[language]}
                </List.Item>
              ))}
            </List>
          </>
        )}
      </Paper>
      {form.generalError && <Alert color="red">{form.generalError}</Alert>}
      <Group>
        {editable && (
          <Button onClick={() => run('edit')} loading={form.busy}>
            {t('actions.edit')}
          </Button>
        )}
        {d.allowedActions
          .filter((a) => a !== 'edit' && a !== 'send')
          .filter((a) => a !== 'validate' || can('documents.validate'))
          .map((a) => (
            <Button key={a} variant="light" onClick={() => run(a)} loading={form.busy}>
              {t(`actions.${a}`)}
            </Button>
          ))}
        {d.allowedActions.includes('send') && can('documents.write') && (
          <Button variant="filled" color="blue" onClick={() => setSending(true)}>
            {t('actions.send')}
          </Button>
        )}
        {['validated', 'sent', 'filed'].includes(d.current.status) &&
          !d.current.supersededBy &&
          can('documents.write') && (
            <Button variant="subtle" onClick={revise}>
              {t('actions.revise')}
            </Button>
          )}
      </Group>
      {(sendings.data?.length ?? 0) > 0 && (
        <Paper withBorder p="sm">
          <Text fw={500}>{t('sendings')}</Text>
          <Table data-testid="sendings">
            <Table.Tbody>
              {sendings.data?.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>{t(`channels.${s.channel}`)}</Table.Td>
                  <Table.Td>
                    {s.recipientName} {s.recipientAddress ? `<${s.recipientAddress}>` : ''}
                  </Table.Td>
                  <Table.Td>
                    {s.outboxStatus && (
                      <Badge
                        color={
                          s.outboxStatus === 'sent' ? 'green' : s.outboxStatus === 'failed' ? 'red' : 'yellow'
                        }
                      >
                        {t(`outbox.${s.outboxStatus}`)}
                      </Badge>
                    )}{' '}
                    {s.attempts ? t('attempts', { n: s.attempts }) : ''}
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" c="red">
                      {s.lastError}
                    </Text>
                    {s.outboxId && s.outboxStatus !== 'sent' && (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        onClick={async () => {
                          await post(`/api/outbox/${s.outboxId}/retry`);
                          await sendings.refetch();
                        }}
                      >
                        {t('retry')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      <Paper withBorder p="sm">
        <Text fw={500}>{t('versions')}</Text>
        <List size="sm">
          {d.versions.map((v) => (
            <List.Item key={v.id}>
              {t('version', { n: v.number })} — {t(`statuses.${v.status}`)}
              {v.supersededBy ? ` (${t('superseded')})` : ''}
            </List.Item>
          ))}
        </List>
      </Paper>
      <SendDialog
        documentId={d.id}
        version={d.current.version}
        opened={sending}
        onClose={() => setSending(false)}
        onSent={async () => {
          setSending(false);
          notifications.show({ color: 'green', message: t('sentOk') });
          await refresh();
        }}
      />
    </Stack>
  );
}

function TemplatesPage() {
  const { t } = useTranslation('documents');
  const kindLabel = useKindLabel();
  const { can } = useSession();
  const client = useQueryClient();
  const form = useApiForm();
  const templates = useQuery({
    queryKey: ['document-templates'],
    queryFn: () => get<TemplateView[]>('/api/document-templates'),
  });
  const [editing, setEditing] = useState<TemplateView | 'new' | null>(null);
  const [name, setName] = useState('');
  const [kind, setKind] = useState('prescription');
  const [language, setLanguage] = useState<'fr' | 'en'>('fr');
  const [content, setContent] = useState<RichTextDoc>(emptyDoc);
  const [shortcut, setShortcut] = useState('');
  const [snippetText, setSnippetText] = useState('');
  const snippetForm = useApiForm();

  const open = (template: TemplateView | 'new') => {
    setEditing(template);
    form.setError(null);
    if (template === 'new') {
      setName('');
      setContent(emptyDoc);
    } else {
      setName(template.name);
      setKind(template.kind);
      setLanguage(template.language);
      setContent(template.content);
    }
  };
  const save = async () => {
    const body = { name, kind, language, practitionerId: null, content };
    const done = await form.submit(() =>
      editing === 'new' || editing === null
        ? post('/api/document-templates', body)
        : put(`/api/document-templates/${editing.id}`, { ...body, version: editing.version }),
    );
    if (done) {
      setEditing(null);
      notifications.show({ color: 'green', message: t('saved') });
      await client.invalidateQueries({ queryKey: ['document-templates'] });
    }
  };
  const addSnippet = async () => {
    const done = await snippetForm.submit(() => post('/api/snippets', { shortcut, text: snippetText }));
    if (done) {
      setShortcut('');
      setSnippetText('');
      await client.invalidateQueries({ queryKey: ['snippets'] });
    }
  };

  if (editing)
    return (
      <Stack>
        <Group grow>
          <TextInput
            label={t('name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={form.fieldError('name')}
          />
          <Select
            label={t('kind')}
            value={kind}
            onChange={(v) => setKind(v ?? 'prescription')}
            data={documentKinds.map((k) => ({ value: k, label: kindLabel(k) }))}
          />
          <Select
            label={t('language')}
            value={language}
            onChange={(v) => setLanguage(v === 'en' ? 'en' : 'fr')}
            data={[
              { value: 'fr', label: 'Français' },
              { value: 'en', label: 'English' },
            ]}
          />
        </Group>
        <DocumentEditor value={content} onChange={setContent} withMergeFields />
        {form.generalError && <Alert color="red">{form.generalError}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setEditing(null)}>
            {t('cancel')}
          </Button>
          <Button onClick={save} loading={form.busy}>
            {t('save')}
          </Button>
        </Group>
      </Stack>
    );

  return (
    <Stack>
      <Group justify="flex-end">
        {can('documents.write') && <Button onClick={() => open('new')}>{t('newTemplate')}</Button>}
      </Group>
      {templates.data?.length === 0 && <Text c="dimmed">{t('noTemplates')}</Text>}
      <Table striped highlightOnHover>
        <Table.Tbody>
          {templates.data?.map((x) => (
            <Table.Tr key={x.id} style={{ cursor: 'pointer' }} onClick={() => open(x)}>
              <Table.Td>{x.name}</Table.Td>
              <Table.Td>{kindLabel(x.kind)}</Table.Td>
              <Table.Td>{x.language.toUpperCase()}</Table.Td>
              <Table.Td>
                <Text size="xs" c="dimmed">
                  {x.mergeFields.join(', ')}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {can('documents.write') && (
        <Paper withBorder p="sm">
          <Text fw={500}>{t('snippets')}</Text>
          <Group align="flex-end">
            <TextInput
              label={t('shortcut')}
              value={shortcut}
              onChange={(e) => setShortcut(e.currentTarget.value)}
              error={snippetForm.fieldError('shortcut')}
              w={140}
            />
            <TextInput
              label={t('snippetText')}
              value={snippetText}
              onChange={(e) => setSnippetText(e.currentTarget.value)}
              flex={1}
            />
            <Button onClick={addSnippet} loading={snippetForm.busy}>
              {t('addSnippet')}
            </Button>
          </Group>
          {snippetForm.generalError && !snippetForm.error?.field && (
            <Alert color="red">{snippetForm.generalError}</Alert>
          )}
        </Paper>
      )}
    </Stack>
  );
}

interface LetterheadSettings {
  letterhead: string;
  signature: string;
  defaults: { letterhead: string[]; signature: string[] };
}

/** Each practitioner's letterhead and signature block, printed on their documents. */
function LetterheadsPage() {
  const { t } = useTranslation('documents');
  const { can } = useSession();
  const form = useApiForm();
  const signers = useQuery({
    queryKey: ['documents', 'signers'],
    queryFn: () => get<Signer[]>('/api/documents/signers'),
  });
  const [practitionerId, setPractitionerId] = useState<string | null>(null);
  const settings = useQuery({
    queryKey: ['letterhead', practitionerId],
    queryFn: () => get<LetterheadSettings>(`/api/practitioners/${practitionerId}/letterhead`),
    enabled: practitionerId !== null,
  });
  const [letterhead, setLetterhead] = useState('');
  const [signature, setSignature] = useState('');
  useEffect(() => {
    setLetterhead(settings.data?.letterhead ?? '');
    setSignature(settings.data?.signature ?? '');
  }, [settings.data]);
  const save = async () => {
    const done = await form.submit(() =>
      put(`/api/practitioners/${practitionerId}/letterhead`, { letterhead, signature }),
    );
    if (done) {
      notifications.show({ color: 'green', message: t('saved') });
      await settings.refetch();
    }
  };
  return (
    <Stack maw={720}>
      <Text size="sm" c="dimmed">
        {t('letterheadHint')}
      </Text>
      <Select
        label={t('practitioner')}
        value={practitionerId}
        onChange={setPractitionerId}
        data={(signers.data ?? []).map((s) => ({
          value: s.id,
          label: `${s.displayName}${s.specialty ? ` — ${s.specialty}` : ''}`,
        }))}
        data-testid="letterhead-practitioner"
      />
      {settings.data && (
        <>
          <Textarea
            label={t('letterhead')}
            description={t('letterheadDefault')}
            placeholder={settings.data.defaults.letterhead.join('\n')}
            autosize
            minRows={4}
            value={letterhead}
            onChange={(e) => setLetterhead(e.currentTarget.value)}
            readOnly={!can('documents.write')}
          />
          <Textarea
            label={t('signatureBlock')}
            description={t('letterheadDefault')}
            placeholder={settings.data.defaults.signature.join('\n')}
            autosize
            minRows={2}
            value={signature}
            onChange={(e) => setSignature(e.currentTarget.value)}
            readOnly={!can('documents.write')}
          />
          {form.generalError && <Alert color="red">{form.generalError}</Alert>}
          {can('documents.write') && (
            <Group justify="flex-end">
              <Button onClick={save} loading={form.busy}>
                {t('save')}
              </Button>
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}

function DocumentsHome() {
  const { t } = useTranslation('documents');
  return (
    <Tabs defaultValue="documents" keepMounted={false}>
      <Tabs.List mb="md">
        <Tabs.Tab value="documents">{t('documents')}</Tabs.Tab>
        <Tabs.Tab value="templates">{t('templates')}</Tabs.Tab>
        <Tabs.Tab value="letterheads">{t('letterheads')}</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="documents">
        <DocumentsList />
      </Tabs.Panel>
      <Tabs.Panel value="templates">
        <TemplatesPage />
      </Tabs.Panel>
      <Tabs.Panel value="letterheads">
        <LetterheadsPage />
      </Tabs.Panel>
    </Tabs>
  );
}

/** The Documents area: documents and their workflow, templates and snippets. */
export function DocumentsArea() {
  return (
    <Routes>
      <Route index element={<DocumentsHome />} />
      <Route path="nouveau" element={<NewDocument />} />
      <Route path=":id" element={<DocumentPage />} />
    </Routes>
  );
}
