import {
  Alert,
  Anchor,
  Badge,
  Button,
  FileButton,
  Group,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { parisToday } from '@pivot/core/calendar';
import {
  incomingMailKinds,
  type incomingMailRow,
  type mailAssigneeView,
  type mailPatientView,
  type mailTrayView,
  outgoingChannels,
  type outgoingMailRow,
} from '@pivot/core/mail';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { z } from 'zod';
import { get, patch, post, upload } from '../app/api.ts';
import { formatDate } from '../app/date-format.ts';
import { useSession } from '../app/session.tsx';
import { useApiForm } from '../app/use-api-form.ts';
import { PatientPicker } from '../patients/index.ts';

type Party =
  | { kind: 'directory'; correspondentId?: string; displayName: string }
  | { kind: 'free_text'; name: string };

// The answers of the mail routes, typed by core's response schemas.
/** The linked patient as the register shows it (each listing is traced in the patient's access log). */
type MailPatient = z.input<typeof mailPatientView>;
type IncomingMail = z.input<typeof incomingMailRow>;
type OutgoingMail = z.input<typeof outgoingMailRow>;
type Assignee = z.input<typeof mailAssigneeView>;

const partyName = (p: Party) => (p.kind === 'directory' ? p.displayName : p.name);

/** Birth name (used name) and first given name, then the birth date that tells namesakes apart. */
function PatientCell({ patient }: { patient: MailPatient | null | undefined }) {
  const { t } = useTranslation('documents');
  if (!patient) return <Text c="dimmed">—</Text>;
  const used = patient.usedName && patient.usedName !== patient.birthName ? ` (${patient.usedName})` : '';
  return (
    <div data-testid="mail-patient">
      <Anchor component={Link} to={`/patients/${patient.id}`} size="sm">
        {patient.birthName}
        {used} {patient.firstGivenName}
      </Anchor>
      <Text size="xs" c="dimmed">
        {t('mail.patientBorn', { date: formatDate(patient.birthDate) })}
      </Text>
    </div>
  );
}
const today = () => parisToday();

async function uploadScan(id: string, file: File) {
  const body = new FormData();
  body.append('file', file);
  await upload(`/api/mail/incoming/${id}/scan`, body);
}

function IncomingTable({
  mails,
  assignees,
  refresh,
}: {
  mails: IncomingMail[];
  assignees: Assignee[];
  refresh: () => void;
}) {
  const { t } = useTranslation('documents');
  const { can } = useSession();
  const form = useApiForm();
  const [filing, setFiling] = useState<IncomingMail | null>(null);
  const [patientId, setPatientId] = useState('');
  const [classification, setClassification] = useState('letter_received');
  const writable = can('mail.write');
  const change = async (mail: IncomingMail, values: Record<string, unknown>) => {
    if (await form.submit(() => patch(`/api/mail/incoming/${mail.id}`, { version: mail.version, ...values })))
      refresh();
  };
  return (
    <Stack>
      {form.generalError && <Alert color="red">{form.generalError}</Alert>}
      {mails.length === 0 && <Text c="dimmed">{t('mail.empty')}</Text>}
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('mail.receivedOn')}</Table.Th>
            <Table.Th>{t('mail.sender')}</Table.Th>
            <Table.Th>{t('mail.patient')}</Table.Th>
            <Table.Th>{t('mail.subject')}</Table.Th>
            <Table.Th>{t('mail.assignee')}</Table.Th>
            <Table.Th>{t('mail.dueDate')}</Table.Th>
            <Table.Th>{t('status')}</Table.Th>
            <Table.Th>{t('mail.scan')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {mails.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td>{m.receivedOn}</Table.Td>
              <Table.Td>{partyName(m.sender)}</Table.Td>
              <Table.Td>
                <PatientCell patient={m.patient} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {t(`mail.kinds.${m.kind}`)} — {m.subject}
                </Text>
                {m.annotations.map((a) => (
                  <Text key={a.at} size="xs" c="dimmed">
                    « {a.text} »
                  </Text>
                ))}
              </Table.Td>
              <Table.Td>
                <Select
                  size="xs"
                  disabled={!writable}
                  value={m.assigneeId}
                  placeholder={t('mail.unassigned')}
                  clearable
                  data={assignees.map((a) => ({ value: a.id, label: a.displayName }))}
                  onChange={(v) => change(m, { assigneeId: v })}
                />
              </Table.Td>
              <Table.Td>{m.dueDate ?? '—'}</Table.Td>
              <Table.Td>
                <Select
                  size="xs"
                  disabled={!writable}
                  value={m.status}
                  data={['to_process', 'in_progress', 'done', 'archived'].map((s) => ({
                    value: s,
                    label: t(`mail.statuses.${s}`),
                  }))}
                  onChange={(v) => v && v !== m.status && change(m, { status: v })}
                />
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {m.scanFileId ? (
                    <Button
                      component="a"
                      size="compact-xs"
                      variant="subtle"
                      href={`/api/mail/incoming/${m.id}/scan`}
                      target="_blank"
                    >
                      {t('mail.viewScan')}
                    </Button>
                  ) : (
                    writable && (
                      <FileButton
                        accept="application/pdf,image/jpeg,image/png,image/tiff"
                        onChange={async (file) => {
                          if (file && (await form.submit(() => uploadScan(m.id, file))) !== undefined)
                            refresh();
                        }}
                      >
                        {(props) => (
                          <Button {...props} size="compact-xs" variant="light">
                            {t('mail.uploadScan')}
                          </Button>
                        )}
                      </FileButton>
                    )
                  )}
                  {m.filedAttachmentId ? (
                    <Badge color="green">{t('mail.filed')}</Badge>
                  ) : (
                    m.scanFileId &&
                    writable && (
                      <Button
                        size="compact-xs"
                        variant="light"
                        onClick={() => {
                          setFiling(m);
                          setPatientId(m.patientId ?? '');
                        }}
                      >
                        {t('mail.fileIntoRecord')}
                      </Button>
                    )
                  )}
                  {writable && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      onClick={async () => {
                        const text = window.prompt(t('mail.annotation'));
                        if (
                          text &&
                          (await form.submit(() => post(`/api/mail/incoming/${m.id}/annotations`, { text })))
                        )
                          refresh();
                      }}
                    >
                      {t('mail.annotate')}
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal opened={filing !== null} onClose={() => setFiling(null)} title={t('mail.fileIntoRecord')}>
        <Stack>
          <PatientPicker
            label={t('patient')}
            placeholder={t('patientSearch')}
            value={patientId || null}
            onChange={(id) => setPatientId(id ?? '')}
            error={form.fieldError('patientId')}
            testId="filing-patient"
          />
          <TextInput
            label={t('mail.classification')}
            value={classification}
            onChange={(e) => setClassification(e.currentTarget.value)}
            error={form.fieldError('classificationCode')}
          />
          <Button
            loading={form.busy}
            onClick={async () => {
              if (!filing) return;
              const done = await form.submit(() =>
                post(`/api/mail/incoming/${filing.id}/file-into-record`, {
                  version: filing.version,
                  patientId,
                  classificationCode: classification,
                }),
              );
              if (done) {
                setFiling(null);
                refresh();
              }
            }}
          >
            {t('mail.fileIntoRecord')}
          </Button>
        </Stack>
      </Modal>
    </Stack>
  );
}

interface CorrespondentOption {
  id: string;
  displayName: string;
  specialty?: string | null;
}

const freeText = '__free_text__';

/**
 * The sender of a letter: a correspondent of the directory, found by a few letters, or — when
 * the sender is not in it — the name as typed.
 */
function SenderPicker({
  value,
  onChange,
  error,
}: {
  value: Party | null;
  onChange: (party: Party | null) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation('documents');
  const [term, setTerm] = useState('');
  const [debounced] = useDebouncedValue(term.trim(), 200);
  const found = useQuery({
    queryKey: ['directory', 'correspondents', 'sender', debounced],
    queryFn: () =>
      get<CorrespondentOption[]>(`/api/directory/correspondents?limit=20&q=${encodeURIComponent(debounced)}`),
    enabled: debounced.length > 1,
  });
  const typed = term.trim();
  const options = [
    ...(found.data ?? []).map((c) => ({
      value: c.id,
      label: c.specialty ? `${c.displayName} — ${c.specialty}` : c.displayName,
    })),
    // Offered once the directory has answered, so that it is never picked instead of a match.
    ...(typed !== '' && typed === debounced && !found.isFetching && value?.kind !== 'directory'
      ? [{ value: freeText, label: typed }]
      : []),
  ];
  const selected = value?.kind === 'directory' ? (value.correspondentId ?? null) : value ? freeText : null;
  return (
    <Select
      label={t('mail.sender')}
      placeholder={t('mail.senderSearch')}
      searchable
      searchValue={term}
      onSearchChange={(next) => {
        setTerm(next);
        if (value?.kind === 'free_text' && next.trim() !== value.name) onChange(null);
      }}
      filter={({ options: all }) => all}
      data={options}
      value={selected}
      onChange={(id) => {
        if (id === null) onChange(null);
        else if (id === freeText) onChange({ kind: 'free_text', name: typed });
        else {
          const c = found.data?.find((x) => x.id === id);
          if (c) onChange({ kind: 'directory', correspondentId: c.id, displayName: c.displayName });
        }
      }}
      renderOption={({ option }) =>
        option.value === freeText ? (
          <Text size="sm">
            {option.label}{' '}
            <Text span size="xs" c="dimmed">
              ({t('mail.freeText')})
            </Text>
          </Text>
        ) : (
          <Text size="sm">{option.label}</Text>
        )
      }
      error={error}
      data-testid="sender-picker"
    />
  );
}

function NewIncoming({ assignees, onSaved }: { assignees: Assignee[]; onSaved: () => void }) {
  const { t } = useTranslation('documents');
  const form = useApiForm();
  const [receivedOn, setReceivedOn] = useState(today());
  const [sender, setSender] = useState<Party | null>(null);
  const [patientId, setPatientId] = useState<string | null>(null);
  const [kind, setKind] = useState('letter');
  const [subject, setSubject] = useState('');
  const [assigneeId, setAssigneeId] = useState<string | null>(null);
  const [dueDate, setDueDate] = useState('');
  const save = async () => {
    const done = await form.submit(() =>
      post('/api/mail/incoming', {
        receivedOn,
        sender: sender ?? { kind: 'free_text', name: '' },
        kind,
        subject,
        patientId,
        assigneeId,
        dueDate: dueDate || null,
      }),
    );
    if (done) {
      setSender(null);
      setPatientId(null);
      setSubject('');
      onSaved();
    }
  };
  return (
    <Paper withBorder p="sm">
      <Text fw={500} mb="xs">
        {t('mail.newIncoming')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} style={{ alignItems: 'end' }}>
        <TextInput
          type="date"
          label={t('mail.receivedOn')}
          value={receivedOn}
          onChange={(e) => setReceivedOn(e.currentTarget.value)}
          error={form.fieldError('receivedOn')}
        />
        <SenderPicker
          value={sender}
          onChange={setSender}
          error={form.fieldError('sender.name') ?? form.fieldError('sender')}
        />
        <PatientPicker
          label={t('patient')}
          placeholder={t('patientSearch')}
          value={patientId}
          onChange={(id) => setPatientId(id)}
          error={form.fieldError('patientId')}
          testId="incoming-patient"
        />
        <Select
          label={t('mail.kind')}
          value={kind}
          onChange={(v) => setKind(v ?? 'letter')}
          data={incomingMailKinds.map((k) => ({ value: k, label: t(`mail.kinds.${k}`) }))}
        />
        <TextInput
          label={t('mail.subject')}
          value={subject}
          onChange={(e) => setSubject(e.currentTarget.value)}
        />
        <Select
          label={t('mail.assignee')}
          clearable
          value={assigneeId}
          onChange={setAssigneeId}
          data={assignees.map((a) => ({ value: a.id, label: a.displayName }))}
        />
        <TextInput
          type="date"
          label={t('mail.dueDate')}
          value={dueDate}
          onChange={(e) => setDueDate(e.currentTarget.value)}
          error={form.fieldError('dueDate')}
        />
        <Button onClick={save} loading={form.busy}>
          {t('save')}
        </Button>
      </SimpleGrid>
      {form.generalError && !form.error?.field && (
        <Alert color="red" mt="xs">
          {form.generalError}
        </Alert>
      )}
    </Paper>
  );
}

function OutgoingPanel() {
  const { t } = useTranslation('documents');
  const { can } = useSession();
  const client = useQueryClient();
  const form = useApiForm();
  const list = useQuery({
    queryKey: ['mail', 'outgoing'],
    queryFn: () => get<OutgoingMail[]>('/api/mail/outgoing'),
  });
  const [recipient, setRecipient] = useState('');
  const [channel, setChannel] = useState('post');
  const [subject, setSubject] = useState('');
  const refresh = () => client.invalidateQueries({ queryKey: ['mail', 'outgoing'] });
  return (
    <Stack>
      {can('mail.write') && (
        <Paper withBorder p="sm">
          <Text fw={500} mb="xs">
            {t('mail.newOutgoing')}
          </Text>
          <Group align="flex-end" grow>
            <TextInput
              label={t('mail.recipient')}
              value={recipient}
              onChange={(e) => setRecipient(e.currentTarget.value)}
            />
            <Select
              label={t('mail.channel')}
              value={channel}
              onChange={(v) => setChannel(v ?? 'post')}
              data={outgoingChannels.map((c) => ({ value: c, label: t(`mail.channels.${c}`) }))}
            />
            <TextInput
              label={t('mail.subject')}
              value={subject}
              onChange={(e) => setSubject(e.currentTarget.value)}
            />
            <Button
              loading={form.busy}
              onClick={async () => {
                if (
                  await form.submit(() =>
                    post('/api/mail/outgoing', {
                      recipient: { kind: 'free_text', name: recipient },
                      channel,
                      subject,
                    }),
                  )
                ) {
                  setRecipient('');
                  setSubject('');
                  refresh();
                }
              }}
            >
              {t('save')}
            </Button>
          </Group>
        </Paper>
      )}
      {form.generalError && <Alert color="red">{form.generalError}</Alert>}
      <Table striped>
        <Table.Tbody>
          {list.data?.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td>{partyName(m.recipient)}</Table.Td>
              <Table.Td>
                <PatientCell patient={m.patient} />
              </Table.Td>
              <Table.Td>{t(`mail.channels.${m.channel}`)}</Table.Td>
              <Table.Td>{m.subject}</Table.Td>
              <Table.Td>
                <Badge>{t(`mail.outgoingStatuses.${m.status}`)}</Badge> {m.sentOn ?? ''}
              </Table.Td>
              <Table.Td>
                {m.status === 'to_send' && can('mail.write') && (
                  <Button
                    size="compact-xs"
                    variant="light"
                    onClick={async () => {
                      const trackingNumber =
                        m.channel === 'registered_post'
                          ? (window.prompt(t('mail.trackingNumber')) ?? '')
                          : undefined;
                      if (
                        await form.submit(() =>
                          post(`/api/mail/outgoing/${m.id}/status`, {
                            version: m.version,
                            status: 'sent',
                            on: today(),
                            ...(trackingNumber ? { trackingNumber } : {}),
                          }),
                        )
                      )
                        refresh();
                    }}
                  >
                    {t('mail.markSent')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

/** The Courrier area: incoming mail register, my tray with its counter, outgoing mail. */
export function MailArea() {
  const { t } = useTranslation('documents');
  const { can } = useSession();
  const client = useQueryClient();
  const assignees = useQuery({
    queryKey: ['mail', 'assignees'],
    queryFn: () => get<Assignee[]>('/api/mail/assignees'),
  });
  const incoming = useQuery({
    queryKey: ['mail', 'incoming'],
    queryFn: () => get<IncomingMail[]>('/api/mail/incoming'),
  });
  const tray = useQuery({
    queryKey: ['mail', 'tray'],
    queryFn: () => get<z.input<typeof mailTrayView>>('/api/mail/tray'),
  });
  const refresh = () => client.invalidateQueries({ queryKey: ['mail'] });
  return (
    <Tabs defaultValue="incoming" keepMounted={false}>
      <Tabs.List mb="md">
        <Tabs.Tab value="incoming">{t('mail.incoming')}</Tabs.Tab>
        <Tabs.Tab
          value="tray"
          rightSection={
            <Badge size="sm" color={tray.data?.counter.overdue ? 'red' : 'blue'} data-testid="tray-counter">
              {tray.data?.counter.open ?? 0}
            </Badge>
          }
        >
          {t('mail.tray')}
        </Tabs.Tab>
        <Tabs.Tab value="outgoing">{t('mail.outgoing')}</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="incoming">
        <Stack>
          {can('mail.write') && <NewIncoming assignees={assignees.data ?? []} onSaved={refresh} />}
          <IncomingTable mails={incoming.data ?? []} assignees={assignees.data ?? []} refresh={refresh} />
        </Stack>
      </Tabs.Panel>
      <Tabs.Panel value="tray">
        <Stack>
          <Text>
            {t('mail.trayCounter', {
              open: tray.data?.counter.open ?? 0,
              overdue: tray.data?.counter.overdue ?? 0,
            })}
          </Text>
          <IncomingTable mails={tray.data?.items ?? []} assignees={assignees.data ?? []} refresh={refresh} />
        </Stack>
      </Tabs.Panel>
      <Tabs.Panel value="outgoing">
        <OutgoingPanel />
      </Tabs.Panel>
    </Tabs>
  );
}
