import { Alert, Button, Group, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { documentKinds, type RichTextDoc } from '@pivot/core/documents';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, post, put } from '../app/api.ts';
import { useSession } from '../app/session.tsx';
import { useApiForm } from '../app/use-api-form.ts';
import { DocumentEditor } from './DocumentEditor.tsx';
import { useKindLabel } from './document-labels.tsx';
import type { TemplateView } from './model.ts';
import { emptyDoc } from './model.ts';

export function TemplatesPage() {
  const { t } = useTranslation('documents');
  const kindLabel = useKindLabel();
  const { can } = useSession();
  const client = useQueryClient();
  const form = useApiForm();
  const templates = useQuery({
    queryKey: ['document-templates'],
    queryFn: () => get<TemplateView[]>('/api/document-templates'),
  });
  const [editing, setEditing] = useState<TemplateView | 'new' | null>(null);
  const [name, setName] = useState('');
  const [kind, setKind] = useState('prescription');
  const [language, setLanguage] = useState<'fr' | 'en'>('fr');
  const [content, setContent] = useState<RichTextDoc>(emptyDoc);
  const [shortcut, setShortcut] = useState('');
  const [snippetText, setSnippetText] = useState('');
  const snippetForm = useApiForm();

  const open = (template: TemplateView | 'new') => {
    setEditing(template);
    form.setError(null);
    if (template === 'new') {
      setName('');
      setContent(emptyDoc);
    } else {
      setName(template.name);
      setKind(template.kind);
      setLanguage(template.language);
      setContent(template.content);
    }
  };
  const save = async () => {
    const body = { name, kind, language, practitionerId: null, content };
    const done = await form.submit(() =>
      editing === 'new' || editing === null
        ? post('/api/document-templates', body)
        : put(`/api/document-templates/${editing.id}`, { ...body, version: editing.version }),
    );
    if (done) {
      setEditing(null);
      notifications.show({ color: 'green', message: t('saved') });
      await client.invalidateQueries({ queryKey: ['document-templates'] });
    }
  };
  const addSnippet = async () => {
    const done = await snippetForm.submit(() => post('/api/snippets', { shortcut, text: snippetText }));
    if (done) {
      setShortcut('');
      setSnippetText('');
      await client.invalidateQueries({ queryKey: ['snippets'] });
    }
  };

  if (editing)
    return (
      <Stack>
        <Group grow>
          <TextInput
            label={t('name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={form.fieldError('name')}
          />
          <Select
            label={t('kind')}
            value={kind}
            onChange={(v) => setKind(v ?? 'prescription')}
            data={documentKinds.map((k) => ({ value: k, label: kindLabel(k) }))}
          />
          <Select
            label={t('language')}
            value={language}
            onChange={(v) => setLanguage(v === 'en' ? 'en' : 'fr')}
            data={[
              { value: 'fr', label: 'Français' },
              { value: 'en', label: 'English' },
            ]}
          />
        </Group>
        <DocumentEditor value={content} onChange={setContent} withMergeFields />
        {form.generalError && <Alert color="red">{form.generalError}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setEditing(null)}>
            {t('cancel')}
          </Button>
          <Button onClick={save} loading={form.busy}>
            {t('save')}
          </Button>
        </Group>
      </Stack>
    );

  return (
    <Stack>
      <Group justify="flex-end">
        {can('documents.write') && <Button onClick={() => open('new')}>{t('newTemplate')}</Button>}
      </Group>
      {templates.data?.length === 0 && <Text c="dimmed">{t('noTemplates')}</Text>}
      <Table striped highlightOnHover>
        <Table.Tbody>
          {templates.data?.map((x) => (
            <Table.Tr key={x.id} style={{ cursor: 'pointer' }} onClick={() => open(x)}>
              <Table.Td>{x.name}</Table.Td>
              <Table.Td>{kindLabel(x.kind)}</Table.Td>
              <Table.Td>{x.language.toUpperCase()}</Table.Td>
              <Table.Td>
                <Text size="xs" c="dimmed">
                  {x.mergeFields.join(', ')}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {can('documents.write') && (
        <Paper withBorder p="sm">
          <Text fw={500}>{t('snippets')}</Text>
          <Group align="flex-end">
            <TextInput
              label={t('shortcut')}
              value={shortcut}
              onChange={(e) => setShortcut(e.currentTarget.value)}
              error={snippetForm.fieldError('shortcut')}
              w={140}
            />
            <TextInput
              label={t('snippetText')}
              value={snippetText}
              onChange={(e) => setSnippetText(e.currentTarget.value)}
              flex={1}
            />
            <Button onClick={addSnippet} loading={snippetForm.busy}>
              {t('addSnippet')}
            </Button>
          </Group>
          {snippetForm.generalError && !snippetForm.error?.field && (
            <Alert color="red">{snippetForm.generalError}</Alert>
          )}
        </Paper>
      )}
    </Stack>
  );
}
