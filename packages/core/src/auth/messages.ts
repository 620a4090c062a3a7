import type { ErrorMessages, FieldLabels } from '../errors/messages.ts';

export const authMessages = {
  practitioner_rpps_required: {
    fr: 'Un compte praticien exige le numéro RPPS du praticien (11 chiffres).',
    en: 'A practitioner account requires the practitioner’s RPPS number (11 digits).',
  },
  rpps_taken: {
    fr: 'Ce numéro RPPS est déjà celui d’un autre compte de la structure.',
    en: 'This RPPS number already belongs to another account of the organization.',
    status: 409,
  },
  practitioner_self_grant: {
    fr: 'Vous ne pouvez pas vous donner vous-même le rôle praticien : demandez-le à un autre administrateur.',
    en: 'You cannot give yourself the practitioner role: ask another administrator.',
    status: 403,
  },
  invalid_rpps: {
    fr: 'Le numéro RPPS est invalide (11 chiffres, clé de Luhn).',
    en: 'The RPPS number is invalid (11 digits, Luhn key).',
  },
} satisfies ErrorMessages;

export const authFieldLabels = { rpps: { fr: 'RPPS', en: 'RPPS' } } satisfies FieldLabels;
