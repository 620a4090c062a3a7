import type { ErrorMessages, FieldLabels } from '../errors/messages.ts';

export const receptionMessages = {
  appointment_cancelled: {
    fr: 'Ce rendez-vous est annulé : l’arrivée ne peut pas être enregistrée. Ajoutez le patient sans rendez-vous.',
    en: 'This appointment is cancelled: the arrival cannot be recorded. Add the patient as a walk-in.',
    status: 409,
  },
  arrival_not_today: {
    fr: 'Ce rendez-vous n’est pas aujourd’hui : l’arrivée ne peut pas être enregistrée.',
    en: 'This appointment is not today: the arrival cannot be recorded.',
    status: 409,
  },
  triage_protocol_exists: {
    fr: 'Un protocole porte déjà cet identifiant.',
    en: 'A protocol already has this identifier.',
    status: 409,
  },
  triage_protocol_id_changed: {
    fr: 'L’identifiant d’un protocole ne peut pas changer.',
    en: 'A protocol’s identifier cannot change.',
  },
  incident_closed: {
    fr: 'Cet incident est clos : il ne peut plus être modifié.',
    en: 'This incident is closed: it can no longer be changed.',
    status: 409,
  },
  patient_email_missing: {
    fr: 'Le patient n’a pas d’adresse e-mail : saisissez-en une ou imprimez la fiche.',
    en: 'The patient has no e-mail address: enter one or print the sheet.',
    status: 409,
  },
  recipient_required: {
    fr: 'Indiquez le destinataire du message.',
    en: 'Say who the message is for.',
  },
  invalid_phone: {
    fr: 'Ce numéro de téléphone n’est pas valide (numéro français ou international avec indicatif +).',
    en: 'This phone number is not valid (French number, or international with a + prefix).',
  },
  transfer_target_required: {
    fr: 'Indiquez à qui l’appel a été transféré.',
    en: 'Say whom the call was transferred to.',
  },
  already_arrived: {
    fr: 'L’arrivée de ce patient est déjà enregistrée (peut-être par un autre poste).',
    en: 'This patient’s arrival is already recorded (perhaps from another desk).',
    status: 409,
  },
  visit_not_found: {
    fr: 'Ce passage n’est pas dans la salle d’attente du jour.',
    en: 'This visit is not in today’s waiting room.',
    status: 404,
  },
  room_other_site: {
    fr: 'Cette salle est sur un autre site que celui du rendez-vous : choisissez une salle du site.',
    en: 'This room is on another site than the appointment’s: pick a room of the site.',
  },
  room_inactive: {
    fr: 'Cette salle n’est plus en service : choisissez-en une autre.',
    en: 'This room is no longer in use: pick another one.',
  },
  triage_unknown_answer: {
    fr: 'Réponse inconnue pour la question « {field} » du protocole.',
    en: 'Unknown answer to question “{field}” of the protocol.',
  },
  triage_duplicate_id: {
    fr: 'Deux questions ou deux réponses du protocole ont le même identifiant.',
    en: 'Two questions or two answers of the protocol have the same identifier.',
  },
  triage_path_level_mismatch: {
    fr: 'L’appel au 15 est réservé au niveau « vital », et le niveau « vital » mène toujours au 15.',
    en: 'Calling 15 is for the “vital” level only, and the “vital” level always means calling 15.',
  },
  incident_unknown_step: {
    fr: 'L’étape « {step} » ne fait pas partie de cette procédure.',
    en: 'Step “{step}” is not part of this procedure.',
  },
  incident_steps_missing: {
    fr: 'Étapes obligatoires non cochées : {steps}.',
    en: 'Mandatory steps not ticked: {steps}.',
    status: 409,
  },
} satisfies ErrorMessages;

export const receptionFieldLabels = {
  recipientId: { fr: 'Destinataire', en: 'Recipient' },
  callbackNumber: { fr: 'Numéro de rappel', en: 'Callback number' },
  callerName: { fr: 'Appelant', en: 'Caller' },
  content: { fr: 'Message', en: 'Message' },
  urgency: { fr: 'Degré d’urgence', en: 'Urgency' },
  dueAt: { fr: 'À traiter avant', en: 'Due by' },
  transferredTo: { fr: 'Transféré à', en: 'Transferred to' },
  reasonCategory: { fr: 'Motif de l’appel', en: 'Reason for the call' },
  outcome: { fr: 'Suite donnée', en: 'Outcome' },
  visitId: { fr: 'Passage', en: 'Visit' },
  stage: { fr: 'Étape', en: 'Stage' },
  completedStepIds: { fr: 'Étapes réalisées', en: 'Steps done' },
} satisfies FieldLabels;
