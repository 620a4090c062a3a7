import type { ErrorMessages, FieldLabels } from '../errors/messages.ts';

export const identityMessages = {
  name_invalid_characters: {
    fr: 'Le champ « {field} » ne peut contenir que des lettres, des espaces, des traits d’union et des apostrophes.',
    en: 'Field “{field}” may only contain letters, spaces, hyphens and apostrophes.',
  },
  sex_invalid: {
    fr: 'Le sexe doit être M, F ou I (indéterminé).',
    en: 'Sex must be M, F or I (undetermined).',
  },
  birth_date_invalid: { fr: 'La date de naissance n’existe pas.', en: 'The birth date does not exist.' },
  birth_date_in_future: {
    fr: 'La date de naissance est dans le futur.',
    en: 'The birth date is in the future.',
  },
  birth_date_too_old: {
    fr: 'La date de naissance remonte à plus de {years} ans.',
    en: 'The birth date is more than {years} years ago.',
  },
  birth_place_malformed: {
    fr: 'Le code du lieu de naissance doit compter 5 caractères : code INSEE de la commune, ou 99xxx pour un pays.',
    en: 'The birth place code must have 5 characters: INSEE commune code, or 99xxx for a country.',
  },
  birth_place_unknown: {
    fr: 'Ce code de lieu de naissance ne figure pas dans les listes INSEE.',
    en: 'This birth place code is not in the INSEE lists.',
  },
  birth_place_france_is_not_a_country: {
    fr: 'Pour une naissance en France, saisissez le code INSEE de la commune, pas celui du pays.',
    en: 'For a birth in France, enter the INSEE code of the commune, not the country.',
  },
  csv_column_missing: {
    fr: 'La colonne « {column} » manque dans le fichier.',
    en: 'Column “{column}” is missing from the file.',
  },
  nir_malformed: {
    fr: 'Le NIR doit compter 13 caractères et une clé de 2 chiffres.',
    en: 'The NIR must have 13 characters and a 2-digit key.',
  },
  nir_key_mismatch: {
    fr: 'La clé du NIR ne correspond pas au numéro : vérifiez la saisie.',
    en: 'The NIR key does not match the number: check what was typed.',
  },
  nir_sex_mismatch: {
    fr: 'Le NIR ne correspond pas au sexe saisi.',
    en: 'The NIR does not match the sex entered.',
  },
  nir_year_mismatch: {
    fr: 'L’année de naissance du NIR diffère de la date de naissance.',
    en: 'The NIR birth year differs from the birth date.',
  },
  nir_month_mismatch: {
    fr: 'Le mois de naissance du NIR diffère de la date de naissance.',
    en: 'The NIR birth month differs from the birth date.',
  },
  nir_birth_place_mismatch: {
    fr: 'Le lieu de naissance du NIR diffère du lieu de naissance saisi.',
    en: 'The NIR birth place differs from the birth place entered.',
  },
  identity_attributes_exclusive: {
    fr: 'Une identité ne peut pas être à la fois douteuse et fictive.',
    en: 'An identity cannot be both doubtful and fictitious.',
  },
  insi_forbidden: {
    fr: 'Le téléservice INSi ne peut pas être appelé pour une identité douteuse ou fictive.',
    en: 'The INSi service may not be called for a doubtful or fictitious identity.',
  },
  qualified_requires_ins: {
    fr: 'Une identité qualifiée exige un INS valide récupéré par le téléservice INSi.',
    en: 'A qualified identity requires a valid INS retrieved from the INSi service.',
  },
} satisfies ErrorMessages;

export const identityFieldLabels = {
  birthName: { fr: 'Nom de naissance', en: 'Birth name' },
  birthGivenNames: { fr: 'Prénoms de naissance', en: 'Birth given names' },
  firstGivenName: { fr: 'Premier prénom de naissance', en: 'First birth given name' },
  usedName: { fr: 'Nom utilisé', en: 'Used name' },
  usedGivenName: { fr: 'Prénom utilisé', en: 'Used given name' },
  birthDate: { fr: 'Date de naissance', en: 'Birth date' },
  sex: { fr: 'Sexe', en: 'Sex' },
  birthPlaceCode: { fr: 'Lieu de naissance (code INSEE)', en: 'Birth place (INSEE code)' },
  nir: { fr: 'NIR (n° de sécurité sociale)', en: 'NIR (social security number)' },
  ins: { fr: 'INS', en: 'INS' },
  attributes: { fr: 'Attributs de l’identité', en: 'Identity attributes' },
} satisfies FieldLabels;
