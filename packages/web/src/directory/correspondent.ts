import type { CorrespondentView } from '@pivot/core/directory';

// The server's answers, typed by core's response schemas.
export type {
  AddressView as Address,
  BodyView,
  CorrespondentView,
  PractitionerView,
} from '@pivot/core/directory';

/** "+33142345678" → "01 42 34 56 78", as French secretaries read numbers. */
export function formatPhone(e164: string | null | undefined): string {
  if (!e164) return '';
  const french = /^\+33(\d)(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(e164);
  return french ? `0${french.slice(1).join(' ')}` : e164;
}

export function firstPhone(c: CorrespondentView): string {
  return formatPhone(c.kind === 'practitioner' ? c.phones[0]?.number : c.phone);
}

/** What the correspondent is: a practitioner's specialty, or the type of body. */
export function correspondentSubtitle(c: CorrespondentView, t: (key: string) => string): string {
  if (c.kind === 'practitioner') return c.specialty || t('kind.practitioner');
  return t(`bodyType.${c.bodyType}`);
}
