import {
  Alert,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  Radio,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import type {
  callLogDayView,
  loggedCallView,
  triageEvaluationView,
  triageProtocolView,
} from '@pivot/core/reception';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { get, post } from '../app/api.ts';
import { useApiForm } from '../app/use-api-form.ts';
import { PatientPicker } from '../patients/index.ts';
import { type MessageDraft, MessageFields } from './MessageFields.tsx';
import { timeOf, type Urgency, urgencies, urgencyColour } from './model.ts';

const reasons = ['appointment', 'result', 'information', 'urgent', 'administrative', 'other'] as const;
const outcomes = ['appointment_booked', 'message_taken', 'transferred', 'oriented'] as const;

// The answers' types, from core's response schemas (what the server serializes with).
type Protocol = z.input<typeof triageProtocolView>;
type TriageResult = z.input<typeof triageEvaluationView>;
type CallLogDay = z.input<typeof callLogDayView>;
type LoggedCall = z.input<typeof loggedCallView>;

/** The call log: one form for a call in or out, with the triage aid and the message taken. */
export function CallsPage() {
  const { t, i18n } = useTranslation('reception');
  const client = useQueryClient();
  const calls = useQuery({
    queryKey: ['reception', 'calls'],
    queryFn: () => get<CallLogDay>('/api/reception/calls'),
  });
  const [formKey, setFormKey] = useState(0);
  return (
    <Grid>
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <CallForm
          key={formKey}
          onLogged={async () => {
            setFormKey((k) => k + 1);
            await client.invalidateQueries({ queryKey: ['reception'] });
          }}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <Card withBorder>
          <Group justify="space-between" mb="xs">
            <Title order={3} size="h5">
              {t('calls.today')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('calls.summary', {
                total: calls.data?.summary.total ?? 0,
                urgent: calls.data?.summary.urgentOrVital ?? 0,
              })}
            </Text>
          </Group>
          <Table data-testid="call-log">
            <Table.Tbody>
              {(calls.data?.calls ?? []).map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{timeOf(c.at, i18n.language)}</Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {c.direction === 'in' ? '↙' : '↗'} {c.caller.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t(`calls.reason.${c.reasonCategory}`)} · {t(`calls.outcome.${c.outcome}`)}
                      {c.transferredTo ? ` (${c.transferredTo})` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge size="sm" color={urgencyColour[c.urgency]} variant="light">
                      {t(`urgency.${c.urgency}`)}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      </Grid.Col>
    </Grid>
  );
}

function CorrespondentPicker({
  value,
  onChange,
  error,
}: {
  value: string | null;
  onChange: (id: string | null) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation('reception');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const results = useQuery({
    queryKey: ['directory', 'correspondents', debounced],
    queryFn: () =>
      get<{ id: string; displayName: string }[]>(
        `/api/directory/correspondents?q=${encodeURIComponent(debounced)}&limit=20`,
      ),
    enabled: debounced.length > 1,
  });
  return (
    <Select
      label={t('calls.correspondent')}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      data={(results.data ?? []).map((c) => ({ value: c.id, label: c.displayName }))}
      value={value}
      onChange={onChange}
      error={error}
      data-testid="call-correspondent"
    />
  );
}

function CallForm({ onLogged }: { onLogged: () => Promise<void> }) {
  const { t, i18n } = useTranslation('reception');
  const language = i18n.language === 'en' ? 'en' : 'fr';
  const form = useApiForm();
  const protocols = useQuery({
    queryKey: ['reception', 'triage-protocols'],
    queryFn: () => get<Protocol[]>('/api/reception/triage-protocols'),
  });
  const [direction, setDirection] = useState<'in' | 'out'>('in');
  const [callerKind, setCallerKind] = useState<'patient' | 'correspondent' | 'free_text'>('patient');
  const [patientId, setPatientId] = useState<string | null>(null);
  const [correspondentId, setCorrespondentId] = useState<string | null>(null);
  const [callerName, setCallerName] = useState('');
  const [callerPhone, setCallerPhone] = useState('');
  const [reason, setReason] = useState<string>('appointment');
  const [urgency, setUrgency] = useState<Urgency>('routine');
  const [outcome, setOutcome] = useState<string>('appointment_booked');
  const [transferredTo, setTransferredTo] = useState('');
  const [note, setNote] = useState('');
  const [protocolId, setProtocolId] = useState<string | null>(null);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [result, setResult] = useState<TriageResult | null>(null);
  const [message, setMessage] = useState<MessageDraft>({
    recipientId: null,
    callbackNumber: '',
    content: '',
  });
  const protocol = protocols.data?.find((p) => p.id === protocolId) ?? null;

  useEffect(() => {
    if (!protocolId) {
      setResult(null);
      return;
    }
    let cancelled = false;
    post<TriageResult>('/api/reception/triage/evaluate', { protocolId, answers })
      .then((r) => !cancelled && setResult(r))
      .catch(() => !cancelled && setResult(null));
    return () => {
      cancelled = true;
    };
  }, [protocolId, answers]);

  const caller =
    callerKind === 'patient'
      ? { kind: 'patient', patientId }
      : callerKind === 'correspondent'
        ? { kind: 'correspondent', correspondentId }
        : { kind: 'free_text', name: callerName, phone: callerPhone.trim() || null };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const logged = await form.submit(() =>
      post<LoggedCall>('/api/reception/calls', {
        direction,
        at: new Date().toISOString(),
        caller,
        reasonCategory: reason,
        urgency,
        outcome,
        transferredTo: outcome === 'transferred' ? transferredTo : null,
        note,
        triage: protocolId ? { protocolId, answers } : null,
        message:
          outcome === 'message_taken'
            ? {
                recipientId: message.recipientId ?? '',
                callbackNumber: message.callbackNumber.trim() || null,
                content: message.content,
                urgency,
              }
            : null,
      }),
    );
    if (logged) {
      notifications.show({ color: 'green', message: t('calls.logged') });
      await onLogged();
    }
  };

  return (
    <Card withBorder component="form" onSubmit={submit} noValidate data-testid="call-form">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h5">
            {t('calls.new')}
          </Title>
          <SegmentedControl
            size="xs"
            value={direction}
            onChange={(v) => setDirection(v as 'in' | 'out')}
            data={[
              { value: 'in', label: t('calls.in') },
              { value: 'out', label: t('calls.out') },
            ]}
          />
        </Group>
        {form.error && (
          <Alert color="red" data-testid="call-error">
            {form.error.message}
          </Alert>
        )}
        <SegmentedControl
          value={callerKind}
          onChange={(v) => setCallerKind(v as typeof callerKind)}
          data={[
            { value: 'patient', label: t('calls.callerPatient') },
            { value: 'correspondent', label: t('calls.callerCorrespondent') },
            { value: 'free_text', label: t('calls.callerOther') },
          ]}
          data-testid="caller-kind"
        />
        {callerKind === 'patient' && (
          <PatientPicker
            label={t('desk.patient')}
            placeholder={t('desk.patientHint')}
            value={patientId}
            onChange={setPatientId}
            error={form.fieldError('caller') ?? form.fieldError('caller.patientId')}
            testId="call-patient"
          />
        )}
        {callerKind === 'correspondent' && (
          <CorrespondentPicker
            value={correspondentId}
            onChange={setCorrespondentId}
            error={form.fieldError('caller')}
          />
        )}
        {callerKind === 'free_text' && (
          <Group grow>
            <TextInput
              label={t('calls.callerName')}
              value={callerName}
              onChange={(e) => setCallerName(e.currentTarget.value)}
              error={form.fieldError('caller.name')}
              data-testid="caller-name"
            />
            <TextInput
              label={t('calls.callerPhone')}
              value={callerPhone}
              onChange={(e) => setCallerPhone(e.currentTarget.value)}
              error={form.fieldError('caller.phone')}
              data-testid="caller-phone"
            />
          </Group>
        )}
        <Group grow>
          <Select
            label={t('calls.reasonLabel')}
            data={reasons.map((r) => ({ value: r, label: t(`calls.reason.${r}`) }))}
            value={reason}
            onChange={(v) => setReason(v ?? 'other')}
            data-testid="call-reason"
          />
          <Select
            label={t('desk.urgency')}
            data={urgencies.map((u) => ({ value: u, label: t(`urgency.${u}`) }))}
            value={urgency}
            onChange={(v) => setUrgency((v as Urgency) ?? 'routine')}
            data-testid="call-urgency"
          />
        </Group>
        <Card withBorder bg="gray.0" padding="sm">
          <Stack gap="xs">
            <Select
              label={t('calls.triage')}
              placeholder={t('calls.triageHint')}
              clearable
              data={(protocols.data ?? []).map((p) => ({ value: p.id, label: p.title[language] }))}
              value={protocolId}
              onChange={(v) => {
                setProtocolId(v);
                setAnswers({});
              }}
              data-testid="triage-protocol"
            />
            {protocol?.questions.map((q) => (
              <Radio.Group
                key={q.id}
                label={q.text[language]}
                value={answers[q.id] ?? null}
                onChange={(v) => setAnswers((a) => ({ ...a, [q.id]: v }))}
                data-testid={`triage-question-${q.id}`}
              >
                <Group gap="sm" mt={4}>
                  {q.options.map((o) => (
                    <Radio
                      key={o.id}
                      value={o.id}
                      label={o.label[language]}
                      data-testid={`triage-${q.id}-${o.id}`}
                    />
                  ))}
                </Group>
              </Radio.Group>
            ))}
            {result && (
              <Alert
                color={urgencyColour[result.level]}
                title={`${t(`urgency.${result.level}`)} — ${t(`calls.path.${result.path}`)}`}
                data-testid="triage-result"
              >
                <Stack gap={4}>
                  {result.advice && <Text size="sm">{result.advice[language]}</Text>}
                  <Text size="xs" fs="italic">
                    {result.disclaimer[language]}
                  </Text>
                  {result.level !== urgency && (
                    <Button
                      size="compact-xs"
                      variant="white"
                      onClick={() => setUrgency(result.level)}
                      w="fit-content"
                    >
                      {t('calls.applyLevel')}
                    </Button>
                  )}
                </Stack>
              </Alert>
            )}
          </Stack>
        </Card>
        <Select
          label={t('calls.outcomeLabel')}
          data={outcomes.map((o) => ({ value: o, label: t(`calls.outcome.${o}`) }))}
          value={outcome}
          onChange={(v) => setOutcome(v ?? 'oriented')}
          data-testid="call-outcome"
        />
        {outcome === 'transferred' && (
          <TextInput
            label={t('calls.transferredTo')}
            value={transferredTo}
            onChange={(e) => setTransferredTo(e.currentTarget.value)}
            error={form.fieldError('transferredTo')}
          />
        )}
        {outcome === 'message_taken' && (
          <Card withBorder padding="sm">
            <Stack gap="xs">
              <MessageFields
                value={message}
                onChange={setMessage}
                fieldError={(field) => form.fieldError(`message.${field}`)}
                testIdPrefix="message"
              />
            </Stack>
          </Card>
        )}
        <Textarea label={t('calls.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        <Group justify="flex-end">
          <Button type="submit" loading={form.busy} data-testid="call-save">
            {t('calls.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
