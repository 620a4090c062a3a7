import type { DocumentKind, RichTextDoc, RichTextNode, Snippet } from '@pivot/core/documents';
import { validateSnippet, validateTemplate } from '@pivot/core/documents';
import type { Db } from '../db/connection.ts';
import { insertSnippets, insertTemplates } from './repository.ts';

const text = (value: string, marks?: string[]): RichTextNode => ({
  type: 'text',
  text: value,
  ...(marks ? { marks: marks.map((type) => ({ type })) } : {}),
});
const p = (...content: (string | RichTextNode)[]): RichTextNode => ({
  type: 'paragraph',
  // ProseMirror allows no empty text node: an empty paragraph has no content.
  content: content.filter((c) => c !== '').map((c) => (typeof c === 'string' ? text(c) : c)),
});
const h = (level: number, value: string): RichTextNode => ({
  type: 'heading',
  attrs: { level },
  content: [text(value)],
});
const field = (name: string): RichTextNode => ({ type: 'mergeField', attrs: { field: name } });
const bullets = (...items: string[]): RichTextNode => ({
  type: 'bulletList',
  content: items.map((item) => ({ type: 'listItem', content: [p(item)] })),
});
const doc = (...content: RichTextNode[]): RichTextDoc => ({ type: 'doc', content });

export interface DemoTemplate {
  name: string;
  kind: DocumentKind;
  language: 'fr' | 'en';
  content: RichTextDoc;
}

/** The demo practice's templates: one of each common kind, ready to use and to copy. */
export const demoTemplates: DemoTemplate[] = [
  {
    name: 'Lettre à un confrère',
    kind: 'letter_to_colleague',
    language: 'fr',
    content: doc(
      p('{{organization.name}}, le {{todayLong}}'),
      p('Cher confrère, chère consœur,'),
      p(
        'Je vous adresse ',
        field('patient.civility'),
        ' ',
        field('patient.fullName'),
        ', ',
        field('patient.age'),
        ', {{patient.born}} le {{patient.birthDate}}, pour avis et prise en charge.',
      ),
      h(3, 'Motif'),
      p(''),
      h(3, 'Antécédents et traitement en cours'),
      bullets(''),
      p('Je vous remercie de me tenir informé(e) de votre avis.'),
      p('Bien confraternellement,'),
      p(field('practitioner.fullName'), ', ', field('practitioner.specialty')),
    ),
  },
  {
    name: 'Certificat médical',
    kind: 'certificate',
    language: 'fr',
    content: doc(
      p('{{organization.name}}, le {{todayLong}}'),
      h(1, 'Certificat médical'),
      p(
        'Je soussigné(e), ',
        field('practitioner.fullName'),
        ', ',
        field('practitioner.specialty'),
        ', RPPS {{practitioner.rpps}}, certifie avoir examiné ',
        field('patient.civility'),
        ' ',
        field('patient.fullName'),
        ', {{patient.born}} le {{patient.birthDate}}.',
      ),
      p('Certificat établi à la demande de {{patient.concerned}} pour faire valoir ce que de droit.'),
      // Examination date, findings, purpose and handing over follow, printed from the certificate form.
    ),
  },
  {
    name: 'Ordonnance',
    kind: 'prescription',
    language: 'fr',
    content: doc(
      h(1, 'Ordonnance'),
      p(
        field('practitioner.fullName'),
        ' — ',
        field('practitioner.specialty'),
        ' — RPPS {{practitioner.rpps}}',
      ),
      p(
        field('patient.civility'),
        ' ',
        field('patient.fullName'),
        ', ',
        field('patient.age'),
        ', poids : {{patient.weight}}',
      ),
      p('Le {{today}}'),
    ),
  },
  {
    name: 'Ordonnance bizone (ALD)',
    kind: 'prescription_ald',
    language: 'fr',
    content: doc(
      h(1, 'Ordonnance — affection de longue durée'),
      p(
        field('practitioner.fullName'),
        ' — ',
        field('practitioner.specialty'),
        ' — RPPS {{practitioner.rpps}}',
      ),
      p(field('patient.civility'), ' ', field('patient.fullName'), ', ', field('patient.age')),
      p('Le {{today}}'),
    ),
  },
  {
    name: 'Compte rendu de consultation',
    kind: 'consultation_report',
    language: 'fr',
    content: doc(
      h(1, 'Compte rendu de consultation'),
      p(
        field('patient.civility'),
        ' ',
        field('patient.fullName'),
        ', ',
        field('patient.age'),
        ' — le {{today}}',
      ),
      h(2, 'Motif de consultation'),
      p(''),
      h(2, 'Examen clinique'),
      p(''),
      h(2, 'Conclusion'),
      // The signature block closes the printed report (letterhead settings).
      p(''),
    ),
  },
  {
    name: 'Compte rendu opératoire',
    kind: 'operative_report',
    language: 'fr',
    content: doc(
      h(1, 'Compte rendu opératoire'),
      p('{{organization.name}} — bloc opératoire'),
      p(
        field('patient.civility'),
        ' ',
        field('patient.fullName'),
        ', {{patient.born}} le {{patient.birthDate}} (',
        field('patient.age'),
        ')',
      ),
      // No INS merge field: it is printed only once the identity is qualified (RNIV), which the
      // mandatory-mentions check asks for then; a field would print "à compléter" for the others.
      p('Opérateur : ', field('practitioner.fullName'), ', ', field('practitioner.specialty')),
      p('Date de l’intervention : {{today}}'),
      // The sections an operative report states (documents.md); the mandatory-mentions check reads
      // them under these headings.
      h(2, 'Indication'),
      p(''),
      h(2, 'Anesthésie'),
      p(''),
      h(2, 'Description de l’intervention'),
      p(''),
      h(2, 'Incidents'),
      p(''),
      h(2, 'Consignes post-opératoires'),
      p(''),
      h(3, 'Copies'),
      p('Médecin traitant'),
    ),
  },
  {
    name: 'Lettre de liaison (sortie)',
    kind: 'liaison_letter',
    language: 'fr',
    content: doc(
      p('{{organization.name}}, le {{todayLong}}'),
      h(1, 'Lettre de liaison à la sortie'),
      p(
        field('patient.civility'),
        ' ',
        field('patient.fullName'),
        ', {{patient.born}} le {{patient.birthDate}} (',
        field('patient.age'),
        ').',
      ),
      p('Cher confrère, chère consœur,'),
      p(
        'Votre patient(e) quitte ce jour notre service. Vous trouverez ci-dessous la synthèse de son séjour.',
      ),
      // The discharging practitioner, the stay, the treatments at discharge and the follow-up are
      // printed below from the liaison letter form (CSP R1112-1-2).
    ),
  },
  {
    name: 'Letter to a colleague',
    kind: 'letter_to_colleague',
    language: 'en',
    content: doc(
      p('{{organization.name}}, {{todayLong}}'),
      p('Dear colleague,'),
      p(
        'I am referring ',
        field('patient.fullName'),
        ', ',
        field('patient.age'),
        ', for your opinion and care.',
      ),
      p(''),
      p('Kind regards,'),
      p(field('practitioner.fullName'), ', ', field('practitioner.specialty')),
    ),
  },
];

/** Snippets the demo secretaries can try: type the shortcut then a space. */
export const demoSnippets: Snippet[] = [
  {
    shortcut: '.merci',
    text: 'Je vous remercie de m’avoir adressé votre patient(e) et vous prie de croire en mes sentiments confraternels.',
  },
  { shortcut: '.ras', text: 'L’examen clinique est sans particularité.' },
  { shortcut: '.cdt', text: 'Bien confraternellement,' },
];

/** Adds the demo templates and snippets to a new demo organisation. */
export async function seedDocuments(db: Db, organizationId: string): Promise<void> {
  await insertTemplates(
    db.kysely,
    organizationId,
    demoTemplates.map((t) => ({ ...t, mergeFields: validateTemplate(t.content) })),
  );
  const snippets: Snippet[] = [];
  for (const s of demoSnippets) snippets.push(validateSnippet(s, snippets));
  await insertSnippets(db.kysely, organizationId, snippets);
}
