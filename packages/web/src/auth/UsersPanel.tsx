import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  PasswordInput,
  Select,
  Stack,
  Table,
  TextInput,
  Title,
} from '@mantine/core';
import type { UserView } from '@pivot/core/auth';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, patch, post } from '../app/api.ts';
import { useApiForm } from '../app/use-api-form.ts';

type User = UserView;

const roles = ['admin', 'secretary', 'practitioner', 'accountant'];

export function UsersPanel() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const users = useQuery({ queryKey: ['users'], queryFn: () => get<User[]>('/api/users') });
  const form = useApiForm();
  const rowAction = useApiForm();
  const empty = { email: '', displayName: '', role: 'secretary', password: '', rpps: '' };
  const [draft, setDraft] = useState(empty);

  const create = async (event: React.FormEvent) => {
    event.preventDefault();
    // Only a practitioner account carries an RPPS, and it must carry a valid one (core's rule).
    const { rpps, ...account } = draft;
    const body = draft.role === 'practitioner' ? { ...account, rpps } : account;
    if (await form.submit(() => post('/api/users', body))) {
      setDraft(empty);
      await client.invalidateQueries({ queryKey: ['users'] });
    }
  };
  const toggle = async (user: User) => {
    if (
      await rowAction.submit(() =>
        patch(`/api/users/${user.id}`, { version: user.version, active: !user.active }),
      )
    ) {
      await client.invalidateQueries({ queryKey: ['users'] });
    }
  };

  return (
    <Stack>
      {rowAction.error && <Alert color="red">{rowAction.error.message}</Alert>}
      <Table striped highlightOnHover withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('admin.displayName')}</Table.Th>
            <Table.Th>{t('auth.email')}</Table.Th>
            <Table.Th>{t('admin.role')}</Table.Th>
            <Table.Th>{t('admin.status')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.data?.map((u) => (
            <Table.Tr key={u.id}>
              <Table.Td>{u.displayName}</Table.Td>
              <Table.Td>{u.email}</Table.Td>
              <Table.Td>{t(`roles.${u.role}`)}</Table.Td>
              <Table.Td>
                <Badge color={u.active ? 'green' : 'gray'} variant="light">
                  {u.active ? t('admin.active') : t('admin.inactive')}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Button size="xs" variant="subtle" onClick={() => void toggle(u)}>
                  {u.active ? t('admin.deactivate') : t('admin.activate')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Card withBorder component="form" onSubmit={create} noValidate maw={720}>
        <Stack>
          <Title order={2} size="h4">
            {t('admin.newUser')}
          </Title>
          {form.error && !form.error.field && <Alert color="red">{form.error.message}</Alert>}
          <Group grow align="flex-start">
            <TextInput
              label={t('admin.displayName')}
              required
              value={draft.displayName}
              onChange={(e) => setDraft({ ...draft, displayName: e.currentTarget.value })}
              error={form.fieldError('displayName')}
            />
            <TextInput
              label={t('auth.email')}
              type="email"
              required
              value={draft.email}
              onChange={(e) => setDraft({ ...draft, email: e.currentTarget.value })}
              error={form.fieldError('email')}
            />
          </Group>
          <Group grow align="flex-start">
            <Select
              label={t('admin.role')}
              data={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
              value={draft.role}
              onChange={(v) => setDraft({ ...draft, role: v ?? 'secretary' })}
              allowDeselect={false}
            />
            {draft.role === 'practitioner' && (
              <TextInput
                label={t('admin.rpps')}
                description={t('admin.rppsHint')}
                required
                inputMode="numeric"
                value={draft.rpps}
                onChange={(e) => setDraft({ ...draft, rpps: e.currentTarget.value })}
                error={form.fieldError('rpps')}
              />
            )}
            <PasswordInput
              label={t('auth.password')}
              description={t('account.newHint')}
              required
              value={draft.password}
              onChange={(e) => setDraft({ ...draft, password: e.currentTarget.value })}
              error={form.fieldError('password')}
            />
          </Group>
          <Group>
            <Button type="submit" loading={form.busy}>
              {t('admin.create')}
            </Button>
          </Group>
        </Stack>
      </Card>
    </Stack>
  );
}
