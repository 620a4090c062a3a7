import { Alert, Button, Card, Group, List, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { isValidFiness, isValidSiret, type OrganizationView } from '@pivot/core/organization';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, put } from '../app/api.ts';
import { useSession } from '../app/session.tsx';
import { useApiForm } from '../app/use-api-form.ts';
import { AddPlaceForm } from './AddPlaceForm.tsx';

type Organization = OrganizationView;

export function OrganizationPanel() {
  const { t } = useTranslation();
  const { can } = useSession();
  const client = useQueryClient();
  const org = useQuery({ queryKey: ['organization'], queryFn: () => get<Organization>('/api/organization') });
  const form = useApiForm();
  const [draft, setDraft] = useState<Organization | null>(null);
  useEffect(() => {
    if (org.data) setDraft(org.data);
  }, [org.data]);
  if (!draft) return null;

  // The same key checks as the server, from the shared core, for instant feedback.
  const finessError = draft.finess && !isValidFiness(draft.finess) ? t('admin.finess') : undefined;
  const siretError = draft.siret && !isValidSiret(draft.siret) ? t('admin.siret') : undefined;
  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    const { sites: _s, rooms: _r, ...body } = draft;
    const result = await form.submit(() => put<{ version: number }>('/api/organization', body));
    if (result) {
      notifications.show({ message: t('admin.saved'), color: 'green' });
      await client.invalidateQueries({ queryKey: ['organization'] });
    }
  };
  const setAddress = (key: string, value: string) =>
    setDraft({ ...draft, address: { ...draft.address, [key]: value } });
  const editable = can('organization.manage');

  return (
    <Stack maw={820}>
      <Card withBorder component="form" onSubmit={save} noValidate>
        <Stack>
          {form.error && <Alert color="red">{form.error.message}</Alert>}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('admin.name')}
              value={draft.name}
              onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
              error={form.fieldError('name')}
              readOnly={!editable}
            />
            <Select
              label={t('admin.kind')}
              value={draft.kind}
              onChange={(v) => setDraft({ ...draft, kind: v ?? 'practice' })}
              data={['practice', 'clinic', 'hospital', 'health_centre'].map((k) => ({
                value: k,
                label: t(`admin.kinds.${k}`),
              }))}
              allowDeselect={false}
              readOnly={!editable}
            />
            <TextInput
              label={t('admin.finess')}
              value={draft.finess}
              onChange={(e) => setDraft({ ...draft, finess: e.currentTarget.value })}
              error={form.fieldError('finess') ?? (finessError && '✗')}
              readOnly={!editable}
            />
            <TextInput
              label={t('admin.siret')}
              value={draft.siret}
              onChange={(e) => setDraft({ ...draft, siret: e.currentTarget.value })}
              error={form.fieldError('siret') ?? (siretError && '✗')}
              readOnly={!editable}
            />
            <TextInput
              label={t('admin.address')}
              value={draft.address.line1 ?? ''}
              onChange={(e) => setAddress('line1', e.currentTarget.value)}
              readOnly={!editable}
            />
            <Group grow>
              <TextInput
                label={t('admin.postalCode')}
                value={draft.address.postalCode ?? ''}
                onChange={(e) => setAddress('postalCode', e.currentTarget.value)}
                error={form.fieldError('address.postalCode')}
                readOnly={!editable}
              />
              <TextInput
                label={t('admin.city')}
                value={draft.address.city ?? ''}
                onChange={(e) => setAddress('city', e.currentTarget.value)}
                readOnly={!editable}
              />
            </Group>
            <TextInput
              label={t('admin.phone')}
              value={draft.phone}
              onChange={(e) => setDraft({ ...draft, phone: e.currentTarget.value })}
              readOnly={!editable}
            />
            <TextInput
              label={t('auth.email')}
              value={draft.email}
              onChange={(e) => setDraft({ ...draft, email: e.currentTarget.value })}
              error={form.fieldError('email')}
              readOnly={!editable}
            />
          </SimpleGrid>
          {editable && (
            <Group>
              <Button type="submit" loading={form.busy}>
                {t('admin.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </Card>
      <SimpleGrid cols={2}>
        <Card withBorder>
          <Title order={2} size="h5" mb="xs">
            {t('admin.sites')}
          </Title>
          <List>
            {draft.sites.map((s) => (
              <List.Item key={s.id}>{s.name}</List.Item>
            ))}
          </List>
          {editable && <AddPlaceForm kind="site" />}
        </Card>
        <Card withBorder>
          <Title order={2} size="h5" mb="xs">
            {t('admin.rooms')}
          </Title>
          <List>
            {draft.rooms.map((r) => (
              <List.Item key={r.id}>{r.name}</List.Item>
            ))}
          </List>
          {editable && <AddPlaceForm kind="room" />}
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
