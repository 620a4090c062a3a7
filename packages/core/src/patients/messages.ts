import type { ErrorMessages, FieldLabels } from '../errors/messages.ts';

export const patientsMessages = {
  phone_invalid: { fr: 'Le numéro de téléphone est invalide.', en: 'The phone number is invalid.' },
  email_invalid: { fr: 'L’adresse e-mail est invalide.', en: 'The e-mail address is invalid.' },
  country_invalid: {
    fr: 'Le pays doit être un code ISO à deux lettres (FR, BE…).',
    en: 'The country must be a two-letter ISO code (FR, BE…).',
  },
  regime_code_invalid: { fr: 'Le code régime compte 2 chiffres.', en: 'The régime code has 2 digits.' },
  caisse_code_invalid: { fr: 'Le code caisse compte 3 chiffres.', en: 'The caisse code has 3 digits.' },
  centre_code_invalid: { fr: 'Le code centre compte 4 chiffres.', en: 'The centre code has 4 digits.' },
  period_end_before_start: {
    fr: 'La fin de validité précède son début.',
    en: 'The end of validity is before its start.',
  },
  complementary_organization_required: {
    fr: 'Indiquez l’organisme complémentaire.',
    en: 'Enter the complementary insurer.',
  },
  ald_label_required: {
    fr: 'Indiquez le libellé de l’ALD.',
    en: 'Enter the label of the long-term condition (ALD).',
  },
  minor_without_legal_representative: {
    fr: 'Patient mineur : renseignez le représentant légal.',
    en: 'Minor patient: enter the legal representative.',
  },
  value_invalid: {
    fr: 'La valeur du champ « {field} » n’est pas acceptée.',
    en: 'The value of “{field}” is not accepted.',
  },
} satisfies ErrorMessages;

export const patientsFieldLabels = {
  address: { fr: 'Adresse', en: 'Address' },
  addressLine1: { fr: 'Adresse', en: 'Address' },
  addressLine2: { fr: 'Complément d’adresse', en: 'Address line 2' },
  postalCode: { fr: 'Code postal', en: 'Postal code' },
  city: { fr: 'Ville', en: 'City' },
  country: { fr: 'Pays', en: 'Country' },
  phones: { fr: 'Téléphones', en: 'Phones' },
  mobilePhone: { fr: 'Téléphone portable', en: 'Mobile phone' },
  homePhone: { fr: 'Téléphone fixe', en: 'Home phone' },
  email: { fr: 'E-mail', en: 'E-mail' },
  preferredLanguage: { fr: 'Langue préférée', en: 'Preferred language' },
  accessibilityNeeds: { fr: 'Besoins d’accessibilité', en: 'Accessibility needs' },
  contactConsent: { fr: 'Consentement aux rappels', en: 'Contact consent' },
  attendingPhysicianId: { fr: 'Médecin traitant', en: 'Attending physician' },
  trustedPerson: { fr: 'Personne de confiance', en: 'Trusted person' },
  personToNotify: { fr: 'Personne à prévenir', en: 'Person to notify' },
  legalRepresentative: { fr: 'Représentant légal', en: 'Legal representative' },
  beneficiaryNir: { fr: 'NIR de l’ouvrant droit', en: 'Beneficiary NIR' },
  beneficiaryRank: { fr: 'Rang du bénéficiaire', en: 'Beneficiary rank' },
  regimeCode: { fr: 'Code régime', en: 'Régime code' },
  caisseCode: { fr: 'Code caisse', en: 'Caisse code' },
  centreCode: { fr: 'Code centre', en: 'Centre code' },
  validFrom: { fr: 'Début de validité', en: 'Valid from' },
  validTo: { fr: 'Fin de validité', en: 'Valid to' },
  organizationName: { fr: 'Organisme complémentaire', en: 'Complementary insurer' },
  contractNumber: { fr: 'N° de contrat', en: 'Contract number' },
  thirdPartyPayment: { fr: 'Tiers payant', en: 'Third-party payment' },
  aldLabel: { fr: 'Libellé ALD', en: 'ALD label' },
  startDate: { fr: 'Date de début', en: 'Start date' },
  endDate: { fr: 'Date de fin', en: 'End date' },
} satisfies FieldLabels;
