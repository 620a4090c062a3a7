import { Anchor, Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { get } from '../app/api.ts';
import { useSession } from '../app/session.tsx';
import { StatusBadge, useKindLabel } from './document-labels.tsx';
import type { DocumentRow } from './model.ts';

export function DocumentsList() {
  const { t } = useTranslation('documents');
  const kindLabel = useKindLabel();
  const { can } = useSession();
  const [status, setStatus] = useState<string | null>(null);
  const list = useQuery({
    queryKey: ['documents', 'list', status],
    queryFn: () => get<DocumentRow[]>(`/api/documents${status ? `?status=${status}` : ''}`),
  });
  return (
    <Stack>
      <Group justify="space-between">
        <Select
          placeholder={t('allStatuses')}
          clearable
          value={status}
          onChange={setStatus}
          data={['draft', 'to_validate', 'validated', 'sent', 'filed'].map((s) => ({
            value: s,
            label: t(`statuses.${s}`),
          }))}
        />
        {can('documents.write') && (
          <Button component={Link} to="/documents/nouveau">
            {t('newDocument')}
          </Button>
        )}
      </Group>
      {list.data?.length === 0 && <Text c="dimmed">{t('empty')}</Text>}
      <Table striped highlightOnHover>
        <Table.Tbody>
          {list.data?.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td>
                <Anchor component={Link} to={`/documents/${d.id}`}>
                  {kindLabel(d.kind)}
                </Anchor>
              </Table.Td>
              <Table.Td>
                {d.patientBirthName} {d.patientGivenName}
              </Table.Td>
              <Table.Td>{d.documentDate}</Table.Td>
              <Table.Td>
                <StatusBadge status={d.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
