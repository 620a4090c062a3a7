import { Alert, Button, Checkbox, Group, Modal, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import {
  type confidentialityCheckView,
  recipientCategories,
  recipientCategoryOf,
} from '@pivot/core/documents';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { get, post } from '../app/api.ts';
import { useApiForm } from '../app/use-api-form.ts';
import type { CorrespondentView } from '../directory/index.ts';
import { useCorrespondents } from '../directory/index.ts';
import { highlight } from './text-highlight.tsx';

interface Recipient {
  category: string;
  correspondentId: string | null;
  name: string;
  email: string | null;
}

type CheckResult = z.input<typeof confidentialityCheckView>;

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
  const lists = useQuery({
    queryKey: ['directory', 'lists'],
    queryFn: () => get<{ id: string; name: string; memberCount: number }[]>('/api/directory/lists'),
    enabled: opened,
  });
  const [check, setCheck] = useState<CheckResult | null>(null);
  const [confirmed, setConfirmed] = useState<string[]>([]);

  const categoryOptions = recipientCategories.map((c) => ({ value: c, label: t(`categories.${c}`) }));
  const terms = check
    ? [...new Set(check.results.flatMap((r) => r.spans.map((s) => check.text.slice(s.start, s.end))))]
    : [];

  const addressOf = (c: CorrespondentView) =>
    (channel === 'secure_messaging' ? c.secureEmail : c.email) ?? '';

  /** A distribution list adds each of its members once, as a recipient the user may still remove. */
  const addList = async (listId: string | null) => {
    if (!listId) return;
    const list = await get<{ members: CorrespondentView[] }>(`/api/directory/lists/${listId}`);
    const known = new Set(recipients.map((r) => r.correspondentId).filter(Boolean));
    setRecipients([
      ...recipients,
      ...list.members
        .filter((c) => !known.has(c.id))
        .map((c) => ({
          category: recipientCategoryOf(c),
          correspondentId: c.id,
          name: c.displayName,
          email: addressOf(c),
        })),
    ]);
  };

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
              <Group
                key={`${r.category}-${r.name}-${r.email ?? ''}`}
                justify="space-between"
                data-testid="recipient"
              >
                <Text size="sm">
                  {r.name} {r.email ? `<${r.email}>` : ''} — {t(`categories.${r.category}`)}
                  {!r.email && (channel === 'email' || channel === 'secure_messaging') && (
                    <Text span size="xs" c="red">
                      {' '}
                      {t('noAddress')}
                    </Text>
                  )}
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
            {(lists.data?.length ?? 0) > 0 && (
              <Select
                label={t('fromList')}
                placeholder={t('fromListHint')}
                value={null}
                onChange={(id) => void addList(id)}
                data={(lists.data ?? []).map((l) => ({
                  value: l.id,
                  label: `${l.name} (${l.memberCount})`,
                }))}
                data-testid="distribution-list-picker"
              />
            )}
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
                  category: recipientCategoryOf(c),
                  correspondentId: c.id,
                  name: c.displayName,
                  email: addressOf(c),
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
