import { Alert, Anchor, Breadcrumbs, Button, Group, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { RegistrationResultView } from '@pivot/core/patients';
import { IconCopy, IconDeviceFloppy } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { ApiError, api } from '../app/api.ts';
import { useApiForm } from '../app/use-api-form.ts';
import { DuplicatesModal } from './DuplicatesModal.tsx';
import type { DuplicateCandidate } from './model.ts';
import {
  bodyFromDraft,
  clientErrors,
  emptyDraft,
  type PatientDraft,
  PatientFormFields,
  traitsFromDraft,
} from './PatientFormFields.tsx';

export function RegistrationPage() {
  const { t } = useTranslation('patients');
  const navigate = useNavigate();
  const client = useQueryClient();
  const form = useApiForm();
  const check = useApiForm();
  const [draft, setDraft] = useState<PatientDraft>(emptyDraft);
  const [candidates, setCandidates] = useState<DuplicateCandidate[]>([]);
  const [mode, setMode] = useState<'save' | 'check'>('save');
  const [different, setDifferent] = useState<string[]>([]);

  const save = async (acknowledged: string[]) => {
    let caught: unknown;
    const result = await form.submit(async () => {
      try {
        return await api<RegistrationResultView>('POST', '/api/patients', {
          ...bodyFromDraft(draft),
          acknowledgedDuplicates: acknowledged,
        });
      } catch (error) {
        caught = error;
        throw error;
      }
    });
    if (caught instanceof ApiError && caught.code === 'possible_duplicates') {
      const details = caught.details as { candidates?: DuplicateCandidate[] } | undefined;
      setMode('save');
      setCandidates(details?.candidates ?? []);
    }
    if (result) {
      setCandidates([]);
      await client.invalidateQueries({ queryKey: ['patients'] });
      notifications.show({ color: 'green', message: t('form.created') });
      for (const w of result.warnings)
        notifications.show({ color: 'orange', autoClose: false, message: t(`warnings.${w.code}`) });
      navigate(`/patients/${result.id}`);
    }
  };

  const onSubmit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (Object.keys(clientErrors(draft)).length > 0) return;
    setMode('save');
    await save(different);
  };

  const checkDuplicates = async () => {
    setMode('check');
    const result = await check.submit(() =>
      api<DuplicateCandidate[]>('POST', '/api/patients/duplicates', traitsFromDraft(draft)),
    );
    if (!result) return;
    if (result.length === 0) notifications.show({ color: 'green', message: t('duplicates.none') });
    setCandidates(result);
  };

  const judgeDifferent = async (id: string) => {
    const next = [...new Set([...different, id])];
    setDifferent(next);
    if (candidates.every((c) => next.includes(c.patient.id))) {
      if (mode === 'save') {
        form.setError(null);
        await save(next);
      } else {
        setCandidates([]);
        notifications.show({ color: 'green', message: t('duplicates.allDifferent') });
      }
    }
  };

  const close = () => {
    setCandidates([]);
    if (form.error?.code === 'possible_duplicates') form.setError(null);
  };

  const fieldError = (field: string) => form.fieldError(field) ?? check.fieldError(field);
  const general = [form.error, check.error].find((e) => e && !e.field && e.code !== 'possible_duplicates');

  return (
    <Stack gap="sm" maw={1100}>
      <Breadcrumbs>
        <Anchor component={Link} to="/patients" size="sm">
          {t('title')}
        </Anchor>
        <span>{t('form.newTitle')}</span>
      </Breadcrumbs>
      <Title order={1} size="h2">
        {t('form.newTitle')}
      </Title>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          {general && <Alert color="red">{general.message}</Alert>}
          {form.error?.field && (
            <Alert color="red" role="alert">
              {form.error.message}
            </Alert>
          )}
          <PatientFormFields draft={draft} setDraft={setDraft} fieldError={fieldError} />
          <Group>
            <Button type="submit" loading={form.busy} leftSection={<IconDeviceFloppy size={16} />}>
              {t('form.create')}
            </Button>
            <Button
              variant="default"
              onClick={() => void checkDuplicates()}
              loading={check.busy}
              leftSection={<IconCopy size={16} />}
            >
              {t('duplicates.check')}
            </Button>
            <Button variant="subtle" component={Link} to="/patients">
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
      <DuplicatesModal
        candidates={candidates}
        different={different}
        mode={mode}
        busy={form.busy}
        onClose={close}
        onDifferent={(id) => void judgeDifferent(id)}
        onSame={(c) => navigate(`/patients/${c.patient.mergedInto ?? c.patient.id}`)}
      />
    </Stack>
  );
}
