import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Code,
  CopyButton,
  Group,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { equipmentSettingsView, feedView, newFeedView } from '@pivot/core/agenda';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { z } from 'zod';
import { api, get, post, put } from '../app/api.ts';
import { useSession } from '../app/session.tsx';
import { useApiForm } from '../app/use-api-form.ts';
import { localDate, useResources } from './agenda-model.ts';
import { MotifsPanel } from './MotifsPanel.tsx';
import { OpeningHoursPanel } from './OpeningHoursPanel.tsx';

type EquipmentItem = z.input<typeof equipmentSettingsView>;

/** Equipment (ultrasound, operating room...): add, withdraw, put back in service. */
function EquipmentPanel({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation('agenda');
  const client = useQueryClient();
  const form = useApiForm();
  const change = useApiForm();
  const [name, setName] = useState('');
  const [kind, setKind] = useState('');
  const [siteId, setSiteId] = useState<string | null>(null);
  const equipment = useQuery({
    queryKey: ['agenda', 'equipment'],
    queryFn: () => get<EquipmentItem[]>('/api/agenda/equipment'),
  });
  const organization = useQuery({
    queryKey: ['organization'],
    queryFn: () => get<{ sites: { id: string; name: string }[] }>('/api/organization'),
  });
  const sites = organization.data?.sites ?? [];
  const add = async () => {
    const done = await form.submit(() => post('/api/agenda/equipment', { name, kind, siteId }));
    if (done) {
      setName('');
      setKind('');
      notifications.show({ color: 'green', message: t('settings.saved') });
      await client.invalidateQueries({ queryKey: ['agenda'] });
    }
  };
  const toggle = async (e: EquipmentItem) => {
    const done = await change.submit(() =>
      put(`/api/agenda/equipment/${e.id}`, {
        name: e.name,
        kind: e.kind,
        siteId: e.siteId,
        active: !e.active,
        version: e.version,
      }),
    );
    if (done) await client.invalidateQueries({ queryKey: ['agenda'] });
  };
  return (
    <Stack>
      {equipment.data?.length === 0 && <Text c="dimmed">{t('equipment.none')}</Text>}
      <Table>
        <Table.Tbody>
          {(equipment.data ?? []).map((e) => (
            <Table.Tr key={e.id} data-testid="equipment-row">
              <Table.Td>{e.name}</Table.Td>
              <Table.Td>
                <Code>{e.kind}</Code>
              </Table.Td>
              <Table.Td>{sites.find((s) => s.id === e.siteId)?.name ?? t('equipment.noSite')}</Table.Td>
              <Table.Td>
                <Badge color={e.active ? 'green' : 'gray'} variant="light">
                  {e.active ? t('settings.active') : t('settings.inactive')}
                </Badge>
              </Table.Td>
              <Table.Td>
                {canManage && (
                  <Button size="xs" variant="subtle" onClick={() => toggle(e)}>
                    {e.active ? t('equipment.withdraw') : t('equipment.restore')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {change.error && <Alert color="red">{change.error.message}</Alert>}
      {canManage && (
        <Group align="end">
          <TextInput
            label={t('equipment.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={form.fieldError('name')}
          />
          <TextInput
            label={t('equipment.kind')}
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value)}
            error={form.fieldError('kind')}
          />
          <Select
            label={t('settings.site')}
            data={sites.map((s) => ({ value: s.id, label: s.name }))}
            value={siteId}
            onChange={setSiteId}
            placeholder={t('equipment.noSite')}
            clearable
          />
          <Button onClick={add} loading={form.busy} disabled={!name || !kind}>
            {t('equipment.add')}
          </Button>
        </Group>
      )}
      {form.error && !['name', 'kind'].includes(form.error.field ?? '') && (
        <Alert color="red">{form.error.message}</Alert>
      )}
    </Stack>
  );
}

type FeedItem = z.input<typeof feedView>;

/** iCalendar subscriptions: create one (the secret URL is shown once), list and revoke. */
function FeedsPanel() {
  const { t } = useTranslation('agenda');
  const { can, me } = useSession();
  const client = useQueryClient();
  const resources = useResources();
  const form = useApiForm();
  const [resource, setResource] = useState<string | null>(null);
  const [showNames, setShowNames] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const feeds = useQuery({
    queryKey: ['agenda', 'feeds'],
    queryFn: () => get<FeedItem[]>('/api/agenda/feeds'),
  });
  const options = [
    ...(resources.data?.practitioners ?? [])
      .filter((p) => p.active)
      .map((p) => ({ value: `practitioner:${p.id}`, label: p.name })),
    ...(resources.data?.rooms ?? []).map((r) => ({ value: `room:${r.id}`, label: r.name })),
  ];
  const label = (id: string) => options.find((o) => o.value.endsWith(id))?.label ?? id;
  const [kind, resourceId] = (resource ?? ':').split(':') as [string, string];
  const create = async () => {
    const result = await form.submit(() =>
      post<z.input<typeof newFeedView>>('/api/agenda/feeds', {
        resourceId,
        resourceKind: kind,
        showPatientNames: showNames,
      }),
    );
    if (result) {
      setCreated(`${window.location.origin}${result.path}`);
      await client.invalidateQueries({ queryKey: ['agenda', 'feeds'] });
    }
  };
  const revoke = async (id: string) => {
    const done = await form.submit(async () => {
      await api('DELETE', `/api/agenda/feeds/${id}`);
      return true;
    });
    if (done) {
      notifications.show({ color: 'green', message: t('feeds.revoked') });
      await client.invalidateQueries({ queryKey: ['agenda', 'feeds'] });
    }
  };
  return (
    <Stack>
      <Text size="sm">{t('feeds.intro')}</Text>
      {can('agenda.write') && (
        <Group align="end">
          <Select
            label={t('feeds.resource')}
            data={options}
            value={resource}
            onChange={(v) => {
              setResource(v);
              setCreated(null);
            }}
            w={260}
            searchable
            error={form.fieldError('resourceId')}
          />
          <Checkbox
            label={t('feeds.showNames')}
            checked={showNames}
            disabled={resourceId !== me?.id}
            onChange={(e) => setShowNames(e.currentTarget.checked)}
          />
          <Button onClick={create} loading={form.busy} disabled={!resource}>
            {t('feeds.create')}
          </Button>
        </Group>
      )}
      {form.error && form.error.field !== 'resourceId' && <Alert color="red">{form.error.message}</Alert>}
      {created && (
        <Alert color="green" title={t('feeds.url')}>
          <Group>
            <Code data-testid="feed-url">{created}</Code>
            <CopyButton value={created}>
              {({ copied, copy }) => (
                <Button size="xs" variant="light" onClick={copy}>
                  {copied ? t('feeds.copied') : t('feeds.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
        </Alert>
      )}
      <Text fw={600}>{t('feeds.active')}</Text>
      {feeds.data?.length === 0 && <Text c="dimmed">{t('feeds.none')}</Text>}
      <Table>
        <Table.Tbody>
          {(feeds.data ?? []).map((f) => (
            <Table.Tr key={f.id}>
              <Table.Td>{label(f.resourceId)}</Table.Td>
              <Table.Td>{f.showPatientNames ? t('feeds.names') : t('feeds.noNames')}</Table.Td>
              <Table.Td>
                <Text size="xs" c="dimmed">
                  {t('feeds.createdBy', {
                    date: localDate(f.createdAt).split('-').reverse().join('/'),
                    name: f.createdByName ?? '',
                  })}
                </Text>
              </Table.Td>
              <Table.Td>
                {can('agenda.write') && (
                  <Button size="xs" variant="subtle" color="red" onClick={() => revoke(f.id)}>
                    {t('feeds.revoke')}
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

/** The agenda's settings: motifs, opening hours, equipment and calendar subscriptions. */
export function SettingsPage() {
  const { t } = useTranslation('agenda');
  const { can } = useSession();
  const canManage = can('agenda.manage');
  const [params, setParams] = useSearchParams();
  const tab = params.get('onglet') ?? 'motifs';
  return (
    <Stack>
      <Title order={3}>{t('settings.title')}</Title>
      {!canManage && (
        <Alert color="gray" variant="light">
          {t('settings.readOnly')}
        </Alert>
      )}
      <Tabs
        value={tab}
        onChange={(v) => setParams({ onglet: v ?? 'motifs' }, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="motifs">{t('settings.motifs')}</Tabs.Tab>
          <Tabs.Tab value="horaires">{t('settings.hours')}</Tabs.Tab>
          <Tabs.Tab value="equipements">{t('settings.equipment')}</Tabs.Tab>
          <Tabs.Tab value="abonnements">{t('settings.feeds')}</Tabs.Tab>
        </Tabs.List>
        <Card withBorder mt="sm">
          <Tabs.Panel value="motifs">
            <MotifsPanel canManage={canManage} />
          </Tabs.Panel>
          <Tabs.Panel value="horaires">
            <OpeningHoursPanel canManage={canManage} />
          </Tabs.Panel>
          <Tabs.Panel value="equipements">
            <EquipmentPanel canManage={canManage} />
          </Tabs.Panel>
          <Tabs.Panel value="abonnements">
            <FeedsPanel />
          </Tabs.Panel>
        </Card>
      </Tabs>
    </Stack>
  );
}
