import { Checkbox, Group, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CertificateForm } from './model.ts';

export function CertificatePanel({
  value,
  onChange,
  readOnly,
}: {
  value: CertificateForm;
  onChange: (value: CertificateForm) => void;
  readOnly: boolean;
}) {
  const { t } = useTranslation('documents');
  return (
    <Paper withBorder p="sm" data-testid="certificate-panel">
      <Text fw={500} mb="xs">
        {t('certificate.title')}
      </Text>
      <Stack gap="xs">
        <Group grow align="flex-start">
          <TextInput
            type="date"
            label={t('certificate.examinationDate')}
            value={value.examinationDate ?? ''}
            readOnly={readOnly}
            onChange={(e) => onChange({ ...value, examinationDate: e.currentTarget.value || null })}
          />
          <TextInput
            label={t('certificate.purpose')}
            placeholder={t('certificate.purposeHint')}
            value={value.purpose ?? ''}
            readOnly={readOnly}
            onChange={(e) => onChange({ ...value, purpose: e.currentTarget.value })}
          />
        </Group>
        <Textarea
          label={t('certificate.observations')}
          description={t('certificate.observationsHint')}
          autosize
          minRows={3}
          value={value.observations ?? ''}
          readOnly={readOnly}
          onChange={(e) => onChange({ ...value, observations: e.currentTarget.value })}
        />
        <Checkbox
          label={t('certificate.handedOver')}
          checked={value.handedOver === true}
          disabled={readOnly}
          onChange={(e) => onChange({ ...value, handedOver: e.currentTarget.checked })}
        />
      </Stack>
    </Paper>
  );
}
