import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  NavLink,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  type TriageFlag,
  type TriageOption,
  type TriageProtocol,
  type TriageQuestion,
  type triageEvaluationView,
  triagePaths,
  type triageProtocolView,
  urgencyLevels,
} from '@pivot/core/reception';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { get, post, put } from '../app/api.ts';
import { useApiForm } from '../app/use-api-form.ts';
import { useLanguage } from './OrientationPage.tsx';

type Bilingual = { fr: string; en: string };
type Level = (typeof urgencyLevels)[number];
type Path = (typeof triagePaths)[number];

// The answers' types, from core's response schemas (what the server serializes with).
type StoredProtocol = z.input<typeof triageProtocolView>;
type TriageEvaluation = z.input<typeof triageEvaluationView>;

const levelColors: Record<Level, string> = { routine: 'gray', soon: 'blue', urgent: 'orange', vital: 'red' };

const protocolsKey = ['reception', 'triage-protocols', 'all'];

/** Removes what the editor holds for convenience: empty advice, the stored fields. */
function cleanFlag<T extends { level: Level; path?: Path | undefined; advice?: Bilingual | undefined }>(
  flag: T,
): T {
  const { advice, path, ...rest } = flag;
  return {
    ...rest,
    ...(path ? { path } : {}),
    ...(advice && (advice.fr.trim() || advice.en.trim()) ? { advice } : {}),
  } as T;
}

function cleanProtocol(p: TriageProtocol): TriageProtocol {
  return {
    id: p.id,
    title: p.title,
    baseline: cleanFlag(p.baseline),
    questions: p.questions.map((q) => ({
      id: q.id,
      text: q.text,
      options: q.options.map((o) => ({
        id: o.id,
        label: o.label,
        ...(o.flag ? { flag: cleanFlag(o.flag) } : {}),
      })),
    })),
  };
}

function slugify(text: string) {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 60);
}

function freshId(prefix: string, taken: string[]) {
  let n = taken.length + 1;
  while (taken.includes(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

const blank: Bilingual = { fr: '', en: '' };
const newOption = (id: string): TriageOption => ({ id, label: { ...blank } });
const newQuestion = (id: string): TriageQuestion => ({
  id,
  text: { ...blank },
  options: [
    { id: 'yes', label: { fr: 'Oui', en: 'Yes' }, flag: { level: 'urgent' } },
    { id: 'no', label: { fr: 'Non', en: 'No' } },
  ],
});

interface Editing {
  protocol: TriageProtocol;
  active: boolean;
  /** null for a protocol not yet created. */
  version: number | null;
}

/** Triage protocols: written and edited by practitioners (or an admin), tried before use. */
export function TriageProtocolsPage() {
  const { t } = useTranslation('reception');
  const language = useLanguage();
  const protocols = useQuery({
    queryKey: protocolsKey,
    queryFn: () => get<StoredProtocol[]>('/api/reception/triage-protocols?includeInactive=true'),
  });
  const [selected, setSelected] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const open = (p: StoredProtocol) => {
    setSelected(p.id);
    setEditing({ protocol: structuredClone(cleanProtocol(p)), active: p.active, version: p.version });
  };
  const current = protocols.data?.find((p) => p.id === selected) ?? null;
  return (
    <Stack>
      <Alert color="yellow" title={t('protocols.disclaimerTitle')} data-testid="triage-disclaimer">
        {t('protocols.disclaimer')}
      </Alert>
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 3 }}>
          <Stack gap="xs">
            <Button
              variant="light"
              onClick={() => {
                setSelected(null);
                setEditing({
                  protocol: {
                    id: '',
                    title: { ...blank },
                    baseline: { level: 'routine' },
                    questions: [newQuestion('q1')],
                  },
                  active: true,
                  version: null,
                });
              }}
              data-testid="protocol-new"
            >
              {t('protocols.new')}
            </Button>
            <Paper withBorder data-testid="protocol-list">
              {(protocols.data ?? []).map((p) => (
                <NavLink
                  key={p.id}
                  active={p.id === selected}
                  label={p.title[language]}
                  description={t('protocols.questionCount', { count: p.questions.length })}
                  onClick={() => open(p)}
                  rightSection={
                    !p.active && (
                      <Badge size="xs" color="gray">
                        {t('protocols.inactive')}
                      </Badge>
                    )
                  }
                  data-testid={`protocol-${p.id}`}
                />
              ))}
            </Paper>
            {editing && current && editing.version !== null && (
              <TryIt key={`${current.id}-${current.version}`} protocol={current} />
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 9 }}>
          {!editing && <Text c="dimmed">{t('protocols.pick')}</Text>}
          {editing && (
            <Stack gap="lg">
              <ProtocolEditor
                key={`${selected ?? 'new'}-${editing.version ?? 'new'}`}
                initial={editing}
                onSaved={(p) => {
                  setSelected(p.id);
                  setEditing({ protocol: cleanProtocol(p), active: p.active, version: p.version });
                }}
                onReload={async () => {
                  const fresh = await protocols.refetch();
                  const p = fresh.data?.find((x) => x.id === selected);
                  if (p) open(p);
                }}
              />
            </Stack>
          )}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function ProtocolEditor({
  initial,
  onSaved,
  onReload,
}: {
  initial: Editing;
  onSaved: (p: StoredProtocol) => void;
  onReload: () => void;
}) {
  const { t } = useTranslation('reception');
  const language = useLanguage();
  const client = useQueryClient();
  const form = useApiForm();
  const [p, setP] = useState<TriageProtocol>(initial.protocol);
  const [active, setActive] = useState(initial.active);
  const [idTouched, setIdTouched] = useState(false);
  const isNew = initial.version === null;
  const prefix = isNew ? '' : 'protocol.';
  const err = (path: string) => form.fieldError(prefix + path);

  const setQuestion = (i: number, q: TriageQuestion) =>
    setP((x) => ({ ...x, questions: x.questions.map((y, j) => (j === i ? q : y)) }));
  const move = (i: number, by: number) =>
    setP((x) => {
      const questions = [...x.questions];
      const [q] = questions.splice(i, 1);
      if (q) questions.splice(i + by, 0, q);
      return { ...x, questions };
    });

  const save = async () => {
    const protocol = cleanProtocol(p);
    const saved = await form.submit(() =>
      isNew
        ? post<StoredProtocol>('/api/reception/triage-protocols', protocol)
        : put<StoredProtocol>(`/api/reception/triage-protocols/${protocol.id}`, {
            protocol,
            active,
            version: initial.version,
          }),
    );
    if (!saved) return;
    notifications.show({ color: 'green', message: t('protocols.saved') });
    await client.invalidateQueries({ queryKey: ['reception', 'triage-protocols'] });
    onSaved(saved);
  };

  return (
    <Paper withBorder p="md" data-testid="protocol-editor">
      <Stack>
        <Group justify="space-between">
          <Title order={3}>{isNew ? t('protocols.new') : p.title[language] || p.id}</Title>
          {!isNew && (
            <Switch
              label={active ? t('protocols.active') : t('protocols.inactive')}
              checked={active}
              onChange={(e) => setActive(e.currentTarget.checked)}
              data-testid="protocol-active"
            />
          )}
        </Group>
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          <TextInput
            label={t('protocols.titleFr')}
            value={p.title.fr}
            onChange={(e) => {
              const fr = e.currentTarget.value;
              setP((x) => ({
                ...x,
                title: { ...x.title, fr },
                ...(isNew && !idTouched ? { id: slugify(fr) } : {}),
              }));
            }}
            error={err('title.fr')}
            data-testid="protocol-title-fr"
          />
          <TextInput
            label={t('protocols.titleEn')}
            value={p.title.en}
            onChange={(e) => {
              const en = e.currentTarget.value;
              setP((x) => ({ ...x, title: { ...x.title, en } }));
            }}
            error={err('title.en')}
            data-testid="protocol-title-en"
          />
          <TextInput
            label={t('protocols.id')}
            description={t('protocols.idHint')}
            value={p.id}
            readOnly={!isNew}
            onChange={(e) => {
              const id = e.currentTarget.value;
              setIdTouched(true);
              setP((x) => ({ ...x, id }));
            }}
            error={err('id')}
            data-testid="protocol-id"
          />
        </SimpleGrid>
        <Paper withBorder p="sm" bg="gray.0">
          <Text fw={500} mb={4}>
            {t('protocols.baseline')}
          </Text>
          <Text size="xs" c="dimmed" mb="xs">
            {t('protocols.baselineHint')}
          </Text>
          <FlagFields
            flag={p.baseline}
            onChange={(baseline) => setP((x) => ({ ...x, baseline }))}
            error={err('baseline')}
            errorOf={(path) => err(`baseline.${path}`)}
            testId="baseline"
          />
        </Paper>
        <Title order={4}>{t('protocols.questions')}</Title>
        {p.questions.map((q, i) => (
          <QuestionEditor
            key={q.id}
            index={i}
            question={q}
            count={p.questions.length}
            onChange={(next) => setQuestion(i, next)}
            onRemove={() => setP((x) => ({ ...x, questions: x.questions.filter((_, j) => j !== i) }))}
            onMove={(by) => move(i, by)}
            errorOf={(path) => err(`questions.${i}.${path}`)}
          />
        ))}
        <Group>
          <Button
            variant="light"
            onClick={() =>
              setP((x) => ({
                ...x,
                questions: [
                  ...x.questions,
                  newQuestion(
                    freshId(
                      'q',
                      x.questions.map((q) => q.id),
                    ),
                  ),
                ],
              }))
            }
            disabled={p.questions.length >= 30}
            data-testid="protocol-add-question"
          >
            {t('protocols.addQuestion')}
          </Button>
        </Group>
        {form.error && form.error.code !== 'stale_version' && (
          <Alert color="red" data-testid="protocol-error">
            {form.error.field ? `${fieldLabel(t, form.error.field.replace(/^protocol\./, ''))} : ` : ''}
            {form.error.message}
          </Alert>
        )}
        {form.error?.code === 'stale_version' && (
          <Alert color="orange" title={t('protocols.staleTitle')} data-testid="protocol-stale">
            <Stack gap="xs">
              <Text size="sm">{t('protocols.stale')}</Text>
              <Button size="xs" variant="white" onClick={onReload} style={{ alignSelf: 'flex-start' }}>
                {t('protocols.reload')}
              </Button>
            </Stack>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button onClick={save} loading={form.busy} data-testid="protocol-save">
            {isNew ? t('protocols.create') : t('protocols.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** "questions.2.options.0.label.en" → "Question 3 · Réponse 1 · Libellé (EN)". */
function fieldLabel(t: (key: string, options?: Record<string, unknown>) => string, field: string) {
  const parts = field.split('.');
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    const next = parts[i + 1];
    if ((part === 'questions' || part === 'options') && next !== undefined && /^\d+$/.test(next)) {
      out.push(t(`protocols.${part === 'questions' ? 'questionN' : 'optionN'}`, { n: Number(next) + 1 }));
      i++;
    } else if (part === 'fr' || part === 'en') {
      out.push(part.toUpperCase());
    } else {
      out.push(t(`protocols.fields.${part}`, { defaultValue: part }));
    }
  }
  return out.join(' · ');
}

function QuestionEditor({
  index,
  question: q,
  count,
  onChange,
  onRemove,
  onMove,
  errorOf,
}: {
  index: number;
  question: TriageQuestion;
  count: number;
  onChange: (q: TriageQuestion) => void;
  onRemove: () => void;
  onMove: (by: number) => void;
  errorOf: (path: string) => string | undefined;
}) {
  const { t } = useTranslation('reception');
  const setOption = (j: number, o: TriageOption) =>
    onChange({ ...q, options: q.options.map((x, k) => (k === j ? o : x)) });
  return (
    <Card withBorder padding="sm" data-testid={`question-${index}`}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600}>{t('protocols.questionN', { n: index + 1 })}</Text>
          <Group gap={4}>
            <ActionIcon
              variant="subtle"
              disabled={index === 0}
              onClick={() => onMove(-1)}
              aria-label={t('protocols.moveUp')}
            >
              ↑
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              disabled={index === count - 1}
              onClick={() => onMove(1)}
              aria-label={t('protocols.moveDown')}
            >
              ↓
            </ActionIcon>
            <Button
              size="xs"
              variant="subtle"
              color="red"
              disabled={count <= 1}
              onClick={onRemove}
              data-testid={`question-${index}-remove`}
            >
              {t('protocols.removeQuestion')}
            </Button>
          </Group>
        </Group>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {(['fr', 'en'] as const).map((lang) => (
            <TextInput
              key={lang}
              label={t(`protocols.text_${lang}`)}
              value={q.text[lang]}
              onChange={(e) => onChange({ ...q, text: { ...q.text, [lang]: e.currentTarget.value } })}
              error={errorOf(`text.${lang}`)}
              data-testid={`question-${index}-text-${lang}`}
            />
          ))}
        </SimpleGrid>
        {errorOf('options') && (
          <Text size="xs" c="red">
            {errorOf('options')}
          </Text>
        )}
        <Stack gap="xs" pl="md">
          {q.options.map((o, j) => (
            <Paper key={o.id} withBorder p="xs" bg={o.flag ? 'red.0' : undefined}>
              <Stack gap={6}>
                <Group align="flex-end" wrap="nowrap">
                  <Text size="sm" c="dimmed" w={24}>
                    {j + 1}.
                  </Text>
                  {(['fr', 'en'] as const).map((lang) => (
                    <TextInput
                      key={lang}
                      style={{ flex: 1 }}
                      size="xs"
                      label={t(`protocols.label_${lang}`)}
                      value={o.label[lang]}
                      onChange={(e) =>
                        setOption(j, { ...o, label: { ...o.label, [lang]: e.currentTarget.value } })
                      }
                      error={errorOf(`options.${j}.label.${lang}`)}
                      data-testid={`question-${index}-option-${j}-${lang}`}
                    />
                  ))}
                  <Switch
                    size="sm"
                    color="red"
                    label={t('protocols.redFlag')}
                    checked={!!o.flag}
                    onChange={(e) => {
                      const { flag: _flag, ...rest } = o;
                      setOption(j, e.currentTarget.checked ? { ...rest, flag: { level: 'urgent' } } : rest);
                    }}
                    data-testid={`question-${index}-option-${j}-flag`}
                  />
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    disabled={q.options.length <= 2}
                    onClick={() => onChange({ ...q, options: q.options.filter((_, k) => k !== j) })}
                  >
                    {t('protocols.removeOption')}
                  </Button>
                </Group>
                {o.flag && (
                  <FlagFields
                    flag={o.flag}
                    onChange={(flag) => setOption(j, { ...o, flag })}
                    error={errorOf(`options.${j}.flag`)}
                    errorOf={(path) => errorOf(`options.${j}.flag.${path}`)}
                    testId={`question-${index}-option-${j}`}
                  />
                )}
              </Stack>
            </Paper>
          ))}
          <Button
            size="xs"
            variant="subtle"
            style={{ alignSelf: 'flex-start' }}
            disabled={q.options.length >= 12}
            onClick={() =>
              onChange({
                ...q,
                options: [
                  ...q.options,
                  newOption(
                    freshId(
                      'o',
                      q.options.map((o) => o.id),
                    ),
                  ),
                ],
              })
            }
            data-testid={`question-${index}-add-option`}
          >
            {t('protocols.addOption')}
          </Button>
        </Stack>
      </Stack>
    </Card>
  );
}

function FlagFields({
  flag,
  onChange,
  error,
  errorOf,
  testId,
}: {
  flag: TriageFlag;
  onChange: (flag: TriageFlag) => void;
  error: string | undefined;
  errorOf: (path: string) => string | undefined;
  testId: string;
}) {
  const { t } = useTranslation('reception');
  const advice = flag.advice ?? blank;
  // Calling the 15 goes with the vital level only (and the vital level always calls the 15).
  const paths = triagePaths.filter((p) => (flag.level === 'vital') === (p === 'call_samu_15'));
  return (
    <Stack gap={6}>
      <SimpleGrid cols={{ base: 1, md: 4 }}>
        <Select
          size="xs"
          label={t('protocols.level')}
          value={flag.level}
          allowDeselect={false}
          onChange={(v) => {
            if (!v) return;
            const level = v as Level;
            const keepPath = flag.path && (level === 'vital') === (flag.path === 'call_samu_15');
            const { path: _path, ...rest } = flag;
            onChange({ ...rest, level, ...(keepPath ? { path: flag.path } : {}) });
          }}
          data={urgencyLevels.map((l) => ({ value: l, label: t(`protocols.levels.${l}`) }))}
          error={error ?? errorOf('level')}
          data-testid={`${testId}-level`}
        />
        <Select
          size="xs"
          label={t('protocols.path')}
          placeholder={t('protocols.pathDefault')}
          clearable
          value={flag.path ?? null}
          onChange={(v) => {
            const { path: _path, ...rest } = flag;
            onChange(v ? { ...rest, path: v as Path } : rest);
          }}
          data={paths.map((p) => ({ value: p, label: t(`protocols.paths.${p}`) }))}
          error={errorOf('path')}
          data-testid={`${testId}-path`}
        />
        {(['fr', 'en'] as const).map((lang) => (
          <TextInput
            key={lang}
            size="xs"
            label={t(`protocols.advice_${lang}`)}
            value={advice[lang]}
            onChange={(e) => onChange({ ...flag, advice: { ...advice, [lang]: e.currentTarget.value } })}
            error={errorOf(`advice.${lang}`)}
          />
        ))}
      </SimpleGrid>
    </Stack>
  );
}

/** Answers the saved protocol's questions and shows what the helper would advise. */
function TryIt({ protocol }: { protocol: StoredProtocol }) {
  const { t } = useTranslation('reception');
  const language = useLanguage();
  const form = useApiForm();
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [result, setResult] = useState<TriageEvaluation | null>(null);
  const evaluate = async (next: Record<string, string>) => {
    const r = await form.submit(() =>
      post<TriageEvaluation>('/api/reception/triage/evaluate', {
        protocolId: protocol.id,
        answers: next,
      }),
    );
    if (r) setResult(r);
  };
  const questionText = (id: string) => protocol.questions.find((q) => q.id === id)?.text[language] ?? id;
  return (
    <Paper withBorder p="md" bg="blue.0" data-testid="triage-try">
      <Stack>
        <Group justify="space-between">
          <Title order={4}>{t('protocols.tryTitle')}</Title>
          <Button
            size="xs"
            variant="subtle"
            onClick={() => {
              setAnswers({});
              setResult(null);
            }}
          >
            {t('protocols.tryReset')}
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          {t('protocols.tryHint')}
        </Text>
        {protocol.questions.map((q) => (
          <Radio.Group
            key={q.id}
            label={q.text[language]}
            value={answers[q.id] ?? null}
            onChange={(v) => {
              const next = { ...answers, [q.id]: v };
              setAnswers(next);
              void evaluate(next);
            }}
          >
            <Stack gap={4} mt={4}>
              {q.options.map((o) => (
                <Radio
                  key={o.id}
                  value={o.id}
                  label={o.label[language]}
                  data-testid={`try-${q.id}-${o.id}`}
                />
              ))}
            </Stack>
          </Radio.Group>
        ))}
        {form.error && <Alert color="red">{form.error.message}</Alert>}
        {result && (
          <Paper withBorder p="sm" data-testid="triage-try-result">
            <Stack gap={6}>
              <Group>
                <Badge size="lg" color={levelColors[result.level]} data-testid="triage-try-level">
                  {t(`protocols.levels.${result.level}`)}
                </Badge>
                <Text fw={600}>{t(`protocols.paths.${result.path}`)}</Text>
              </Group>
              {result.advice && <Text size="sm">{result.advice[language]}</Text>}
              {result.flags.length > 0 && (
                <Text size="sm" c="red">
                  {t('protocols.flagsRaised', {
                    questions: result.flags.map((f) => questionText(f.questionId)).join(' ; '),
                  })}
                </Text>
              )}
              {result.unanswered.length > 0 && (
                <Text size="xs" c="dimmed">
                  {t('protocols.unanswered', { count: result.unanswered.length })}
                </Text>
              )}
              <Text size="xs" fs="italic">
                {result.disclaimer[language]}
              </Text>
            </Stack>
          </Paper>
        )}
      </Stack>
    </Paper>
  );
}
