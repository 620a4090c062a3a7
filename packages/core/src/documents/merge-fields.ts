import { DateTime } from 'luxon';
import { DomainError } from '../errors/domain-error.ts';
import type { Language } from '../errors/messages.ts';
import { familyNameCase, givenNameCase } from './name-case.ts';
import { formatPhoneNumber } from './phone-format.ts';
import { mapRichText, mergeFieldNodeType, type RichTextDoc, type RichTextNode } from './rich-text.ts';
import { agreeWithSex } from './sex-agreement.ts';

type Labels = { fr: string; en: string };

export interface PostalAddress {
  line1?: string;
  line2?: string;
  postalCode?: string;
  city?: string;
  country?: string;
}

/** What a document is filled from. Dates are ISO (`YYYY-MM-DD`), `appointment.start` an ISO date-time. */
export interface MergeContext {
  documentDate: string;
  patient?: {
    birthName: string;
    firstGivenName: string;
    birthGivenNames?: string[];
    usedName?: string | null;
    usedGivenName?: string | null;
    birthDate: string;
    /** Undetermined (I) or unknown: the letter keeps the inclusive forms (sex-agreement.ts). */
    sex: 'M' | 'F' | 'I' | null;
    ins?: string | null;
    address?: PostalAddress | null;
    weightKg?: number | null;
  };
  practitioner?: {
    title?: string | null;
    firstName: string;
    lastName: string;
    specialty?: string | null;
    rpps?: string | null;
    address?: PostalAddress | null;
    phone?: string | null;
    email?: string | null;
  };
  organization?: {
    name: string;
    address?: PostalAddress | null;
    phone?: string | null;
    email?: string | null;
    finess?: string | null;
  };
  appointment?: {
    start: string;
    typeLabel?: string | null;
    location?: string | null;
    practitionerName?: string | null;
    instructions?: string | null;
  };
}

export const mergeFieldGroups = ['patient', 'practitioner', 'organization', 'appointment', 'dates'] as const;
export type MergeFieldGroup = (typeof mergeFieldGroups)[number];

export interface MergeFieldDefinition {
  field: string;
  group: MergeFieldGroup;
  labels: Labels;
}

type Value = string | null | undefined;
type Resolver = (context: MergeContext, language: Language) => Value;

const calendarZone = 'Europe/Paris';

export function formatDate(isoDate: string, language: Language): string {
  const date = DateTime.fromISO(isoDate, { zone: calendarZone, setZone: true });
  if (!date.isValid) return isoDate;
  return language === 'fr' ? date.toFormat('dd/MM/yyyy') : date.setLocale('en-GB').toFormat('d MMMM yyyy');
}

function formatLongDate(isoDate: string, language: Language): string {
  const date = DateTime.fromISO(isoDate, { zone: calendarZone });
  if (!date.isValid) return isoDate;
  return date.setLocale(language === 'fr' ? 'fr' : 'en-GB').toFormat('d MMMM yyyy');
}

export interface Age {
  years: number;
  months: number;
  days: number;
}

/** Completed years, months and days between the birth date and `at` (both ISO dates). */
export function ageAt(birthDate: string, at: string): Age {
  const birth = DateTime.fromISO(birthDate, { zone: 'utc' });
  const date = DateTime.fromISO(at, { zone: 'utc' });
  if (!birth.isValid || !date.isValid || date < birth) {
    throw new DomainError('age_date_invalid', { field: 'birthDate' });
  }
  const years = Math.floor(date.diff(birth, 'years').years);
  const months = Math.floor(date.diff(birth, 'months').months);
  const days = Math.floor(date.diff(birth, 'days').days);
  return { years, months, days };
}

/** Paediatric habit: months until 2 years, days in the first month. */
export function formatAge(age: Age, language: Language): string {
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  if (age.years >= 2)
    return language === 'fr' ? plural(age.years, 'an', 'ans') : plural(age.years, 'year', 'years');
  if (age.months >= 1)
    return language === 'fr' ? `${age.months} mois` : plural(age.months, 'month', 'months');
  return language === 'fr' ? plural(age.days, 'jour', 'jours') : plural(age.days, 'day', 'days');
}

export function formatAddress(address: PostalAddress | null | undefined): Value {
  if (!address) return null;
  const city = [address.postalCode, address.city].filter(Boolean).join(' ');
  const country = address.country && address.country !== 'France' ? address.country : '';
  const text = [address.line1, address.line2, city, country].filter(Boolean).join(', ');
  return text === '' ? null : text;
}

const sexLabels = {
  M: { fr: 'masculin', en: 'male' },
  F: { fr: 'féminin', en: 'female' },
  I: { fr: 'indéterminé', en: 'undetermined' },
};

function appointmentStart(context: MergeContext): DateTime | null {
  if (!context.appointment) return null;
  const start = DateTime.fromISO(context.appointment.start, { setZone: true }).setZone(calendarZone);
  return start.isValid ? start : null;
}

const definitions: (MergeFieldDefinition & { resolve: Resolver })[] = [
  {
    field: 'patient.birthName',
    group: 'patient',
    labels: { fr: 'Nom de naissance', en: 'Birth name' },
    resolve: (c) => c.patient && familyNameCase(c.patient.birthName),
  },
  {
    field: 'patient.firstGivenName',
    group: 'patient',
    labels: { fr: 'Premier prénom de naissance', en: 'First birth given name' },
    resolve: (c) => c.patient && givenNameCase(c.patient.firstGivenName),
  },
  {
    field: 'patient.birthGivenNames',
    group: 'patient',
    labels: { fr: 'Prénoms de naissance', en: 'Birth given names' },
    resolve: (c) => c.patient?.birthGivenNames?.map(givenNameCase).join(' '),
  },
  {
    field: 'patient.usedName',
    group: 'patient',
    labels: { fr: 'Nom utilisé', en: 'Used name' },
    resolve: (c) => c.patient && familyNameCase(c.patient.usedName || c.patient.birthName),
  },
  {
    field: 'patient.usedGivenName',
    group: 'patient',
    labels: { fr: 'Prénom utilisé', en: 'Used given name' },
    resolve: (c) => c.patient && givenNameCase(c.patient.usedGivenName || c.patient.firstGivenName),
  },
  {
    field: 'patient.fullName',
    group: 'patient',
    labels: { fr: 'Prénom et nom de naissance', en: 'Given name and birth name' },
    resolve: (c) =>
      c.patient && `${givenNameCase(c.patient.firstGivenName)} ${familyNameCase(c.patient.birthName)}`,
  },
  {
    field: 'patient.civility',
    group: 'patient',
    labels: { fr: 'Civilité', en: 'Title' },
    resolve: (c, l) => c.patient && agreeWithSex('civility', c.patient.sex, l),
  },
  {
    field: 'patient.born',
    group: 'patient',
    labels: { fr: 'Né, née, né(e) (accordé au sexe)', en: 'Born' },
    resolve: (c, l) => c.patient && agreeWithSex('born', c.patient.sex, l),
  },
  {
    field: 'patient.concerned',
    group: 'patient',
    labels: { fr: 'L’intéressé, l’intéressée (accordé au sexe)', en: 'The person concerned' },
    resolve: (c, l) => c.patient && agreeWithSex('concerned', c.patient.sex, l),
  },
  {
    field: 'patient.pronoun',
    group: 'patient',
    labels: { fr: 'Il, elle', en: 'He, she' },
    resolve: (c, l) => c.patient && agreeWithSex('pronoun', c.patient.sex, l),
  },
  {
    field: 'patient.pronounCapitalized',
    group: 'patient',
    labels: { fr: 'Il, Elle (début de phrase)', en: 'He, She (start of a sentence)' },
    resolve: (c, l) => c.patient && agreeWithSex('pronounCapitalized', c.patient.sex, l),
  },
  {
    field: 'patient.sex',
    group: 'patient',
    labels: { fr: 'Sexe', en: 'Sex' },
    resolve: (c, l) => (c.patient?.sex ? sexLabels[c.patient.sex][l] : null),
  },
  {
    field: 'patient.birthDate',
    group: 'patient',
    labels: { fr: 'Date de naissance', en: 'Birth date' },
    resolve: (c, l) => c.patient && formatDate(c.patient.birthDate, l),
  },
  {
    field: 'patient.age',
    group: 'patient',
    labels: { fr: 'Âge à la date du document', en: 'Age at the document date' },
    resolve: (c, l) => c.patient && formatAge(ageAt(c.patient.birthDate, c.documentDate), l),
  },
  {
    field: 'patient.weight',
    group: 'patient',
    labels: { fr: 'Poids', en: 'Weight' },
    resolve: (c, l) =>
      c.patient?.weightKg == null
        ? null
        : `${l === 'fr' ? String(c.patient.weightKg).replace('.', ',') : c.patient.weightKg} kg`,
  },
  {
    field: 'patient.ins',
    group: 'patient',
    labels: { fr: 'INS', en: 'INS' },
    resolve: (c) => c.patient?.ins,
  },
  {
    field: 'patient.address',
    group: 'patient',
    labels: { fr: 'Adresse du patient', en: 'Patient address' },
    resolve: (c) => formatAddress(c.patient?.address),
  },
  {
    field: 'practitioner.fullName',
    group: 'practitioner',
    labels: { fr: 'Nom complet du praticien', en: 'Practitioner full name' },
    resolve: (c) =>
      c.practitioner &&
      [c.practitioner.title, c.practitioner.firstName, c.practitioner.lastName].filter(Boolean).join(' '),
  },
  {
    field: 'practitioner.title',
    group: 'practitioner',
    labels: { fr: 'Titre (Dr, Pr)', en: 'Title (Dr, Prof)' },
    resolve: (c) => c.practitioner?.title,
  },
  {
    field: 'practitioner.firstName',
    group: 'practitioner',
    labels: { fr: 'Prénom du praticien', en: 'Practitioner first name' },
    resolve: (c) => c.practitioner?.firstName,
  },
  {
    field: 'practitioner.lastName',
    group: 'practitioner',
    labels: { fr: 'Nom du praticien', en: 'Practitioner last name' },
    resolve: (c) => c.practitioner?.lastName,
  },
  {
    field: 'practitioner.specialty',
    group: 'practitioner',
    labels: { fr: 'Qualification, spécialité', en: 'Qualification, specialty' },
    resolve: (c) => c.practitioner?.specialty,
  },
  {
    field: 'practitioner.rpps',
    group: 'practitioner',
    labels: { fr: 'N° RPPS', en: 'RPPS number' },
    resolve: (c) => c.practitioner?.rpps,
  },
  {
    field: 'practitioner.address',
    group: 'practitioner',
    labels: { fr: 'Adresse professionnelle', en: 'Professional address' },
    resolve: (c) => formatAddress(c.practitioner?.address),
  },
  {
    field: 'practitioner.phone',
    group: 'practitioner',
    labels: { fr: 'Téléphone du praticien', en: 'Practitioner phone' },
    resolve: (c) => formatPhoneNumber(c.practitioner?.phone),
  },
  {
    field: 'practitioner.email',
    group: 'practitioner',
    labels: { fr: 'E-mail du praticien', en: 'Practitioner e-mail' },
    resolve: (c) => c.practitioner?.email,
  },
  {
    field: 'organization.name',
    group: 'organization',
    labels: { fr: 'Nom de la structure', en: 'Organisation name' },
    resolve: (c) => c.organization?.name,
  },
  {
    field: 'organization.address',
    group: 'organization',
    labels: { fr: 'Adresse de la structure', en: 'Organisation address' },
    resolve: (c) => formatAddress(c.organization?.address),
  },
  {
    field: 'organization.phone',
    group: 'organization',
    labels: { fr: 'Téléphone de la structure', en: 'Organisation phone' },
    resolve: (c) => formatPhoneNumber(c.organization?.phone),
  },
  {
    field: 'organization.email',
    group: 'organization',
    labels: { fr: 'E-mail de la structure', en: 'Organisation e-mail' },
    resolve: (c) => c.organization?.email,
  },
  {
    field: 'organization.finess',
    group: 'organization',
    labels: { fr: 'N° FINESS', en: 'FINESS number' },
    resolve: (c) => c.organization?.finess,
  },
  {
    field: 'appointment.date',
    group: 'appointment',
    labels: { fr: 'Date du rendez-vous', en: 'Appointment date' },
    resolve: (c, l) => {
      const start = appointmentStart(c);
      return start && formatDate(start.toISODate()!, l);
    },
  },
  {
    field: 'appointment.time',
    group: 'appointment',
    labels: { fr: 'Heure du rendez-vous', en: 'Appointment time' },
    resolve: (c, l) => appointmentStart(c)?.toFormat(l === 'fr' ? "HH'h'mm" : 'HH:mm'),
  },
  {
    field: 'appointment.type',
    group: 'appointment',
    labels: { fr: 'Motif du rendez-vous', en: 'Appointment type' },
    resolve: (c) => c.appointment?.typeLabel,
  },
  {
    field: 'appointment.location',
    group: 'appointment',
    labels: { fr: 'Lieu du rendez-vous', en: 'Appointment place' },
    resolve: (c) => c.appointment?.location,
  },
  {
    field: 'appointment.practitioner',
    group: 'appointment',
    labels: { fr: 'Praticien du rendez-vous', en: 'Appointment practitioner' },
    resolve: (c) => c.appointment?.practitionerName,
  },
  {
    field: 'appointment.instructions',
    group: 'appointment',
    labels: { fr: 'Consignes de préparation', en: 'Preparation instructions' },
    resolve: (c) => c.appointment?.instructions,
  },
  {
    field: 'today',
    group: 'dates',
    labels: { fr: 'Date du document', en: 'Document date' },
    resolve: (c, l) => formatDate(c.documentDate, l),
  },
  {
    field: 'todayLong',
    group: 'dates',
    labels: { fr: 'Date du document en toutes lettres', en: 'Document date in words' },
    resolve: (c, l) => formatLongDate(c.documentDate, l),
  },
];

const resolvers = new Map(definitions.map((d) => [d.field, d.resolve]));

/** The insert list shown beside the editor, in display order. */
export const mergeFields: readonly MergeFieldDefinition[] = definitions.map(({ field, group, labels }) => ({
  field,
  group,
  labels,
}));

export function isMergeField(field: string): boolean {
  return resolvers.has(field);
}

export function mergeFieldLabel(field: string, language: Language): string {
  return mergeFields.find((f) => f.field === field)?.labels[language] ?? field;
}

/** `{{ patient.birthName }}` in text; the inside is checked against the catalogue, not the pattern. */
const fieldPattern = /\{\{([^{}]*)\}\}/g;

function hasUnclosedField(text: string): boolean {
  return text.lastIndexOf('{{') > text.lastIndexOf('}}');
}

/**
 * The editor may split `{{patient.birthName}}` over several text nodes (a mark applied to part of
 * it); such runs are joined, keeping the first node's marks, so the field is seen whole.
 */
function joinSplitFields(content: RichTextNode[]): RichTextNode[] {
  const joined: RichTextNode[] = [];
  for (const node of content) {
    const previous = joined[joined.length - 1];
    if (node.type === 'text' && previous?.type === 'text' && hasUnclosedField(previous.text ?? '')) {
      joined[joined.length - 1] = { ...previous, text: (previous.text ?? '') + (node.text ?? '') };
    } else {
      joined.push(node);
    }
  }
  return joined;
}

function normalizeTree(node: RichTextNode): RichTextNode {
  if (!node.content) return node;
  return { ...node, content: joinSplitFields(node.content.map(normalizeTree)) };
}

/** Every merge field a text uses, in order; refuses an unknown one, naming it. */
export function mergeFieldsInText(text: string): string[] {
  const fields: string[] = [];
  for (const match of text.matchAll(fieldPattern)) {
    const name = match[1]!.trim();
    if (!isMergeField(name))
      throw new DomainError('unknown_merge_field', { field: 'content', params: { name } });
    fields.push(name);
  }
  const rest = text.replace(fieldPattern, '');
  if (rest.includes('{{') || rest.includes('}}')) {
    const at = Math.max(rest.indexOf('{{'), 0);
    throw new DomainError('merge_field_unclosed', {
      field: 'content',
      params: { name: rest.slice(at, at + 40) },
    });
  }
  return fields;
}

/**
 * Checks a template at save: it is a document and every merge field (text `{{field}}` or
 * `mergeField` node) is in the catalogue. Returns the distinct fields used.
 */
export function validateTemplate(doc: RichTextDoc): string[] {
  if (doc?.type !== 'doc' || !Array.isArray(doc.content)) {
    throw new DomainError('template_not_a_document', { field: 'content' });
  }
  const used: string[] = [];
  const walk = (node: RichTextNode): void => {
    if (node.type === 'text') used.push(...mergeFieldsInText(node.text ?? ''));
    if (node.type === mergeFieldNodeType) {
      const name = typeof node.attrs?.field === 'string' ? node.attrs.field.trim() : '';
      if (!isMergeField(name))
        throw new DomainError('unknown_merge_field', { field: 'content', params: { name } });
      used.push(name);
    }
    for (const child of node.content ?? []) walk(child);
  };
  walk(normalizeTree(doc));
  return [...new Set(used)];
}

export function missingValueMarker(field: string, language: Language): string {
  const label = mergeFieldLabel(field, language);
  return language === 'fr' ? `[à compléter : ${label}]` : `[missing: ${label}]`;
}

export interface FilledDocument {
  doc: RichTextDoc;
  /** Fields without a value, each left visibly marked in the text. */
  missing: string[];
}

/** Resolves one field; null when the context lacks the value. */
export function mergeFieldValue(field: string, context: MergeContext, language: Language): string | null {
  const resolve = resolvers.get(field);
  if (!resolve) throw new DomainError('unknown_merge_field', { field: 'content', params: { name: field } });
  const value = resolve(context, language);
  return value === undefined || value === null ? null : value;
}

export function fillText(
  text: string,
  context: MergeContext,
  language: Language,
  missing: string[] = [],
): string {
  return text.replace(fieldPattern, (whole, inner: string) => {
    const name = inner.trim();
    if (!isMergeField(name)) return whole;
    const value = mergeFieldValue(name, context, language);
    if (value === null) {
      missing.push(name);
      return missingValueMarker(name, language);
    }
    return value;
  });
}

/** Replaces every merge field by its value for this patient, practitioner and date. */
export function fillTemplate(doc: RichTextDoc, context: MergeContext, language: Language): FilledDocument {
  validateTemplate(doc);
  const missing: string[] = [];
  const [filled] = mapRichText(normalizeTree(doc), (node) => {
    if (node.type === mergeFieldNodeType) {
      const text = fillText(`{{${String(node.attrs?.field)}}}`, context, language, missing);
      return text === '' ? [] : [{ type: 'text', text, ...(node.marks ? { marks: node.marks } : {}) }];
    }
    if (node.type === 'text') {
      const text = fillText(node.text ?? '', context, language, missing);
      // ProseMirror refuses empty text nodes.
      return text === '' ? [] : [{ ...node, text }];
    }
    return [node];
  });
  return { doc: filled as RichTextDoc, missing: [...new Set(missing)] };
}
