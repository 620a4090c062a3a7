import type { ErrorMessages, FieldLabels } from '../errors/messages.ts';

export const directoryMessages = {
  invalid_rpps: {
    fr: 'Le numéro RPPS est invalide (11 chiffres, clé de Luhn).',
    en: 'The RPPS number is invalid (11 digits, Luhn key).',
  },
  secure_email_not_mssante: {
    fr: 'L’adresse de messagerie sécurisée doit être une adresse MSSanté (…@….mssante.fr).',
    en: 'The secure e-mail must be an MSSanté address (…@….mssante.fr).',
  },
  correspondent_inactive: {
    fr: 'Ce correspondant est désactivé : réactivez-le avant de l’ajouter.',
    en: 'This correspondent is deactivated: reactivate it before adding it.',
  },
  already_in_care_team: {
    fr: 'Ce correspondant fait déjà partie de l’équipe de soins du patient.',
    en: 'This correspondent is already in the patient’s care team.',
    status: 409,
  },
  attending_physician_taken: {
    fr: 'Le patient a déjà un médecin traitant déclaré : retirez-le d’abord.',
    en: 'The patient already has a declared attending physician: remove it first.',
    status: 409,
  },
  attending_physician_not_practitioner: {
    fr: 'Le médecin traitant doit être un praticien du répertoire, pas un organisme.',
    en: 'The attending physician must be a practitioner of the directory, not a body.',
  },
} satisfies ErrorMessages;

export const directoryFieldLabels = {
  familyName: { fr: 'Nom', en: 'Family name' },
  givenName: { fr: 'Prénom', en: 'Given name' },
  rpps: { fr: 'RPPS', en: 'RPPS' },
  specialty: { fr: 'Spécialité', en: 'Specialty' },
  workplace: { fr: 'Structure d’exercice', en: 'Workplace' },
  secureEmail: { fr: 'Messagerie sécurisée (MSSanté)', en: 'Secure e-mail (MSSanté)' },
  bodyType: { fr: 'Type d’organisme', en: 'Type of body' },
  phone: { fr: 'Téléphone', en: 'Phone' },
  handles: { fr: 'Ce qu’il prend en charge', en: 'What it handles' },
  openingHours: { fr: 'Horaires', en: 'Opening hours' },
  notes: { fr: 'Notes', en: 'Notes' },
  'address.line1': { fr: 'Adresse', en: 'Address' },
  'address.line2': { fr: 'Complément d’adresse', en: 'Address line 2' },
  'address.postalCode': { fr: 'Code postal', en: 'Postal code' },
  'address.city': { fr: 'Ville', en: 'City' },
  description: { fr: 'Description', en: 'Description' },
  memberIds: { fr: 'Membres', en: 'Members' },
  correspondentId: { fr: 'Correspondant', en: 'Correspondent' },
  note: { fr: 'Note', en: 'Note' },
  q: { fr: 'Recherche', en: 'Search' },
} satisfies FieldLabels;
