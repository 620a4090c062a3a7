import '@mantine/tiptap/styles.css';
import { Badge, Button, Group, Loader, Paper, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { RichTextEditor } from '@mantine/tiptap';
import {
  mergeFields,
  type RichTextDoc,
  type Snippet,
  type snippetView,
  type spellCheckView,
  spellingRange,
  type spellingSuggestionsView,
  spellingText,
} from '@pivot/core/documents';
import { IconTable } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getSchema } from '@tiptap/core';
import { useEditor } from '@tiptap/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { get, post } from '../app/api.ts';
import './document-editor.css';
import {
  documentExtensions,
  editorDoc,
  type MisspeltRange,
  misspeltAt,
  spellingKey,
} from './editor-extensions.ts';

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
 * The document editor (TipTap): headings, bold and italic, lists, tables, merge-field chips,
 * snippet expansion, and the server's French medical spell-check underlining unknown words as the
 * user types; a click on one shows its suggestions. Stores the editor's JSON as is: the core's
 * rich-text document, which the PDF and DOCX output render.
 */
export function DocumentEditor({
  value,
  onChange,
  readOnly = false,
  withMergeFields = false,
  documentId,
}: {
  value: RichTextDoc;
  onChange: (value: RichTextDoc) => void;
  readOnly?: boolean;
  withMergeFields?: boolean;
  /** The document being written: its patient's names are not spelling mistakes. */
  documentId?: string;
}) {
  const { t } = useTranslation('documents');
  const snippets = useQuery({
    queryKey: ['snippets'],
    queryFn: () => get<z.input<typeof snippetView>[]>('/api/snippets'),
  });
  const snippetsRef = useRef<readonly Snippet[]>([]);
  snippetsRef.current = snippets.data ?? [];
  const emitted = useRef<string>('');
  const [revision, setRevision] = useState(0);
  const [misspelt, setMisspelt] = useState<MisspeltRange[] | null>(null);
  const [checking, setChecking] = useState(false);
  const [selected, setSelected] = useState<MisspeltRange | null>(null);

  const schema = useMemo(() => getSchema(documentExtensions(() => [])), []);
  const editor = useEditor({
    extensions: documentExtensions(() => snippetsRef.current),
    content: editorDoc(value, schema),
    editable: !readOnly,
    editorProps: {
      attributes: {
        'data-testid': 'document-editor',
        'aria-label': t('content'),
        spellcheck: 'false',
      },
      handleClick: (view, pos) => {
        setSelected(misspeltAt(spellingKey.getState(view.state), pos));
        return false;
      },
    },
    onUpdate: ({ editor: current }) => {
      const json = current.getJSON() as RichTextDoc;
      emitted.current = JSON.stringify(json);
      onChange(json);
      setRevision((n) => n + 1);
    },
  });

  // A document loaded or saved elsewhere replaces the content; the user's own edits do not.
  useEffect(() => {
    if (!editor || JSON.stringify(value) === emitted.current) return;
    emitted.current = JSON.stringify(value);
    editor.commands.setContent(editorDoc(value, schema), { emitUpdate: false });
    setRevision((n) => n + 1);
  }, [editor, value, schema]);

  useEffect(() => {
    editor?.setEditable(!readOnly);
  }, [editor, readOnly]);

  // The spell-check runs shortly after the user stops typing; a stale answer is dropped.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `revision` is what triggers a new check
  useEffect(() => {
    if (!editor || readOnly) return;
    const doc = editor.state.doc;
    const timer = setTimeout(async () => {
      const spelling = spellingText(editor.getJSON() as RichTextDoc);
      setChecking(true);
      try {
        const result = await post<z.input<typeof spellCheckView>>('/api/spell-check', {
          text: spelling.text,
          ...(documentId ? { documentId } : {}),
        });
        if (editor.isDestroyed || editor.state.doc !== doc) return;
        const ranges = result.misspellings.flatMap((m) => {
          const range = spellingRange(spelling, m.start, m.end);
          return range ? [{ ...range, word: m.word }] : [];
        });
        editor.view.dispatch(editor.state.tr.setMeta(spellingKey, ranges).setMeta('addToHistory', false));
        setMisspelt(ranges);
      } finally {
        setChecking(false);
      }
    }, 600);
    return () => clearTimeout(timer);
  }, [editor, readOnly, revision, documentId]);

  const suggestions = useQuery({
    queryKey: ['spell-suggestions', selected?.word],
    queryFn: () =>
      post<z.input<typeof spellingSuggestionsView>>('/api/spell-check/suggestions', { word: selected!.word }),
    enabled: selected !== null,
    staleTime: Number.POSITIVE_INFINITY,
  });

  const replace = (range: MisspeltRange, word: string) => {
    editor?.chain().focus().insertContentAt({ from: range.from, to: range.to }, word).run();
    setSelected(null);
  };
  const addWord = async (word: string) => {
    await post('/api/medical-words', { terms: [word] });
    setSelected(null);
    setRevision((n) => n + 1);
  };
  const words = [...new Set((misspelt ?? []).map((m) => m.word))];

  return (
    <Group align="flex-start" wrap="nowrap">
      <Stack flex={1} gap="xs" miw={0}>
        <Text size="sm" fw={500}>
          {t('content')}
        </Text>
        <RichTextEditor
          editor={editor}
          labels={{
            boldControlLabel: t('editor.bold'),
            italicControlLabel: t('editor.italic'),
            h1ControlLabel: t('editor.h1'),
            h2ControlLabel: t('editor.h2'),
            h3ControlLabel: t('editor.h3'),
            bulletListControlLabel: t('editor.bulletList'),
            orderedListControlLabel: t('editor.orderedList'),
            undoControlLabel: t('editor.undo'),
            redoControlLabel: t('editor.redo'),
          }}
        >
          {!readOnly && (
            <RichTextEditor.Toolbar>
              <RichTextEditor.ControlsGroup>
                <RichTextEditor.Bold />
                <RichTextEditor.Italic />
              </RichTextEditor.ControlsGroup>
              <RichTextEditor.ControlsGroup>
                <RichTextEditor.H1 />
                <RichTextEditor.H2 />
                <RichTextEditor.H3 />
              </RichTextEditor.ControlsGroup>
              <RichTextEditor.ControlsGroup>
                <RichTextEditor.BulletList />
                <RichTextEditor.OrderedList />
                <RichTextEditor.Control
                  aria-label={t('editor.table')}
                  title={t('editor.table')}
                  onClick={() =>
                    editor?.chain().focus().insertTable({ rows: 2, cols: 3, withHeaderRow: true }).run()
                  }
                >
                  <IconTable size={16} stroke={1.5} />
                </RichTextEditor.Control>
              </RichTextEditor.ControlsGroup>
              <RichTextEditor.ControlsGroup>
                <RichTextEditor.Undo />
                <RichTextEditor.Redo />
              </RichTextEditor.ControlsGroup>
              {checking && <Loader size="xs" ml="auto" aria-label={t('spellChecking')} />}
            </RichTextEditor.Toolbar>
          )}
          <RichTextEditor.Content className="pivot-document-content" />
        </RichTextEditor>
        {!readOnly && (
          <Text size="xs" c="dimmed">
            {t('editorHint')}
          </Text>
        )}
        {!readOnly && misspelt && (
          <Paper withBorder p="xs" data-testid="spelling-panel">
            {words.length === 0 ? (
              <Text size="sm">{t('spellOk')}</Text>
            ) : (
              <Stack gap={6}>
                <Text size="sm">{t('spellFound', { count: words.length })}</Text>
                <Group gap={4}>
                  {words.map((word) => (
                    <Badge
                      key={word}
                      color="red"
                      variant={selected?.word === word ? 'filled' : 'light'}
                      style={{ cursor: 'pointer', textTransform: 'none' }}
                      onClick={() => setSelected(misspelt.find((m) => m.word === word) ?? null)}
                    >
                      {word}
                    </Badge>
                  ))}
                </Group>
              </Stack>
            )}
            {selected && (
              <Group gap={4} mt="xs" data-testid="spelling-suggestions">
                <Text size="sm">{t('suggestionsFor', { word: selected.word })}</Text>
                {suggestions.isLoading && <Loader size="xs" />}
                {suggestions.data?.suggestions.length === 0 && (
                  <Text size="sm" c="dimmed">
                    {t('noSuggestion')}
                  </Text>
                )}
                {suggestions.data?.suggestions.map((s) => (
                  <Button key={s} size="compact-xs" variant="light" onClick={() => replace(selected, s)}>
                    {s}
                  </Button>
                ))}
                <Button size="compact-xs" variant="subtle" onClick={() => addWord(selected.word)}>
                  {t('addToDictionary')}
                </Button>
              </Group>
            )}
          </Paper>
        )}
      </Stack>
      {withMergeFields && !readOnly && (
        <MergeFieldList
          onInsert={(field) =>
            editor?.chain().focus().insertContent({ type: 'mergeField', attrs: { field } }).run()
          }
        />
      )}
    </Group>
  );
}
