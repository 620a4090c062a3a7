import { Alert, Button, Group, Select, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { letterheadView } from '@pivot/core/documents';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { get, put } from '../app/api.ts';
import { useSession } from '../app/session.tsx';
import { useApiForm } from '../app/use-api-form.ts';
import type { Signer } from './model.ts';

type LetterheadSettings = z.input<typeof letterheadView>;

/** Each practitioner's letterhead and signature block, printed on their documents. */
export function LetterheadsPage() {
  const { t } = useTranslation('documents');
  const { can } = useSession();
  const form = useApiForm();
  const signers = useQuery({
    queryKey: ['documents', 'signers'],
    queryFn: () => get<Signer[]>('/api/documents/signers'),
  });
  const [practitionerId, setPractitionerId] = useState<string | null>(null);
  const settings = useQuery({
    queryKey: ['letterhead', practitionerId],
    queryFn: () => get<LetterheadSettings>(`/api/practitioners/${practitionerId}/letterhead`),
    enabled: practitionerId !== null,
  });
  const [letterhead, setLetterhead] = useState('');
  const [signature, setSignature] = useState('');
  useEffect(() => {
    setLetterhead(settings.data?.letterhead ?? '');
    setSignature(settings.data?.signature ?? '');
  }, [settings.data]);
  const save = async () => {
    const done = await form.submit(() =>
      put(`/api/practitioners/${practitionerId}/letterhead`, { letterhead, signature }),
    );
    if (done) {
      notifications.show({ color: 'green', message: t('saved') });
      await settings.refetch();
    }
  };
  return (
    <Stack maw={720}>
      <Text size="sm" c="dimmed">
        {t('letterheadHint')}
      </Text>
      <Select
        label={t('practitioner')}
        value={practitionerId}
        onChange={setPractitionerId}
        data={(signers.data ?? []).map((s) => ({
          value: s.id,
          label: `${s.displayName}${s.specialty ? ` — ${s.specialty}` : ''}`,
        }))}
        data-testid="letterhead-practitioner"
      />
      {settings.data && (
        <>
          <Textarea
            label={t('letterhead')}
            description={t('letterheadDefault')}
            placeholder={settings.data.defaults.letterhead.join('\n')}
            autosize
            minRows={4}
            value={letterhead}
            onChange={(e) => setLetterhead(e.currentTarget.value)}
            readOnly={!can('documents.write')}
          />
          <Textarea
            label={t('signatureBlock')}
            description={t('letterheadDefault')}
            placeholder={settings.data.defaults.signature.join('\n')}
            autosize
            minRows={2}
            value={signature}
            onChange={(e) => setSignature(e.currentTarget.value)}
            readOnly={!can('documents.write')}
          />
          {form.generalError && <Alert color="red">{form.generalError}</Alert>}
          {can('documents.write') && (
            <Group justify="flex-end">
              <Button onClick={save} loading={form.busy}>
                {t('save')}
              </Button>
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}
