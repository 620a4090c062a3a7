import type { ErrorMessages, FieldLabels } from '../errors/messages.ts';

export const documentsMessages = {
  unknown_merge_field: {
    fr: 'Le champ de fusion « {name} » n’existe pas : choisissez-le dans la liste des champs.',
    en: 'Merge field “{name}” does not exist: pick it from the list of fields.',
  },
  merge_field_unclosed: {
    fr: 'Un champ de fusion n’est pas fermé : « {name} ». Écrivez-le sous la forme {{patient.birthName}}.',
    en: 'A merge field is not closed: “{name}”. Write it as {{patient.birthName}}.',
  },
  template_not_a_document: {
    fr: 'Le contenu du modèle n’est pas un document de l’éditeur.',
    en: 'The template content is not an editor document.',
  },
  age_date_invalid: {
    fr: 'L’âge ne peut être calculé : date de naissance invalide ou postérieure à la date du document.',
    en: 'The age cannot be computed: the birth date is invalid or after the document date.',
  },
  validation_requires_practitioner: {
    fr: 'Seul un praticien peut valider et signer ce document ; le secrétariat le prépare et le soumet.',
    en: 'Only a practitioner can validate and sign this document; the secretariat prepares and submits it.',
    status: 403,
  },
  validation_by_other_practitioner: {
    fr: 'Ce document doit être validé par le praticien qui le signe.',
    en: 'This document must be validated by the practitioner who signs it.',
    status: 403,
  },
  document_immutable: {
    fr: 'Un document validé ne peut plus être modifié : créez une nouvelle version.',
    en: 'A validated document can no longer be changed: create a new version.',
    status: 409,
  },
  document_superseded: {
    fr: 'Cette version a été remplacée par une version plus récente.',
    en: 'This version has been superseded by a newer one.',
    status: 409,
  },
  document_not_validated: {
    fr: 'Seul un document validé se corrige par une nouvelle version ; un brouillon se modifie directement.',
    en: 'Only a validated document is corrected by a new version; a draft is edited directly.',
  },
  document_transition_not_allowed: {
    fr: 'Action impossible sur un document à l’état « {from} ».',
    en: 'This action is not possible on a document in status “{from}”.',
    status: 409,
  },
  document_patient_mismatch: {
    fr: 'Ce document n’appartient pas à ce patient.',
    en: 'This document does not belong to this patient.',
  },
  patient_merged: {
    fr: 'Ce dossier patient a été fusionné dans un autre : travaillez sur le dossier conservé.',
    en: 'This patient record was merged into another one: work on the record kept.',
    status: 409,
  },
  mandatory_mentions_missing: {
    fr: 'Mentions obligatoires manquantes ({count}) : complétez le document avant de le valider.',
    en: 'Missing mandatory mentions ({count}): complete the document before validating it.',
  },
  confidential_terms_unconfirmed: {
    fr: '{count} terme(s) médical(aux) destiné(s) à un destinataire non soignant doivent être confirmés ou retirés.',
    en: '{count} medical term(s) addressed to a non-health recipient must be confirmed or removed.',
  },
  recipients_missing: {
    fr: 'Choisissez au moins un destinataire ou une liste de diffusion.',
    en: 'Choose at least one recipient or distribution list.',
  },
  distribution_list_unknown: {
    fr: 'Cette liste de diffusion n’existe pas (ou plus) dans le répertoire.',
    en: 'This distribution list does not exist (any more) in the directory.',
  },
  distribution_list_empty: {
    fr: 'La liste de diffusion « {name} » n’a aucun membre actif : ajoutez-en dans le répertoire ou choisissez les destinataires.',
    en: 'Distribution list “{name}” has no active member: add some in the directory or choose the recipients.',
  },
  snippet_shortcut_invalid: {
    fr: 'Le raccourci doit compter 2 à 30 lettres ou chiffres, sans espace (il peut commencer par . / ou #).',
    en: 'The shortcut must have 2 to 30 letters or digits, no space (it may start with . / or #).',
  },
  snippet_shortcut_taken: {
    fr: 'Le raccourci « {shortcut} » est déjà utilisé.',
    en: 'Shortcut “{shortcut}” is already in use.',
    status: 409,
  },
  recipient_address_missing: {
    fr: 'Le destinataire « {name} » n’a pas d’adresse pour ce mode d’envoi.',
    en: 'Recipient “{name}” has no address for this sending channel.',
  },
} satisfies ErrorMessages;

export const documentsFieldLabels = {
  content: { fr: 'Contenu', en: 'Content' },
  kind: { fr: 'Type de document', en: 'Document kind' },
  patientId: { fr: 'Patient', en: 'Patient' },
  practitionerId: { fr: 'Praticien', en: 'Practitioner' },
  templateId: { fr: 'Modèle', en: 'Template' },
  language: { fr: 'Langue', en: 'Language' },
  documentDate: { fr: 'Date du document', en: 'Document date' },
  shortcut: { fr: 'Raccourci', en: 'Shortcut' },
  text: { fr: 'Texte', en: 'Text' },
  recipients: { fr: 'Destinataires', en: 'Recipients' },
  confirmedTerms: { fr: 'Termes confirmés', en: 'Confirmed terms' },
  distributionListIds: { fr: 'Listes de diffusion', en: 'Distribution lists' },
} satisfies FieldLabels;
