import { Alert, Button, Checkbox, Group, Modal, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { recipientCategories } from '@pivot/core/documents';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../app/api.ts';
import { useApiForm } from '../app/use-api-form.ts';
import { useCorrespondents } from '../directory/use-correspondents.ts';
import { highlight } from './text-highlight.tsx';

interface Recipient {
  category: string;
  correspondentId: string | null;
  name: string;
  email: string | null;
}

interface CheckResult {
  text: string;
  results: {
    category: string;
    needsConfirmation: boolean;
    spans: { start: number; end: number; text: string }[];
  }[];
}

/** Send dialog: recipients from the directory or typed, confidentiality check, then sending. */
export function SendDialog({
  documentId,
  version,
  opened,
  onClose,
  onSent,
}: {
  documentId: string;
  version: number;
  opened: boolean;
  onClose: () => void;
  onSent: () => void;
}) {
  const { t } = useTranslation('documents');
  const form = useApiForm();
  const [channel, setChannel] = useState('email');
  const [recipients, setRecipients] = useState<Recipient[]>([]);
  const [draft, setDraft] = useState<Recipient>({
    category: 'health_professional',
    correspondentId: null,
    name: '',
    email: '',
  });
  const [search, setSearch] = useState('');
  const directory = useCorrespondents(search, { limit: 20 });
  const [check, setCheck] = useState<CheckResult | null>(null);
  const [confirmed, setConfirmed] = useState<string[]>([]);

  const categoryOptions = recipientCategories.map((c) => ({ value: c, label: t(`categories.${c}`) }));
  const terms = check
    ? [...new Set(check.results.flatMap((r) => r.spans.map((s) => check.text.slice(s.start, s.end))))]
    : [];

  const send = async (confirmedTerms: string[]) => {
    const done = await form.submit(() =>
      post(`/api/documents/${documentId}/sendings`, {
        version,
        channel,
        recipients: recipients.map((r) => ({ ...r, email: r.email || null })),
        confirmedTerms,
      }),
    );
    if (done) {
      setCheck(null);
      setRecipients([]);
      onSent();
    }
  };

  const checkAndSend = async () => {
    const result = await form.submit(() =>
      post<CheckResult>(`/api/documents/${documentId}/confidentiality-check`, {
        recipients: recipients.map((r) => ({ category: r.category })),
      }),
    );
    if (!result) return;
    if (result.results.some((r) => r.needsConfirmation)) {
      setCheck(result);
      setConfirmed([]);
    } else await send([]);
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('sendTitle')} size="lg">
      <Stack>
        <Select
          label={t('channel')}
          value={channel}
          onChange={(v) => setChannel(v ?? 'email')}
          data={(['email', 'secure_messaging', 'print', 'post'] as const).map((c) => ({
            value: c,
            label: t(`channels.${c}`),
          }))}
        />
        <Paper withBorder p="sm">
          <Stack gap="xs">
            <Text fw={500}>{t('recipients')}</Text>
            {recipients.map((r, i) => (
              <Group key={`${r.category}-${r.name}-${r.email ?? ''}`} justify="space-between">
                <Text size="sm">
                  {r.name} {r.email ? `<${r.email}>` : ''} — {t(`categories.${r.category}`)}
                </Text>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  onClick={() => setRecipients(recipients.filter((_, j) => j !== i))}
                >
                  ×
                </Button>
              </Group>
            ))}
            <Select
              label={t('fromDirectory')}
              searchable
              searchValue={search}
              onSearchChange={setSearch}
              data={(directory.data ?? []).map((c) => ({ value: c.id, label: c.displayName }))}
              onChange={(id) => {
                const c = directory.data?.find((x) => x.id === id);
                if (!c) return;
                setDraft({
                  category: c.kind === 'practitioner' ? 'health_professional' : 'health_establishment',
                  correspondentId: c.id,
                  name: c.displayName,
                  email: (channel === 'secure_messaging' ? c.secureEmail : c.email) ?? '',
                });
              }}
            />
            <Group grow>
              <Select
                label={t('recipientCategory')}
                data={categoryOptions}
                value={draft.category}
                onChange={(v) => setDraft({ ...draft, category: v ?? 'other' })}
              />
              <TextInput
                label={t('recipientName')}
                value={draft.name}
                onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
              />
              <TextInput
                label={t('recipientEmail')}
                value={draft.email ?? ''}
                onChange={(e) => setDraft({ ...draft, email: e.currentTarget.value })}
              />
            </Group>
            <Group>
              <Button
                size="xs"
                variant="light"
                disabled={draft.name.trim() === ''}
                onClick={() => {
                  setRecipients([...recipients, draft]);
                  setDraft({ category: 'health_professional', correspondentId: null, name: '', email: '' });
                }}
              >
                {t('addRecipient')}
              </Button>
            </Group>
          </Stack>
        </Paper>
        {check && (
          <Alert color="orange" title={t('confidentialityTitle')}>
            <Stack gap="xs">
              <Text size="sm">{t('confidentialityHint')}</Text>
              <Paper withBorder p="xs">
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {highlight(check.text, check.results.find((r) => r.needsConfirmation)?.spans ?? [])}
                </Text>
              </Paper>
              {terms.map((term) => (
                <Checkbox
                  key={term}
                  label={t('confirmTerm', { term })}
                  checked={confirmed.includes(term)}
                  onChange={(e) =>
                    setConfirmed(
                      e.currentTarget.checked ? [...confirmed, term] : confirmed.filter((x) => x !== term),
                    )
                  }
                />
              ))}
            </Stack>
          </Alert>
        )}
        {form.generalError && <Alert color="red">{form.generalError}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('cancel')}
          </Button>
          {check ? (
            <Button
              loading={form.busy}
              disabled={confirmed.length < terms.length}
              onClick={() => send(confirmed)}
            >
              {t('confirmAndSend')}
            </Button>
          ) : (
            <Button loading={form.busy} disabled={recipients.length === 0} onClick={checkAndSend}>
              {t('checkAndSend')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
