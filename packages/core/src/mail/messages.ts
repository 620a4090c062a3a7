import type { ErrorMessages, FieldLabels } from '../errors/messages.ts';

export const mailMessages = {
  mail_transition_not_allowed: {
    fr: 'Un courrier ne peut pas passer de « {from} » à « {to} ».',
    en: 'A mail item cannot go from “{from}” to “{to}”.',
    status: 409,
  },
  mail_archived: {
    fr: 'Ce courrier est archivé : il ne peut plus être modifié.',
    en: 'This mail item is archived: it can no longer be changed.',
    status: 409,
  },
  mail_scan_missing: {
    fr: 'Aucun document numérisé n’est joint à ce courrier.',
    en: 'No scanned document is attached to this mail item.',
  },
  mail_already_filed: {
    fr: 'Ce courrier a déjà été classé dans un dossier patient.',
    en: 'This mail item has already been filed into a patient record.',
    status: 409,
  },
  mail_due_before_received: {
    fr: 'L’échéance ne peut précéder la date de réception.',
    en: 'The due date cannot be before the date received.',
  },
  mail_tracking_number_required: {
    fr: 'Saisissez le numéro de suivi de la lettre recommandée.',
    en: 'Enter the tracking number of the registered letter.',
  },
} satisfies ErrorMessages;

export const mailFieldLabels = {
  receivedOn: { fr: 'Date de réception', en: 'Date received' },
  sender: { fr: 'Expéditeur', en: 'Sender' },
  recipient: { fr: 'Destinataire', en: 'Recipient' },
  subject: { fr: 'Objet', en: 'Subject' },
  scanFileId: { fr: 'Document numérisé', en: 'Scanned document' },
  assigneeId: { fr: 'Attribué à', en: 'Assigned to' },
  dueDate: { fr: 'Échéance', en: 'Due date' },
  status: { fr: 'Statut', en: 'Status' },
  channel: { fr: 'Mode d’envoi', en: 'Sending channel' },
  trackingNumber: { fr: 'N° de suivi', en: 'Tracking number' },
} satisfies FieldLabels;
