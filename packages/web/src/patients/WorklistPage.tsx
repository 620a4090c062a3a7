import {
  Alert,
  Anchor,
  Breadcrumbs,
  Button,
  Card,
  Center,
  Group,
  Loader,
  Modal,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { get, post } from '../app/api.ts';
import { useSession } from '../app/session.tsx';
import { useApiForm } from '../app/use-api-form.ts';
import { PatientTraits, ReasonsList, ScoreBadge } from './components.tsx';
import type { PatientSummary, WorklistPair } from './model.ts';

/** Pairs the system suspects to be one person: merge them, or say they are two people. */
export function WorklistPage() {
  const { t } = useTranslation('patients');
  const { can } = useSession();
  const client = useQueryClient();
  const action = useApiForm();
  const [merging, setMerging] = useState<{ keep: PatientSummary; close: PatientSummary } | null>(null);
  const pairs = useQuery({
    queryKey: ['patients', 'worklist'],
    queryFn: () => get<WorklistPair[]>('/api/patients/duplicates/worklist'),
  });
  const refresh = () => client.invalidateQueries({ queryKey: ['patients'] });
  const different = async (pair: WorklistPair) => {
    if (
      await action.submit(() => post(`/api/patients/${pair.a.id}/different-from`, { otherId: pair.b.id }))
    ) {
      notifications.show({ color: 'green', message: t('worklist.markedDifferent') });
      await refresh();
    }
  };
  const merge = async () => {
    if (!merging) return;
    if (
      await action.submit(() =>
        post(`/api/patients/${merging.keep.id}/merge`, { mergedId: merging.close.id }),
      )
    ) {
      setMerging(null);
      notifications.show({ color: 'green', message: t('merge.done') });
      await refresh();
    }
  };

  return (
    <Stack gap="sm" maw={1200}>
      <Breadcrumbs>
        <Anchor component={Link} to="/patients" size="sm">
          {t('title')}
        </Anchor>
        <span>{t('worklist.title')}</span>
      </Breadcrumbs>
      <Title order={1} size="h2">
        {t('worklist.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('worklist.intro')}
      </Text>
      {action.error && !merging && <Alert color="red">{action.error.message}</Alert>}
      {pairs.error && <Alert color="red">{pairs.error.message}</Alert>}
      {pairs.isLoading && (
        <Center h={120}>
          <Loader />
        </Center>
      )}
      {pairs.data?.length === 0 && (
        <Text size="sm" role="status">
          {t('worklist.empty')}
        </Text>
      )}
      {pairs.data && pairs.data.length > 0 && (
        <Text size="xs" c="dimmed" role="status">
          {t('worklist.count', { count: pairs.data.length })}
        </Text>
      )}
      {pairs.data?.map((pair) => (
        <Card key={`${pair.a.id}|${pair.b.id}`} withBorder padding="sm" data-testid="worklist-pair">
          <Group align="flex-start" justify="space-between" wrap="nowrap" gap="md">
            <Stack gap={6} style={{ flex: 1 }}>
              <Group gap="xl" align="flex-start" wrap="nowrap">
                <Stack gap={2} style={{ flex: 1 }}>
                  <Text size="xs" c="dimmed" fw={700}>
                    A
                  </Text>
                  <PatientTraits patient={pair.a} />
                </Stack>
                <Stack gap={2} style={{ flex: 1 }}>
                  <Text size="xs" c="dimmed" fw={700}>
                    B
                  </Text>
                  <PatientTraits patient={pair.b} />
                </Stack>
              </Group>
              <Group gap="xs" align="flex-start">
                <ScoreBadge score={pair.score} level={pair.level} />
                <ReasonsList reasons={pair.reasons} />
              </Group>
            </Stack>
            <Stack gap={6} w={220}>
              {can('patients.merge') && (
                <>
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() => setMerging({ keep: pair.a, close: pair.b })}
                  >
                    {t('worklist.keepA')}
                  </Button>
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() => setMerging({ keep: pair.b, close: pair.a })}
                  >
                    {t('worklist.keepB')}
                  </Button>
                </>
              )}
              {can('patients.write') && (
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => void different(pair)}
                  loading={action.busy}
                >
                  {t('worklist.different')}
                </Button>
              )}
            </Stack>
          </Group>
        </Card>
      ))}
      <Modal opened={!!merging} onClose={() => setMerging(null)} title={t('merge.confirmTitle')} size="lg">
        {merging && (
          <Stack gap="sm">
            {action.error && <Alert color="red">{action.error.message}</Alert>}
            <Text size="sm" fw={600}>
              {t('merge.kept')}
            </Text>
            <PatientTraits patient={merging.keep} link={false} />
            <Text size="sm" fw={600}>
              {t('merge.closed')}
            </Text>
            <PatientTraits patient={merging.close} link={false} />
            <Alert color="orange" variant="light">
              {t('merge.explain')}
            </Alert>
            <Group justify="flex-end">
              <Button variant="subtle" onClick={() => setMerging(null)}>
                {t('common.cancel')}
              </Button>
              <Button color="orange" loading={action.busy} onClick={() => void merge()}>
                {t('merge.confirm')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
