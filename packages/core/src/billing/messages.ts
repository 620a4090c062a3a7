import type { ErrorMessages, FieldLabels } from '../errors/messages.ts';

export const billingMessages = {
  amount_not_integer_cents: {
    fr: 'Le montant « {field} » doit être un nombre entier de centimes.',
    en: 'Amount “{field}” must be a whole number of cents.',
  },
  amount_negative: {
    fr: 'Le montant « {field} » ne peut pas être négatif.',
    en: 'Amount “{field}” cannot be negative.',
  },
  amount_malformed: {
    fr: 'Le montant « {field} » est illisible (exemple : 1234,56).',
    en: 'Amount “{field}” cannot be read (example: 1234.56).',
  },
  rate_invalid: { fr: 'Le taux « {field} » est invalide.', en: 'Rate “{field}” is invalid.' },
  split_without_parts: {
    fr: 'Aucune part entre lesquelles répartir le montant.',
    en: 'No parts to split the amount between.',
  },
  act_unknown: { fr: 'L’acte {code} ne figure pas au catalogue.', en: 'Act {code} is not in the catalogue.' },
  act_not_valid_on_date: {
    fr: 'L’acte {code} n’a pas de tarif en vigueur le {date} pour ce secteur.',
    en: 'Act {code} has no tariff in force on {date} for this sector.',
  },
  catalogue_column_missing: {
    fr: 'La colonne « {field} » manque dans le fichier de catalogue.',
    en: 'Column “{field}” is missing from the catalogue file.',
  },
  act_kind_invalid: {
    fr: 'Le type d’acte doit être ngap ou ccam.',
    en: 'The act kind must be ngap or ccam.',
  },
  act_code_malformed: {
    fr: 'Le code d’acte est mal formé (CCAM : 4 lettres et 3 chiffres).',
    en: 'The act code is malformed (CCAM: 4 letters and 3 digits).',
  },
  sector_invalid: {
    fr: 'Le secteur doit être 1, 2, optam ou all.',
    en: 'The sector must be 1, 2, optam or all.',
  },
  validity_reversed: {
    fr: 'La fin de validité précède le début de validité.',
    en: 'The end of validity is before its start.',
  },
  coefficient_invalid: {
    fr: 'Le coefficient doit être positif, au centième près.',
    en: 'The coefficient must be positive, to the hundredth.',
  },
  rate_not_defined_on_date: {
    fr: 'Aucun taux « {rate} » n’est défini pour le {date}.',
    en: 'No “{rate}” rate is defined for {date}.',
  },
  visit_without_acts: { fr: 'La consultation ne comporte aucun acte.', en: 'The visit has no acts.' },
  birth_date_after_visit: {
    fr: 'La date de naissance est postérieure à la date des soins.',
    en: 'The birth date is after the date of care.',
  },
  fee_below_base: {
    fr: 'Les honoraires ne peuvent pas être inférieurs à la base de remboursement.',
    en: 'The fee cannot be lower than the reimbursement base.',
  },
  overbilling_not_allowed: {
    fr: 'Aucun dépassement d’honoraires n’est permis pour un bénéficiaire de la C2S.',
    en: 'No overbilling is allowed for a C2S beneficiary.',
  },
  overbilling_not_allowed_in_sector_1: {
    fr: 'En secteur 1, un dépassement n’est permis que sur exigence particulière du patient (DE).',
    en: 'In sector 1, overbilling is only allowed on an explicit patient demand (DE).',
  },
  quote_required: {
    fr: 'Une information écrite préalable (devis) est obligatoire à partir de 70 € d’honoraires avec dépassement.',
    en: 'A written quote is required from 70 € of fees with overbilling.',
  },
  third_party_payment_required: {
    fr: 'Le tiers payant sur la part obligatoire est dû dans cette situation.',
    en: 'Third-party payment on the mandatory part is due in this situation.',
  },
  complementary_contract_missing: {
    fr: 'Le tiers payant complémentaire exige un contrat de complémentaire.',
    en: 'Third-party payment on the complementary part needs a complementary contract.',
  },
  invoice_year_invalid: { fr: 'L’année de facturation est invalide.', en: 'The invoice year is invalid.' },
  invoice_sequence_invalid: {
    fr: 'Le numéro d’ordre de facture est invalide.',
    en: 'The invoice sequence number is invalid.',
  },
  invoice_number_malformed: {
    fr: 'Le numéro de facture doit avoir la forme AAAA-NNNNNN.',
    en: 'The invoice number must look like YYYY-NNNNNN.',
  },
  invoice_year_before_last: {
    fr: 'Impossible de numéroter une facture dans une année antérieure à la dernière facture.',
    en: 'Cannot number an invoice in a year before the last invoice.',
  },
  invoice_without_lines: { fr: 'La facture ne comporte aucune ligne.', en: 'The invoice has no lines.' },
  credit_note_of_credit_note: {
    fr: 'Un avoir ne peut pas être annulé par un autre avoir.',
    en: 'A credit note cannot be credited.',
  },
  invoice_already_credited: {
    fr: 'La facture {number} est déjà annulée par un avoir.',
    en: 'Invoice {number} is already credited.',
    status: 409,
  },
  credit_note_before_invoice: {
    fr: 'L’avoir ne peut pas être antérieur à la facture.',
    en: 'The credit note cannot be dated before the invoice.',
  },
  invoice_never_deleted: {
    fr: 'Une facture ne se supprime jamais : émettez un avoir.',
    en: 'An invoice is never deleted: issue a credit note.',
    status: 409,
  },
  payment_zero: { fr: 'Le montant ne peut pas être nul.', en: 'The amount cannot be zero.' },
  due_not_of_payer: {
    fr: 'Cette créance n’est pas due par ce payeur.',
    en: 'This amount is not owed by this payer.',
  },
  denomination_unknown: {
    fr: '{denomination} centimes n’est pas une coupure ou une pièce en euros.',
    en: '{denomination} cents is not a euro banknote or coin.',
  },
  denomination_count_invalid: {
    fr: 'Le nombre de coupures de {denomination} centimes est invalide.',
    en: 'The count of {denomination}-cent pieces is invalid.',
  },
  day_closed: {
    fr: 'La caisse du {date} est clôturée : elle ne peut plus être modifiée.',
    en: 'The cash register of {date} is closed.',
    status: 409,
  },
  day_not_closed: { fr: 'La caisse n’est pas encore clôturée.', en: 'The cash register is not closed yet.' },
  cash_difference_reason_required: {
    fr: 'Un écart de caisse doit être justifié.',
    en: 'A cash difference needs a reason.',
  },
  invalid_iban: { fr: 'L’IBAN est invalide (clé de contrôle).', en: 'The IBAN is invalid (check digits).' },
  deposit_slip_empty: { fr: 'Le bordereau de remise est vide.', en: 'The deposit slip is empty.' },
  cheque_already_deposited: {
    fr: 'Le chèque n° {number} figure déjà sur un bordereau de remise.',
    en: 'Cheque no. {number} is already on a deposit slip.',
    status: 409,
  },
  invalid_nir: { fr: 'Le NIR est invalide.', en: 'The NIR is invalid.' },
  invalid_rpps: {
    fr: 'Le numéro RPPS est invalide (11 chiffres, clé de Luhn).',
    en: 'The RPPS number is invalid (11 digits, Luhn key).',
  },
  beneficiary_rank_invalid: {
    fr: 'Le rang de naissance doit aller de 1 à 9.',
    en: 'The birth rank must be 1 to 9.',
  },
  regime_invalid: {
    fr: 'Le code régime doit compter 2 chiffres.',
    en: 'The régime code must have 2 digits.',
  },
  fund_invalid: { fr: 'Le code caisse doit compter 3 chiffres.', en: 'The fund code must have 3 digits.' },
  batch_size_invalid: { fr: 'La taille de lot est invalide.', en: 'The batch size is invalid.' },
  batch_file_malformed: {
    fr: 'Le fichier de lot est invalide (ligne {line} : {reason}).',
    en: 'The batch file is invalid (line {line}: {reason}).',
  },
  remittance_header_invalid: {
    fr: 'L’en-tête du fichier de retour est invalide.',
    en: 'The return file header is invalid.',
  },
  remittance_trailer_invalid: {
    fr: 'La fin du fichier de retour est absente ou son compte de lignes est faux.',
    en: 'The return file trailer is missing or its line count is wrong.',
  },
  remittance_line_invalid: {
    fr: 'Ligne du fichier de retour illisible.',
    en: 'Unreadable return file line.',
  },
  month_invalid: { fr: 'Le mois doit avoir la forme AAAA-MM.', en: 'The month must look like YYYY-MM.' },
  no_pending_claims: {
    fr: 'Aucune feuille de soins en attente d’envoi.',
    en: 'No claim is waiting to be sent.',
    status: 409,
  },
  ald_exemption_missing: {
    fr: 'L’acte ne peut être lié à une ALD : le patient n’a pas d’exonération ALD en cours.',
    en: 'The act cannot relate to an ALD: the patient has no current ALD exemption.',
  },
  mandatory_coverage_missing: {
    fr: 'Le patient n’a pas d’assurance maladie obligatoire en cours : renseignez-la avant le tiers payant ou la télétransmission.',
    en: 'The patient has no current mandatory insurance: record it before third-party payment or transmission.',
  },
  practitioner_rpps_missing: {
    fr: 'Le praticien n’a pas de numéro RPPS : la feuille de soins ne peut être établie.',
    en: 'The practitioner has no RPPS number: the claim cannot be made.',
  },
  appointment_already_billed: {
    fr: 'Ce rendez-vous est déjà facturé : une même séance ne se facture pas deux fois (annulez d’abord la facture par un avoir).',
    en: 'This appointment is already billed: a visit is not billed twice (cancel the invoice with a credit note first).',
    status: 409,
  },
  appointment_other_patient: {
    fr: 'Ce rendez-vous est celui d’un autre patient.',
    en: 'This appointment is another patient’s.',
  },
  appointment_not_held: {
    fr: 'Ce rendez-vous a été annulé ou le patient ne s’est pas présenté : rien à facturer.',
    en: 'This appointment was cancelled or missed: nothing to bill.',
  },
  refund_exceeds_balance: {
    fr: 'Le remboursement dépasse ce qui peut être rendu à ce payeur ({max} €).',
    en: 'The refund is more than this payer may be refunded ({max} €).',
  },
  claim_not_rejected: {
    fr: 'Seule une feuille de soins rejetée se renvoie (n° {number}).',
    en: 'Only a rejected claim can be sent again (no. {number}).',
    status: 409,
  },
  payment_not_depositable: {
    fr: 'Un remboursement ne se remet pas en banque.',
    en: 'A refund cannot be put on a deposit slip.',
  },
} satisfies ErrorMessages;

export const billingFieldLabels = {
  appointmentId: { fr: 'Rendez-vous', en: 'Appointment' },
  patientId: { fr: 'Patient', en: 'Patient' },
  practitionerId: { fr: 'Praticien', en: 'Practitioner' },
  paymentIds: { fr: 'Chèques', en: 'Cheques' },
  content: { fr: 'Fichier', en: 'File' },
  'payer.id': { fr: 'Payeur', en: 'Payer' },
  acts: { fr: 'Actes', en: 'Acts' },
  feeCents: { fr: 'Honoraires', en: 'Fee' },
  baseCents: { fr: 'Base de remboursement', en: 'Reimbursement base' },
  amountCents: { fr: 'Montant', en: 'Amount' },
  quoteGiven: { fr: 'Devis remis', en: 'Quote given' },
  'thirdPartyPayment.amo': { fr: 'Tiers payant AMO', en: 'Third-party payment (AMO)' },
  'thirdPartyPayment.amc': { fr: 'Tiers payant AMC', en: 'Third-party payment (AMC)' },
  sector: { fr: 'Secteur', en: 'Sector' },
  iban: { fr: 'IBAN', en: 'IBAN' },
  bank: { fr: 'Banque', en: 'Bank' },
  drawer: { fr: 'Tireur', en: 'Drawer' },
  countedCents: { fr: 'Espèces comptées', en: 'Counted cash' },
  openingFloatCents: { fr: 'Fond de caisse', en: 'Opening float' },
  reason: { fr: 'Motif', en: 'Reason' },
  number: { fr: 'Numéro', en: 'Number' },
  date: { fr: 'Date', en: 'Date' },
  valid_from: { fr: 'Début de validité', en: 'Valid from' },
  valid_to: { fr: 'Fin de validité', en: 'Valid to' },
  amount_cents: { fr: 'Montant (centimes)', en: 'Amount (cents)' },
  label: { fr: 'Libellé', en: 'Label' },
  kind: { fr: 'Type', en: 'Kind' },
} satisfies FieldLabels;
