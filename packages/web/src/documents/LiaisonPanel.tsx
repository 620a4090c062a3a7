import {
  Button,
  Checkbox,
  CloseButton,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LiaisonForm } from './model.ts';

export const treatmentChanges = ['started', 'changed', 'stopped', 'continued'] as const;

/** The liaison letter's form: what the mandatory-mentions check reads and the letter prints. */
export function LiaisonPanel({
  value,
  onChange,
  readOnly,
}: {
  value: LiaisonForm;
  onChange: (value: LiaisonForm) => void;
  readOnly: boolean;
}) {
  const { t } = useTranslation('documents');
  const treatments = value.dischargeTreatments ?? [];
  const noTreatment = Array.isArray(value.dischargeTreatments) && value.dischargeTreatments.length === 0;
  const setTreatments = (next: LiaisonForm['dischargeTreatments']) =>
    onChange({ ...value, dischargeTreatments: next });
  const text = (key: 'reasonForStay' | 'staySummary' | 'followUp', hint?: string) => (
    <Textarea
      label={t(`liaison.${key}`)}
      description={hint}
      autosize
      minRows={key === 'staySummary' ? 3 : 2}
      value={value[key] ?? ''}
      readOnly={readOnly}
      onChange={(e) => onChange({ ...value, [key]: e.currentTarget.value })}
      data-testid={`liaison-${key}`}
    />
  );
  return (
    <Paper withBorder p="sm" data-testid="liaison-panel">
      <Text fw={500} mb="xs">
        {t('liaison.title')}
      </Text>
      <Stack gap="xs">
        <Group grow align="flex-start">
          <TextInput
            label={t('liaison.dischargingPractitioner')}
            value={value.dischargingPractitioner ?? ''}
            readOnly={readOnly}
            onChange={(e) => onChange({ ...value, dischargingPractitioner: e.currentTarget.value })}
            data-testid="liaison-dischargingPractitioner"
          />
          <TextInput
            label={t('liaison.attendingPhysician')}
            value={value.attendingPhysician ?? ''}
            readOnly={readOnly}
            onChange={(e) => onChange({ ...value, attendingPhysician: e.currentTarget.value })}
            data-testid="liaison-attendingPhysician"
          />
        </Group>
        {text('reasonForStay')}
        {text('staySummary', t('liaison.staySummaryHint'))}
        <div>
          <Text size="sm" fw={500}>
            {t('liaison.treatments')}
          </Text>
          <Text size="xs" c="dimmed" mb={4}>
            {t('liaison.treatmentsHint')}
          </Text>
          <Stack gap={4}>
            {treatments.map((line, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: treatment lines have no identity but their position
              <Group key={i} align="flex-end" wrap="nowrap">
                <TextInput
                  size="xs"
                  flex={2}
                  label={t('liaison.product')}
                  readOnly={readOnly}
                  value={line.product ?? ''}
                  onChange={(e) =>
                    setTreatments(
                      treatments.map((l, j) => (j === i ? { ...l, product: e.currentTarget.value } : l)),
                    )
                  }
                  data-testid={`treatment-${i}-product`}
                />
                <Select
                  size="xs"
                  flex={1}
                  label={t('liaison.change')}
                  readOnly={readOnly}
                  value={line.change ?? null}
                  onChange={(v) =>
                    setTreatments(
                      treatments.map((l, j) =>
                        j === i
                          ? { ...l, change: (v as (typeof treatmentChanges)[number] | null) ?? null }
                          : l,
                      ),
                    )
                  }
                  data={treatmentChanges.map((c) => ({ value: c, label: t(`liaison.changes.${c}`) }))}
                  error={
                    !line.change && (line.product ?? '').trim() !== ''
                      ? t('liaison.changeRequired')
                      : undefined
                  }
                  data-testid={`treatment-${i}-change`}
                />
                {!readOnly && (
                  <CloseButton
                    aria-label={t('liaison.removeTreatment')}
                    onClick={() => setTreatments(treatments.filter((_, j) => j !== i))}
                  />
                )}
              </Group>
            ))}
            {!readOnly && (
              <Group>
                <Button
                  size="xs"
                  variant="light"
                  onClick={() => setTreatments([...treatments, { product: '', change: null }])}
                >
                  {t('liaison.addTreatment')}
                </Button>
                {treatments.length === 0 && (
                  <Checkbox
                    label={t('liaison.noTreatment')}
                    checked={noTreatment}
                    onChange={(e) => setTreatments(e.currentTarget.checked ? [] : null)}
                    data-testid="liaison-no-treatment"
                  />
                )}
              </Group>
            )}
          </Stack>
        </div>
        {text('followUp', t('liaison.followUpHint'))}
        <Checkbox
          label={t('liaison.handedToPatient')}
          checked={value.handedToPatient === true}
          disabled={readOnly}
          onChange={(e) => onChange({ ...value, handedToPatient: e.currentTarget.checked })}
          data-testid="liaison-handedToPatient"
        />
      </Stack>
    </Paper>
  );
}

/** The form as saved: treatment lines without a drug dropped, a list emptied by hand kept as "none". */
export function liaisonDetails(form: LiaisonForm): LiaisonForm {
  const treatments = form.dischargeTreatments;
  return {
    ...form,
    dischargeTreatments: Array.isArray(treatments)
      ? treatments.filter((l) => (l.product ?? '').trim() !== '' || l.change)
      : null,
  };
}
