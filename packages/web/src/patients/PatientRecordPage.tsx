import {
  Alert,
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Center,
  Group,
  Loader,
  Paper,
  Stack,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { formatNir } from '@pivot/core/identity';
import { IconAlertTriangle, IconDownload, IconGitMerge } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { get } from '../app/api.ts';
import { formatDate } from '../app/date-format.ts';
import { useSession } from '../app/session.tsx';
import { CareTeamPanel } from '../directory/index.ts';
import { AccessLogTab } from './AccessLogTab.tsx';
import { CoverageTab } from './CoverageTab.tsx';
import { IdentityBadge, useAge } from './components.tsx';
import { IdentityTab } from './IdentityTab.tsx';
import { MergeTab } from './MergeTab.tsx';
import { type PatientRecord, titleCase } from './model.ts';
import { RecordTab } from './RecordTab.tsx';

const flagColors: Record<string, string> = {
  mandatory_missing: 'orange',
  mandatory_expired: 'red',
  mandatory_expiring: 'orange',
  complementary_missing: 'gray',
  complementary_expired: 'red',
  complementary_expiring: 'orange',
  exemption_active: 'blue',
  exemption_expiring: 'orange',
  third_party_payment: 'teal',
};

export function usePatient(id: string) {
  return useQuery({
    queryKey: ['patients', 'record', id],
    queryFn: () => get<PatientRecord>(`/api/patients/${id}`),
  });
}

/** Always on top of the record: who this is, how sure we are, and what their coverage says. */
export function PatientBanner({ patient }: { patient: PatientRecord }) {
  const { t } = useTranslation('patients');
  const age = useAge();
  const flags = patient.coverageStatus.flags;
  const given = patient.birthGivenNames;
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      data-testid="patient-banner"
      style={{ position: 'sticky', top: 56, zIndex: 5 }}
      component="section"
      aria-label={t('banner.label')}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4}>
          <Group gap="xs" align="baseline">
            <Title order={1} size="h3" data-testid="banner-name">
              {patient.birthName}{' '}
              <Text span inherit fw={500}>
                {titleCase(given[0] ?? '')}
              </Text>
            </Title>
            {given.length > 1 && (
              <Text size="sm" c="dimmed">
                {given.slice(1).map(titleCase).join(' ')}
              </Text>
            )}
            {patient.usedName && patient.usedName !== patient.birthName && (
              <Text size="sm">
                {t('banner.usedName')} <b>{patient.usedName}</b>
              </Text>
            )}
            {patient.usedGivenName && patient.usedGivenName !== given[0] && (
              <Text size="sm">
                {t('banner.usedGivenName')} <b>{titleCase(patient.usedGivenName)}</b>
              </Text>
            )}
          </Group>
          <Group gap="md">
            <Text size="sm">
              {t('search.bornOn', { date: formatDate(patient.birthDate) })} · <b>{age(patient.birthDate)}</b>
            </Text>
            <Text size="sm">{t(`sex.${patient.sex}`)}</Text>
            {patient.birthPlaceCode && (
              <Text size="sm" c="dimmed">
                {t('banner.birthPlace', { code: patient.birthPlaceCode })}
              </Text>
            )}
            {(patient.identity.ins?.value ?? patient.nir) && (
              <Text size="sm" c="dimmed" ff="monospace">
                {patient.identity.ins ? 'INS' : 'NIR'}{' '}
                {formatNir(patient.identity.ins?.value ?? patient.nir ?? '')}
              </Text>
            )}
          </Group>
          <Group gap={6}>
            {flags.map((f) => (
              <Badge
                key={f}
                color={flagColors[f] ?? 'gray'}
                variant={f.endsWith('expired') ? 'filled' : 'light'}
                size="sm"
                data-testid="coverage-flag"
              >
                {f === 'exemption_active'
                  ? t('flags.exemption_active', {
                      kinds: patient.coverageStatus.activeExemptions
                        .map((k) => t(`exemptionKinds.${k}`))
                        .join(', '),
                    })
                  : t(`flags.${f}`)}
              </Badge>
            ))}
            {patient.accessibilityNeeds.map((n) => (
              <Badge key={n} color="grape" variant="outline" size="sm">
                {t(`needs.${n}`)}
              </Badge>
            ))}
          </Group>
        </Stack>
        <Stack gap={4} align="flex-end">
          <IdentityBadge status={patient.identity.status} size="lg" />
          {patient.identity.doubtful && (
            <Badge color="red" variant="outline" size="sm">
              {t('identity.doubtful')}
            </Badge>
          )}
          {patient.identity.fictitious && (
            <Badge color="red" variant="outline" size="sm">
              {t('identity.fictitious')}
            </Badge>
          )}
        </Stack>
      </Group>
    </Paper>
  );
}

const tabs = ['dossier', 'identite', 'couverture', 'equipe', 'acces', 'fusion'] as const;

export function PatientRecordPage() {
  const { t } = useTranslation('patients');
  const { can } = useSession();
  const navigate = useNavigate();
  const params = useParams();
  const id = params.id ?? '';
  const tab = (params['*'] || 'dossier').split('/')[0] ?? 'dossier';
  const patient = usePatient(id);

  if (patient.isLoading)
    return (
      <Center h={200}>
        <Loader />
      </Center>
    );
  if (patient.error || !patient.data)
    return (
      <Alert color="red" title={t('record.notFound')}>
        {patient.error?.message}
      </Alert>
    );
  const p = patient.data;
  const exportRecord = () => {
    const link = document.createElement('a');
    link.href = `/api/patients/${p.id}/export`;
    link.download = `patient-${p.id}.json`;
    link.click();
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Breadcrumbs>
          <Anchor component={Link} to="/patients" size="sm">
            {t('title')}
          </Anchor>
          <span>{p.birthName}</span>
        </Breadcrumbs>
        {!p.mergedInto && (
          <Button size="xs" variant="default" leftSection={<IconDownload size={14} />} onClick={exportRecord}>
            {t('record.export')}
          </Button>
        )}
      </Group>
      {p.mergedInto && (
        <Alert
          color="orange"
          icon={<IconGitMerge size={18} />}
          title={t('record.mergedTitle')}
          data-testid="merged-banner"
        >
          <Group gap="xs">
            <Text size="sm">{t('record.mergedText')}</Text>
            <Anchor component={Link} to={`/patients/${p.mergedInto}`} size="sm" fw={600}>
              {t('record.openSurvivor')}
            </Anchor>
          </Group>
        </Alert>
      )}
      <PatientBanner patient={p} />
      {p.coverageStatus.flags.includes('mandatory_expired') && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />} py={6}>
          {t('record.coverageExpiredHint')}
        </Alert>
      )}
      <Tabs
        value={tabs.includes(tab as (typeof tabs)[number]) ? tab : 'dossier'}
        onChange={(v) => navigate(`/patients/${p.id}/${v === 'dossier' ? '' : v}`)}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="dossier">{t('tabs.record')}</Tabs.Tab>
          <Tabs.Tab value="identite">{t('tabs.identity')}</Tabs.Tab>
          <Tabs.Tab value="couverture">{t('tabs.coverage')}</Tabs.Tab>
          <Tabs.Tab value="equipe">{t('tabs.careTeam')}</Tabs.Tab>
          <Tabs.Tab value="acces">{t('tabs.access')}</Tabs.Tab>
          {(can('patients.merge') || can('patients.unmerge')) && (
            <Tabs.Tab value="fusion">{t('tabs.merge')}</Tabs.Tab>
          )}
        </Tabs.List>
        <Tabs.Panel value="dossier" pt="sm">
          <RecordTab patient={p} />
        </Tabs.Panel>
        <Tabs.Panel value="identite" pt="sm">
          <IdentityTab patient={p} />
        </Tabs.Panel>
        <Tabs.Panel value="couverture" pt="sm">
          <CoverageTab patient={p} />
        </Tabs.Panel>
        <Tabs.Panel value="equipe" pt="sm">
          <CareTeamPanel patientId={p.id} />
        </Tabs.Panel>
        <Tabs.Panel value="acces" pt="sm">
          <AccessLogTab patient={p} />
        </Tabs.Panel>
        <Tabs.Panel value="fusion" pt="sm">
          <MergeTab patient={p} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
