import {
  ActionIcon,
  Button,
  Checkbox,
  Fieldset,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { isValidNir, normalizeGivenNames, normalizeName } from '@pivot/core/identity';
import { accessibilityNeeds, isMinorOn, type Patient, phoneKinds } from '@pivot/core/patients';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../app/date-format.ts';
import { AttendingPhysicianSelect } from './AttendingPhysicianSelect.tsx';
import { parseTypedDate, todayIso } from './model.ts';

interface Person {
  name: string;
  phone: string;
  relation: string;
}

export interface PatientDraft {
  birthName: string;
  givenNames: string;
  birthDate: string;
  sex: string;
  birthPlaceCode: string;
  usedName: string;
  usedGivenName: string;
  nir: string;
  address: { line1: string; line2: string; postalCode: string; city: string; country: string };
  phones: { kind: string; number: string }[];
  email: string;
  preferredLanguage: string;
  otherLanguage: string;
  accessibilityNeeds: string[];
  contactConsent: { sms: boolean; email: boolean };
  trustedPerson: Person;
  personToNotify: Person;
  legalRepresentative: Person & { email: string };
  /** A practitioner of the directory; '' for none. */
  attendingPhysicianId: string;
}

const emptyPerson = { name: '', phone: '', relation: '' };

export const emptyDraft: PatientDraft = {
  birthName: '',
  givenNames: '',
  birthDate: '',
  sex: '',
  birthPlaceCode: '',
  usedName: '',
  usedGivenName: '',
  nir: '',
  address: { line1: '', line2: '', postalCode: '', city: '', country: 'FR' },
  phones: [{ kind: 'mobile', number: '' }],
  email: '',
  preferredLanguage: 'fr',
  otherLanguage: '',
  accessibilityNeeds: [],
  contactConsent: { sms: false, email: false },
  trustedPerson: emptyPerson,
  personToNotify: emptyPerson,
  legalRepresentative: { ...emptyPerson, relation: 'mother', email: '' },
  attendingPhysicianId: '',
};

export function draftFromPatient(p: Patient): PatientDraft {
  const person = (c: { name: string; phone: string; relation?: string } | null) =>
    c ? { name: c.name, phone: c.phone, relation: c.relation ?? '' } : emptyPerson;
  return {
    birthName: p.birthName,
    givenNames: p.birthGivenNames.join(' '),
    birthDate: formatDate(p.birthDate),
    sex: p.sex,
    birthPlaceCode: p.birthPlaceCode ?? '',
    usedName: p.usedName,
    usedGivenName: p.usedGivenName,
    nir: p.nir ?? '',
    address: {
      line1: p.address?.line1 ?? '',
      line2: p.address?.line2 ?? '',
      postalCode: p.address?.postalCode ?? '',
      city: p.address?.city ?? '',
      country: p.address?.country ?? 'FR',
    },
    phones: p.phones.length > 0 ? p.phones.map((ph) => ({ ...ph })) : [{ kind: 'mobile', number: '' }],
    email: p.email ?? '',
    preferredLanguage: p.preferredLanguage,
    otherLanguage: p.otherLanguage,
    accessibilityNeeds: [...p.accessibilityNeeds],
    contactConsent: { ...p.contactConsent },
    trustedPerson: person(p.trustedPerson),
    personToNotify: person(p.personToNotify),
    legalRepresentative: p.legalRepresentative
      ? { ...p.legalRepresentative, email: p.legalRepresentative.email ?? '' }
      : { ...emptyPerson, relation: 'mother', email: '' },
    attendingPhysicianId: p.attendingPhysicianId ?? '',
  };
}

const filled = (s: string) => s.trim() !== '';

/**
 * The request body. On registration empty fields are left out; on update (`clear`) they are sent
 * as null so that a cleared field is cleared.
 */
export function bodyFromDraft(d: PatientDraft, clear = false): Record<string, unknown> {
  const orNull = (present: boolean, value: unknown) => (present ? value : clear ? null : undefined);
  const address = d.address;
  const hasAddress = [address.line1, address.line2, address.postalCode, address.city].some(filled);
  const person = (p: Person) =>
    orNull(filled(p.name) || filled(p.phone), {
      name: p.name.trim(),
      phone: p.phone.trim(),
      ...(filled(p.relation) ? { relation: p.relation.trim() } : {}),
    });
  const rep = d.legalRepresentative;
  const minor = isMinorDraft(d);
  const body: Record<string, unknown> = {
    birthName: d.birthName,
    birthGivenNames: d.givenNames,
    birthDate: parseTypedDate(d.birthDate) ?? d.birthDate,
    sex: d.sex,
    birthPlaceCode: orNull(filled(d.birthPlaceCode), d.birthPlaceCode.trim()),
    usedName: d.usedName,
    usedGivenName: d.usedGivenName,
    nir: orNull(filled(d.nir), d.nir.trim()),
    address: orNull(hasAddress, {
      ...(filled(address.line1) ? { line1: address.line1 } : {}),
      ...(filled(address.line2) ? { line2: address.line2 } : {}),
      ...(filled(address.postalCode) ? { postalCode: address.postalCode } : {}),
      ...(filled(address.city) ? { city: address.city } : {}),
      ...(filled(address.country) ? { country: address.country } : {}),
    }),
    phones: d.phones.filter((p) => filled(p.number)).map((p) => ({ kind: p.kind, number: p.number.trim() })),
    email: orNull(filled(d.email), d.email.trim()),
    attendingPhysicianId: orNull(filled(d.attendingPhysicianId), d.attendingPhysicianId),
    preferredLanguage: d.preferredLanguage,
    ...(d.preferredLanguage === 'other' ? { otherLanguage: d.otherLanguage } : {}),
    accessibilityNeeds: d.accessibilityNeeds,
    contactConsent: d.contactConsent,
    trustedPerson: person(d.trustedPerson),
    personToNotify: person(d.personToNotify),
    legalRepresentative: orNull(minor && (filled(rep.name) || filled(rep.phone)), {
      name: rep.name.trim(),
      phone: rep.phone.trim(),
      relation: rep.relation,
      ...(filled(rep.email) ? { email: rep.email.trim() } : {}),
    }),
  };
  for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
  return body;
}

export function isMinorDraft(d: PatientDraft): boolean {
  const iso = parseTypedDate(d.birthDate);
  return !!iso && iso <= todayIso() && isMinorOn(iso, todayIso());
}

/** The traits the duplicate check compares. */
export function traitsFromDraft(d: PatientDraft) {
  const body = bodyFromDraft(d);
  return {
    birthName: body.birthName,
    birthGivenNames: body.birthGivenNames,
    birthDate: body.birthDate,
    sex: body.sex,
    ...(filled(d.usedName) ? { usedName: d.usedName } : {}),
    ...(filled(d.usedGivenName) ? { usedGivenName: d.usedGivenName } : {}),
    ...(filled(d.nir) ? { nir: d.nir } : {}),
  };
}

function nameProblem(value: string, field: 'birthName' | 'usedName' | 'usedGivenName' | 'birthGivenNames') {
  try {
    if (field === 'birthGivenNames') normalizeGivenNames(value);
    else normalizeName(value, field);
    return false;
  } catch {
    return true;
  }
}

/** Instant feedback from the shared core rules; the server stays the judge on save. */
export function clientErrors(d: PatientDraft) {
  const errors: Record<string, string> = {};
  if (filled(d.birthName) && nameProblem(d.birthName, 'birthName')) errors.birthName = 'nameCharacters';
  if (filled(d.givenNames) && nameProblem(d.givenNames, 'birthGivenNames'))
    errors.birthGivenNames = 'nameCharacters';
  if (filled(d.usedName) && nameProblem(d.usedName, 'usedName')) errors.usedName = 'nameCharacters';
  if (filled(d.usedGivenName) && nameProblem(d.usedGivenName, 'usedGivenName'))
    errors.usedGivenName = 'nameCharacters';
  if (filled(d.birthDate)) {
    const iso = parseTypedDate(d.birthDate);
    if (!iso) errors.birthDate = 'dateFormat';
    else if (iso > todayIso()) errors.birthDate = 'dateFuture';
  }
  if (filled(d.birthPlaceCode) && !/^(\d{5}|2[AB]\d{3})$/i.test(d.birthPlaceCode.replace(/\s/g, '')))
    errors.birthPlaceCode = 'birthPlace';
  if (filled(d.nir) && d.nir.replace(/\s/g, '').length >= 15 && !isValidNir(d.nir)) errors.nir = 'nirKey';
  return errors;
}

export function firstGivenNamePreview(givenNames: string): string {
  try {
    return normalizeGivenNames(givenNames)[0] ?? '';
  } catch {
    return '';
  }
}

interface FieldsProps {
  draft: PatientDraft;
  setDraft: (d: PatientDraft) => void;
  /** The server's error for a field path ('birthName', 'phones.0.number'...). */
  fieldError: (field: string) => string | undefined;
  /** Shows the strict traits only (identity edit splits them), or everything. */
  sections?: 'all' | 'details';
}

export function PatientFormFields({ draft, setDraft, fieldError, sections = 'all' }: FieldsProps) {
  const { t } = useTranslation('patients');
  const local = clientErrors(draft);
  const errorOf = (field: string) =>
    fieldError(field) ?? (local[field] ? t(`form.client.${local[field]}`) : undefined);
  const set = <K extends keyof PatientDraft>(key: K, value: PatientDraft[K]) =>
    setDraft({ ...draft, [key]: value });
  const first = firstGivenNamePreview(draft.givenNames);
  const minor = isMinorDraft(draft);
  const personFields = (key: 'trustedPerson' | 'personToNotify') => (
    <Fieldset legend={t(`form.${key}`)} variant="filled">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
        <TextInput
          label={t('form.personName')}
          value={draft[key].name}
          onChange={(e) => set(key, { ...draft[key], name: e.currentTarget.value })}
          error={fieldError(`${key}.name`)}
        />
        <TextInput
          label={t('form.personPhone')}
          type="tel"
          value={draft[key].phone}
          onChange={(e) => set(key, { ...draft[key], phone: e.currentTarget.value })}
          error={fieldError(`${key}.phone`) ?? fieldError(key)}
        />
        <TextInput
          label={t('form.relation')}
          value={draft[key].relation}
          onChange={(e) => set(key, { ...draft[key], relation: e.currentTarget.value })}
          error={fieldError(`${key}.relation`)}
        />
      </SimpleGrid>
    </Fieldset>
  );

  return (
    <Stack gap="sm">
      {sections === 'all' && (
        <>
          <Fieldset legend={t('form.strictTraits')}>
            <Stack gap="xs">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                <TextInput
                  label={t('fields.birthName')}
                  description={t('form.birthNameHint')}
                  required
                  value={draft.birthName}
                  onChange={(e) => set('birthName', e.currentTarget.value)}
                  error={errorOf('birthName')}
                  autoComplete="off"
                />
                <div>
                  <TextInput
                    label={t('fields.birthGivenNames')}
                    description={t('form.givenNamesHint')}
                    required
                    value={draft.givenNames}
                    onChange={(e) => set('givenNames', e.currentTarget.value)}
                    error={errorOf('birthGivenNames')}
                    autoComplete="off"
                  />
                  <Text size="xs" mt={4} aria-live="polite" data-testid="first-given-name">
                    {t('form.firstGivenNameLine')} <b>{first || '—'}</b>
                  </Text>
                </div>
              </SimpleGrid>
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
                <TextInput
                  label={t('fields.birthDate')}
                  description={t('form.dateHint')}
                  placeholder={t('form.datePlaceholder')}
                  required
                  value={draft.birthDate}
                  onChange={(e) => set('birthDate', e.currentTarget.value)}
                  error={errorOf('birthDate')}
                  autoComplete="off"
                  inputMode="numeric"
                />
                <div>
                  <Text size="sm" fw={500} id="sex-label" mb={2}>
                    {t('fields.sex')}{' '}
                    <Text span c="red">
                      *
                    </Text>
                  </Text>
                  <Text size="xs" c="dimmed" mb={4}>
                    {t('form.sexHint')}
                  </Text>
                  <SegmentedControl
                    aria-labelledby="sex-label"
                    value={draft.sex}
                    onChange={(v) => set('sex', v)}
                    data={['F', 'M', 'I'].map((s) => ({ value: s, label: t(`sex.${s}`) }))}
                    fullWidth
                    size="xs"
                  />
                  {errorOf('sex') && (
                    <Text size="xs" c="red" mt={4}>
                      {errorOf('sex')}
                    </Text>
                  )}
                </div>
                <TextInput
                  label={t('fields.birthPlaceCode')}
                  description={t('form.birthPlaceHint')}
                  value={draft.birthPlaceCode}
                  onChange={(e) => set('birthPlaceCode', e.currentTarget.value)}
                  error={errorOf('birthPlaceCode')}
                  maxLength={6}
                  autoComplete="off"
                />
              </SimpleGrid>
            </Stack>
          </Fieldset>
          <Fieldset legend={t('form.complementaryTraits')}>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
              <TextInput
                label={t('fields.usedName')}
                value={draft.usedName}
                onChange={(e) => set('usedName', e.currentTarget.value)}
                error={errorOf('usedName')}
                autoComplete="off"
              />
              <TextInput
                label={t('fields.usedGivenName')}
                value={draft.usedGivenName}
                onChange={(e) => set('usedGivenName', e.currentTarget.value)}
                error={errorOf('usedGivenName')}
                autoComplete="off"
              />
              <TextInput
                label={t('fields.nir')}
                description={t('form.nirHint')}
                value={draft.nir}
                onChange={(e) => set('nir', e.currentTarget.value)}
                error={errorOf('nir')}
                autoComplete="off"
              />
            </SimpleGrid>
          </Fieldset>
        </>
      )}
      <Fieldset legend={t('form.contact')}>
        <Stack gap="xs">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            <TextInput
              label={t('form.addressLine1')}
              value={draft.address.line1}
              onChange={(e) => set('address', { ...draft.address, line1: e.currentTarget.value })}
              error={fieldError('address.line1') ?? fieldError('address')}
            />
            <TextInput
              label={t('form.addressLine2')}
              value={draft.address.line2}
              onChange={(e) => set('address', { ...draft.address, line2: e.currentTarget.value })}
              error={fieldError('address.line2')}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
            <TextInput
              label={t('form.postalCode')}
              value={draft.address.postalCode}
              onChange={(e) => set('address', { ...draft.address, postalCode: e.currentTarget.value })}
              error={fieldError('address.postalCode')}
            />
            <TextInput
              label={t('form.city')}
              value={draft.address.city}
              onChange={(e) => set('address', { ...draft.address, city: e.currentTarget.value })}
              error={fieldError('address.city')}
            />
            <TextInput
              label={t('form.country')}
              description={t('form.countryHint')}
              value={draft.address.country}
              maxLength={2}
              onChange={(e) => set('address', { ...draft.address, country: e.currentTarget.value })}
              error={fieldError('address.country')}
            />
          </SimpleGrid>
          {draft.phones.map((phone, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: phones have no id; their order is their identity
            <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
              <Select
                label={t('form.phoneKind')}
                w={150}
                data={phoneKinds.map((k) => ({ value: k, label: t(`phoneKinds.${k}`) }))}
                value={phone.kind}
                allowDeselect={false}
                onChange={(v) =>
                  set(
                    'phones',
                    draft.phones.map((p, j) => (j === i ? { ...p, kind: v ?? 'mobile' } : p)),
                  )
                }
              />
              <TextInput
                label={t('form.phoneNumber', { n: i + 1 })}
                type="tel"
                style={{ flex: 1 }}
                value={phone.number}
                onChange={(e) =>
                  set(
                    'phones',
                    draft.phones.map((p, j) => (j === i ? { ...p, number: e.currentTarget.value } : p)),
                  )
                }
                error={fieldError(`phones.${i}.number`) ?? fieldError(`phones.${i}`)}
              />
              <ActionIcon
                variant="subtle"
                color="gray"
                mt={26}
                aria-label={t('form.removePhone', { n: i + 1 })}
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
          {draft.phones.length < 6 && (
            <Group>
              <Button
                size="xs"
                variant="subtle"
                leftSection={<IconPlus size={14} />}
                onClick={() => set('phones', [...draft.phones, { kind: 'mobile', number: '' }])}
              >
                {t('form.addPhone')}
              </Button>
            </Group>
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
            <TextInput
              label={t('fields.email')}
              type="email"
              value={draft.email}
              onChange={(e) => set('email', e.currentTarget.value)}
              error={fieldError('email')}
            />
            <Select
              label={t('fields.preferredLanguage')}
              data={['fr', 'en', 'other'].map((l) => ({ value: l, label: t(`languages.${l}`) }))}
              value={draft.preferredLanguage}
              allowDeselect={false}
              onChange={(v) => set('preferredLanguage', v ?? 'fr')}
            />
            {draft.preferredLanguage === 'other' && (
              <TextInput
                label={t('fields.otherLanguage')}
                value={draft.otherLanguage}
                onChange={(e) => set('otherLanguage', e.currentTarget.value)}
                error={fieldError('otherLanguage')}
              />
            )}
          </SimpleGrid>
          <Group gap="xl" align="flex-start">
            <Checkbox.Group
              label={t('fields.accessibilityNeeds')}
              value={draft.accessibilityNeeds}
              onChange={(v) => set('accessibilityNeeds', v)}
            >
              <Group gap="md" mt={4}>
                {accessibilityNeeds.map((n) => (
                  <Checkbox key={n} value={n} label={t(`needs.${n}`)} size="xs" />
                ))}
              </Group>
            </Checkbox.Group>
            <div>
              <Text size="sm" fw={500}>
                {t('fields.contactConsent')}
              </Text>
              <Group gap="md" mt={4}>
                <Checkbox
                  size="xs"
                  label={t('form.consentSms')}
                  checked={draft.contactConsent.sms}
                  onChange={(e) =>
                    set('contactConsent', { ...draft.contactConsent, sms: e.currentTarget.checked })
                  }
                />
                <Checkbox
                  size="xs"
                  label={t('form.consentEmail')}
                  checked={draft.contactConsent.email}
                  onChange={(e) =>
                    set('contactConsent', { ...draft.contactConsent, email: e.currentTarget.checked })
                  }
                />
              </Group>
            </div>
          </Group>
        </Stack>
      </Fieldset>
      <AttendingPhysicianSelect
        value={draft.attendingPhysicianId}
        onChange={(id) => set('attendingPhysicianId', id)}
        error={errorOf('attendingPhysicianId')}
      />
      {personFields('trustedPerson')}
      {personFields('personToNotify')}
      {minor && (
        <Fieldset legend={t('form.legalRepresentative')} data-testid="legal-representative">
          <Text size="xs" c="dimmed" mb="xs">
            {t('form.minorHint')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="xs">
            <TextInput
              label={t('form.personName')}
              value={draft.legalRepresentative.name}
              onChange={(e) =>
                set('legalRepresentative', { ...draft.legalRepresentative, name: e.currentTarget.value })
              }
              error={fieldError('legalRepresentative.name') ?? fieldError('legalRepresentative')}
            />
            <TextInput
              label={t('form.personPhone')}
              type="tel"
              value={draft.legalRepresentative.phone}
              onChange={(e) =>
                set('legalRepresentative', { ...draft.legalRepresentative, phone: e.currentTarget.value })
              }
              error={fieldError('legalRepresentative.phone')}
            />
            <Select
              label={t('form.relation')}
              data={['mother', 'father', 'guardian', 'other'].map((r) => ({
                value: r,
                label: t(`relations.${r}`),
              }))}
              value={draft.legalRepresentative.relation}
              allowDeselect={false}
              onChange={(v) =>
                set('legalRepresentative', { ...draft.legalRepresentative, relation: v ?? 'mother' })
              }
            />
            <TextInput
              label={t('fields.email')}
              type="email"
              value={draft.legalRepresentative.email}
              onChange={(e) =>
                set('legalRepresentative', { ...draft.legalRepresentative, email: e.currentTarget.value })
              }
              error={fieldError('legalRepresentative.email')}
            />
          </SimpleGrid>
        </Fieldset>
      )}
    </Stack>
  );
}
