import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Chip,
  CloseButton,
  Grid,
  Group,
  MultiSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  type colleagueView,
  emergencyServices,
  incidentKinds,
  type incidentProcedureView,
  type incidentView,
} from '@pivot/core/reception';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { get, post, put } from '../app/api.ts';
import { useApiForm } from '../app/use-api-form.ts';
import type { PatientRecord } from '../patients/index.ts';
import { PatientPicker } from '../patients/index.ts';
import { FormError, patientLabel, useLanguage } from './OrientationPage.tsx';

type IncidentKind = (typeof incidentKinds)[number];
const services = emergencyServices;
type EmergencyService = (typeof services)[number];

// The answers' types, from core's response schemas (what the server serializes with).
type Procedure = z.input<typeof incidentProcedureView>;
type Incident = z.input<typeof incidentView>;
type Colleague = z.input<typeof colleagueView>;

type Draft = Omit<
  Incident,
  'id' | 'missingSteps' | 'status' | 'recordedBy' | 'recordedByName' | 'closedAt' | 'version'
>;

const emergencyNumbers = [
  { number: '15', key: 'samu', color: 'red' },
  { number: '17', key: 'police', color: 'blue' },
  { number: '18', key: 'fire', color: 'orange' },
  { number: '112', key: 'european', color: 'grape' },
] as const;

/** "2026-11-29T14:05" in the browser's time, as a datetime-local input holds it. */
function localInput(iso: string) {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function when(iso: string, language: 'fr' | 'en') {
  return new Date(iso).toLocaleString(language === 'en' ? 'en-GB' : 'fr-FR', {
    dateStyle: 'short',
    timeStyle: 'short',
  });
}

function useProcedures() {
  const language = useLanguage();
  return useQuery({
    queryKey: ['reception', 'incident-procedures', language],
    queryFn: () => get<Procedure[]>(`/api/reception/incident-procedures?language=${language}`),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Incidents: the procedure at the moment of need, then the record, and the register. */
export function IncidentsPage() {
  const { t } = useTranslation('reception');
  const [declaring, setDeclaring] = useState(false);
  const [current, setCurrent] = useState<Incident | null>(null);
  const open = declaring || current !== null;
  return (
    <Stack>
      <EmergencyNumbers />
      {!open && (
        <Button
          size="xl"
          color="red"
          onClick={() => setDeclaring(true)}
          data-testid="incident-declare"
          style={{ alignSelf: 'flex-start' }}
        >
          {t('incidents.declare')}
        </Button>
      )}
      {open && (
        <IncidentForm
          key={current?.id ?? 'new'}
          incident={current}
          onSaved={(incident) => {
            setDeclaring(false);
            setCurrent(incident.status === 'open' ? incident : null);
          }}
          onClose={() => {
            setDeclaring(false);
            setCurrent(null);
          }}
        />
      )}
      <Register
        onOpen={(incident) => {
          setDeclaring(false);
          setCurrent(incident);
          window.scrollTo({ top: 0, behavior: 'smooth' });
        }}
      />
    </Stack>
  );
}

function EmergencyNumbers() {
  const { t } = useTranslation('reception');
  return (
    <Paper withBorder p="sm" bg="red.0" data-testid="emergency-numbers">
      <Group gap="lg">
        <Text fw={700}>{t('incidents.emergencyNumbers')}</Text>
        {emergencyNumbers.map((n) => (
          <Anchor key={n.number} href={`tel:${n.number}`} underline="never">
            <Group gap={6} wrap="nowrap">
              <Badge size="xl" color={n.color} radius="sm">
                {n.number}
              </Badge>
              <Text size="sm" fw={500} c="dark">
                {t(`incidents.numbers.${n.key}`)}
              </Text>
            </Group>
          </Anchor>
        ))}
      </Group>
    </Paper>
  );
}

function draftOf(incident: Incident | null, kind: IncidentKind | null): Draft | null {
  if (incident) {
    const {
      id: _i,
      missingSteps: _m,
      status: _s,
      recordedBy: _b,
      recordedByName: _r,
      closedAt: _c,
      version: _v,
      ...draft
    } = incident;
    return draft;
  }
  if (!kind) return null;
  return {
    kind,
    occurredAt: new Date().toISOString(),
    location: '',
    description: '',
    staffIds: [],
    patientIds: [],
    otherPeople: '',
    injuries: false,
    emergencyServicesCalled: [],
    completedStepIds: [],
    declaredToOnvs: false,
    complaintFiled: false,
    followUp: '',
  };
}

function IncidentForm({
  incident,
  onSaved,
  onClose,
}: {
  incident: Incident | null;
  onSaved: (incident: Incident) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('reception');
  const client = useQueryClient();
  const procedures = useProcedures();
  const form = useApiForm();
  const colleagues = useQuery({
    queryKey: ['reception', 'colleagues'],
    queryFn: () => get<Colleague[]>('/api/reception/colleagues'),
  });
  const [draft, setDraft] = useState<Draft | null>(draftOf(incident, null));
  const [patientNames, setPatientNames] = useState<Record<string, string>>({});
  const [missing, setMissing] = useState<string[]>([]);
  const language = useLanguage();
  const readOnly = incident?.status === 'closed';
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((d) => (d ? { ...d, [key]: value } : d));

  if (!draft) {
    return (
      <Paper withBorder p="md" data-testid="incident-kind-picker">
        <Stack>
          <Group justify="space-between">
            <Title order={3}>{t('incidents.whatHappens')}</Title>
            <CloseButton onClick={onClose} aria-label={t('incidents.cancel')} />
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }}>
            {incidentKinds.map((kind) => (
              <Button
                key={kind}
                size="lg"
                variant="light"
                color={kind === 'medical_emergency' || kind === 'aggression' ? 'red' : 'orange'}
                onClick={() => setDraft(draftOf(null, kind))}
                data-testid={`incident-kind-${kind}`}
                styles={{ label: { whiteSpace: 'normal', textAlign: 'center' } }}
                h="auto"
                py="md"
              >
                {t(`incidents.kinds.${kind}`)}
              </Button>
            ))}
          </SimpleGrid>
        </Stack>
      </Paper>
    );
  }

  const procedure = procedures.data?.find((p) => p.kind === draft.kind);
  const toggleStep = (id: string, checked: boolean) => {
    set(
      'completedStepIds',
      checked ? [...draft.completedStepIds, id] : draft.completedStepIds.filter((s) => s !== id),
    );
    setMissing((m) => m.filter((s) => s !== id));
  };
  const save = async (close: boolean) => {
    const { kind, ...rest } = draft;
    const body = { kind, ...rest, occurredAt: new Date(draft.occurredAt).toISOString() };
    const saved = await form.submit(() =>
      incident
        ? put<Incident>(`/api/reception/incidents/${incident.id}`, {
            ...body,
            version: incident.version,
            close,
          })
        : post<Incident>('/api/reception/incidents', body),
    );
    if (!saved) return;
    setMissing([]);
    notifications.show({
      color: 'green',
      message: close ? t('incidents.closed') : incident ? t('incidents.updated') : t('incidents.recorded'),
    });
    await client.invalidateQueries({ queryKey: ['reception', 'incidents'] });
    onSaved(saved);
  };
  const tryClose = async () => {
    const mandatory =
      procedure?.steps.filter((s) => s.mandatory && !draft.completedStepIds.includes(s.id)) ?? [];
    setMissing(mandatory.map((s) => s.id));
    await save(true);
  };
  const missingShown = form.error?.code === 'incident_steps_missing';

  return (
    <Paper withBorder p="md" data-testid="incident-form" shadow="sm">
      <Stack>
        <Group justify="space-between">
          <Group>
            <Title order={3}>{t(`incidents.kinds.${draft.kind}`)}</Title>
            {incident && (
              <Badge color={incident.status === 'open' ? 'orange' : 'gray'} data-testid="incident-status">
                {t(`incidents.status.${incident.status}`)}
              </Badge>
            )}
          </Group>
          <CloseButton
            onClick={onClose}
            aria-label={t('incidents.cancel')}
            data-testid="incident-close-form"
          />
        </Group>
        <Grid gutter="lg">
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Paper withBorder p="sm" bg="yellow.0" data-testid="incident-checklist">
              <Title order={4} mb="xs">
                {t('incidents.checklist')}
              </Title>
              <Text size="xs" c="dimmed" mb="sm">
                {t('incidents.checklistHint')}
              </Text>
              <Stack gap="sm">
                {procedure?.steps.map((s) => (
                  <Checkbox
                    key={s.id}
                    checked={draft.completedStepIds.includes(s.id)}
                    onChange={(e) => toggleStep(s.id, e.currentTarget.checked)}
                    disabled={readOnly}
                    error={missingShown && missing.includes(s.id)}
                    data-testid={`incident-step-${s.id}`}
                    label={
                      <Group gap={6} wrap="nowrap" align="flex-start">
                        <Text size="sm" fw={s.mandatory ? 600 : 400}>
                          {s.text}
                        </Text>
                        {s.mandatory && (
                          <Badge size="xs" color="red" variant="light" style={{ flexShrink: 0 }}>
                            {t('incidents.mandatory')}
                          </Badge>
                        )}
                      </Group>
                    }
                  />
                ))}
              </Stack>
            </Paper>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Stack gap="sm">
              <Textarea
                label={t('incidents.description')}
                value={draft.description}
                onChange={(e) => set('description', e.currentTarget.value)}
                autosize
                minRows={3}
                required
                readOnly={readOnly}
                error={form.fieldError('description')}
                data-testid="incident-description"
              />
              <Group grow>
                <TextInput
                  label={t('incidents.location')}
                  placeholder={t('incidents.locationPlaceholder')}
                  value={draft.location}
                  onChange={(e) => set('location', e.currentTarget.value)}
                  readOnly={readOnly}
                  error={form.fieldError('location')}
                  data-testid="incident-location"
                />
                <TextInput
                  type="datetime-local"
                  label={t('incidents.occurredAt')}
                  value={localInput(draft.occurredAt)}
                  onChange={(e) => {
                    const value = e.currentTarget.value;
                    if (value) set('occurredAt', new Date(value).toISOString());
                  }}
                  readOnly={readOnly}
                  error={form.fieldError('occurredAt')}
                  data-testid="incident-occurred-at"
                />
              </Group>
              <MultiSelect
                label={t('incidents.staff')}
                placeholder={t('incidents.staffPlaceholder')}
                searchable
                value={draft.staffIds}
                onChange={(v) => set('staffIds', v)}
                data={(colleagues.data ?? []).map((c) => ({ value: c.id, label: c.displayName }))}
                readOnly={readOnly}
                error={form.fieldError('staffIds')}
                data-testid="incident-staff"
              />
              <Stack gap={4}>
                <Text size="sm" fw={500}>
                  {t('incidents.patients')}
                </Text>
                {draft.patientIds.map((id) => (
                  <Group key={id} gap="xs">
                    <PatientName id={id} known={patientNames[id]} />
                    {!readOnly && (
                      <CloseButton
                        size="sm"
                        onClick={() =>
                          set(
                            'patientIds',
                            draft.patientIds.filter((p) => p !== id),
                          )
                        }
                      />
                    )}
                  </Group>
                ))}
                {!readOnly && (
                  <PatientPicker
                    value={null}
                    label=""
                    placeholder={t('orientation.patientSearch')}
                    nothingFound={t('orientation.noPatient')}
                    optionLabel={patientLabel}
                    clearable
                    testId="incident-patient-picker"
                    onChange={(_id, p) => {
                      if (!p || draft.patientIds.includes(p.id)) return;
                      setPatientNames((n) => ({ ...n, [p.id]: patientLabel(p) }));
                      set('patientIds', [...draft.patientIds, p.id]);
                    }}
                  />
                )}
                {form.fieldError('patientIds') && (
                  <Text c="red" size="xs">
                    {form.fieldError('patientIds')}
                  </Text>
                )}
              </Stack>
              <TextInput
                label={t('incidents.otherPeople')}
                placeholder={t('incidents.otherPeoplePlaceholder')}
                value={draft.otherPeople}
                onChange={(e) => set('otherPeople', e.currentTarget.value)}
                readOnly={readOnly}
                error={form.fieldError('otherPeople')}
              />
              <Stack gap={4}>
                <Text size="sm" fw={500}>
                  {t('incidents.servicesCalled')}
                </Text>
                <Chip.Group
                  multiple
                  value={draft.emergencyServicesCalled}
                  onChange={(v) => !readOnly && set('emergencyServicesCalled', v as EmergencyService[])}
                >
                  <Group gap="xs">
                    {services.map((s) => (
                      <Chip key={s} value={s} color="red" data-testid={`incident-service-${s}`}>
                        {t(`incidents.services.${s}`)}
                      </Chip>
                    ))}
                  </Group>
                </Chip.Group>
              </Stack>
              <Group>
                <Checkbox
                  label={t('incidents.injuries')}
                  checked={draft.injuries}
                  onChange={(e) => set('injuries', e.currentTarget.checked)}
                  disabled={readOnly}
                />
                <Checkbox
                  label={t('incidents.onvs')}
                  checked={draft.declaredToOnvs}
                  onChange={(e) => set('declaredToOnvs', e.currentTarget.checked)}
                  disabled={readOnly}
                  data-testid="incident-onvs"
                />
                <Checkbox
                  label={t('incidents.complaint')}
                  checked={draft.complaintFiled}
                  onChange={(e) => set('complaintFiled', e.currentTarget.checked)}
                  disabled={readOnly}
                />
              </Group>
              {(draft.kind === 'aggression' || draft.kind === 'conflict') && (
                <Text size="xs" c="dimmed">
                  {t('incidents.onvsHint')}{' '}
                  <Anchor
                    href="https://signalement.social-sante.gouv.fr"
                    target="_blank"
                    rel="noopener"
                    size="xs"
                  >
                    signalement.social-sante.gouv.fr
                  </Anchor>
                </Text>
              )}
              <Textarea
                label={t('incidents.followUp')}
                value={draft.followUp}
                onChange={(e) => set('followUp', e.currentTarget.value)}
                autosize
                minRows={2}
                readOnly={readOnly}
                error={form.fieldError('followUp')}
                data-testid="incident-follow-up"
              />
            </Stack>
          </Grid.Col>
        </Grid>
        {missingShown && (
          <Alert color="red" title={t('incidents.cannotClose')} data-testid="incident-missing-steps">
            <Stack gap={2}>
              {(procedure?.steps ?? [])
                .filter((s) => missing.includes(s.id))
                .map((s) => (
                  <Text key={s.id} size="sm">
                    • {s.text}
                  </Text>
                ))}
            </Stack>
          </Alert>
        )}
        {!missingShown && (
          <FormError
            form={form}
            shown={[
              'description',
              'location',
              'occurredAt',
              'staffIds',
              'patientIds',
              'otherPeople',
              'followUp',
              'version',
            ]}
          />
        )}
        {form.error?.code === 'stale_version' && <Alert color="orange">{t('incidents.stale')}</Alert>}
        {!readOnly && (
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('incidents.cancel')}
            </Button>
            <Button onClick={() => save(false)} loading={form.busy} data-testid="incident-save">
              {incident ? t('incidents.save') : t('incidents.saveOpen')}
            </Button>
            {incident && (
              <Button color="green" onClick={tryClose} loading={form.busy} data-testid="incident-close">
                {t('incidents.close')}
              </Button>
            )}
          </Group>
        )}
        {readOnly && incident?.closedAt && (
          <Text size="sm" c="dimmed">
            {t('incidents.closedOn', { date: when(incident.closedAt, language) })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function PatientName({ id, known }: { id: string; known: string | undefined }) {
  const patient = useQuery({
    queryKey: ['patients', id],
    queryFn: () => get<PatientRecord>(`/api/patients/${id}`),
    enabled: !known,
  });
  return (
    <Badge variant="light" size="lg" tt="none" data-testid="incident-patient">
      {known ??
        (patient.data ? patientLabel({ ...patient.data, usedName: patient.data.usedName ?? '' }) : '…')}
    </Badge>
  );
}

function Register({ onOpen }: { onOpen: (incident: Incident) => void }) {
  const { t } = useTranslation('reception');
  const language = useLanguage();
  const incidents = useQuery({
    queryKey: ['reception', 'incidents'],
    queryFn: () => get<Incident[]>('/api/reception/incidents'),
  });
  const rows = [...(incidents.data ?? [])].sort(
    (a, b) =>
      (a.status === 'open' ? 0 : 1) - (b.status === 'open' ? 0 : 1) ||
      b.occurredAt.localeCompare(a.occurredAt),
  );
  return (
    <Stack mt="md">
      <Title order={3}>{t('incidents.register')}</Title>
      {incidents.data?.length === 0 && <Text c="dimmed">{t('incidents.empty')}</Text>}
      {rows.length > 0 && (
        <Table striped highlightOnHover data-testid="incident-register">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('incidents.statusHeader')}</Table.Th>
              <Table.Th>{t('incidents.occurredAt')}</Table.Th>
              <Table.Th>{t('incidents.kind')}</Table.Th>
              <Table.Th>{t('incidents.location')}</Table.Th>
              <Table.Th>{t('incidents.description')}</Table.Th>
              <Table.Th>{t('incidents.recordedBy')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.id} data-testid="incident-row">
                <Table.Td>
                  <Badge color={r.status === 'open' ? 'orange' : 'gray'}>
                    {t(`incidents.status.${r.status}`)}
                  </Badge>
                  {r.status === 'open' && r.missingSteps.length > 0 && (
                    <Text size="xs" c="red">
                      {t('incidents.stepsLeft', { count: r.missingSteps.length })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{when(r.occurredAt, language)}</Table.Td>
                <Table.Td>{t(`incidents.kinds.${r.kind}`)}</Table.Td>
                <Table.Td>{r.location}</Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={2}>
                    {r.description}
                  </Text>
                </Table.Td>
                <Table.Td>{r.recordedByName}</Table.Td>
                <Table.Td>
                  <Button size="xs" variant="subtle" onClick={() => onOpen(r)} data-testid="incident-open">
                    {r.status === 'open' ? t('incidents.complete') : t('incidents.view')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
