import {
  Alert,
  Badge,
  Button,
  Group,
  List,
  NumberInput,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { documentSendingView, RichTextDoc } from '@pivot/core/documents';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import type { z } from 'zod';
import { get, post } from '../app/api.ts';
import { useSession } from '../app/session.tsx';
import { useApiForm } from '../app/use-api-form.ts';
import { CertificatePanel } from './CertificatePanel.tsx';
import { DocumentEditor } from './DocumentEditor.tsx';
import { StatusBadge, useKindLabel } from './document-labels.tsx';
import { LiaisonPanel, liaisonDetails } from './LiaisonPanel.tsx';
import type { CertificateForm, DocumentView, LiaisonForm, PrescriptionLine } from './model.ts';
import { emptyDoc } from './model.ts';
import { PrescriptionLines } from './PrescriptionLines.tsx';
import { SendDialog } from './SendDialog.tsx';

export function DocumentPage() {
  const { t, i18n } = useTranslation('documents');
  const kindLabel = useKindLabel();
  const { id } = useParams();
  const { can } = useSession();
  const client = useQueryClient();
  const form = useApiForm();
  const doc = useQuery({
    queryKey: ['documents', id],
    queryFn: () => get<DocumentView>(`/api/documents/${id}`),
  });
  const sendings = useQuery({
    queryKey: ['documents', id, 'sendings'],
    queryFn: () => get<z.input<typeof documentSendingView>[]>(`/api/documents/${id}/sendings`),
    refetchInterval: 5000,
  });
  const [content, setContent] = useState<RichTextDoc>(emptyDoc);
  const [lines, setLines] = useState<PrescriptionLine[]>([]);
  const [weight, setWeight] = useState<number | ''>('');
  const [certificate, setCertificate] = useState<CertificateForm>({});
  const [liaison, setLiaison] = useState<LiaisonForm>({});
  const [sending, setSending] = useState(false);
  useEffect(() => {
    if (!doc.data) return;
    setContent(doc.data.current.content);
    setLines(doc.data.current.details.items ?? []);
    setWeight(doc.data.current.details.weightKg ?? '');
    setCertificate(
      doc.data.current.details.certificate ?? { examinationDate: doc.data.documentDate, handedOver: false },
    );
    setLiaison(doc.data.current.details.liaison ?? {});
  }, [doc.data]);
  if (!doc.data) return null;
  const d = doc.data;
  const editable = d.allowedActions.includes('edit') && can('documents.write');
  const isPrescription = d.kind === 'prescription' || d.kind === 'prescription_ald';
  const language = i18n.language === 'en' ? 'en' : 'fr';
  const refresh = () => client.invalidateQueries({ queryKey: ['documents'] });

  const run = async (kind: string) => {
    const body: Record<string, unknown> = { kind, version: d.current.version };
    if (kind === 'edit') {
      body.content = content;
      body.details = {
        ...d.current.details,
        ...(isPrescription ? { items: lines.filter((l) => (l.product ?? '').trim() !== '') } : {}),
        ...(d.kind === 'certificate' ? { certificate } : {}),
        ...(d.kind === 'liaison_letter' ? { liaison: liaisonDetails(liaison) } : {}),
        weightKg: weight === '' ? null : weight,
      };
    }
    const done = await form.submit(() => post(`/api/documents/${d.id}/actions`, body));
    if (done) {
      notifications.show({ color: 'green', message: t(kind === 'edit' ? 'saved' : 'done') });
      await refresh();
    }
  };
  const revise = async () => {
    const done = await form.submit(() =>
      post(`/api/documents/${d.id}/revisions`, { version: d.current.version, content }),
    );
    if (done) await refresh();
  };

  return (
    <Stack>
      <Group justify="space-between">
        <div>
          <Title order={3}>{d.title}</Title>
          <Text c="dimmed" size="sm">
            {kindLabel(d.kind)} · {d.documentDate} · {t('version', { n: d.current.number })}
          </Text>
        </div>
        <Group>
          <StatusBadge status={d.current.status} />
          <Button component="a" href={`/api/documents/${d.id}/pdf`} variant="default" size="xs">
            PDF
          </Button>
          <Button component="a" href={`/api/documents/${d.id}/docx`} variant="default" size="xs">
            DOCX
          </Button>
        </Group>
      </Group>
      <DocumentEditor
        value={content}
        onChange={setContent}
        readOnly={!editable}
        withMergeFields
        documentId={d.id}
      />
      {isPrescription && (
        <PrescriptionLines
          lines={lines}
          onChange={setLines}
          readOnly={!editable}
          bizone={d.kind === 'prescription_ald'}
        />
      )}
      {d.kind === 'certificate' && (
        <CertificatePanel value={certificate} onChange={setCertificate} readOnly={!editable} />
      )}
      {d.kind === 'liaison_letter' && (
        <LiaisonPanel value={liaison} onChange={setLiaison} readOnly={!editable} />
      )}
      {editable && (
        <NumberInput
          label={t('weight')}
          value={weight}
          onChange={(v) => setWeight(v === '' ? '' : Number(v))}
          maw={200}
          decimalScale={1}
        />
      )}
      <Paper withBorder p="sm" data-testid="mentions-panel">
        <Text fw={500}>{t('mentions')}</Text>
        {d.missingMentions.length === 0 ? (
          <Text size="sm" c="green">
            {t('mentionsOk')}
          </Text>
        ) : (
          <>
            <Text size="sm">{t('mentionsMissing')}</Text>
            <List size="sm">
              {d.missingMentions.map((m) => (
                <List.Item key={`${m.code}-${m.itemIndex ?? ''}-${m.section ?? ''}`}>
                  {m.labels[language]}
                </List.Item>
              ))}
            </List>
          </>
        )}
      </Paper>
      {form.generalError && <Alert color="red">{form.generalError}</Alert>}
      <Group>
        {editable && (
          <Button onClick={() => run('edit')} loading={form.busy}>
            {t('actions.edit')}
          </Button>
        )}
        {d.allowedActions
          .filter((a) => a !== 'edit' && a !== 'send')
          .filter((a) => a !== 'validate' || can('documents.validate'))
          .map((a) => (
            <Button key={a} variant="light" onClick={() => run(a)} loading={form.busy}>
              {t(`actions.${a}`)}
            </Button>
          ))}
        {d.allowedActions.includes('send') && can('documents.write') && (
          <Button variant="filled" color="blue" onClick={() => setSending(true)}>
            {t('actions.send')}
          </Button>
        )}
        {['validated', 'sent', 'filed'].includes(d.current.status) &&
          !d.current.supersededBy &&
          can('documents.write') && (
            <Button variant="subtle" onClick={revise}>
              {t('actions.revise')}
            </Button>
          )}
      </Group>
      {(sendings.data?.length ?? 0) > 0 && (
        <Paper withBorder p="sm">
          <Text fw={500}>{t('sendings')}</Text>
          <Table data-testid="sendings">
            <Table.Tbody>
              {sendings.data?.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>{t(`channels.${s.channel}`)}</Table.Td>
                  <Table.Td>
                    {s.recipientName} {s.recipientAddress ? `<${s.recipientAddress}>` : ''}
                  </Table.Td>
                  <Table.Td>
                    {s.outboxStatus && (
                      <Badge
                        color={
                          s.outboxStatus === 'sent' ? 'green' : s.outboxStatus === 'failed' ? 'red' : 'yellow'
                        }
                      >
                        {t(`outbox.${s.outboxStatus}`)}
                      </Badge>
                    )}{' '}
                    {s.attempts ? t('attempts', { n: s.attempts }) : ''}
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" c="red">
                      {s.lastError}
                    </Text>
                    {s.outboxId && s.outboxStatus !== 'sent' && (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        onClick={async () => {
                          await post(`/api/outbox/${s.outboxId}/retry`);
                          await sendings.refetch();
                        }}
                      >
                        {t('retry')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      <Paper withBorder p="sm">
        <Text fw={500}>{t('versions')}</Text>
        <List size="sm">
          {d.versions.map((v) => (
            <List.Item key={v.id}>
              {t('version', { n: v.number })} — {t(`statuses.${v.status}`)}
              {v.supersededBy ? ` (${t('superseded')})` : ''}
            </List.Item>
          ))}
        </List>
      </Paper>
      <SendDialog
        documentId={d.id}
        version={d.current.version}
        opened={sending}
        onClose={() => setSending(false)}
        onSent={async () => {
          setSending(false);
          notifications.show({ color: 'green', message: t('sentOk') });
          await refresh();
        }}
      />
    </Stack>
  );
}
