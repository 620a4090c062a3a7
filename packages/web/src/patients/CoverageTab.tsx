import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { formatNir } from '@pivot/core/identity';
import { exemptionKinds, periodsStateOn } from '@pivot/core/patients';
import { IconTrash } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, get, post } from '../app/api.ts';
import { formatDate } from '../app/date-format.ts';
import { useSession } from '../app/session.tsx';
import { useApiForm } from '../app/use-api-form.ts';
import { type CoverageItem, type PatientRecord, parseTypedDate, todayIso } from './model.ts';

const stateColors: Record<string, string> = {
  valid: 'green',
  expiring: 'orange',
  expired: 'red',
  missing: 'gray',
};

function StateBadge({ from, to }: { from: string; to?: string | null }) {
  const { t } = useTranslation('patients');
  const state = periodsStateOn([{ validFrom: from, validTo: to ?? null }], todayIso());
  return (
    <Badge size="xs" variant={state === 'expired' ? 'filled' : 'light'} color={stateColors[state]}>
      {t(`coverage.states.${state === 'missing' ? 'future' : state}`)}
    </Badge>
  );
}

export function CoverageTab({ patient }: { patient: PatientRecord }) {
  const { t } = useTranslation('patients');
  const { can } = useSession();
  const client = useQueryClient();
  const remove = useApiForm();
  const items = useQuery({
    queryKey: ['patients', 'coverage', patient.id],
    queryFn: () => get<CoverageItem[]>(`/api/patients/${patient.id}/coverage`),
  });
  const writable = can('patients.write') && !patient.mergedInto;
  const refresh = async () => {
    await client.invalidateQueries({ queryKey: ['patients', 'coverage', patient.id] });
    await client.invalidateQueries({ queryKey: ['patients', 'record', patient.id] });
  };
  const removeItem = async (item: CoverageItem) => {
    if (!window.confirm(t('coverage.confirmRemove'))) return;
    if (await remove.submit(() => api('DELETE', `/api/patients/${patient.id}/coverage/${item.id}`)))
      await refresh();
  };
  const of = (kind: CoverageItem['kind']) => (items.data ?? []).filter((i) => i.kind === kind);
  const s = (v: unknown) => (v == null ? '' : String(v));
  const removeCell = (item: CoverageItem) =>
    writable && (
      <Table.Td w={40}>
        <ActionIcon
          variant="subtle"
          color="red"
          size="sm"
          aria-label={t('coverage.remove')}
          onClick={() => void removeItem(item)}
        >
          <IconTrash size={14} />
        </ActionIcon>
      </Table.Td>
    );

  return (
    <Stack gap="md">
      {items.error && <Alert color="red">{items.error.message}</Alert>}
      {remove.error && <Alert color="red">{remove.error.message}</Alert>}
      <Section title={t('coverage.mandatory')} state={patient.coverageStatus.mandatory}>
        <Table withTableBorder striped verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('coverage.beneficiaryNir')}</Table.Th>
              <Table.Th>{t('coverage.rank')}</Table.Th>
              <Table.Th>{t('coverage.regime')}</Table.Th>
              <Table.Th>{t('coverage.caisse')}</Table.Th>
              <Table.Th>{t('coverage.centre')}</Table.Th>
              <Table.Th>{t('coverage.validity')}</Table.Th>
              {writable && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {of('mandatory').map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td ff="monospace">{m.beneficiaryNir ? formatNir(s(m.beneficiaryNir)) : ''}</Table.Td>
                <Table.Td>{s(m.beneficiaryRank)}</Table.Td>
                <Table.Td>{s(m.regimeCode)}</Table.Td>
                <Table.Td>{s(m.caisseCode)}</Table.Td>
                <Table.Td>{s(m.centreCode)}</Table.Td>
                <Table.Td>
                  <Validity from={s(m.validFrom)} to={m.validTo as string | null} />
                </Table.Td>
                {removeCell(m)}
              </Table.Tr>
            ))}
            <EmptyRow count={of('mandatory').length} span={7} />
          </Table.Tbody>
        </Table>
        {writable && (
          <MandatoryForm patientId={patient.id} onSaved={refresh} defaultNir={patient.nir ?? ''} />
        )}
      </Section>
      <Section title={t('coverage.complementary')} state={patient.coverageStatus.complementary}>
        <Table withTableBorder striped verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('coverage.organization')}</Table.Th>
              <Table.Th>{t('coverage.contract')}</Table.Th>
              <Table.Th>{t('coverage.thirdParty')}</Table.Th>
              <Table.Th>{t('coverage.validity')}</Table.Th>
              {writable && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {of('complementary').map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{s(c.organizationName)}</Table.Td>
                <Table.Td>{s(c.contractNumber)}</Table.Td>
                <Table.Td>{c.thirdPartyPayment ? t('common.yes') : t('common.no')}</Table.Td>
                <Table.Td>
                  <Validity from={s(c.validFrom)} to={c.validTo as string | null} />
                </Table.Td>
                {removeCell(c)}
              </Table.Tr>
            ))}
            <EmptyRow count={of('complementary').length} span={5} />
          </Table.Tbody>
        </Table>
        {writable && <ComplementaryForm patientId={patient.id} onSaved={refresh} />}
      </Section>
      <Section title={t('coverage.exemptions')}>
        <Table withTableBorder striped verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('coverage.exemptionKind')}</Table.Th>
              <Table.Th>{t('coverage.aldLabel')}</Table.Th>
              <Table.Th>{t('coverage.validity')}</Table.Th>
              {writable && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {of('exemption').map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{t(`exemptionKinds.${s(e.kind)}`)}</Table.Td>
                <Table.Td>{s(e.aldLabel)}</Table.Td>
                <Table.Td>
                  <Validity from={s(e.startDate)} to={e.endDate as string | null} />
                </Table.Td>
                {removeCell(e)}
              </Table.Tr>
            ))}
            <EmptyRow count={of('exemption').length} span={4} />
          </Table.Tbody>
        </Table>
        {writable && <ExemptionForm patientId={patient.id} onSaved={refresh} />}
      </Section>
    </Stack>
  );
}

function Section({ title, state, children }: { title: string; state?: string; children: React.ReactNode }) {
  const { t } = useTranslation('patients');
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Title order={2} size="h4">
          {title}
        </Title>
        {state && (
          <Badge color={stateColors[state]} variant={state === 'expired' ? 'filled' : 'light'} size="sm">
            {t(`coverage.states.${state}`)}
          </Badge>
        )}
      </Group>
      {children}
    </Stack>
  );
}

function Validity({ from, to }: { from: string; to?: string | null }) {
  const { t } = useTranslation('patients');
  return (
    <Group gap={6}>
      <Text size="sm">
        {to
          ? t('coverage.fromTo', { from: formatDate(from), to: formatDate(to) })
          : t('coverage.fromOpen', { from: formatDate(from) })}
      </Text>
      <StateBadge from={from} to={to} />
    </Group>
  );
}

function EmptyRow({ count, span }: { count: number; span: number }) {
  const { t } = useTranslation('patients');
  if (count > 0) return null;
  return (
    <Table.Tr>
      <Table.Td colSpan={span}>
        <Text size="sm" c="dimmed">
          {t('coverage.none')}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

interface FormProps {
  patientId: string;
  onSaved: () => Promise<void>;
}

const dateInput = { size: 'xs', inputMode: 'numeric', autoComplete: 'off' } as const;
/** Dates are typed dd/mm/yyyy like everywhere in Pivot; a date that does not parse goes as typed, the server names it. */
const iso = (typed: string) => parseTypedDate(typed) ?? typed.trim();
const isoOrNull = (typed: string) => (typed.trim() ? iso(typed) : null);

function MandatoryForm({ patientId, onSaved, defaultNir }: FormProps & { defaultNir: string }) {
  const { t } = useTranslation('patients');
  const form = useApiForm();
  const initial = {
    beneficiaryNir: defaultNir,
    beneficiaryRank: 1 as number | string,
    regimeCode: '01',
    caisseCode: '',
    centreCode: '',
    validFrom: formatDate(todayIso()),
    validTo: '',
  };
  const [d, setD] = useState(initial);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const body = {
      beneficiaryNir: d.beneficiaryNir,
      beneficiaryRank: Number(d.beneficiaryRank) || 1,
      regimeCode: d.regimeCode.trim(),
      caisseCode: d.caisseCode.trim(),
      ...(d.centreCode.trim() ? { centreCode: d.centreCode.trim() } : {}),
      validFrom: iso(d.validFrom),
      validTo: isoOrNull(d.validTo),
    };
    if (await form.submit(() => post(`/api/patients/${patientId}/coverage/mandatory`, body))) {
      setD(initial);
      await onSaved();
    }
  };
  return (
    <Card withBorder padding="xs" component="form" onSubmit={submit} noValidate>
      <Text size="sm" fw={600} mb={4}>
        {t('coverage.addMandatory')}
      </Text>
      {form.error && !form.error.field && (
        <Alert color="red" mb="xs">
          {form.error.message}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 2, md: 4, lg: 7 }} spacing="xs">
        <TextInput
          size="xs"
          label={t('coverage.beneficiaryNir')}
          required
          value={d.beneficiaryNir}
          onChange={(e) => setD({ ...d, beneficiaryNir: e.currentTarget.value })}
          error={form.fieldError('beneficiaryNir')}
        />
        <NumberInput
          size="xs"
          label={t('coverage.rank')}
          min={1}
          max={9}
          value={d.beneficiaryRank}
          onChange={(v) => setD({ ...d, beneficiaryRank: v })}
          error={form.fieldError('beneficiaryRank')}
        />
        <TextInput
          size="xs"
          label={t('coverage.regime')}
          required
          maxLength={2}
          value={d.regimeCode}
          onChange={(e) => setD({ ...d, regimeCode: e.currentTarget.value })}
          error={form.fieldError('regimeCode')}
        />
        <TextInput
          size="xs"
          label={t('coverage.caisse')}
          required
          maxLength={3}
          value={d.caisseCode}
          onChange={(e) => setD({ ...d, caisseCode: e.currentTarget.value })}
          error={form.fieldError('caisseCode')}
        />
        <TextInput
          size="xs"
          label={t('coverage.centre')}
          maxLength={4}
          value={d.centreCode}
          onChange={(e) => setD({ ...d, centreCode: e.currentTarget.value })}
          error={form.fieldError('centreCode')}
        />
        <TextInput
          {...dateInput}
          placeholder={t('form.datePlaceholder')}
          label={t('coverage.validFrom')}
          required
          value={d.validFrom}
          onChange={(e) => setD({ ...d, validFrom: e.currentTarget.value })}
          error={form.fieldError('validFrom')}
        />
        <TextInput
          {...dateInput}
          placeholder={t('form.datePlaceholder')}
          label={t('coverage.validTo')}
          value={d.validTo}
          onChange={(e) => setD({ ...d, validTo: e.currentTarget.value })}
          error={form.fieldError('validTo')}
        />
      </SimpleGrid>
      <Group mt="xs">
        <Button type="submit" size="xs" loading={form.busy}>
          {t('coverage.add')}
        </Button>
      </Group>
    </Card>
  );
}

function ComplementaryForm({ patientId, onSaved }: FormProps) {
  const { t } = useTranslation('patients');
  const form = useApiForm();
  const initial = {
    organizationName: '',
    contractNumber: '',
    thirdPartyPayment: true,
    validFrom: formatDate(todayIso()),
    validTo: '',
  };
  const [d, setD] = useState(initial);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const body = {
      ...(d.organizationName.trim() ? { organizationName: d.organizationName.trim() } : {}),
      ...(d.contractNumber.trim() ? { contractNumber: d.contractNumber.trim() } : {}),
      thirdPartyPayment: d.thirdPartyPayment,
      validFrom: iso(d.validFrom),
      validTo: isoOrNull(d.validTo),
    };
    if (await form.submit(() => post(`/api/patients/${patientId}/coverage/complementary`, body))) {
      setD(initial);
      await onSaved();
    }
  };
  return (
    <Card withBorder padding="xs" component="form" onSubmit={submit} noValidate>
      <Text size="sm" fw={600} mb={4}>
        {t('coverage.addComplementary')}
      </Text>
      {form.error && !form.error.field && (
        <Alert color="red" mb="xs">
          {form.error.message}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 2, md: 5 }} spacing="xs">
        <TextInput
          size="xs"
          label={t('coverage.organization')}
          required
          value={d.organizationName}
          onChange={(e) => setD({ ...d, organizationName: e.currentTarget.value })}
          error={form.fieldError('organizationName')}
        />
        <TextInput
          size="xs"
          label={t('coverage.contract')}
          value={d.contractNumber}
          onChange={(e) => setD({ ...d, contractNumber: e.currentTarget.value })}
          error={form.fieldError('contractNumber')}
        />
        <TextInput
          {...dateInput}
          placeholder={t('form.datePlaceholder')}
          label={t('coverage.validFrom')}
          required
          value={d.validFrom}
          onChange={(e) => setD({ ...d, validFrom: e.currentTarget.value })}
          error={form.fieldError('validFrom')}
        />
        <TextInput
          {...dateInput}
          placeholder={t('form.datePlaceholder')}
          label={t('coverage.validTo')}
          value={d.validTo}
          onChange={(e) => setD({ ...d, validTo: e.currentTarget.value })}
          error={form.fieldError('validTo')}
        />
        <Checkbox
          mt={26}
          size="xs"
          label={t('coverage.thirdParty')}
          checked={d.thirdPartyPayment}
          onChange={(e) => setD({ ...d, thirdPartyPayment: e.currentTarget.checked })}
        />
      </SimpleGrid>
      <Group mt="xs">
        <Button type="submit" size="xs" loading={form.busy}>
          {t('coverage.add')}
        </Button>
      </Group>
    </Card>
  );
}

function ExemptionForm({ patientId, onSaved }: FormProps) {
  const { t } = useTranslation('patients');
  const form = useApiForm();
  const initial = { kind: 'ald', aldLabel: '', startDate: formatDate(todayIso()), endDate: '' };
  const [d, setD] = useState(initial);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const body = {
      kind: d.kind,
      ...(d.kind === 'ald' && d.aldLabel.trim() ? { aldLabel: d.aldLabel.trim() } : {}),
      startDate: iso(d.startDate),
      endDate: isoOrNull(d.endDate),
    };
    if (await form.submit(() => post(`/api/patients/${patientId}/coverage/exemption`, body))) {
      setD(initial);
      await onSaved();
    }
  };
  return (
    <Card withBorder padding="xs" component="form" onSubmit={submit} noValidate>
      <Text size="sm" fw={600} mb={4}>
        {t('coverage.addExemption')}
      </Text>
      {form.error && !form.error.field && (
        <Alert color="red" mb="xs">
          {form.error.message}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="xs">
        <Select
          size="xs"
          label={t('coverage.exemptionKind')}
          data={exemptionKinds.map((k) => ({ value: k, label: t(`exemptionKinds.${k}`) }))}
          value={d.kind}
          allowDeselect={false}
          onChange={(v) => setD({ ...d, kind: v ?? 'ald' })}
          error={form.fieldError('kind')}
        />
        {d.kind === 'ald' ? (
          <TextInput
            size="xs"
            label={t('coverage.aldLabel')}
            required
            value={d.aldLabel}
            onChange={(e) => setD({ ...d, aldLabel: e.currentTarget.value })}
            error={form.fieldError('aldLabel')}
          />
        ) : (
          <div />
        )}
        <TextInput
          {...dateInput}
          placeholder={t('form.datePlaceholder')}
          label={t('coverage.startDate')}
          required
          value={d.startDate}
          onChange={(e) => setD({ ...d, startDate: e.currentTarget.value })}
          error={form.fieldError('startDate')}
        />
        <TextInput
          {...dateInput}
          placeholder={t('form.datePlaceholder')}
          label={t('coverage.endDate')}
          value={d.endDate}
          onChange={(e) => setD({ ...d, endDate: e.currentTarget.value })}
          error={form.fieldError('endDate')}
        />
      </SimpleGrid>
      <Group mt="xs">
        <Button type="submit" size="xs" loading={form.busy}>
          {t('coverage.add')}
        </Button>
      </Group>
    </Card>
  );
}
