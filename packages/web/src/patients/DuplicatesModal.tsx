import { Alert, Badge, Button, Card, Group, Modal, Stack, Text } from '@mantine/core';
import { IconCheck, IconExternalLink } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PatientTraits, ReasonsList, ScoreBadge } from './components.tsx';
import type { DuplicateCandidate } from './model.ts';

interface Props {
  candidates: DuplicateCandidate[];
  /** Ids the user judged "different person". */
  different: string[];
  onDifferent: (id: string) => void;
  onSame: (candidate: DuplicateCandidate) => void;
  onClose: () => void;
  /** 'save': the registration was stopped; 'check': the explicit check before saving. */
  mode: 'save' | 'check';
  busy?: boolean;
}

/** The candidates of a duplicate check: the user says, for each, same or different person. */
export function DuplicatesModal({ candidates, different, onDifferent, onSame, onClose, mode, busy }: Props) {
  const { t } = useTranslation('patients');
  return (
    <Modal
      opened={candidates.length > 0}
      onClose={onClose}
      title={t('duplicates.title', { count: candidates.length })}
      size="xl"
    >
      <Stack gap="sm">
        <Alert color="orange" variant="light">
          {mode === 'save' ? t('duplicates.introSave') : t('duplicates.introCheck')}
        </Alert>
        {candidates.map((c) => {
          const judged = different.includes(c.patient.id);
          return (
            <Card key={c.patient.id} withBorder padding="sm" data-testid="duplicate-candidate">
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <Stack gap={4} style={{ flex: 1 }}>
                  <Group gap="xs">
                    <ScoreBadge score={c.score} level={c.level} />
                  </Group>
                  <PatientTraits patient={c.patient} link={false} />
                  <Text size="xs" fw={600} mt={4}>
                    {t('duplicates.why')}
                  </Text>
                  <ReasonsList reasons={c.reasons} />
                </Stack>
                <Stack gap={6} w={330}>
                  <Button
                    size="xs"
                    leftSection={<IconExternalLink size={14} />}
                    onClick={() => onSame(c)}
                    disabled={busy}
                  >
                    {t('duplicates.same')}
                  </Button>
                  {judged ? (
                    <Badge color="gray" variant="light" leftSection={<IconCheck size={12} />} size="lg">
                      {t('duplicates.judgedDifferent')}
                    </Badge>
                  ) : (
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => onDifferent(c.patient.id)}
                      loading={busy}
                    >
                      {t('duplicates.different')}
                    </Button>
                  )}
                </Stack>
              </Group>
            </Card>
          );
        })}
        <Group justify="flex-end">
          <Button variant="subtle" onClick={onClose}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
