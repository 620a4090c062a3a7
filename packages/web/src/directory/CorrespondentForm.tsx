import {
  ActionIcon,
  Alert,
  Button,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post, put } from '../app/api.ts';
import { useApiForm } from '../app/use-api-form.ts';
import { type CorrespondentView, formatPhone } from './correspondent.ts';

const bodyTypes = [
  'cpam',
  'mutuelle',
  'hospital',
  'clinic',
  'laboratory',
  'imaging',
  'pharmacy',
  'social_service',
  'other',
];
const phoneKinds = ['secretariat', 'work', 'mobile', 'fax'];
const commonFields = ['address.line1', 'address.postalCode', 'address.city', 'email', 'secureEmail', 'notes'];
const shownFields = {
  practitioner: ['familyName', 'givenName', 'rpps', 'specialty', 'workplace', ...commonFields],
  body: ['bodyType', 'finess', 'name', 'phone', 'handles', 'openingHours', ...commonFields],
};

let phoneKeys = 0;
const nextKey = () => ++phoneKeys;

interface Draft {
  kind: 'practitioner' | 'body';
  familyName: string;
  givenName: string;
  rpps: string;
  specialty: string;
  workplace: string;
  phones: { key: number; kind: string; number: string }[];
  bodyType: string;
  name: string;
  finess: string;
  phone: string;
  handles: string;
  openingHours: string;
  line1: string;
  postalCode: string;
  city: string;
  email: string;
  secureEmail: string;
  notes: string;
}

function draftOf(c: CorrespondentView | null): Draft {
  const empty: Draft = {
    kind: 'practitioner',
    familyName: '',
    givenName: '',
    rpps: '',
    specialty: '',
    workplace: '',
    phones: [{ key: nextKey(), kind: 'secretariat', number: '' }],
    bodyType: 'cpam',
    name: '',
    finess: '',
    phone: '',
    handles: '',
    openingHours: '',
    line1: '',
    postalCode: '',
    city: '',
    email: '',
    secureEmail: '',
    notes: '',
  };
  if (!c) return empty;
  const common = {
    ...empty,
    kind: c.kind,
    line1: c.address.line1,
    postalCode: c.address.postalCode,
    city: c.address.city,
    email: c.email ?? '',
    secureEmail: c.secureEmail ?? '',
    notes: c.notes,
  };
  if (c.kind === 'practitioner') {
    return {
      ...common,
      familyName: c.familyName,
      givenName: c.givenName,
      rpps: c.rpps ?? '',
      specialty: c.specialty,
      workplace: c.workplace,
      phones: c.phones.length
        ? c.phones.map((p) => ({ key: nextKey(), kind: p.kind, number: formatPhone(p.number) }))
        : empty.phones,
    };
  }
  return {
    ...common,
    bodyType: c.bodyType ?? '',
    name: c.name,
    finess: c.finess ?? '',
    phone: formatPhone(c.phone),
    handles: c.handles,
    openingHours: c.openingHours,
  };
}

function payloadOf(d: Draft) {
  const common = {
    address: { line1: d.line1, postalCode: d.postalCode, city: d.city },
    email: d.email,
    secureEmail: d.secureEmail,
    notes: d.notes,
  };
  if (d.kind === 'practitioner') {
    return {
      kind: d.kind,
      familyName: d.familyName,
      givenName: d.givenName,
      rpps: d.rpps,
      specialty: d.specialty,
      workplace: d.workplace,
      phones: d.phones.filter((p) => p.number.trim() !== '').map(({ kind, number }) => ({ kind, number })),
      ...common,
    };
  }
  return {
    kind: d.kind,
    bodyType: d.bodyType,
    name: d.name,
    finess: d.finess,
    phone: d.phone,
    handles: d.handles,
    openingHours: d.openingHours,
    ...common,
  };
}

/** Creates a correspondent, or edits one with the version it was read at. */
export function CorrespondentForm({
  correspondent,
  onSaved,
  onCancel,
}: {
  correspondent: CorrespondentView | null;
  onSaved: (saved: CorrespondentView) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('directory');
  const form = useApiForm();
  const [draft, setDraft] = useState<Draft>(() => draftOf(correspondent));
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const text = (key: keyof Draft, field = key as string) => ({
    value: draft[key] as string,
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      set(key, e.currentTarget.value as never),
    error: form.fieldError(field),
  });

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const body = payloadOf(draft);
    const saved = await form.submit(() =>
      correspondent
        ? put<CorrespondentView>(`/api/directory/correspondents/${correspondent.id}`, {
            ...body,
            version: correspondent.version,
          })
        : post<CorrespondentView>('/api/directory/correspondents', body),
    );
    if (saved) onSaved(saved);
  };
  // Errors on a field this form does not show (or on the whole request) are shown above it.
  const field = form.error?.field;
  const shown = !!field && (shownFields[draft.kind].includes(field) || /^phones\.\d+\.number$/.test(field));

  return (
    <form onSubmit={submit} noValidate data-testid="correspondent-form">
      <Stack>
        {form.error && !shown && (
          <Alert color="red" data-testid="form-error">
            {form.error.message}
          </Alert>
        )}
        <SegmentedControl
          aria-label={t('field.kind')}
          value={draft.kind}
          onChange={(v) => set('kind', v as Draft['kind'])}
          data={[
            { value: 'practitioner', label: t('kind.practitioner') },
            { value: 'body', label: t('kind.body') },
          ]}
        />
        {draft.kind === 'practitioner' ? (
          <>
            <Group grow align="flex-start">
              <TextInput label={t('field.familyName')} required {...text('familyName')} />
              <TextInput label={t('field.givenName')} {...text('givenName')} />
            </Group>
            <Group grow align="flex-start">
              <TextInput
                label={t('field.rpps')}
                description={t('field.rppsHint')}
                inputMode="numeric"
                {...text('rpps')}
              />
              <TextInput label={t('field.specialty')} {...text('specialty')} />
            </Group>
            <TextInput label={t('field.workplace')} {...text('workplace')} />
            <Stack gap={4}>
              {draft.phones.map((phone, i) => (
                <Group key={phone.key} align="flex-start" wrap="nowrap">
                  <Select
                    aria-label={t('field.phoneKind')}
                    w={150}
                    data={phoneKinds.map((k) => ({ value: k, label: t(`phoneKind.${k}`) }))}
                    value={phone.kind}
                    allowDeselect={false}
                    onChange={(v) =>
                      set(
                        'phones',
                        draft.phones.map((p, j) => (j === i ? { ...p, kind: v ?? 'work' } : p)),
                      )
                    }
                  />
                  <TextInput
                    style={{ flex: 1 }}
                    aria-label={`${t('field.phone')} ${i + 1}`}
                    placeholder={t('field.phone')}
                    type="tel"
                    value={phone.number}
                    error={form.fieldError(`phones.${i}.number`)}
                    onChange={(e) => {
                      const number = e.currentTarget.value;
                      set(
                        'phones',
                        draft.phones.map((p, j) => (j === i ? { ...p, number } : p)),
                      );
                    }}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    mt={6}
                    aria-label={t('field.removePhone')}
                    onClick={() =>
                      set(
                        'phones',
                        draft.phones.filter((_, j) => j !== i),
                      )
                    }
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
              ))}
              <Group>
                <Button
                  variant="subtle"
                  size="xs"
                  leftSection={<IconPlus size={14} />}
                  onClick={() =>
                    set('phones', [...draft.phones, { key: nextKey(), kind: 'work', number: '' }])
                  }
                  disabled={draft.phones.length >= 6}
                >
                  {t('field.addPhone')}
                </Button>
              </Group>
            </Stack>
          </>
        ) : (
          <>
            <Group grow align="flex-start">
              <Select
                label={t('field.bodyType')}
                data={bodyTypes.map((b) => ({ value: b, label: t(`bodyType.${b}`) }))}
                value={draft.bodyType}
                onChange={(v) => set('bodyType', v ?? 'other')}
                allowDeselect={false}
                error={form.fieldError('bodyType')}
              />
              <TextInput label={t('field.finess')} {...text('finess')} />
            </Group>
            <TextInput label={t('field.name')} required {...text('name')} />
            <TextInput label={t('field.phone')} type="tel" {...text('phone')} />
            <Textarea label={t('field.handles')} autosize minRows={2} {...text('handles')} />
            <TextInput label={t('field.openingHours')} {...text('openingHours')} />
          </>
        )}
        <TextInput label={t('field.line1')} {...text('line1', 'address.line1')} />
        <Group grow align="flex-start">
          <TextInput label={t('field.postalCode')} {...text('postalCode', 'address.postalCode')} />
          <TextInput label={t('field.city')} {...text('city', 'address.city')} />
        </Group>
        <Group grow align="flex-start">
          <TextInput label={t('field.email')} type="email" {...text('email')} />
          <TextInput
            label={t('field.secureEmail')}
            description={t('field.secureEmailHint')}
            type="email"
            {...text('secureEmail')}
          />
        </Group>
        <Textarea label={t('field.notes')} autosize minRows={2} {...text('notes')} />
        <Group>
          <Button type="submit" loading={form.busy}>
            {t('save')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
