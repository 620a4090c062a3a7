import { Badge, Button, Group, Paper, ScrollArea, Stack, Text, Textarea, Title } from '@mantine/core';
import { expandSnippetAt, mergeFields, type Snippet } from '@pivot/core/documents';
import { useQuery } from '@tanstack/react-query';
import { Fragment, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, post } from '../app/api.ts';

interface Misspelling {
  start: number;
  end: number;
  word: string;
}

/** Merge fields by group, to insert at the cursor. */
export function MergeFieldList({ onInsert }: { onInsert: (field: string) => void }) {
  const { t, i18n } = useTranslation('documents');
  const language = i18n.language === 'en' ? 'en' : 'fr';
  return (
    <Paper withBorder p="sm" w={260}>
      <Title order={5}>{t('mergeFields')}</Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t('mergeFieldsHint')}
      </Text>
      <ScrollArea h={360}>
        <Stack gap={4}>
          {mergeFields.map((f) => (
            <Button
              key={f.field}
              variant="subtle"
              size="compact-xs"
              justify="flex-start"
              onClick={() => onInsert(f.field)}
              title={`{{${f.field}}}`}
            >
              {f.labels[language]}
            </Button>
          ))}
        </Stack>
      </ScrollArea>
    </Paper>
  );
}

/**
 * The document editor: a text area over the core's rich-text JSON (headings, lists, paragraphs),
 * with snippet expansion, merge-field insertion and the server's French medical spell-check.
 */
export function TextEditor({
  value,
  onChange,
  readOnly = false,
  withMergeFields = false,
}: {
  value: string;
  onChange: (value: string) => void;
  readOnly?: boolean;
  withMergeFields?: boolean;
}) {
  const { t } = useTranslation('documents');
  const area = useRef<HTMLTextAreaElement>(null);
  const snippets = useQuery({ queryKey: ['snippets'], queryFn: () => get<Snippet[]>('/api/snippets') });
  const [misspellings, setMisspellings] = useState<Misspelling[] | null>(null);
  const [checking, setChecking] = useState(false);
  const [checkedText, setCheckedText] = useState('');

  const insert = (text: string) => {
    const el = area.current;
    const at = el?.selectionStart ?? value.length;
    const next = value.slice(0, at) + text + value.slice(el?.selectionEnd ?? at);
    onChange(next);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(at + text.length, at + text.length);
    });
  };

  const checkSpelling = async () => {
    setChecking(true);
    try {
      const result = await post<{ misspellings: Misspelling[] }>('/api/spell-check', { text: value });
      setMisspellings(result.misspellings);
      setCheckedText(value);
    } finally {
      setChecking(false);
    }
  };

  const addWord = async (word: string) => {
    await post('/api/medical-words', { terms: [word] });
    setMisspellings((list) => list?.filter((m) => m.word !== word) ?? null);
  };

  return (
    <Group align="flex-start" wrap="nowrap">
      <Stack flex={1} gap="xs">
        <Textarea
          ref={area}
          label={t('content')}
          description={t('editorHint')}
          value={value}
          readOnly={readOnly}
          autosize
          minRows={14}
          spellCheck={false}
          data-testid="document-editor"
          onChange={(e) => onChange(e.currentTarget.value)}
          onKeyDown={(e) => {
            if ((e.key !== ' ' && e.key !== 'Tab') || readOnly) return;
            const el = e.currentTarget;
            const expansion = expandSnippetAt(value, el.selectionStart, snippets.data ?? []);
            if (!expansion) return;
            e.preventDefault();
            onChange(expansion.text);
            requestAnimationFrame(() => el.setSelectionRange(expansion.caret, expansion.caret));
          }}
        />
        {!readOnly && (
          <Group>
            <Button variant="light" size="xs" loading={checking} onClick={checkSpelling}>
              {t('spellCheck')}
            </Button>
          </Group>
        )}
        {misspellings && (
          <Paper withBorder p="xs">
            {misspellings.length === 0 ? (
              <Text size="sm">{t('spellOk')}</Text>
            ) : (
              <Stack gap={6}>
                <Text size="sm">{t('spellFound', { count: misspellings.length })}</Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="spell-preview">
                  {highlight(checkedText, misspellings)}
                </Text>
                <Group gap={4}>
                  {[...new Set(misspellings.map((m) => m.word))].map((word) => (
                    <Badge
                      key={word}
                      color="red"
                      variant="light"
                      style={{ cursor: 'pointer' }}
                      title={t('addToDictionary')}
                      onClick={() => addWord(word)}
                    >
                      {word} +
                    </Badge>
                  ))}
                </Group>
              </Stack>
            )}
          </Paper>
        )}
      </Stack>
      {withMergeFields && !readOnly && <MergeFieldList onInsert={(field) => insert(`{{${field}}}`)} />}
    </Group>
  );
}

/** The text with the given spans marked (spelling mistakes, medical terms). */
export function highlight(text: string, spans: readonly { start: number; end: number }[]) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const s of spans) {
    parts.push(<Fragment key={`t${s.start}`}>{text.slice(at, s.start)}</Fragment>);
    parts.push(
      <mark key={`m${s.start}`} style={{ background: '#ffd8a8' }}>
        {text.slice(s.start, s.end)}
      </mark>,
    );
    at = s.end;
  }
  parts.push(<Fragment key="end">{text.slice(at)}</Fragment>);
  return parts;
}
