import type { ErrorMessages } from '../errors/messages.ts';

export const inputMessages = {
  text_invalid_character: {
    fr: 'Le champ « {field} » contient un caractère non autorisé (caractère nul ou caractère incomplet).',
    en: 'Field “{field}” holds a character that is not allowed (a NUL or an incomplete character).',
  },
  id_invalid: {
    fr: 'Le champ « {field} » n’est pas un identifiant valide.',
    en: 'Field “{field}” is not a valid identifier.',
  },
  date_invalid: {
    fr: 'La date du champ « {field} » n’existe pas (AAAA-MM-JJ, de l’an 0001 à 9999).',
    en: 'The date in “{field}” does not exist (YYYY-MM-DD, years 0001 to 9999).',
  },
  instant_invalid: {
    fr: 'La date et l’heure du champ « {field} » sont invalides (ISO 8601 avec fuseau, de l’an 0001 à 9999).',
    en: 'The date and time in “{field}” are invalid (ISO 8601 with offset, years 0001 to 9999).',
  },
} satisfies ErrorMessages;
