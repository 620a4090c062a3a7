import { DomainError } from '../errors/domain-error.ts';
import type { Cim10Row } from './reference-lists.ts';
import { type RichTextDoc, richTextPlainText } from './rich-text.ts';
import { isTemplateWording, type TextRange } from './template-words.ts';
import { isMeaningfulWord, stopWords, type Token, termKey, tokenize } from './term-tokens.ts';

export const recipientCategories = [
  'health_professional',
  'health_establishment',
  'patient',
  'legal_representative',
  'family',
  'employer',
  'school',
  'insurer',
  'administration',
  'sports_body',
  'other',
] as const;
export type RecipientCategory = (typeof recipientCategories)[number];

export const recipientCategoryLabels: Record<RecipientCategory, { fr: string; en: string }> = {
  health_professional: { fr: 'Professionnel de santé', en: 'Health professional' },
  health_establishment: { fr: 'Établissement de santé', en: 'Health establishment' },
  patient: { fr: 'Patient', en: 'Patient' },
  legal_representative: { fr: 'Représentant légal', en: 'Legal representative' },
  family: { fr: 'Famille, proche', en: 'Family, relative' },
  employer: { fr: 'Employeur', en: 'Employer' },
  school: { fr: 'École, établissement scolaire', en: 'School' },
  insurer: { fr: 'Assureur, mutuelle', en: 'Insurer' },
  administration: { fr: 'Administration', en: 'Administration' },
  sports_body: { fr: 'Club, fédération sportive', en: 'Sports club or federation' },
  other: { fr: 'Autre destinataire', en: 'Other recipient' },
};

/**
 * Medical information is shared only between professionals who care for the patient
 * (CSP L1110-4); everything else gets the confidentiality check. The patient is checked too: the
 * document handed over is often meant for a third party (employer, school, sports club).
 */
export function isHealthRecipient(category: RecipientCategory): boolean {
  return category === 'health_professional' || category === 'health_establishment';
}

export type TermSource = 'cim10' | 'drug' | 'user';

export interface MedicalTerm {
  keys: readonly string[];
  /** The term as written in its source list. */
  term: string;
  source: TermSource;
  code?: string;
}

export interface MedicalTermIndex {
  /** Terms by their first word key, longest first. */
  readonly byFirstKey: ReadonlyMap<string, readonly MedicalTerm[]>;
  readonly size: number;
}

export interface TermSpan {
  start: number;
  end: number;
  /** The words as they appear in the text. */
  text: string;
  term: string;
  source: TermSource;
  code?: string;
}

/** Qualifiers trimmed from the ends of a label segment ("Autres …, sans précision"). */
const edgeQualifiers = new Set(
  [
    'autre',
    'autres',
    'sans',
    'precision',
    'precise',
    'precisee',
    'precisees',
    'ailleurs',
    'classee',
    'classees',
    'sai',
  ].map(termKey),
);

/**
 * Sensitive words that CIM-10 labels do not use (they say "tumeur maligne", not "cancer"), for
 * the server to pass with the users' own terms.
 */
export const defaultMedicalTerms: readonly string[] = [
  'cancer',
  'cancéreux',
  'chimiothérapie',
  'radiothérapie',
  'métastase',
  'VIH',
  'sida',
  'séropositif',
  'séropositivité',
  'dialyse',
  'IVG',
  'toxicomanie',
  'addiction',
  'psychiatrie',
  'psychiatrique',
  'antidépresseur',
  'anxiolytique',
  'neuroleptique',
  'hospitalisation',
  // Examinations, treatments and specialties a letter names and CIM-10 labels do not: they tell
  // the disease as well (measured on the letters of confidentiality-corpus.json).
  'mammographie',
  'radiographie',
  'échographie',
  'IRM',
  'ECBU',
  'biopsie',
  'coloscopie',
  'endoscopie',
  'fibroscopie',
  'antibiothérapie',
  'apyrexie',
  'auscultation',
  'tension artérielle',
  'traitement de substitution',
  'gastrectomie',
  'lithiase',
  'contraception',
  'addictologie',
  'cancérologie',
  'oncologie',
  'cardiologie',
  'neurologie',
  'pneumologie',
  'rhumatologie',
  'gastro-entérologie',
  'gynécologie',
  'urologie',
  'néphrologie',
  'hématologie',
  'endocrinologie',
  'diabétologie',
];

export interface MedicalTermIndexOptions {
  /**
   * CIM-10 chapters left out: V01–Y98 are external causes (road, place, activity), whose words
   * ("voiture", "domicile", "école") would flag every administrative letter.
   */
  excludedCodePrefixes?: readonly string[];
}

class IndexBuilder {
  readonly terms = new Map<string, MedicalTerm>();

  add(tokens: Token[], source: string, origin: TermSource, code?: string): void {
    if (tokens.length === 0) return;
    const keys = tokens.map((t) => t.key);
    const id = keys.join(' ');
    if (this.terms.has(id)) return;
    const term = source.slice(tokens[0]!.start, tokens[tokens.length - 1]!.end);
    this.terms.set(
      id,
      code === undefined ? { keys, term, source: origin } : { keys, term, source: origin, code },
    );
  }

  build(): MedicalTermIndex {
    const byFirstKey = new Map<string, MedicalTerm[]>();
    for (const term of this.terms.values()) {
      const bucket = byFirstKey.get(term.keys[0]!);
      if (bucket) bucket.push(term);
      else byFirstKey.set(term.keys[0]!, [term]);
    }
    for (const bucket of byFirstKey.values()) bucket.sort((a, b) => b.keys.length - a.keys.length);
    return { byFirstKey, size: this.terms.size };
  }
}

function trimEdges(tokens: Token[]): Token[] {
  let from = 0;
  let to = tokens.length;
  const edge = (t: Token) => stopWords.has(t.key) || edgeQualifiers.has(t.key);
  while (from < to && edge(tokens[from]!)) from++;
  while (to > from && edge(tokens[to - 1]!)) to--;
  return tokens.slice(from, to);
}

/** Word endings of disease and procedure names (-ite, -ose, -algie, -pathie, -ectomie...). */
const medicalSuffix =
  /(?:ite|ose|ome|emie|algie|pathie|ectomie|otomie|ostomie|plastie|scopie|urie|pnee|plegie|phobie|cardie|trophie|plasie|rragie|rrhee|cele|ctasie|philie|penie|isme)$/;

/**
 * A CIM-10 label gives its phrases (segments between punctuation) and, as single words, only the
 * head of each segment ("Hypertension essentielle"), words shaped like a disease name
 * ("bronchite", "lymphome") and proper names ("Alzheimer"): the other words of the labels are
 * ordinary French ("avoir", "jour", "pratique") and would flag every letter.
 */
function addCim10Label(builder: IndexBuilder, row: Cim10Row): void {
  const cleaned = row.label.replace(/\*{3}[^*]*\*{3}/g, ' ');
  let first = true;
  for (const segment of cleaned.split(/[,;:()[\]]|\s-\s/)) {
    const tokens = trimEdges(tokenize(segment));
    if (tokens.length > 1 && tokens.some((t) => isMeaningfulWord(t.key)))
      builder.add(tokens, segment, 'cim10', row.code);
    tokens.forEach((token, at) => {
      const head = at === 0;
      const disease = token.key.length >= 6 && medicalSuffix.test(token.key);
      const properName = !(first && head) && /^\p{Lu}\p{Ll}/u.test(token.text);
      // A lone word gets no code: "hypertension" is not G93.2 more than I10.
      if ((head || disease || properName) && isMeaningfulWord(token.key))
        builder.add([token], segment, 'cim10');
    });
    if (tokens.length > 0) first = false;
  }
}

/** A drug or substance name whole, and the first word of a name of several words ("DOLIPRANE ORODOZ"). */
function addDrugName(builder: IndexBuilder, name: string): void {
  const tokens = trimEdges(tokenize(name.replace(/\([^)]*\)/g, ' ')));
  const first = tokens[0];
  if (!first) return;
  if (tokens.length === 1) {
    if (isMeaningfulWord(first.key)) builder.add(tokens, name, 'drug');
    return;
  }
  if (tokens.some((t) => isMeaningfulWord(t.key))) builder.add(tokens, name, 'drug');
  if (first.key.length >= 5 && isMeaningfulWord(first.key)) builder.add([first], name, 'drug');
}

/**
 * The dictionary of medical terms the confidentiality check looks for: diagnoses and disease
 * words from CIM-10 labels, drug and substance names, and terms the users added (kept as given,
 * even common words).
 */
export function buildMedicalTermIndex(
  cim10Rows: Iterable<Cim10Row>,
  drugNames: Iterable<string>,
  userTerms: Iterable<string>,
  options: MedicalTermIndexOptions = {},
): MedicalTermIndex {
  const excluded = options.excludedCodePrefixes ?? ['V', 'W', 'X', 'Y'];
  const builder = new IndexBuilder();
  for (const term of userTerms) builder.add(tokenize(term), term, 'user');
  for (const row of cim10Rows) {
    if (excluded.some((prefix) => row.code.startsWith(prefix))) continue;
    addCim10Label(builder, row);
  }
  for (const name of drugNames) addDrugName(builder, name);
  return builder.build();
}

/** An index of terms already built (sent by the worker that built it, `medicalTermsOf`). */
export function medicalTermIndexOf(terms: Iterable<MedicalTerm>): MedicalTermIndex {
  const builder = new IndexBuilder();
  for (const term of terms) {
    const id = term.keys.join(' ');
    if (!builder.terms.has(id)) builder.terms.set(id, term);
  }
  return builder.build();
}

/** Every term of an index, for sending it to another thread. */
export function medicalTermsOf(index: MedicalTermIndex): MedicalTerm[] {
  return [...index.byFirstKey.values()].flat();
}

/**
 * The reference index with an organisation's own terms: theirs first, as `buildMedicalTermIndex`
 * puts them, without rebuilding the reference's tens of thousands of terms.
 */
export function withUserTerms(reference: MedicalTermIndex, userTerms: Iterable<string>): MedicalTermIndex {
  const own = buildMedicalTermIndex([], [], userTerms);
  if (own.size === 0) return reference;
  const byFirstKey = new Map(reference.byFirstKey);
  let size = reference.size;
  for (const [key, terms] of own.byFirstKey) {
    const ids = new Set(terms.map((t) => t.keys.join(' ')));
    const kept = (byFirstKey.get(key) ?? []).filter((t) => !ids.has(t.keys.join(' ')));
    size += terms.length - ((byFirstKey.get(key)?.length ?? 0) - kept.length);
    byFirstKey.set(
      key,
      [...terms, ...kept].sort((a, b) => b.keys.length - a.keys.length),
    );
  }
  return { byFirstKey, size };
}

/** Medical terms in a text, longest match first, left to right, without overlaps. */
export function findMedicalTerms(text: string, index: MedicalTermIndex): TermSpan[] {
  const tokens = tokenize(text);
  const spans: TermSpan[] = [];
  let i = 0;
  while (i < tokens.length) {
    const candidates = index.byFirstKey.get(tokens[i]!.key);
    const found = candidates?.find(
      (term) =>
        i + term.keys.length <= tokens.length && term.keys.every((key, k) => tokens[i + k]!.key === key),
    );
    if (!found) {
      i++;
      continue;
    }
    const start = tokens[i]!.start;
    const end = tokens[i + found.keys.length - 1]!.end;
    const span: TermSpan = {
      start,
      end,
      text: text.slice(start, end),
      term: found.term,
      source: found.source,
    };
    if (found.code !== undefined) span.code = found.code;
    spans.push(span);
    i += found.keys.length;
  }
  return spans;
}

export interface ConfidentialityCheck {
  /** True when the recipient is not a health professional and medical terms remain. */
  needsConfirmation: boolean;
  /** Offsets in the document's plain text (`richTextPlainText` for a rich-text document). */
  spans: TermSpan[];
}

/** The comparable form of a term, for confirmations that survive edits of the surrounding text. */
export function confirmationKey(text: string): string {
  return tokenize(text)
    .map((t) => t.key)
    .join(' ');
}

/**
 * The medical terms written about the patient: those in the template's own words (its headings,
 * fixed text, the labels Pivot prints, `templateWordRanges`) are the same in every letter and say
 * nothing of this patient.
 */
export function findWrittenMedicalTerms(
  text: string,
  index: MedicalTermIndex,
  templateRanges: readonly TextRange[] = [],
): TermSpan[] {
  return findMedicalTerms(text, index).filter((span) => !isTemplateWording(span, templateRanges));
}

/**
 * Before sending to a non-health recipient, the medical terms that must be confirmed (the patient
 * asked for them) or removed (CSP L1110-4, R4127-76: a certificate for a third party states
 * fitness, not the disease). Terms already confirmed are left out, and so are the template's own
 * words (`templateRanges`, offsets in the document's plain text).
 */
export function checkBeforeSending(
  document: string | RichTextDoc,
  recipient: { category: RecipientCategory },
  index: MedicalTermIndex,
  confirmedTerms: readonly string[] = [],
  templateRanges: readonly TextRange[] = [],
): ConfidentialityCheck {
  if (isHealthRecipient(recipient.category)) return { needsConfirmation: false, spans: [] };
  const text = typeof document === 'string' ? document : richTextPlainText(document);
  const confirmed = new Set(confirmedTerms.map(confirmationKey));
  const spans = findWrittenMedicalTerms(text, index, templateRanges).filter(
    (s) => !confirmed.has(confirmationKey(s.text)),
  );
  return { needsConfirmation: spans.length > 0, spans };
}

/** The server's guard at sending time: every remaining medical term must have been confirmed. */
export function assertConfidentialityConfirmed(check: ConfidentialityCheck): void {
  if (check.needsConfirmation) {
    throw new DomainError('confidential_terms_unconfirmed', { params: { count: check.spans.length } });
  }
}

/**
 * The recipient category of a correspondent of the directory: a practitioner is a health
 * professional; hospitals, clinics, laboratories, imaging centres and pharmacies are health
 * establishments; the health insurance (CPAM) and complementary insurers are insurers, a social
 * service an administration — they get no medical detail without confirmation.
 */
export function recipientCategoryOf(correspondent: {
  kind: 'practitioner' | 'body';
  bodyType?: string | null;
}): RecipientCategory {
  if (correspondent.kind === 'practitioner') return 'health_professional';
  switch (correspondent.bodyType) {
    case 'hospital':
    case 'clinic':
    case 'laboratory':
    case 'imaging':
    case 'pharmacy':
      return 'health_establishment';
    case 'cpam':
    case 'mutuelle':
      return 'insurer';
    case 'social_service':
      return 'administration';
    default:
      return 'other';
  }
}
