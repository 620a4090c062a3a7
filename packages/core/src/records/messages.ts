import type { ErrorMessages, FieldLabels } from '../errors/messages.ts';

export const recordsMessages = {
  retention_date_invalid: {
    fr: 'Date incohérente pour le calcul de la durée de conservation : « {field} ».',
    en: 'Inconsistent date for the retention period: “{field}”.',
  },
  access_date_invalid: { fr: 'Date invalide : « {field} ».', en: 'Invalid date: “{field}”.' },
  access_not_entitled: {
    fr: 'Le demandeur n’est pas habilité à obtenir ce dossier ({reasons}).',
    en: 'The requester is not entitled to obtain this record ({reasons}).',
  },
  confidentiality_level_forbidden: {
    fr: 'Votre rôle ne permet pas de donner le niveau de confidentialité « {level} ».',
    en: 'Your role cannot set confidentiality level “{level}”.',
  },
  break_glass_reason_required: {
    fr: 'Indiquez le motif de l’accès d’urgence (au moins 10 caractères) : il est tracé et montré aux praticiens du patient.',
    en: 'Give the reason for the emergency access (at least 10 characters): it is traced and shown to the patient’s practitioners.',
  },
  break_glass_required: {
    fr: 'Votre rôle ne donne pas accès au dossier médical : en cas d’urgence, ouvrez un accès d’urgence (bris de glace) en indiquant le motif.',
    en: 'Your role gives no access to the medical record: in an emergency, open an emergency access (break-glass) giving the reason.',
    status: 403,
  },
  break_glass_reason_too_long: {
    fr: 'Le motif de l’accès d’urgence ne doit pas dépasser 500 caractères.',
    en: 'The reason for the emergency access must not exceed 500 characters.',
  },
  record_item_user_unknown: {
    fr: 'Une des personnes nommées sur la pièce n’est pas un compte actif de la structure.',
    en: 'One of the people named on the item is not an active account of the organization.',
  },
  classification_code_invalid: {
    fr: 'Le code de classement « {code} » doit compter 2 à 40 minuscules, chiffres ou _.',
    en: 'Classification code “{code}” must have 2 to 40 lower-case letters, digits or _.',
  },
  classification_code_duplicate: {
    fr: 'Le code de classement « {code} » est en double.',
    en: 'Classification code “{code}” is duplicated.',
  },
  classification_parent_unknown: {
    fr: 'La rubrique parente « {code} » n’existe pas.',
    en: 'Parent category “{code}” does not exist.',
  },
  classification_cycle: {
    fr: 'La rubrique « {code} » ne peut pas être sa propre parente.',
    en: 'Category “{code}” cannot be its own parent.',
  },
} satisfies ErrorMessages;

export const recordsFieldLabels = {
  lastVisitDate: { fr: 'Date de la dernière venue', en: 'Last visit date' },
  deathDate: { fr: 'Date du décès', en: 'Date of death' },
  claims: { fr: 'Recours', en: 'Claims' },
  receivedAt: { fr: 'Date de réception', en: 'Date received' },
  level: { fr: 'Niveau de confidentialité', en: 'Confidentiality level' },
  reason: { fr: 'Motif', en: 'Reason' },
  allowedUserIds: { fr: 'Personnes autorisées', en: 'Authorised people' },
  parentCode: { fr: 'Rubrique parente', en: 'Parent category' },
} satisfies FieldLabels;
