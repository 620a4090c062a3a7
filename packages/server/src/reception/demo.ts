import type { InformationSheetInput } from '@pivot/core/reception';
import type { Db } from '../db/connection.ts';
import { insertSheets } from './repository.ts';

/** Sheets a practice hands out every day, in French and English. */
const sheets: InformationSheetInput[] = [
  {
    category: 'exam_preparation',
    title: { fr: 'Préparation à une prise de sang', en: 'Preparing for a blood test' },
    body: {
      fr: 'Restez à jeun depuis 12 heures (eau plate autorisée), sauf avis contraire de votre médecin.\n\nPrenez vos médicaments habituels sauf indication contraire.\n\nApportez votre ordonnance, votre carte Vitale et votre attestation de complémentaire.',
      en: 'Do not eat for 12 hours before (still water allowed), unless your doctor says otherwise.\n\nTake your usual medicines unless told otherwise.\n\nBring your prescription, your Carte Vitale and your complementary insurance certificate.',
    },
  },
  {
    category: 'what_to_bring',
    title: { fr: 'Ce qu’il faut apporter à la consultation', en: 'What to bring to your appointment' },
    body: {
      fr: 'Votre carte Vitale (ou l’appli carte Vitale) et votre attestation de complémentaire santé.\n\nUne pièce d’identité (carte d’identité, passeport ou titre de séjour) à votre première venue.\n\nVos ordonnances en cours, vos derniers résultats d’examens et comptes rendus.',
      en: 'Your Carte Vitale (or the Carte Vitale app) and your complementary insurance certificate.\n\nAn identity document (identity card, passport or residence permit) on your first visit.\n\nYour current prescriptions, your latest test results and reports.',
    },
  },
  {
    category: 'access',
    title: { fr: 'Venir à la maison de santé', en: 'Getting to the health centre' },
    body: {
      fr: '12 rue des Tilleuls, 75011 Paris. Métro ligne 9, station Voltaire (sortie 2).\n\nAccès de plain-pied pour les personnes à mobilité réduite ; ascenseur pour le 1er étage.\n\nAccueil ouvert du lundi au vendredi de 8 h à 19 h, le samedi de 9 h à 12 h.',
      en: '12 rue des Tilleuls, 75011 Paris. Metro line 9, Voltaire station (exit 2).\n\nStep-free access for people with reduced mobility; lift to the first floor.\n\nReception open Monday to Friday 8 am to 7 pm, Saturday 9 am to noon.',
    },
  },
  {
    category: 'fees',
    title: { fr: 'Honoraires et remboursements', en: 'Fees and reimbursement' },
    body: {
      fr: 'Les médecins de la maison de santé sont conventionnés. Les tarifs sont affichés en salle d’attente.\n\nLe tiers payant est pratiqué pour les patients en ALD, en maternité et bénéficiaires de la C2S.\n\nUn devis vous est remis avant tout acte dépassant 70 €.',
      en: 'The health centre’s doctors are contracted with the health insurance. Fees are displayed in the waiting room.\n\nYou pay nothing up front if you have a long-term condition (ALD), are pregnant or receive the C2S.\n\nYou receive a written quote before any act above €70.',
    },
  },
];

export async function seedReception(db: Db, organizationId: string) {
  await insertSheets(
    db.kysely,
    organizationId,
    sheets.map((s) => ({
      category: s.category,
      title: JSON.stringify(s.title),
      body: JSON.stringify(s.body),
      updated_at: new Date(),
    })),
  );
}
