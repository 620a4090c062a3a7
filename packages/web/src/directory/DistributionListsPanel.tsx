import { Alert, Button, Card, Group, MultiSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import type {
  CorrespondentView,
  DistributionListSummaryView,
  DistributionListView,
} from '@pivot/core/directory';
import { IconPlus } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, get, post, put } from '../app/api.ts';
import { useSession } from '../app/session.tsx';
import { useApiForm } from '../app/use-api-form.ts';
import { useCorrespondents } from './use-correspondents.ts';

type ListSummary = DistributionListSummaryView;
type ListDetail = DistributionListView;
interface Draft {
  id?: string;
  version?: number;
  name: string;
  description: string;
  memberIds: string[];
}

const emptyDraft: Draft = { name: '', description: '', memberIds: [] };

/** Distribution lists: named groups of correspondents a letter or a message goes to at once. */
export function DistributionListsPanel() {
  const { t } = useTranslation('directory');
  const { can } = useSession();
  const client = useQueryClient();
  const lists = useQuery({
    queryKey: ['directory', 'lists'],
    queryFn: () => get<ListSummary[]>('/api/directory/lists'),
  });
  const everyone = useCorrespondents('', { limit: 500 });
  const form = useApiForm();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [extra, setExtra] = useState<CorrespondentView[]>([]);
  const writable = can('directory.write');

  const open = async (id: string) => {
    const detail = await form.submit(() => get<ListDetail>(`/api/directory/lists/${id}`));
    if (!detail) return;
    // Deactivated members are not in the picker's data: keep them selectable so they stay listed.
    setExtra(detail.members);
    setDraft({
      id: detail.id,
      version: detail.version,
      name: detail.name,
      description: detail.description,
      memberIds: detail.members.map((m) => m.id),
    });
  };
  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!draft) return;
    const body = { name: draft.name, description: draft.description, memberIds: draft.memberIds };
    const done = await form.submit(() =>
      draft.id
        ? put(`/api/directory/lists/${draft.id}`, { ...body, version: draft.version })
        : post('/api/directory/lists', body),
    );
    if (done) {
      setDraft(null);
      await client.invalidateQueries({ queryKey: ['directory', 'lists'] });
    }
  };
  const remove = async () => {
    if (!draft?.id) return;
    const done = await form.submit(() =>
      api('DELETE', `/api/directory/lists/${draft.id}?version=${draft.version}`).then(() => true),
    );
    if (done) {
      setDraft(null);
      await client.invalidateQueries({ queryKey: ['directory', 'lists'] });
    }
  };

  const options = new Map<string, string>();
  for (const c of [...(everyone.data ?? []), ...extra]) options.set(c.id, c.displayName);

  return (
    <Stack>
      {writable && (
        <Group>
          <Button
            leftSection={<IconPlus size={16} />}
            onClick={() => {
              setExtra([]);
              setDraft(emptyDraft);
            }}
          >
            {t('lists.new')}
          </Button>
        </Group>
      )}
      {form.error && !draft && <Alert color="red">{form.error.message}</Alert>}
      {(lists.data ?? []).length === 0 ? (
        <Text c="dimmed">{t('lists.empty')}</Text>
      ) : (
        <Table striped highlightOnHover withTableBorder maw={800}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('lists.name')}</Table.Th>
              <Table.Th>{t('lists.description')}</Table.Th>
              <Table.Th>{t('lists.members')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lists.data?.map((l) => (
              <Table.Tr key={l.id} onClick={() => void open(l.id)} style={{ cursor: 'pointer' }}>
                <Table.Td fw={600}>{l.name}</Table.Td>
                <Table.Td>{l.description}</Table.Td>
                <Table.Td>{t('lists.memberCount', { count: l.memberCount })}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {draft && (
        <Card withBorder component="form" onSubmit={save} noValidate maw={800}>
          <Stack>
            <Title order={2} size="h4">
              {draft.id ? t('lists.edit') : t('lists.new')}
            </Title>
            {form.error && !['name', 'description', 'memberIds'].includes(form.error.field ?? '') && (
              <Alert color="red">{form.error.message}</Alert>
            )}
            <TextInput
              label={t('lists.name')}
              required
              value={draft.name}
              onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
              error={form.fieldError('name')}
            />
            <TextInput
              label={t('lists.description')}
              value={draft.description}
              onChange={(e) => setDraft({ ...draft, description: e.currentTarget.value })}
              error={form.fieldError('description')}
            />
            <MultiSelect
              label={t('lists.members')}
              placeholder={t('lists.pickMembers')}
              searchable
              clearable
              data={[...options].map(([value, label]) => ({ value, label }))}
              value={draft.memberIds}
              onChange={(memberIds) => setDraft({ ...draft, memberIds })}
              error={form.fieldError('memberIds')}
              readOnly={!writable}
            />
            {writable && (
              <Group>
                <Button type="submit" loading={form.busy}>
                  {t('save')}
                </Button>
                <Button variant="default" onClick={() => setDraft(null)}>
                  {t('cancel')}
                </Button>
                {draft.id && (
                  <Button variant="light" color="red" onClick={() => void remove()} ml="auto">
                    {t('lists.delete')}
                  </Button>
                )}
              </Group>
            )}
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
