import { Alert, Badge, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { get } from '../app/api.ts';
import { formatDateTime } from '../app/date-format.ts';
import type { AccessLogRow, PatientRecord } from './model.ts';

/** "Who accessed my record": every read and change traced for this patient. */
export function AccessLogTab({ patient }: { patient: PatientRecord }) {
  const { t, i18n } = useTranslation('patients');
  const { t: tApp } = useTranslation();
  const log = useQuery({
    queryKey: ['patients', 'access-log', patient.id],
    queryFn: () => get<AccessLogRow[]>(`/api/patients/${patient.id}/access-log`),
  });
  if (log.error) return <Alert color="red">{log.error.message}</Alert>;
  return (
    <>
      <Text size="sm" c="dimmed" mb="xs">
        {t('access.intro')}
      </Text>
      <Table striped withTableBorder verticalSpacing={4} fz="sm" data-testid="access-log">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('access.when')}</Table.Th>
            <Table.Th>{t('access.who')}</Table.Th>
            <Table.Th>{t('access.role')}</Table.Th>
            <Table.Th>{t('access.action')}</Table.Th>
            <Table.Th>{t('access.what')}</Table.Th>
            <Table.Th>{t('access.ip')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {log.data?.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={6}>
                <Text size="sm" c="dimmed">
                  {t('access.none')}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
          {log.data?.map((row) => (
            <Table.Tr key={row.id}>
              <Table.Td>{formatDateTime(row.at, i18n.language)}</Table.Td>
              <Table.Td>{row.user ?? t('access.system')}</Table.Td>
              <Table.Td>{row.role ? tApp(`roles.${row.role}`) : ''}</Table.Td>
              <Table.Td>
                <Badge size="xs" variant="light" color={row.action === 'read' ? 'gray' : 'pivot'}>
                  {t(`access.actions.${row.action}`, { defaultValue: row.action })}
                </Badge>
              </Table.Td>
              <Table.Td>{t(`access.entities.${row.entity}`, { defaultValue: row.entity })}</Table.Td>
              <Table.Td ff="monospace">{row.ip ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
