import { registerErrorMessages, registerFieldLabels } from '../errors/messages.ts';

registerErrorMessages({
  practitioner_rpps_required: {
    fr: 'Un compte praticien exige le numéro RPPS du praticien (11 chiffres).',
    en: 'A practitioner account requires the practitioner’s RPPS number (11 digits).',
  },
  invalid_rpps: {
    fr: 'Le numéro RPPS est invalide (11 chiffres, clé de Luhn).',
    en: 'The RPPS number is invalid (11 digits, Luhn key).',
  },
});

registerFieldLabels({ rpps: { fr: 'RPPS', en: 'RPPS' } });
