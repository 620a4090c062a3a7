import type { ErrorMessages, FieldLabels } from '../errors/messages.ts';

export const accountingMessages = {
  expense_category_invalid: {
    fr: 'Choisissez une ligne de dépense de la déclaration 2035.',
    en: 'Choose an expense line of the 2035 return.',
  },
  professional_share_invalid: {
    fr: 'La part professionnelle doit être comprise entre 0 et 100 %.',
    en: 'The professional share must be between 0 and 100 %.',
  },
  invalid_siren: {
    fr: 'Le numéro SIREN est invalide (9 chiffres, clé de Luhn).',
    en: 'The SIREN number is invalid (9 digits, Luhn key).',
  },
  days_invalid: { fr: 'Le nombre de jours est invalide.', en: 'The number of days is invalid.' },
  fec_header_invalid: {
    fr: 'La première ligne du FEC doit nommer les colonnes réglementaires dans l’ordre.',
    en: 'The first FEC line must name the regulatory columns in order.',
  },
  fec_column_count: { fr: 'Nombre de colonnes incorrect.', en: 'Wrong number of columns.' },
  fec_date_invalid: {
    fr: 'Date invalide (format AAAAMMJJ attendu).',
    en: 'Invalid date (AAAAMMJJ expected).',
  },
  fec_field_missing: { fr: 'Champ obligatoire vide.', en: 'Required field is empty.' },
  fec_amount_invalid: {
    fr: 'Montant invalide (virgule décimale attendue).',
    en: 'Invalid amount (decimal comma expected).',
  },
  fec_entry_unbalanced: {
    fr: 'Écriture déséquilibrée : débit ≠ crédit.',
    en: 'Unbalanced entry: debit ≠ credit.',
  },
  bank_csv_header_missing: {
    fr: 'Le relevé doit avoir une ligne d’en-tête date ; libellé ; débit ; crédit.',
    en: 'The statement needs a header line date; libellé; débit; crédit.',
  },
  bank_amount_ambiguous: {
    fr: 'Chaque ligne du relevé doit avoir soit un débit, soit un crédit.',
    en: 'Each statement line needs either a debit or a credit.',
  },
  not_reconciled: {
    fr: 'Cette opération bancaire n’est pas rapprochée.',
    en: 'This bank transaction is not reconciled.',
  },
  already_reconciled: {
    fr: 'Cette opération bancaire ou cette écriture est déjà rapprochée.',
    en: 'This bank transaction or entry is already reconciled.',
  },
  reconciliation_amount_mismatch: {
    fr: 'Le total des écritures choisies ne correspond pas au montant de l’opération bancaire.',
    en: 'The total of the chosen entries does not match the bank transaction amount.',
  },
  ofx_malformed: { fr: 'Le fichier OFX est illisible.', en: 'The OFX file cannot be read.' },
  ofx_fitid_missing: {
    fr: 'Opération OFX sans identifiant (FITID).',
    en: 'OFX transaction without an id (FITID).',
  },
} satisfies ErrorMessages;

export const accountingFieldLabels = {
  category: { fr: 'Rubrique 2035', en: '2035 line' },
  professionalShare: { fr: 'Part professionnelle', en: 'Professional share' },
  siren: { fr: 'SIREN', en: 'SIREN' },
  maxDaysApart: { fr: 'Écart de jours', en: 'Days apart' },
  entryIds: { fr: 'Écritures', en: 'Entries' },
} satisfies FieldLabels;
