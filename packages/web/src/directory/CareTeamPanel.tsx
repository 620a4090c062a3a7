import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { CareTeamMemberView } from '@pivot/core/directory';
import { IconTrash } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, get, post } from '../app/api.ts';
import { useSession } from '../app/session.tsx';
import { useApiForm } from '../app/use-api-form.ts';
import { type CorrespondentView, correspondentSubtitle, firstPhone } from './correspondent.ts';
import { useCorrespondents } from './use-correspondents.ts';

type CareTeamMember = CareTeamMemberView;

const roles = ['attending_physician', 'specialist', 'other'] as const;

/** The correspondents who look after a patient, linked to the directory (embedded in the patient page). */
export function CareTeamPanel({ patientId }: { patientId: string }) {
  const { t } = useTranslation('directory');
  const { can } = useSession();
  const client = useQueryClient();
  const key = ['care-team', patientId];
  const team = useQuery({
    queryKey: key,
    queryFn: () => get<CareTeamMember[]>(`/api/patients/${patientId}/care-team`),
  });
  const form = useApiForm();
  const [term, setTerm] = useState('');
  const [debounced] = useDebouncedValue(term.trim(), 200);
  const [correspondentId, setCorrespondentId] = useState<string | null>(null);
  const [role, setRole] = useState<string>('specialist');
  const [note, setNote] = useState('');
  const candidates = useCorrespondents(debounced, { limit: 20 });
  const writable = can('patients.write') && can('directory.read');

  const add = async (event: React.FormEvent) => {
    event.preventDefault();
    const updated = await form.submit(() =>
      post<CareTeamMember[]>(`/api/patients/${patientId}/care-team`, { correspondentId, role, note }),
    );
    if (updated) {
      client.setQueryData(key, updated);
      setCorrespondentId(null);
      setTerm('');
      setNote('');
    }
  };
  const remove = async (member: CareTeamMember) => {
    const updated = await form.submit(() =>
      api<CareTeamMember[]>('DELETE', `/api/patients/${patientId}/care-team/${member.id}`),
    );
    if (updated) client.setQueryData(key, updated);
  };

  const selected = candidates.data?.find((c) => c.id === correspondentId);
  const options = (candidates.data ?? []).map((c) => ({
    value: c.id,
    label: `${c.displayName} — ${correspondentSubtitle(c, t)}`,
  }));
  if (correspondentId && !selected) options.unshift({ value: correspondentId, label: term });

  return (
    <Card withBorder data-testid="care-team">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('careTeam.title')}
          </Title>
          {can('directory.read') && (
            <Anchor component={Link} to="/repertoire" size="sm">
              {t('careTeam.directoryLink')}
            </Anchor>
          )}
        </Group>
        {form.error && !['correspondentId', 'role', 'note'].includes(form.error.field ?? '') && (
          <Alert color="red">{form.error.message}</Alert>
        )}
        {(team.data ?? []).length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('careTeam.empty')}
          </Text>
        ) : (
          <Stack gap={6}>
            {team.data?.map((m) => (
              <Group key={m.id} justify="space-between" wrap="nowrap">
                <div>
                  <Group gap={6}>
                    <Badge
                      size="sm"
                      variant="light"
                      color={m.role === 'attending_physician' ? 'teal' : 'blue'}
                    >
                      {t(`careTeam.roles.${m.role}`)}
                    </Badge>
                    <Text fw={600} size="sm" c={m.correspondent.active ? undefined : 'dimmed'}>
                      {m.correspondent.displayName}
                    </Text>
                  </Group>
                  <Text size="xs" c="dimmed">
                    {[
                      correspondentSubtitle(m.correspondent, t),
                      firstPhone(m.correspondent),
                      m.correspondent.secureEmail,
                      m.note,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                </div>
                {writable && (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={`${t('careTeam.remove')} ${m.correspondent.displayName}`}
                    onClick={() => void remove(m)}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                )}
              </Group>
            ))}
          </Stack>
        )}
        {writable && (
          <form onSubmit={add} noValidate>
            <Group align="flex-end">
              <Select
                label={t('careTeam.correspondent')}
                placeholder={t('careTeam.searchCorrespondent')}
                searchable
                searchValue={term}
                onSearchChange={setTerm}
                filter={({ options: all }) => all}
                data={options}
                value={correspondentId}
                onChange={setCorrespondentId}
                error={form.fieldError('correspondentId')}
                nothingFoundMessage={t('empty')}
                style={{ flex: 2, minWidth: 240 }}
              />
              <Select
                label={t('careTeam.role')}
                data={roles.map((r) => ({ value: r, label: t(`careTeam.roles.${r}`) }))}
                value={role}
                onChange={(v) => setRole(v ?? 'specialist')}
                allowDeselect={false}
                error={form.fieldError('role')}
                w={180}
              />
              <TextInput
                label={t('careTeam.note')}
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
                error={form.fieldError('note')}
                style={{ flex: 1 }}
              />
              <Button type="submit" loading={form.busy} disabled={!correspondentId}>
                {t('careTeam.add')}
              </Button>
            </Group>
          </form>
        )}
      </Stack>
    </Card>
  );
}
