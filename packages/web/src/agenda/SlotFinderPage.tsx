import { Alert, Button, Checkbox, Chip, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import type { freeSlotView } from '@pivot/core/agenda';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { post } from '../app/api.ts';
import { useSession } from '../app/session.tsx';
import { useApiForm } from '../app/use-api-form.ts';
import { type BookingDraft, BookModal } from './AppointmentPanels.tsx';
import { localDate, timeOf, useMotifs, useResources } from './agenda-model.ts';

type FreeSlot = z.input<typeof freeSlotView>;

/** "Prochains créneaux": the next free slots for a motif, with the patient's preferences. */
export function SlotFinderPage() {
  const { t, i18n } = useTranslation('agenda');
  const lang = i18n.language === 'en' ? 'en' : 'fr';
  const { can } = useSession();
  const motifs = useMotifs();
  const resources = useResources();
  const form = useApiForm();
  const [motifId, setMotifId] = useState<string | null>(null);
  const [period, setPeriod] = useState<string>('any');
  const [weekdays, setWeekdays] = useState<string[]>([]);
  const [preferred, setPreferred] = useState<string | null>(null);
  const [onlyPreferred, setOnlyPreferred] = useState(false);
  const [urgent, setUrgent] = useState(false);
  const [slots, setSlots] = useState<FreeSlot[] | null>(null);
  const [draft, setDraft] = useState<BookingDraft | null>(null);
  const names = new Map((resources.data?.practitioners ?? []).map((p) => [p.id, p.name]));
  const motif = motifs.data?.find((m) => m.id === motifId);

  const search = async () => {
    const result = await form.submit(() =>
      post<FreeSlot[]>('/api/agenda/slots', {
        appointmentTypeId: motifId ?? '',
        count: 10,
        period: period === 'any' ? null : period,
        weekdays: weekdays.map(Number),
        preferredPractitionerId: preferred,
        onlyPreferredPractitioner: onlyPreferred && !!preferred,
        urgent,
      }),
    );
    if (result) setSlots(result);
  };

  return (
    <Stack>
      <Title order={3}>{t('slots.title')}</Title>
      <Group align="end">
        <Select
          label={t('slots.motif')}
          data={(motifs.data ?? [])
            .filter((m) => m.active)
            .map((m) => ({ value: m.id, label: m.label[lang] }))}
          value={motifId}
          onChange={setMotifId}
          error={form.fieldError('appointmentTypeId')}
          searchable
          w={280}
        />
        <Select
          label={t('slots.period')}
          data={[
            { value: 'any', label: t('slots.any') },
            { value: 'morning', label: t('slots.morning') },
            { value: 'afternoon', label: t('slots.afternoon') },
          ]}
          value={period}
          onChange={(v) => setPeriod(v ?? 'any')}
          w={160}
        />
        <Select
          label={t('slots.preferred')}
          data={(resources.data?.practitioners ?? [])
            .filter((p) => p.active)
            .map((p) => ({ value: p.id, label: p.name }))}
          value={preferred}
          onChange={setPreferred}
          clearable
          error={form.fieldError('preferredPractitionerId')}
          w={220}
        />
      </Group>
      <Group>
        <Text size="sm">{t('slots.weekdays')}</Text>
        <Chip.Group multiple value={weekdays} onChange={setWeekdays}>
          {(t('weekdays', { returnObjects: true }) as string[]).map((label, i) => (
            <Chip key={label} value={String(i + 1)} size="xs">
              {label}
            </Chip>
          ))}
        </Chip.Group>
        <Checkbox
          label={t('slots.onlyPreferred')}
          checked={onlyPreferred}
          onChange={(e) => setOnlyPreferred(e.currentTarget.checked)}
        />
        <Checkbox
          label={t('slots.urgent')}
          checked={urgent}
          onChange={(e) => setUrgent(e.currentTarget.checked)}
        />
        <Button onClick={search} loading={form.busy} disabled={!motifId}>
          {t('slots.search')}
        </Button>
      </Group>
      {form.generalError && !form.error?.field?.startsWith('appointmentType') && (
        <Alert color="red">{form.generalError}</Alert>
      )}
      {slots && slots.length === 0 && <Text c="dimmed">{t('slots.none')}</Text>}
      {slots && slots.length > 0 && (
        <Table striped data-testid="free-slots">
          <Table.Tbody>
            {slots.map((s) => (
              <Table.Tr key={`${s.practitionerId}${s.start}`}>
                <Table.Td>
                  {new Date(`${localDate(s.start)}T12:00:00Z`).toLocaleDateString(
                    lang === 'en' ? 'en-GB' : 'fr-FR',
                    {
                      weekday: 'long',
                      day: 'numeric',
                      month: 'long',
                      timeZone: 'UTC',
                    },
                  )}
                </Table.Td>
                <Table.Td>
                  {timeOf(s.start)}–{timeOf(s.end)}
                </Table.Td>
                <Table.Td>{names.get(s.practitionerId)}</Table.Td>
                <Table.Td>
                  {can('agenda.write') && motif && (
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() =>
                        setDraft({
                          practitionerId: s.practitionerId,
                          practitionerName: names.get(s.practitionerId) ?? '',
                          start: `${localDate(s.start)}T${timeOf(s.start)}`,
                          appointmentTypeId: motif.id,
                        })
                      }
                    >
                      {t('slots.book')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <BookModal
        draft={draft}
        onClose={() => {
          setDraft(null);
          setSlots(null);
        }}
      />
    </Stack>
  );
}
