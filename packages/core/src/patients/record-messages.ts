import type { ErrorMessages } from '../errors/messages.ts';

// Messages of the patient record workflow (duplicates, merges, attachments, import).
export const patientRecordMessages = {
  possible_duplicates: {
    fr: 'Ce patient ressemble à un dossier existant. Vérifiez les dossiers proposés avant de créer.',
    en: 'This patient looks like an existing record. Check the proposed records before creating.',
    status: 409,
  },
  patient_merged: {
    fr: 'Ce dossier a été fusionné dans un autre dossier : travaillez sur le dossier conservé.',
    en: 'This record was merged into another one: work on the surviving record.',
    status: 409,
  },
  merge_same_patient: {
    fr: 'Un dossier ne peut pas être fusionné avec lui-même.',
    en: 'A record cannot be merged with itself.',
  },
  merge_already_undone: {
    fr: 'Cette fusion a déjà été annulée.',
    en: 'This merge was already undone.',
    status: 409,
  },
  file_too_large: {
    fr: 'Le fichier dépasse la taille autorisée ({max} Mo).',
    en: 'The file exceeds the allowed size ({max} MB).',
    status: 413,
  },
  file_type_mismatch: {
    fr: 'Le contenu du fichier ne correspond pas à son nom (attendu : PDF, JPEG, PNG ou TIFF).',
    en: 'The file content does not match its name (expected: PDF, JPEG, PNG or TIFF).',
    status: 415,
  },
  file_missing: { fr: 'Aucun fichier n’a été joint.', en: 'No file was attached.' },
  classification_unknown: {
    fr: 'Ce classement n’existe pas dans le plan de classement.',
    en: 'This classification is not in the classification plan.',
  },
  csv_unreadable: {
    fr: 'Le fichier CSV est illisible : {detail}',
    en: 'The CSV file cannot be read: {detail}',
  },
} satisfies ErrorMessages;
