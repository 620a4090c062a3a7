import {
  Alert,
  Badge,
  Button,
  Checkbox,
  ColorInput,
  ColorSwatch,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Table,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { appointmentTypeView } from '@pivot/core/agenda';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { get, post, put } from '../app/api.ts';
import { useApiForm } from '../app/use-api-form.ts';
import { useResources } from './agenda-model.ts';

export type MotifDetail = z.input<typeof appointmentTypeView>;

const blank: Omit<MotifDetail, 'id' | 'version'> = {
  label: { fr: '', en: '' },
  durationMinutes: 20,
  colour: '#3366cc',
  eligiblePractitionerIds: [],
  roomKind: null,
  equipmentKinds: [],
  preparationInstructions: { fr: '', en: '' },
  documentsToBring: [],
  newPatientsAllowed: true,
  bookableOnline: false,
  urgentSameDayOnly: false,
  active: true,
};

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** The editor of one motif: bilingual label and instructions, duration, colour, who and what it needs. */
function MotifModal({
  motif,
  onClose,
}: {
  motif: (Omit<MotifDetail, 'id' | 'version'> & { id?: string; version?: number }) | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('agenda');
  const client = useQueryClient();
  const resources = useResources();
  const form = useApiForm();
  const [value, setValue] = useState(motif ?? blank);
  const [docsFr, setDocsFr] = useState('');
  const [docsEn, setDocsEn] = useState('');
  const [shownFor, setShownFor] = useState<typeof motif>(null);
  if (motif !== shownFor) {
    setShownFor(motif);
    setValue(motif ?? blank);
    setDocsFr((motif?.documentsToBring ?? []).map((d) => d.fr).join('\n'));
    setDocsEn((motif?.documentsToBring ?? []).map((d) => d.en).join('\n'));
    form.setError(null);
  }
  const set = (patch: Partial<typeof value>) => setValue((v) => ({ ...v, ...patch }));
  const roomKinds = [...new Set((resources.data?.rooms ?? []).map((r) => r.kind))];

  const save = async () => {
    const fr = lines(docsFr);
    const en = lines(docsEn);
    const body = {
      label: value.label,
      durationMinutes: value.durationMinutes,
      colour: value.colour,
      eligiblePractitionerIds: value.eligiblePractitionerIds,
      roomKind: value.roomKind || null,
      equipmentKinds: value.equipmentKinds,
      preparationInstructions: value.preparationInstructions,
      documentsToBring: fr.map((d, i) => ({ fr: d, en: en[i] ?? d })),
      newPatientsAllowed: value.newPatientsAllowed,
      bookableOnline: value.bookableOnline,
      urgentSameDayOnly: value.urgentSameDayOnly,
      active: value.active,
    };
    const done = await form.submit(() =>
      motif?.id
        ? put(`/api/agenda/appointment-types/${motif.id}`, { ...body, version: motif.version })
        : post('/api/agenda/appointment-types', body),
    );
    if (done) {
      notifications.show({ color: 'green', message: t('settings.saved') });
      await client.invalidateQueries({ queryKey: ['agenda'] });
      onClose();
    }
  };

  return (
    <Modal opened={!!motif} onClose={onClose} title={t('motifs.editTitle')} size="xl">
      <Stack>
        <SimpleGrid cols={2}>
          <TextInput
            label={t('motifs.labelFr')}
            value={value.label.fr}
            onChange={(e) => set({ label: { ...value.label, fr: e.currentTarget.value } })}
            error={form.fieldError('label')}
            data-autofocus
          />
          <TextInput
            label={t('motifs.labelEn')}
            value={value.label.en}
            onChange={(e) => set({ label: { ...value.label, en: e.currentTarget.value } })}
          />
          <NumberInput
            label={t('motifs.duration')}
            value={value.durationMinutes}
            min={5}
            max={1440}
            step={5}
            onChange={(v) => set({ durationMinutes: Number(v) || 0 })}
            error={form.fieldError('durationMinutes')}
          />
          <ColorInput
            label={t('motifs.colour')}
            value={value.colour}
            onChange={(colour) => set({ colour })}
            format="hex"
            error={form.fieldError('colour')}
          />
        </SimpleGrid>
        <MultiSelect
          label={t('motifs.practitioners')}
          data={(resources.data?.practitioners ?? [])
            .filter((p) => p.active || value.eligiblePractitionerIds.includes(p.id))
            .map((p) => ({ value: p.id, label: p.name }))}
          value={value.eligiblePractitionerIds}
          onChange={(eligiblePractitionerIds) => set({ eligiblePractitionerIds })}
          error={form.fieldError('eligiblePractitionerIds')}
          searchable
        />
        <SimpleGrid cols={2}>
          <TagsInput
            label={t('motifs.roomKind')}
            data={roomKinds}
            maxTags={1}
            value={value.roomKind ? [value.roomKind] : []}
            onChange={(v) => set({ roomKind: v[0] ?? null })}
            error={form.fieldError('roomKind')}
          />
          <TagsInput
            label={t('motifs.equipmentKinds')}
            value={value.equipmentKinds}
            onChange={(equipmentKinds) => set({ equipmentKinds })}
          />
          <Textarea
            label={t('motifs.preparationFr')}
            value={value.preparationInstructions.fr}
            onChange={(e) =>
              set({
                preparationInstructions: { ...value.preparationInstructions, fr: e.currentTarget.value },
              })
            }
            autosize
            minRows={2}
          />
          <Textarea
            label={t('motifs.preparationEn')}
            value={value.preparationInstructions.en}
            onChange={(e) =>
              set({
                preparationInstructions: { ...value.preparationInstructions, en: e.currentTarget.value },
              })
            }
            autosize
            minRows={2}
          />
          <Textarea
            label={t('motifs.documentsFr')}
            value={docsFr}
            onChange={(e) => setDocsFr(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <Textarea
            label={t('motifs.documentsEn')}
            value={docsEn}
            onChange={(e) => setDocsEn(e.currentTarget.value)}
            autosize
            minRows={2}
          />
        </SimpleGrid>
        <Group>
          <Checkbox
            label={t('motifs.newPatients')}
            checked={value.newPatientsAllowed}
            onChange={(e) => set({ newPatientsAllowed: e.currentTarget.checked })}
          />
          <Checkbox
            label={t('motifs.online')}
            checked={value.bookableOnline}
            onChange={(e) => set({ bookableOnline: e.currentTarget.checked })}
          />
          <Checkbox
            label={t('motifs.urgent')}
            checked={value.urgentSameDayOnly}
            onChange={(e) => set({ urgentSameDayOnly: e.currentTarget.checked })}
          />
          <Checkbox
            label={t('motifs.active')}
            checked={value.active}
            onChange={(e) => set({ active: e.currentTarget.checked })}
          />
        </Group>
        {form.error &&
          !['label', 'durationMinutes', 'colour', 'eligiblePractitionerIds', 'roomKind'].includes(
            form.error.field ?? '',
          ) && <Alert color="red">{form.error.message}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('settings.cancel')}
          </Button>
          <Button onClick={save} loading={form.busy}>
            {t('settings.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Appointment types (motifs): the list, and an editor for those who may manage the agenda. */
export function MotifsPanel({ canManage }: { canManage: boolean }) {
  const { t, i18n } = useTranslation('agenda');
  const lang = i18n.language === 'en' ? 'en' : 'fr';
  const resources = useResources();
  const motifs = useQuery({
    queryKey: ['agenda', 'motifs', 'detail'],
    queryFn: () => get<MotifDetail[]>('/api/agenda/appointment-types'),
  });
  const [editing, setEditing] = useState<Parameters<typeof MotifModal>[0]['motif']>(null);
  const names = new Map((resources.data?.practitioners ?? []).map((p) => [p.id, p.name]));
  return (
    <Stack>
      {canManage && (
        <Group>
          <Button size="xs" onClick={() => setEditing({ ...blank })}>
            {t('motifs.add')}
          </Button>
        </Group>
      )}
      {motifs.data?.length === 0 && <Text c="dimmed">{t('motifs.none')}</Text>}
      <Table striped>
        <Table.Tbody>
          {(motifs.data ?? []).map((m) => (
            <Table.Tr key={m.id} data-testid="motif-row">
              <Table.Td>
                <Group gap={8} wrap="nowrap">
                  <ColorSwatch color={m.colour} size={14} />
                  <Text size="sm" fw={500}>
                    {m.label[lang]}
                  </Text>
                </Group>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {t('motifs.minutes', { count: m.durationMinutes })}
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {m.eligiblePractitionerIds.map((id) => names.get(id) ?? '?').join(', ')}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  {[m.roomKind, ...m.equipmentKinds].filter(Boolean).join(', ')}
                </Text>
              </Table.Td>
              <Table.Td>
                {m.active ? null : (
                  <Badge color="gray" variant="light">
                    {t('settings.inactive')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                {canManage && (
                  <Button size="xs" variant="subtle" onClick={() => setEditing(m)}>
                    {t('settings.edit')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <MotifModal motif={editing} onClose={() => setEditing(null)} />
    </Stack>
  );
}
