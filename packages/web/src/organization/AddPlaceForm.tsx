import { Button, Group, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../app/api.ts';
import { useApiForm } from '../app/use-api-form.ts';

/** Adds a site (with the organization's address and hours) or a room, in one line. */
export function AddPlaceForm({ kind }: { kind: 'site' | 'room' }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useApiForm();
  const [name, setName] = useState('');
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const body = kind === 'site' ? { name, address: {}, openingHours: {} } : { name };
    const path = kind === 'site' ? '/api/organization/sites' : '/api/organization/rooms';
    if (await form.submit(() => post(path, body))) {
      setName('');
      await client.invalidateQueries({ queryKey: ['organization'] });
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      <Group align="flex-end" gap="xs" mt="sm">
        <TextInput
          size="xs"
          label={kind === 'site' ? t('admin.newSite') : t('admin.newRoom')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={form.error?.message}
        />
        <Button size="xs" type="submit" loading={form.busy}>
          {t('admin.add')}
        </Button>
      </Group>
    </form>
  );
}
