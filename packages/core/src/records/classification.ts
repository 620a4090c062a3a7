import { DateTime } from 'luxon';
import { DomainError } from '../errors/domain-error.ts';
import { type ConfidentialItem, canSeeItem, type RecordViewer } from './confidentiality-level.ts';

export interface ClassificationCategory {
  code: string;
  labels: { fr: string; en: string };
  parentCode: string | null;
  /** A retired category stays for the items filed under it but is no longer offered. */
  active: boolean;
}
export type ClassificationPlan = readonly ClassificationCategory[];

const category = (
  code: string,
  fr: string,
  en: string,
  parentCode: string | null = null,
): ClassificationCategory => ({
  code,
  labels: { fr, en },
  parentCode,
  active: true,
});

/** The plan a new organisation starts with; each organisation adapts it. */
export const defaultClassificationPlan: ClassificationPlan = [
  category('biology', 'Biologie', 'Laboratory results'),
  category('imaging', 'Imagerie', 'Imaging'),
  category('letter_received', 'Courrier reçu', 'Letter received'),
  category('letter_sent', 'Courrier envoyé', 'Letter sent'),
  category('report', 'Compte rendu', 'Report'),
  category('consultation_report', 'Compte rendu de consultation', 'Consultation report', 'report'),
  category('operative_report', 'Compte rendu opératoire', 'Operative report', 'report'),
  category('hospital_report', 'Compte rendu d’hospitalisation', 'Hospital report', 'report'),
  category('prescription', 'Ordonnance', 'Prescription'),
  category('certificate', 'Certificat', 'Certificate'),
  category('consent', 'Consentement', 'Consent'),
  category('administrative', 'Administratif', 'Administrative'),
  category('identity_document', 'Pièce d’identité', 'Identity document', 'administrative'),
  category('insurance', 'Couverture sociale', 'Insurance', 'administrative'),
  category('other', 'Autre', 'Other'),
];

const codePattern = /^[a-z][a-z0-9_]{1,39}$/;

/** Refuses duplicate or malformed codes, unknown parents and cycles. */
export function validateClassificationPlan(plan: ClassificationPlan): void {
  const byCode = new Map<string, ClassificationCategory>();
  for (const c of plan) {
    if (!codePattern.test(c.code))
      throw new DomainError('classification_code_invalid', { field: 'code', params: { code: c.code } });
    if (byCode.has(c.code))
      throw new DomainError('classification_code_duplicate', { field: 'code', params: { code: c.code } });
    byCode.set(c.code, c);
  }
  for (const c of plan) {
    const seen = new Set<string>([c.code]);
    let parent = c.parentCode;
    while (parent !== null) {
      const next = byCode.get(parent);
      if (!next)
        throw new DomainError('classification_parent_unknown', {
          field: 'parentCode',
          params: { code: parent },
        });
      if (seen.has(parent))
        throw new DomainError('classification_cycle', { field: 'parentCode', params: { code: c.code } });
      seen.add(parent);
      parent = next.parentCode;
    }
  }
}

export function classificationLabel(plan: ClassificationPlan, code: string, language: 'fr' | 'en'): string {
  return plan.find((c) => c.code === code)?.labels[language] ?? code;
}

/** Categories offered when filing a new item. */
export function activeCategories(plan: ClassificationPlan): ClassificationCategory[] {
  return plan.filter((c) => c.active);
}

/** The code and every category under it, for a filter on a parent such as "report". */
export function categoryWithDescendants(plan: ClassificationPlan, code: string): string[] {
  const codes = [code];
  for (let i = 0; i < codes.length; i++) {
    for (const c of plan) if (c.parentCode === codes[i] && !codes.includes(c.code)) codes.push(c.code);
  }
  return codes;
}

export const timelineItemKinds = [
  'appointment',
  'consultation',
  'document',
  'attachment',
  'letter_sent',
  'mail_received',
  'prescription',
  'access_request',
  'identity_event',
  'note',
] as const;
export type TimelineItemKind = (typeof timelineItemKinds)[number];

export const timelineItemKindLabels: Record<TimelineItemKind, { fr: string; en: string }> = {
  appointment: { fr: 'Rendez-vous', en: 'Appointment' },
  consultation: { fr: 'Consultation', en: 'Consultation' },
  document: { fr: 'Document', en: 'Document' },
  attachment: { fr: 'Pièce jointe', en: 'Attachment' },
  letter_sent: { fr: 'Courrier envoyé', en: 'Letter sent' },
  mail_received: { fr: 'Courrier reçu', en: 'Mail received' },
  prescription: { fr: 'Ordonnance', en: 'Prescription' },
  access_request: { fr: 'Demande d’accès au dossier', en: 'Record access request' },
  identity_event: { fr: 'Identité (fusion, validation)', en: 'Identity (merge, validation)' },
  note: { fr: 'Note', en: 'Note' },
};

export interface TimelineItem extends ConfidentialItem {
  id: string;
  kind: TimelineItemKind;
  /** ISO date or date-time. */
  at: string;
  title: string;
  classificationCode?: string | null;
}

export interface TimelineFilter {
  kinds?: readonly TimelineItemKind[];
  /** Inclusive ISO dates, Paris calendar. */
  from?: string;
  to?: string;
  /** Each code also selects the categories under it. */
  classificationCodes?: readonly string[];
  text?: string;
  authorUserId?: string;
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function instant(at: string): DateTime {
  return DateTime.fromISO(at, { zone: 'Europe/Paris', setZone: true });
}

/** The items the viewer may see that match the filter, most recent first. */
export function filterTimeline<T extends TimelineItem>(
  items: readonly T[],
  filter: TimelineFilter,
  viewer: RecordViewer,
  plan: ClassificationPlan = defaultClassificationPlan,
): T[] {
  const codes = filter.classificationCodes?.flatMap((code) => categoryWithDescendants(plan, code));
  const text = filter.text ? fold(filter.text.trim()) : '';
  return items
    .filter((item) => {
      if (!canSeeItem(viewer, item)) return false;
      if (filter.kinds && filter.kinds.length > 0 && !filter.kinds.includes(item.kind)) return false;
      const day = instant(item.at).setZone('Europe/Paris').toISODate() ?? '';
      if (filter.from && day < filter.from) return false;
      if (filter.to && day > filter.to) return false;
      if (codes && codes.length > 0 && !codes.includes(item.classificationCode ?? '')) return false;
      if (filter.authorUserId && item.authorUserId !== filter.authorUserId) return false;
      return text === '' || fold(item.title).includes(text);
    })
    .sort((a, b) => instant(b.at).toMillis() - instant(a.at).toMillis() || a.id.localeCompare(b.id));
}
