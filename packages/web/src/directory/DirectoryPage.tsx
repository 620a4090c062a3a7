import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Drawer,
  Group,
  Loader,
  SegmentedControl,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { post } from '../app/api.ts';
import { useSession } from '../app/session.tsx';
import { useApiForm } from '../app/use-api-form.ts';
import { CorrespondentForm } from './CorrespondentForm.tsx';
import { type CorrespondentView, correspondentSubtitle, firstPhone } from './correspondent.ts';
import { DistributionListsPanel } from './DistributionListsPanel.tsx';
import { useCorrespondents } from './use-correspondents.ts';

function CorrespondentsPanel() {
  const { t } = useTranslation('directory');
  const { can } = useSession();
  const client = useQueryClient();
  const [term, setTerm] = useState('');
  const [debounced] = useDebouncedValue(term.trim(), 200);
  const [kind, setKind] = useState('all');
  const [includeInactive, setIncludeInactive] = useState(false);
  const [editing, setEditing] = useState<CorrespondentView | 'new' | null>(null);
  const rowAction = useApiForm();
  const list = useCorrespondents(debounced, {
    kind: kind === 'all' ? undefined : kind,
    includeInactive,
  });
  const writable = can('directory.write');

  const refresh = () => client.invalidateQueries({ queryKey: ['directory'] });
  const saved = async () => {
    setEditing(null);
    notifications.show({ color: 'green', message: t('saved') });
    await refresh();
  };
  const toggleActive = async (c: CorrespondentView) => {
    const done = await rowAction.submit(() =>
      post(`/api/directory/correspondents/${c.id}/${c.active ? 'deactivate' : 'reactivate'}`, {
        version: c.version,
      }),
    );
    if (done) {
      setEditing(null);
      await refresh();
    }
  };

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end">
          <TextInput
            label={t('search')}
            placeholder={t('searchHint')}
            leftSection={<IconSearch size={16} />}
            value={term}
            onChange={(e) => setTerm(e.currentTarget.value)}
            w={360}
            data-autofocus
          />
          <SegmentedControl
            value={kind}
            onChange={setKind}
            data={(['all', 'practitioner', 'body'] as const).map((k) => ({
              value: k,
              label: t(`filter.${k}`),
            }))}
          />
          <Checkbox
            label={t('showInactive')}
            checked={includeInactive}
            onChange={(e) => setIncludeInactive(e.currentTarget.checked)}
            mb={8}
          />
        </Group>
        {writable && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            {t('new')}
          </Button>
        )}
      </Group>
      {rowAction.error && <Alert color="red">{rowAction.error.message}</Alert>}
      {list.isLoading ? (
        <Loader />
      ) : (list.data ?? []).length === 0 ? (
        <Text c="dimmed">{t('empty')}</Text>
      ) : (
        <Table striped highlightOnHover withTableBorder data-testid="correspondents">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('column.name')}</Table.Th>
              <Table.Th>{t('column.kind')}</Table.Th>
              <Table.Th>{t('column.phone')}</Table.Th>
              <Table.Th>{t('column.secureEmail')}</Table.Th>
              <Table.Th>{t('column.city')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data?.map((c) => (
              <Table.Tr
                key={c.id}
                onClick={() => setEditing(c)}
                style={{ cursor: 'pointer' }}
                tabIndex={0}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') setEditing(c);
                }}
              >
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Text fw={600} size="sm" c={c.active ? undefined : 'dimmed'}>
                      {c.displayName}
                    </Text>
                    {!c.active && (
                      <Badge color="gray" variant="light" size="sm">
                        {t('inactive')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Badge variant="light" color={c.kind === 'practitioner' ? 'blue' : 'grape'} size="sm">
                      {t(`kind.${c.kind}`)}
                    </Badge>
                    <Text size="sm">{correspondentSubtitle(c, t)}</Text>
                  </Group>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{firstPhone(c)}</Table.Td>
                <Table.Td>
                  <Text size="sm" c={c.secureEmail ? undefined : 'dimmed'}>
                    {c.secureEmail ?? '—'}
                  </Text>
                </Table.Td>
                <Table.Td>{c.address.city}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Drawer
        opened={editing !== null}
        onClose={() => setEditing(null)}
        position="right"
        size="lg"
        title={
          <Title order={2} size="h4">
            {editing === 'new' ? t('new') : t('edit')}
          </Title>
        }
      >
        {editing !== null && (
          <Stack>
            {editing !== 'new' && writable && (
              <Group justify="flex-end">
                <Button
                  variant="light"
                  color={editing.active ? 'red' : 'green'}
                  size="xs"
                  onClick={() => void toggleActive(editing)}
                >
                  {editing.active ? t('deactivate') : t('reactivate')}
                </Button>
              </Group>
            )}
            <CorrespondentForm
              key={editing === 'new' ? 'new' : `${editing.id}-${editing.version}`}
              correspondent={editing === 'new' ? null : editing}
              onSaved={() => void saved()}
              onCancel={() => setEditing(null)}
            />
          </Stack>
        )}
      </Drawer>
    </Stack>
  );
}

/** The directory of correspondents (répertoire des acteurs): practitioners, bodies, distribution lists. */
export function DirectoryPage() {
  const { t } = useTranslation('directory');
  const navigate = useNavigate();
  const tab = useParams()['*'] || 'correspondants';
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('title')}
      </Title>
      <Tabs value={tab} onChange={(v) => navigate(`/repertoire/${v}`)} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="correspondants">{t('tabs.correspondents')}</Tabs.Tab>
          <Tabs.Tab value="listes">{t('tabs.lists')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="correspondants" pt="md">
          <CorrespondentsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="listes" pt="md">
          <DistributionListsPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
