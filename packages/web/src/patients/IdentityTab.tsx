import {
  Alert,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { identityDocumentKinds, isHighTrustDocument } from '@pivot/core/identity';
import { IconRefresh } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ApiError, api, get } from '../app/api.ts';
import { formatDateTime } from '../app/date-format.ts';
import { useSession } from '../app/session.tsx';
import { useApiForm } from '../app/use-api-form.ts';
import { IdentityBadge } from './components.tsx';
import { DuplicatesModal } from './DuplicatesModal.tsx';
import type { DuplicateCandidate, IdentityEventRow, PatientRecord } from './model.ts';
import { bodyFromDraft, clientErrors, draftFromPatient, PatientFormFields } from './PatientFormFields.tsx';

const insiOutcomes = ['match', 'traits_mismatch', 'not_found', 'several_found', 'service_error'] as const;
const guardianKinds = ['passport', 'national_id_card', 'residence_permit'];

export function IdentityTab({ patient }: { patient: PatientRecord }) {
  const { t } = useTranslation('patients');
  const { can } = useSession();
  const writable = can('patients.write') && !patient.mergedInto;
  return (
    <Grid gutter="md">
      <Grid.Col span={{ base: 12, lg: 8 }}>
        <EditForm patient={patient} readOnly={!writable} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 4 }}>
        <Stack gap="sm">
          {writable && <IdentityChecks patient={patient} />}
          <Title order={2} size="h5">
            {t('identity.history')}
          </Title>
          <IdentityHistory patientId={patient.id} version={patient.version} />
        </Stack>
      </Grid.Col>
    </Grid>
  );
}

function EditForm({ patient, readOnly }: { patient: PatientRecord; readOnly: boolean }) {
  const { t } = useTranslation('patients');
  const client = useQueryClient();
  const navigate = useNavigate();
  const form = useApiForm();
  const [draft, setDraft] = useState(() => draftFromPatient(patient));
  const [candidates, setCandidates] = useState<DuplicateCandidate[]>([]);
  const [different, setDifferent] = useState<string[]>([]);
  // A fresh version from the server (after a save or a reload) replaces the draft.
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the version on purpose
  useEffect(() => {
    setDraft(draftFromPatient(patient));
  }, [patient.id, patient.version]);

  const save = async (acknowledged: string[]) => {
    let caught: unknown;
    const result = await form.submit(async () => {
      try {
        return await api<{ version: number; identityStatus: string }>(
          'PATCH',
          `/api/patients/${patient.id}`,
          { ...bodyFromDraft(draft, true), version: patient.version, acknowledgedDuplicates: acknowledged },
        );
      } catch (error) {
        caught = error;
        throw error;
      }
    });
    if (caught instanceof ApiError && caught.code === 'possible_duplicates') {
      setCandidates((caught.details as { candidates?: DuplicateCandidate[] })?.candidates ?? []);
    }
    if (result) {
      setCandidates([]);
      notifications.show({ color: 'green', message: t('identity.saved') });
      if (result.identityStatus !== patient.identity.status)
        notifications.show({ color: 'orange', message: t('identity.backToProvisional') });
      await client.invalidateQueries({ queryKey: ['patients'] });
    }
  };
  const onSubmit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (Object.keys(clientErrors(draft)).length > 0) return;
    await save(different);
  };
  const judgeDifferent = async (id: string) => {
    const next = [...new Set([...different, id])];
    setDifferent(next);
    if (candidates.every((c) => next.includes(c.patient.id))) {
      form.setError(null);
      await save(next);
    }
  };
  const reload = async () => {
    form.setError(null);
    await client.invalidateQueries({ queryKey: ['patients', 'record', patient.id] });
    setDraft(draftFromPatient(patient));
  };
  const stale = form.error?.code === 'stale_version';

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('identity.editTitle')}
          </Title>
          <IdentityBadge status={patient.identity.status} />
        </Group>
        {stale && (
          <Alert color="orange" title={t('identity.staleTitle')} data-testid="stale-version">
            <Group gap="sm">
              <Text size="sm">{t('identity.staleText')}</Text>
              <Button
                size="xs"
                variant="white"
                leftSection={<IconRefresh size={14} />}
                onClick={() => void reload()}
              >
                {t('identity.reload')}
              </Button>
            </Group>
          </Alert>
        )}
        {form.error && !stale && form.error.code !== 'possible_duplicates' && (
          <Alert color="red">{form.error.message}</Alert>
        )}
        {['validated', 'qualified'].includes(patient.identity.status) && (
          <Text size="xs" c="dimmed">
            {t('identity.strictChangeWarning')}
          </Text>
        )}
        <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0 }}>
          <PatientFormFields draft={draft} setDraft={setDraft} fieldError={form.fieldError} />
        </fieldset>
        {!readOnly && (
          <Group>
            <Button type="submit" loading={form.busy}>
              {t('common.save')}
            </Button>
            <Button variant="subtle" onClick={() => setDraft(draftFromPatient(patient))}>
              {t('identity.discard')}
            </Button>
          </Group>
        )}
      </Stack>
      <DuplicatesModal
        candidates={candidates}
        different={different}
        mode="save"
        busy={form.busy}
        onClose={() => {
          setCandidates([]);
          form.setError(null);
        }}
        onDifferent={(id) => void judgeDifferent(id)}
        onSame={(c) => navigate(`/patients/${c.patient.id}/fusion`)}
      />
    </form>
  );
}

function IdentityChecks({ patient }: { patient: PatientRecord }) {
  const { t } = useTranslation('patients');
  const client = useQueryClient();
  const documentForm = useApiForm();
  const insiForm = useApiForm();
  const attributeForm = useApiForm();
  const [documentKind, setDocumentKind] = useState<string | null>(null);
  const [guardianKind, setGuardianKind] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<string>('match');
  const [ins, setIns] = useState({ value: '', kind: 'nir' });
  const needsGuardian = documentKind === 'birth_certificate_extract' || documentKind === 'family_record_book';
  const highTrust =
    documentKind !== null &&
    isHighTrustDocument({
      kind: documentKind as (typeof identityDocumentKinds)[number],
      guardianDocumentKind: (guardianKind as (typeof identityDocumentKinds)[number] | null) ?? null,
    });
  const done = async (result: { identityStatus: string; event: { reason: string } } | undefined) => {
    if (!result) return;
    notifications.show({
      color: 'green',
      message: t('identity.recorded', {
        reason: t(`identityReasons.${result.event.reason}`),
        status: t(`status.${result.identityStatus}`),
      }),
    });
    await client.invalidateQueries({ queryKey: ['patients'] });
  };
  const checkDocument = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!documentKind) return;
    await done(
      await documentForm.submit(() =>
        api<{ identityStatus: string; event: { reason: string } }>(
          'POST',
          `/api/patients/${patient.id}/identity`,
          {
            kind: 'check_document',
            document: {
              kind: documentKind,
              ...(needsGuardian ? { guardianDocumentKind: guardianKind } : {}),
            },
          },
        ),
      ),
    );
  };
  const insiResult = async (event: React.FormEvent) => {
    event.preventDefault();
    await done(
      await insiForm.submit(() =>
        api<{ identityStatus: string; event: { reason: string } }>(
          'POST',
          `/api/patients/${patient.id}/identity`,
          {
            kind: 'insi_result',
            outcome,
            ...(outcome === 'match' ? { ins: { value: ins.value, kind: ins.kind } } : {}),
          },
        ),
      ),
    );
  };
  const setAttribute = async (attribute: 'doubtful' | 'fictitious', value: boolean) => {
    await done(
      await attributeForm.submit(() =>
        api<{ identityStatus: string; event: { reason: string } }>(
          'POST',
          `/api/patients/${patient.id}/identity`,
          {
            kind: 'set_attribute',
            attribute,
            value,
          },
        ),
      ),
    );
  };
  const insiForbidden = patient.identity.doubtful || patient.identity.fictitious;

  return (
    <Stack gap="sm">
      <Card withBorder padding="sm" component="form" onSubmit={checkDocument} noValidate>
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t('identity.documentSeen')}
          </Title>
          {documentForm.error && <Alert color="red">{documentForm.error.message}</Alert>}
          <Select
            label={t('identity.documentKind')}
            size="xs"
            data={identityDocumentKinds.map((k) => ({ value: k, label: t(`documents.${k}`) }))}
            value={documentKind}
            onChange={setDocumentKind}
            error={documentForm.fieldError('document.kind')}
          />
          {needsGuardian && (
            <Select
              label={t('identity.guardianDocument')}
              size="xs"
              data={guardianKinds.map((k) => ({ value: k, label: t(`documents.${k}`) }))}
              value={guardianKind}
              onChange={setGuardianKind}
              clearable
            />
          )}
          {documentKind && (
            <Badge color={highTrust ? 'green' : 'orange'} variant="light" size="sm">
              {highTrust ? t('identity.highTrust') : t('identity.lowTrust')}
            </Badge>
          )}
          <Group>
            <Button type="submit" size="xs" loading={documentForm.busy} disabled={!documentKind}>
              {t('identity.recordDocument')}
            </Button>
          </Group>
        </Stack>
      </Card>
      <Card withBorder padding="sm" component="form" onSubmit={insiResult} noValidate>
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t('identity.insi')}
          </Title>
          {insiForbidden && (
            <Alert color="orange" py={4}>
              {t('identity.insiForbidden')}
            </Alert>
          )}
          {insiForm.error && <Alert color="red">{insiForm.error.message}</Alert>}
          <Select
            label={t('identity.insiOutcome')}
            size="xs"
            data={insiOutcomes.map((o) => ({ value: o, label: t(`insiOutcomes.${o}`) }))}
            value={outcome}
            allowDeselect={false}
            onChange={(v) => setOutcome(v ?? 'match')}
          />
          {outcome === 'match' && (
            <Group gap="xs" grow align="flex-start">
              <TextInput
                label={t('identity.insValue')}
                size="xs"
                value={ins.value}
                onChange={(e) => setIns({ ...ins, value: e.currentTarget.value })}
                error={insiForm.fieldError('ins.value') ?? insiForm.fieldError('ins')}
                autoComplete="off"
              />
              <Select
                label={t('identity.insKind')}
                size="xs"
                data={[
                  { value: 'nir', label: 'NIR' },
                  { value: 'nia', label: 'NIA' },
                ]}
                value={ins.kind}
                allowDeselect={false}
                onChange={(v) => setIns({ ...ins, kind: v ?? 'nir' })}
              />
            </Group>
          )}
          <Group>
            <Button type="submit" size="xs" loading={insiForm.busy} disabled={insiForbidden}>
              {t('identity.recordInsi')}
            </Button>
          </Group>
        </Stack>
      </Card>
      <Card withBorder padding="sm">
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t('identity.attributes')}
          </Title>
          {attributeForm.error && <Alert color="red">{attributeForm.error.message}</Alert>}
          <Switch
            size="sm"
            label={t('identity.doubtful')}
            description={t('identity.doubtfulHint')}
            checked={patient.identity.doubtful}
            disabled={attributeForm.busy}
            onChange={(e) => void setAttribute('doubtful', e.currentTarget.checked)}
          />
          <Switch
            size="sm"
            label={t('identity.fictitious')}
            description={t('identity.fictitiousHint')}
            checked={patient.identity.fictitious}
            disabled={attributeForm.busy}
            onChange={(e) => void setAttribute('fictitious', e.currentTarget.checked)}
          />
        </Stack>
      </Card>
    </Stack>
  );
}

function evidenceText(evidence: IdentityEventRow['evidence'], t: TFunction<'patients'>) {
  let e: Record<string, unknown> = {};
  if (typeof evidence === 'string') {
    try {
      e = JSON.parse(evidence);
    } catch {
      return evidence;
    }
  } else if (evidence) e = evidence;
  const parts: string[] = [];
  if (e.documentKind) parts.push(t(`documents.${e.documentKind}`));
  if (e.guardianDocumentKind) parts.push(`+ ${t(`documents.${e.guardianDocumentKind}`)}`);
  if (typeof e.highTrust === 'boolean')
    parts.push(e.highTrust ? t('identity.highTrust') : t('identity.lowTrust'));
  if (e.insiOutcome) parts.push(`INSi : ${t(`insiOutcomes.${e.insiOutcome}`)}`);
  if (e.insKind) parts.push(String(e.insKind).toUpperCase());
  if (Array.isArray(e.changedFields))
    parts.push(e.changedFields.map((f) => t(`fields.${f}`, { defaultValue: String(f) })).join(', '));
  if (e.attribute) parts.push(t(`identity.${e.attribute}`));
  return parts.join(' · ');
}

function IdentityHistory({ patientId, version }: { patientId: string; version: number }) {
  const { t, i18n } = useTranslation('patients');
  const events = useQuery({
    queryKey: ['patients', 'identity-events', patientId, version],
    queryFn: () => get<IdentityEventRow[]>(`/api/patients/${patientId}/identity-events`),
  });
  if (events.error) return <Alert color="red">{events.error.message}</Alert>;
  if (events.data?.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('identity.noHistory')}
      </Text>
    );
  return (
    <Table withTableBorder striped verticalSpacing={4} fz="xs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('record.when')}</Table.Th>
          <Table.Th>{t('identity.event')}</Table.Th>
          <Table.Th>{t('identity.who')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {events.data?.map((e) => (
          <Table.Tr key={e.id}>
            <Table.Td>{formatDateTime(e.at, i18n.language)}</Table.Td>
            <Table.Td>
              <Text size="xs" fw={600}>
                {t(`identityReasons.${e.reason}`, { defaultValue: e.reason })}
              </Text>
              <Text size="xs">
                {t(`status.${e.status_before}`)} → {t(`status.${e.status_after}`)}
              </Text>
              <Text size="xs" c="dimmed">
                {evidenceText(e.evidence, t)}
              </Text>
            </Table.Td>
            <Table.Td>{e.actor ?? ''}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
