import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconGitMerge, IconSearch } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { get, post } from '../app/api.ts';
import { formatDateTime } from '../app/date-format.ts';
import { useSession } from '../app/session.tsx';
import { useApiForm } from '../app/use-api-form.ts';
import { PatientTraits, SummaryTable } from './components.tsx';
import type { MergeRow, PatientRecord, PatientSummary } from './model.ts';
import { usePatientSearch } from './SearchPage.tsx';

/** Merge another record into this one (it survives), and the merges already made. */
export function MergeTab({ patient }: { patient: PatientRecord }) {
  const { t, i18n } = useTranslation('patients');
  const { can } = useSession();
  const client = useQueryClient();
  const [term, setTerm] = useState('');
  const [chosen, setChosen] = useState<PatientSummary | null>(null);
  const search = usePatientSearch(term, 10);
  const merge = useApiForm();
  const undo = useApiForm();
  const merges = useQuery({
    queryKey: ['patients', 'merges', patient.id],
    queryFn: () => get<MergeRow[]>(`/api/patients/${patient.id}/merges`),
  });
  const candidates = search.results.filter((p) => p.id !== patient.id && !p.mergedInto);
  const canMerge = can('patients.merge') && !patient.mergedInto;

  const confirm = async () => {
    if (!chosen) return;
    if (await merge.submit(() => post(`/api/patients/${patient.id}/merge`, { mergedId: chosen.id }))) {
      setChosen(null);
      setTerm('');
      notifications.show({ color: 'green', message: t('merge.done') });
      await client.invalidateQueries({ queryKey: ['patients'] });
    }
  };
  const undoMerge = async (row: MergeRow) => {
    if (!window.confirm(t('merge.confirmUndo'))) return;
    if (await undo.submit(() => post(`/api/patient-merges/${row.id}/undo`))) {
      notifications.show({ color: 'green', message: t('merge.undone') });
      await client.invalidateQueries({ queryKey: ['patients'] });
    }
  };

  return (
    <Stack gap="md">
      {canMerge && (
        <Stack gap="xs">
          <Title order={2} size="h4">
            {t('merge.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('merge.intro')}
          </Text>
          <TextInput
            label={t('merge.searchLabel')}
            placeholder={t('search.placeholder')}
            leftSection={<IconSearch size={16} />}
            value={term}
            onChange={(e) => setTerm(e.currentTarget.value)}
            autoComplete="off"
            maw={520}
          />
          {candidates.length > 0 && (
            <SummaryTable
              patients={candidates}
              action={(p) => (
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<IconGitMerge size={14} />}
                  onClick={() => setChosen(p)}
                >
                  {t('merge.choose')}
                </Button>
              )}
            />
          )}
        </Stack>
      )}
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('merge.history')}
        </Title>
        {undo.error && <Alert color="red">{undo.error.message}</Alert>}
        {merges.data?.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('merge.noHistory')}
          </Text>
        ) : (
          <Table withTableBorder striped verticalSpacing={4} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('merge.when')}</Table.Th>
                <Table.Th>{t('merge.what')}</Table.Th>
                <Table.Th>{t('merge.state')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {merges.data?.map((m) => {
                const absorbed = m.survivor_id === patient.id;
                const other = absorbed ? m.merged_id : m.survivor_id;
                return (
                  <Table.Tr key={m.id}>
                    <Table.Td>{formatDateTime(m.merged_at, i18n.language)}</Table.Td>
                    <Table.Td>
                      {absorbed ? t('merge.absorbed') : t('merge.mergedInto')}{' '}
                      <Anchor component={Link} to={`/patients/${other}`} size="sm">
                        {t('merge.openOther')}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      {m.undone_at ? (
                        <Badge size="xs" color="gray" variant="light">
                          {t('merge.undoneOn', { date: formatDateTime(m.undone_at, i18n.language) })}
                        </Badge>
                      ) : (
                        <Badge size="xs" color="green" variant="light">
                          {t('merge.active')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {!m.undone_at && can('patients.unmerge') && (
                        <Button size="xs" variant="subtle" color="red" onClick={() => void undoMerge(m)}>
                          {t('merge.undo')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      <Modal opened={!!chosen} onClose={() => setChosen(null)} title={t('merge.confirmTitle')} size="lg">
        {chosen && (
          <Stack gap="sm">
            {merge.error && <Alert color="red">{merge.error.message}</Alert>}
            <Text size="sm" fw={600}>
              {t('merge.kept')}
            </Text>
            <PatientTraits
              link={false}
              patient={{
                id: patient.id,
                birthName: patient.birthName,
                usedName: patient.usedName,
                birthGivenNames: patient.birthGivenNames,
                usedGivenName: patient.usedGivenName,
                birthDate: patient.birthDate,
                sex: patient.sex,
                identityStatus: patient.identity.status,
                nir: patient.nir,
                mergedInto: null,
              }}
            />
            <Text size="sm" fw={600}>
              {t('merge.closed')}
            </Text>
            <PatientTraits patient={chosen} link={false} />
            <Alert color="orange" variant="light">
              {t('merge.explain')}
            </Alert>
            <Group justify="flex-end">
              <Button variant="subtle" onClick={() => setChosen(null)}>
                {t('common.cancel')}
              </Button>
              <Button color="orange" loading={merge.busy} onClick={() => void confirm()}>
                {t('merge.confirm')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
