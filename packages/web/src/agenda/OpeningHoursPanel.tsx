import {
  Alert,
  Button,
  Card,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  type DailyRangeView,
  type equipmentSettingsView,
  type openingHoursTemplateView,
  type openingHoursView,
  weekdayNames,
} from '@pivot/core/agenda';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { get, post, put } from '../app/api.ts';
import { useApiForm } from '../app/use-api-form.ts';
import { todayDate, useResources } from './agenda-model.ts';

type Range = DailyRangeView;
type Day = (typeof weekdayNames)[number];
type Template = z.input<typeof openingHoursTemplateView>;
type OpeningHours = z.input<typeof openingHoursView>;

export const rangesText = (ranges: Range[] | undefined) =>
  (ranges ?? []).map((r) => `${r.start}-${r.end}${r.reservedSameDay ? '*' : ''}`).join(', ');

/** '08:00-12:00, 14:00-18:00*' to ranges; null when a piece cannot be read. */
export function parseRanges(text: string): Range[] | null {
  const pieces = text
    .split(/[,;]/)
    .map((p) => p.trim())
    .filter(Boolean);
  const ranges: Range[] = [];
  for (const piece of pieces) {
    const m = /^(\d{1,2})[:h](\d{2})\s*[-–à]\s*(\d{1,2})[:h](\d{2})\s*(\*)?$/.exec(piece);
    if (!m) return null;
    const pad = (h: string, min: string) => `${h.padStart(2, '0')}:${min}`;
    ranges.push({ start: pad(m[1]!, m[2]!), end: pad(m[3]!, m[4]!), reservedSameDay: !!m[5] });
  }
  return ranges;
}

const emptyDays = () => Object.fromEntries(weekdayNames.map((d) => [d, ''])) as Record<Day, string>;

/** Weekly templates and special days of one agenda (practitioner, room or equipment). */
export function OpeningHoursPanel({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation('agenda');
  const client = useQueryClient();
  const resources = useResources();
  const form = useApiForm();
  const exceptionForm = useApiForm();
  const organization = useQuery({
    queryKey: ['organization'],
    queryFn: () => get<{ sites: { id: string; name: string; active: boolean }[] }>('/api/organization'),
  });
  const equipment = useQuery({
    queryKey: ['agenda', 'equipment'],
    queryFn: () => get<z.input<typeof equipmentSettingsView>[]>('/api/agenda/equipment'),
  });
  const [kind, setKind] = useState<'practitioner' | 'room' | 'equipment'>('practitioner');
  const [resourceId, setResourceId] = useState<string | null>(null);
  const [editing, setEditing] = useState<Template | 'new' | null>(null);
  const [siteId, setSiteId] = useState<string | null>(null);
  const [validFrom, setValidFrom] = useState(todayDate());
  const [validTo, setValidTo] = useState('');
  const [parity, setParity] = useState<'all' | 'even' | 'odd'>('all');
  const [days, setDays] = useState(emptyDays());
  const [badDay, setBadDay] = useState<string | null>(null);
  const [exDate, setExDate] = useState('');
  const [exRanges, setExRanges] = useState('');
  const [exReason, setExReason] = useState('');

  const options =
    kind === 'practitioner'
      ? (resources.data?.practitioners ?? [])
          .filter((p) => p.active)
          .map((p) => ({ value: p.id, label: p.name }))
      : kind === 'room'
        ? (resources.data?.rooms ?? []).map((r) => ({ value: r.id, label: r.name }))
        : (equipment.data ?? []).filter((e) => e.active).map((e) => ({ value: e.id, label: e.name }));
  const chosen = options.some((o) => o.value === resourceId) ? resourceId : (options[0]?.value ?? null);
  const sites = (organization.data?.sites ?? []).filter((s) => s.active);
  const siteName = (id: string) => sites.find((s) => s.id === id)?.name ?? '';
  const hours = useQuery({
    queryKey: ['agenda', 'opening-hours', chosen],
    queryFn: () => get<OpeningHours>(`/api/agenda/opening-hours?resourceId=${chosen}`),
    enabled: !!chosen,
  });

  const open = (template: Template | 'new') => {
    form.setError(null);
    setBadDay(null);
    setEditing(template);
    if (template === 'new') {
      setSiteId(sites[0]?.id ?? null);
      setValidFrom(todayDate());
      setValidTo('');
      setParity('all');
      setDays(emptyDays());
    } else {
      setSiteId(template.siteId);
      setValidFrom(template.validFrom);
      setValidTo(template.validTo ?? '');
      setParity(template.weekParity);
      setDays(
        Object.fromEntries(weekdayNames.map((d) => [d, rangesText(template.days[d])])) as Record<Day, string>,
      );
    }
  };

  const save = async () => {
    if (!chosen || !editing) return;
    const parsed: Partial<Record<Day, Range[]>> = {};
    for (const d of weekdayNames) {
      const ranges = parseRanges(days[d]);
      if (!ranges) {
        setBadDay(d);
        return;
      }
      if (ranges.length > 0) parsed[d] = ranges;
    }
    setBadDay(null);
    const body = {
      resourceId: chosen,
      resourceKind: kind,
      siteId: siteId ?? '',
      validFrom,
      validTo: validTo || null,
      weekParity: parity,
      days: parsed,
    };
    const done = await form.submit(() =>
      editing === 'new'
        ? post('/api/agenda/opening-hours', body)
        : put(`/api/agenda/opening-hours/${editing.id}`, { ...body, version: editing.version }),
    );
    if (done) {
      notifications.show({ color: 'green', message: t('settings.saved') });
      setEditing(null);
      await client.invalidateQueries({ queryKey: ['agenda'] });
    }
  };

  const saveException = async () => {
    if (!chosen) return;
    const ranges = parseRanges(exRanges);
    if (!ranges) {
      exceptionForm.setError(null);
      setBadDay('exception');
      return;
    }
    setBadDay(null);
    const done = await exceptionForm.submit(() =>
      put('/api/agenda/opening-exceptions', {
        resourceId: chosen,
        siteId: hours.data?.templates[0]?.siteId ?? sites[0]?.id ?? '',
        date: exDate,
        ranges,
        reason: exReason,
      }),
    );
    if (done) {
      notifications.show({ color: 'green', message: t('settings.saved') });
      setExDate('');
      setExRanges('');
      setExReason('');
      await client.invalidateQueries({ queryKey: ['agenda'] });
    }
  };

  return (
    <Stack>
      <Group align="end">
        <SegmentedControl
          value={kind}
          onChange={(v) => {
            setKind(v as typeof kind);
            setEditing(null);
          }}
          data={(['practitioner', 'room', 'equipment'] as const).map((k) => ({
            value: k,
            label: t(`hours.kinds.${k}`),
          }))}
        />
        <Select
          label={t('hours.resource')}
          data={options}
          value={chosen}
          onChange={(v) => {
            setResourceId(v);
            setEditing(null);
          }}
          w={260}
          searchable
        />
      </Group>
      <Text fw={600}>{t('hours.templates')}</Text>
      {hours.data?.templates.length === 0 && <Text c="dimmed">{t('hours.noTemplate')}</Text>}
      <Table>
        <Table.Tbody>
          {(hours.data?.templates ?? []).map((tpl) => (
            <Table.Tr key={tpl.id} data-testid="template-row">
              <Table.Td>
                {tpl.validFrom.split('-').reverse().join('/')} →{' '}
                {tpl.validTo ? tpl.validTo.split('-').reverse().join('/') : '…'}
                <Text size="xs" c="dimmed">
                  {siteName(tpl.siteId)} · {t(`hours.parities.${tpl.weekParity}`)}
                </Text>
              </Table.Td>
              <Table.Td>
                {weekdayNames
                  .filter((d) => tpl.days[d]?.length)
                  .map((d) => (
                    <Text size="sm" key={d}>
                      {t(`hours.days.${d}`)} : {rangesText(tpl.days[d])}
                    </Text>
                  ))}
              </Table.Td>
              <Table.Td>
                {canManage && (
                  <Button size="xs" variant="subtle" onClick={() => open(tpl)}>
                    {t('settings.edit')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {canManage && editing === null && chosen && (
        <Group>
          <Button size="xs" onClick={() => open('new')}>
            {t('hours.add')}
          </Button>
        </Group>
      )}
      {editing !== null && (
        <Card withBorder>
          <Stack>
            <Group align="end">
              <Select
                label={t('settings.site')}
                data={sites.map((s) => ({ value: s.id, label: s.name }))}
                value={siteId}
                onChange={setSiteId}
                error={form.fieldError('siteId')}
                w={220}
              />
              <TextInput
                label={t('hours.validFrom')}
                type="date"
                value={validFrom}
                onChange={(e) => setValidFrom(e.currentTarget.value)}
                error={form.fieldError('validFrom')}
              />
              <TextInput
                label={t('hours.validTo')}
                type="date"
                value={validTo}
                onChange={(e) => setValidTo(e.currentTarget.value)}
                error={form.fieldError('validTo')}
              />
              <Select
                label={t('hours.parity')}
                data={(['all', 'even', 'odd'] as const).map((p) => ({
                  value: p,
                  label: t(`hours.parities.${p}`),
                }))}
                value={parity}
                onChange={(v) => setParity((v as typeof parity) ?? 'all')}
                w={120}
              />
            </Group>
            <Text size="xs" c="dimmed">
              {t('hours.rangesHint')}
            </Text>
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              {weekdayNames.map((d) => (
                <TextInput
                  key={d}
                  label={t(`hours.days.${d}`)}
                  value={days[d]}
                  placeholder={t('hours.closed')}
                  onChange={(e) => {
                    const value = e.currentTarget.value;
                    setDays((all) => ({ ...all, [d]: value }));
                  }}
                  error={badDay === d ? t('hours.badRanges', { value: days[d] }) : undefined}
                />
              ))}
            </SimpleGrid>
            {form.error && !['siteId', 'validFrom', 'validTo'].includes(form.error.field ?? '') && (
              <Alert color="red">{form.error.message}</Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setEditing(null)}>
                {t('settings.cancel')}
              </Button>
              <Button onClick={save} loading={form.busy}>
                {t('settings.save')}
              </Button>
            </Group>
          </Stack>
        </Card>
      )}
      <Text fw={600}>{t('hours.exceptions')}</Text>
      {hours.data?.exceptions.length === 0 && <Text c="dimmed">{t('hours.noException')}</Text>}
      <Table>
        <Table.Tbody>
          {(hours.data?.exceptions ?? []).map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>{e.date.split('-').reverse().join('/')}</Table.Td>
              <Table.Td>{e.ranges.length ? rangesText(e.ranges) : t('hours.closed')}</Table.Td>
              <Table.Td>{e.reason}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {canManage && chosen && (
        <Group align="end">
          <TextInput
            label={t('hours.exceptionDate')}
            type="date"
            value={exDate}
            onChange={(e) => setExDate(e.currentTarget.value)}
            error={exceptionForm.fieldError('date')}
          />
          <TextInput
            label={t('hours.exceptionRanges')}
            value={exRanges}
            placeholder={t('hours.closed')}
            onChange={(e) => setExRanges(e.currentTarget.value)}
            error={
              badDay === 'exception'
                ? t('hours.badRanges', { value: exRanges })
                : exceptionForm.fieldError('ranges')
            }
          />
          <TextInput
            label={t('hours.exceptionReason')}
            value={exReason}
            onChange={(e) => setExReason(e.currentTarget.value)}
          />
          <Button onClick={saveException} loading={exceptionForm.busy} disabled={!exDate}>
            {t('hours.exceptionSave')}
          </Button>
        </Group>
      )}
      {exceptionForm.error && !['date', 'ranges'].includes(exceptionForm.error.field ?? '') && (
        <Alert color="red">{exceptionForm.error.message}</Alert>
      )}
    </Stack>
  );
}
