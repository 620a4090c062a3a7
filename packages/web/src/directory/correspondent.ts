export interface Address {
  line1: string;
  line2: string;
  postalCode: string;
  city: string;
  country: string;
}

interface Common {
  id: string;
  displayName: string;
  active: boolean;
  version: number;
  address: Address;
  email: string | null;
  secureEmail: string | null;
  notes: string;
}

export interface PractitionerView extends Common {
  kind: 'practitioner';
  familyName: string;
  givenName: string;
  rpps: string | null;
  specialty: string;
  workplace: string;
  phones: { kind: string; number: string }[];
}

export interface BodyView extends Common {
  kind: 'body';
  bodyType: string;
  name: string;
  finess: string | null;
  phone: string | null;
  handles: string;
  openingHours: string;
}

export type CorrespondentView = PractitionerView | BodyView;

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
