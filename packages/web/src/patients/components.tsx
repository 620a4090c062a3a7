import { Anchor, Badge, Group, List, Stack, Table, Text } from '@mantine/core';
import { ageLabel, ageOn } from '@pivot/core/patients';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDate } from '../app/date-format.ts';
import {
  type DuplicateReason,
  identityStatusColors,
  identityStatusVariants,
  type PatientSummary,
  titleCase,
  todayIso,
} from './model.ts';

export function IdentityBadge({ status, size = 'sm' }: { status: string; size?: 'xs' | 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation('patients');
  return (
    <Badge
      color={identityStatusColors[status] ?? 'gray'}
      variant={identityStatusVariants[status] ?? 'light'}
      size={size}
      data-testid="identity-status"
    >
      {t(`status.${status}`)}
    </Badge>
  );
}

/** "32 ans", "5 mois": the age the banner and the results show. */
export function useAge() {
  const { i18n } = useTranslation();
  const today = todayIso();
  return (birthDate: string) => ageLabel(ageOn(birthDate, today), i18n.language === 'en' ? 'en' : 'fr');
}

/** Birth name in capitals, then the used name when it differs ("DUPONT ép. MARTIN"). */
export function NamesCell({ patient }: { patient: Pick<PatientSummary, 'birthName' | 'usedName'> }) {
  const { t } = useTranslation('patients');
  return (
    <Text size="sm" fw={600} span>
      {patient.birthName}
      {patient.usedName && patient.usedName !== patient.birthName && (
        <Text span size="sm" fw={400} c="dimmed">
          {' '}
          {t('search.usedNamePrefix')} {patient.usedName}
        </Text>
      )}
    </Text>
  );
}

export function GivenNamesCell({
  patient,
}: {
  patient: Pick<PatientSummary, 'birthGivenNames' | 'usedGivenName'>;
}) {
  const { t } = useTranslation('patients');
  const first = patient.birthGivenNames[0] ?? '';
  const others = patient.birthGivenNames.slice(1);
  return (
    <Text size="sm" span>
      {titleCase(first)}
      {others.length > 0 && (
        <Text span size="sm" c="dimmed">
          {' '}
          {others.map(titleCase).join(' ')}
        </Text>
      )}
      {patient.usedGivenName && patient.usedGivenName !== first && (
        <Text span size="sm" c="dimmed">
          {' '}
          ({t('search.usedGivenNameShort')} {titleCase(patient.usedGivenName)})
        </Text>
      )}
    </Text>
  );
}

/** The reasons of a duplicate score in plain words, with their points. */
export function ReasonsList({ reasons }: { reasons: DuplicateReason[] }) {
  const { t } = useTranslation('patients');
  return (
    <List size="xs" spacing={0}>
      {reasons.map((r) => (
        <List.Item key={r.code}>
          {t(`reasons.${r.code}`, { defaultValue: r.code })}{' '}
          <Text span size="xs" c="dimmed">
            ({r.points > 0 ? '+' : ''}
            {r.points})
          </Text>
        </List.Item>
      ))}
    </List>
  );
}

export function ScoreBadge({ score, level }: { score: number; level: string }) {
  const { t } = useTranslation('patients');
  const color = level === 'certain' ? 'red' : level === 'probable' ? 'orange' : 'yellow';
  return (
    <Badge color={color} variant="light" size="sm">
      {t(`levels.${level}`, { defaultValue: level })} · {score}
    </Badge>
  );
}

/** One patient's distinguishing traits on one compact line, for modals and pairs. */
export function PatientTraits({ patient, link = true }: { patient: PatientSummary; link?: boolean }) {
  const { t } = useTranslation('patients');
  const age = useAge();
  return (
    <Stack gap={2}>
      <Group gap={6} wrap="nowrap">
        {link ? (
          <Anchor component={Link} to={`/patients/${patient.id}`} size="sm">
            <NamesCell patient={patient} />
          </Anchor>
        ) : (
          <NamesCell patient={patient} />
        )}
        <GivenNamesCell patient={patient} />
      </Group>
      <Group gap={8}>
        <Text size="xs">
          {t('search.bornOn', { date: formatDate(patient.birthDate) })} ({age(patient.birthDate)})
        </Text>
        <Text size="xs">{t(`sex.${patient.sex}`)}</Text>
        <IdentityBadge status={patient.identityStatus} size="xs" />
      </Group>
    </Stack>
  );
}

/** A compact table of patients with an action column. */
export function SummaryTable({
  patients,
  action,
}: {
  patients: PatientSummary[];
  action: (p: PatientSummary) => React.ReactNode;
}) {
  const { t } = useTranslation('patients');
  const age = useAge();
  return (
    <Table striped highlightOnHover withTableBorder verticalSpacing={4}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('fields.birthName')}</Table.Th>
          <Table.Th>{t('fields.givenNames')}</Table.Th>
          <Table.Th>{t('fields.birthDate')}</Table.Th>
          <Table.Th>{t('fields.sex')}</Table.Th>
          <Table.Th>{t('fields.status')}</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {patients.map((p) => (
          <Table.Tr key={p.id}>
            <Table.Td>
              <NamesCell patient={p} />
            </Table.Td>
            <Table.Td>
              <GivenNamesCell patient={p} />
            </Table.Td>
            <Table.Td>
              {formatDate(p.birthDate)} ({age(p.birthDate)})
            </Table.Td>
            <Table.Td>{t(`sex.${p.sex}`)}</Table.Td>
            <Table.Td>
              <IdentityBadge status={p.identityStatus} size="xs" />
            </Table.Td>
            <Table.Td>{action(p)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
