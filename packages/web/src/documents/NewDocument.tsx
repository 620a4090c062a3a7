import { Alert, Button, Group, Paper, Select, Stack, TextInput, Title } from '@mantine/core';
import { parisToday } from '@pivot/core/calendar';
import { type createdDocumentView, documentKinds } from '@pivot/core/documents';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { z } from 'zod';
import { get, post } from '../app/api.ts';
import { useSession } from '../app/session.tsx';
import { useApiForm } from '../app/use-api-form.ts';
import { PatientPicker } from '../patients/index.ts';
import { useKindLabel } from './document-labels.tsx';
import type { Signer, TemplateView } from './model.ts';

export function NewDocument() {
  const { t } = useTranslation('documents');
  const kindLabel = useKindLabel();
  const { me } = useSession();
  const navigate = useNavigate();
  const form = useApiForm();
  const templates = useQuery({
    queryKey: ['document-templates'],
    queryFn: () => get<TemplateView[]>('/api/document-templates'),
  });
  const signers = useQuery({
    queryKey: ['documents', 'signers'],
    queryFn: () => get<Signer[]>('/api/documents/signers'),
  });
  const [patientId, setPatientId] = useState<string | null>(null);
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [kind, setKind] = useState<string>('prescription');
  const [practitionerId, setPractitionerId] = useState<string | null>(
    me?.role === 'practitioner' ? me.id : null,
  );
  const [documentDate, setDocumentDate] = useState(parisToday());
  const create = async () => {
    const template = templates.data?.find((x) => x.id === templateId);
    const created = await form.submit(() =>
      post<z.input<typeof createdDocumentView>>('/api/documents', {
        kind: template?.kind ?? kind,
        patientId,
        practitionerId,
        templateId,
        language: template?.language ?? 'fr',
        documentDate,
      }),
    );
    if (created) navigate(`/documents/${created.id}`);
  };
  return (
    <Paper withBorder p="md" maw={640}>
      <Stack>
        <Title order={3}>{t('newDocument')}</Title>
        <PatientPicker
          label={t('patient')}
          placeholder={t('patientSearch')}
          optionLabel={(p) => `${p.birthName} ${p.birthGivenNames[0] ?? ''} (${p.birthDate})`}
          value={patientId}
          onChange={(id) => setPatientId(id)}
        />
        <Select
          label={t('template')}
          placeholder={t('noTemplate')}
          clearable
          value={templateId}
          onChange={setTemplateId}
          data={(templates.data ?? []).map((x) => ({
            value: x.id,
            label: `${x.name} (${kindLabel(x.kind)}, ${x.language})`,
          }))}
          data-testid="template-picker"
        />
        {!templateId && (
          <Select
            label={t('kind')}
            value={kind}
            onChange={(v) => setKind(v ?? 'letter_to_patient')}
            data={documentKinds.map((k) => ({ value: k, label: kindLabel(k) }))}
          />
        )}
        <Select
          label={t('practitioner')}
          value={practitionerId}
          onChange={setPractitionerId}
          clearable
          data={(signers.data ?? []).map((s) => ({
            value: s.id,
            label: `${s.displayName}${s.specialty ? ` — ${s.specialty}` : ''}`,
          }))}
          data-testid="signer-picker"
        />
        <TextInput
          type="date"
          label={t('date')}
          value={documentDate}
          onChange={(e) => setDocumentDate(e.currentTarget.value)}
        />
        {form.generalError && (
          <Alert color="red">
            {form.error?.field ? `${form.error.field} : ` : ''}
            {form.generalError}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button loading={form.busy} disabled={!patientId} onClick={create}>
            {t('create')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
