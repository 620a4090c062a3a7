import { type CorrespondentInput, correspondentInput } from '@pivot/core/directory';
import { luhnValid } from '@pivot/core/organization';
import type { Db } from '../db/connection.ts';
import { correspondentColumns } from './correspondents.ts';
import { insertCorrespondents } from './repository.ts';

/** An RPPS-shaped number (11 digits, Luhn key) for synthetic correspondents: never a real one. */
function demoRpps(n: number): string {
  const body = `1009${String(n).padStart(6, '0')}`;
  for (let key = 0; key < 10; key++) if (luhnValid(`${body}${key}`)) return `${body}${key}`;
  throw new Error('unreachable');
}

const paris = (line1: string, postalCode: string, city = 'Paris') => ({ line1, postalCode, city });

const practitioners: CorrespondentInput[] = [
  [
    'Martin',
    'Claire',
    'Médecine générale',
    'Cabinet médical Voltaire',
    paris('48 boulevard Voltaire', '75011'),
    '01 43 55 12 40',
  ],
  [
    'Nguyen',
    'Thomas',
    'Cardiologie',
    'Centre cardiologique Nation',
    paris('5 place de la Nation', '75012'),
    '01 43 72 80 10',
  ],
  [
    'Benali',
    'Sarah',
    'Dermatologie',
    'Cabinet de dermatologie Oberkampf',
    paris('102 rue Oberkampf', '75011'),
    '01 48 05 33 21',
  ],
  [
    'Lefèvre',
    'Julien',
    'Rhumatologie',
    'Hôpital Saint-Antoine',
    paris('184 rue du Faubourg Saint-Antoine', '75012'),
    '01 49 28 20 00',
  ],
  [
    'Dubois',
    'Hélène',
    'Gynécologie médicale',
    'Cabinet Bastille',
    paris('12 rue de la Roquette', '75011'),
    '01 47 00 21 90',
  ],
  [
    'Moreau',
    'Karim',
    'Pédiatrie',
    'Cabinet pédiatrique Parmentier',
    paris('60 avenue Parmentier', '75011'),
    '01 43 38 14 72',
  ],
  [
    'Garnier',
    'Élodie',
    'Masso-kinésithérapie',
    'Cabinet de kinésithérapie Charonne',
    paris('77 rue de Charonne', '75011'),
    '01 43 67 52 18',
  ],
  [
    'Rousseau',
    'Paul',
    'Ophtalmologie',
    'Centre ophtalmologique République',
    paris('3 place de la République', '75003'),
    '01 42 72 31 05',
  ],
].map(([familyName, givenName, specialty, workplace, address, phone], i) => ({
  kind: 'practitioner',
  familyName: familyName as string,
  givenName: givenName as string,
  rpps: demoRpps(101 + i),
  specialty: specialty as string,
  workplace: workplace as string,
  address: address as ReturnType<typeof paris>,
  phones: [{ kind: 'secretariat', number: phone as string }],
  secureEmail: `${(givenName as string).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()}.${(
    familyName as string
  )
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()}@medecin.mssante.fr`,
}));

const bodies: CorrespondentInput[] = [
  {
    kind: 'body',
    bodyType: 'cpam',
    name: 'CPAM de Paris',
    address: paris('21 rue Georges Auric', '75019'),
    phone: '01 84 90 36 46',
    handles: 'Carte Vitale, attestations de droits, déclaration de médecin traitant, arrêts de travail, ALD',
    openingHours: 'Accueil sur rendez-vous, lundi au vendredi 8h30-17h',
  },
  {
    kind: 'body',
    bodyType: 'mutuelle',
    name: 'Mutuelle Générale de l’Éducation (démo)',
    address: paris('3 square Max Hymans', '75015'),
    phone: '01 40 47 20 20',
    handles: 'Tiers payant complémentaire, prises en charge optique et dentaire',
    openingHours: 'Téléphone lundi-vendredi 8h30-18h',
  },
  {
    kind: 'body',
    bodyType: 'mutuelle',
    name: 'Harmonie Santé Île-de-France (démo)',
    address: paris('143 rue Blomet', '75015'),
    phone: '01 45 33 90 00',
    handles: 'Attestations de tiers payant, demandes de prise en charge hospitalière',
    openingHours: 'Lundi-vendredi 9h-17h30',
  },
  {
    kind: 'body',
    bodyType: 'hospital',
    name: 'Hôpital Saint-Antoine (AP-HP)',
    finess: '750100125',
    address: paris('184 rue du Faubourg Saint-Antoine', '75012'),
    phone: '01 49 28 20 00',
    handles: 'Consultations spécialisées, hospitalisations, urgences adultes',
    openingHours: 'Urgences 24 h/24 ; consultations lundi-vendredi 8h-18h',
    secureEmail: 'secretariat.consultations@aphp.mssante.fr',
  },
  {
    kind: 'body',
    bodyType: 'other',
    name: 'SAMU de Paris – Centre 15',
    address: paris('149 rue de Sèvres', '75015'),
    phone: '01 45 67 50 50',
    handles:
      'Urgences vitales : faire composer le 15 (ou le 112). Détresse, douleur thoracique, malaise grave',
    openingHours: '24 h/24, 7 j/7',
  },
  {
    kind: 'body',
    bodyType: 'laboratory',
    name: 'Laboratoire de biologie médicale Bio Voltaire',
    address: paris('90 boulevard Voltaire', '75011'),
    phone: '01 43 57 60 60',
    handles: 'Prises de sang sans rendez-vous, bilans préopératoires, résultats par messagerie sécurisée',
    openingHours: 'Lundi-vendredi 7h30-18h, samedi 8h-12h',
    secureEmail: 'resultats@biovoltaire.mssante.fr',
  },
  {
    kind: 'body',
    bodyType: 'imaging',
    name: 'Centre d’imagerie médicale Nation',
    address: paris('8 avenue du Trône', '75012'),
    phone: '01 43 73 35 35',
    handles: 'Radiographie, échographie, mammographie, scanner, IRM (sur rendez-vous)',
    openingHours: 'Lundi-vendredi 8h-19h, samedi 8h-13h',
  },
  {
    kind: 'body',
    bodyType: 'pharmacy',
    name: 'Pharmacie des Tilleuls',
    address: paris('10 rue des Tilleuls', '75011'),
    phone: '01 43 79 11 11',
    handles: 'Délivrance, préparation des piluliers, matériel médical',
    openingHours: 'Lundi-samedi 8h30-20h',
  },
  {
    kind: 'body',
    bodyType: 'social_service',
    name: 'Centre d’action sociale de la Ville de Paris (11e)',
    address: paris('130 avenue Ledru-Rollin', '75011'),
    phone: '01 53 36 51 00',
    handles: 'Aides sociales, aide à la complémentaire santé solidaire (C2S), aide médicale d’État (AME)',
    openingHours: 'Lundi-vendredi 8h30-17h',
  },
];

/** The demo practice's directory: local practitioners and the bodies the front desk deals with. */
export async function seedDirectory(db: Db, organizationId: string): Promise<number> {
  const rows = [...practitioners, ...bodies].map((c) => correspondentColumns(correspondentInput.parse(c)));
  await insertCorrespondents(db.kysely, organizationId, rows);
  return rows.length;
}
