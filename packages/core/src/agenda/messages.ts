import type { ErrorMessages, FieldLabels } from '../errors/messages.ts';

export const agendaMessages = {
  invalid_date: { fr: 'La date « {value} » n’existe pas.', en: 'The date “{value}” does not exist.' },
  invalid_time: {
    fr: 'L’heure « {value} » est invalide (HH:MM).',
    en: 'The time “{value}” is invalid (HH:MM).',
  },
  invalid_instant: { fr: 'La date et l’heure sont invalides.', en: 'The date and time are invalid.' },
  instant_without_offset: {
    fr: 'La date et l’heure doivent préciser le fuseau (Z ou ±hh:mm).',
    en: 'The date and time must state their offset (Z or ±hh:mm).',
  },
  nonexistent_local_time: {
    fr: 'Le {date} à {time} n’existe pas : les horloges passent à l’heure d’été. Choisissez une autre heure.',
    en: '{time} on {date} does not exist: clocks go forward to summer time. Choose another time.',
  },
  ambiguous_local_time: {
    fr: 'Le {date} à {time} a lieu deux fois (passage à l’heure d’hiver) : précisez laquelle.',
    en: '{time} on {date} happens twice (clocks go back): say which one.',
  },
  end_before_start: { fr: 'La fin doit être après le début.', en: 'The end must be after the start.' },
  opening_ranges_overlap: {
    fr: 'Les plages horaires d’une même journée se chevauchent.',
    en: 'The opening ranges of one day overlap.',
  },
  outside_opening_hours: {
    fr: 'Ce rendez-vous est en dehors des plages horaires. Pour le forcer, indiquez un motif de dérogation.',
    en: 'This appointment is outside opening hours. To force it, give a reason for the override.',
  },
  override_reason_required: {
    fr: 'Une dérogation aux plages horaires exige un motif.',
    en: 'An override of opening hours requires a reason.',
  },
  practitioner_absent: {
    fr: 'Le praticien est absent à cette heure (congé, maladie ou formation). Pour le forcer, indiquez un motif de dérogation.',
    en: 'The practitioner is absent at that time (holiday, sickness or training). To force it, give a reason for the override.',
  },
  appointment_type_inactive: {
    fr: 'Ce motif de rendez-vous n’est plus proposé.',
    en: 'This appointment type is no longer offered.',
  },
  practitioner_not_eligible: {
    fr: 'Ce praticien ne prend pas ce motif de rendez-vous.',
    en: 'This practitioner does not take this appointment type.',
  },
  new_patients_not_allowed: {
    fr: 'Ce motif n’est pas ouvert aux nouveaux patients.',
    en: 'This appointment type is not open to new patients.',
  },
  invalid_transition: {
    fr: 'Impossible de passer du statut « {from} » au statut « {to} ».',
    en: 'Cannot go from status “{from}” to “{to}”.',
    status: 409,
  },
  already_in_status: {
    fr: 'Ce rendez-vous est déjà au statut « {status} » (peut-être par un autre poste).',
    en: 'This appointment is already “{status}” (perhaps from another desk).',
    status: 409,
  },
  reason_required: { fr: 'Indiquez un motif.', en: 'Give a reason.' },
  author_required: {
    fr: 'L’auteur de l’action est obligatoire.',
    en: 'The author of the action is required.',
  },
  invalid_duration: { fr: 'La durée doit être positive.', en: 'The duration must be positive.' },
  invalid_step: { fr: 'Le pas des créneaux doit être positif.', en: 'The slot step must be positive.' },
  no_room_of_required_kind: {
    fr: 'Aucune salle du type « {kind} » n’existe pour ce motif.',
    en: 'No room of kind “{kind}” exists for this appointment type.',
  },
  no_equipment_of_required_kind: {
    fr: 'Aucun équipement du type « {kind} » n’existe pour ce motif.',
    en: 'No equipment of kind “{kind}” exists for this appointment type.',
  },
  absence_overlap: {
    fr: 'Cette absence chevauche une autre absence de la même personne.',
    en: 'This absence overlaps another absence of the same person.',
    status: 409,
  },
  no_working_weekday: { fr: 'Aucun jour ouvré n’est défini.', en: 'No working weekday is defined.' },
  duplicate_attendee: {
    fr: 'Un participant figure deux fois dans la liste.',
    en: 'An attendee appears twice in the list.',
  },
  not_meeting_organizer: {
    fr: 'Seul l’organisateur de la réunion ou un administrateur peut la modifier ou l’annuler.',
    en: 'Only the organizer of the meeting or an administrator can change or cancel it.',
    status: 403,
  },
  meeting_cancelled: {
    fr: 'Cette réunion est annulée : elle ne peut plus être modifiée.',
    en: 'This meeting is cancelled: it can no longer be changed.',
    status: 409,
  },
  meeting_over: {
    fr: 'Cette réunion est terminée : elle ne peut plus être modifiée ni annulée.',
    en: 'This meeting is over: it can no longer be changed or cancelled.',
    status: 409,
  },
  ics_unreadable: {
    fr: 'Ce fichier n’est pas un calendrier iCalendar (.ics) lisible : {{detail}}',
    en: 'This file is not a readable iCalendar (.ics) calendar: {{detail}}',
  },
  ics_without_events: {
    fr: 'Ce calendrier ne contient aucun événement.',
    en: 'This calendar holds no event.',
  },
  patient_without_email: {
    fr: 'Ce patient n’a pas d’adresse e-mail : imprimez la convocation ou complétez son dossier.',
    en: 'This patient has no e-mail address: print the notice or complete the record.',
  },
  notice_pending: {
    fr: 'Cet envoi est déjà en attente : il partira au prochain passage.',
    en: 'This message is already waiting: it will go out on the next run.',
    status: 409,
  },
  notice_withdrawn: {
    fr: 'Cet envoi a été retiré (rendez-vous annulé ou déplacé, réunion modifiée) : sa version à jour est dans la file.',
    en: 'This message was withdrawn (appointment cancelled or moved, meeting changed): its current version is queued.',
    status: 409,
  },
  slot_taken: {
    fr: 'Ce créneau vient d’être pris (praticien, salle ou équipement déjà réservé à cette heure). Choisissez un autre créneau.',
    en: 'This slot has just been taken (practitioner, room or equipment already booked at that time). Choose another slot.',
    status: 409,
  },
  no_room_free: {
    fr: 'Aucune salle du type requis n’est libre à cette heure.',
    en: 'No room of the required kind is free at that time.',
    status: 409,
  },
  no_equipment_free: {
    fr: 'Aucun équipement du type requis n’est libre à cette heure.',
    en: 'No equipment of the required kind is free at that time.',
    status: 409,
  },
  appointment_not_active: {
    fr: 'Ce rendez-vous est annulé ou terminé : il ne peut plus être déplacé.',
    en: 'This appointment is cancelled or over: it can no longer be moved.',
    status: 409,
  },
  appointment_too_long: {
    fr: 'Un rendez-vous ne peut pas durer plus de 24 heures.',
    en: 'An appointment cannot last more than 24 hours.',
  },
  practitioner_inactive: {
    fr: 'Ce praticien n’exerce plus dans la structure.',
    en: 'This practitioner no longer works in the practice.',
  },
  show_names_own_feed_only: {
    fr: 'Seul le praticien lui-même peut choisir d’afficher les noms des patients dans son agenda partagé.',
    en: 'Only the practitioner may choose to show patient names in their calendar feed.',
    status: 403,
  },
} satisfies ErrorMessages;

export const agendaFieldLabels = {
  start: { fr: 'Début', en: 'Start' },
  end: { fr: 'Fin', en: 'End' },
  date: { fr: 'Date', en: 'Date' },
  ranges: { fr: 'Plages horaires', en: 'Opening ranges' },
  validFrom: { fr: 'Valable à partir du', en: 'Valid from' },
  validTo: { fr: 'Valable jusqu’au', en: 'Valid until' },
  practitionerId: { fr: 'Praticien', en: 'Practitioner' },
  preferredPractitionerId: { fr: 'Praticien souhaité', en: 'Preferred practitioner' },
  patientId: { fr: 'Patient', en: 'Patient' },
  appointmentTypeId: { fr: 'Motif de rendez-vous', en: 'Appointment type' },
  roomId: { fr: 'Salle', en: 'Room' },
  durationMinutes: { fr: 'Durée (minutes)', en: 'Duration (minutes)' },
  stepMinutes: { fr: 'Pas des créneaux (minutes)', en: 'Slot step (minutes)' },
  colour: { fr: 'Couleur', en: 'Colour' },
  overrideReason: { fr: 'Motif de dérogation', en: 'Override reason' },
  reason: { fr: 'Motif', en: 'Reason' },
  authorId: { fr: 'Auteur', en: 'Author' },
  status: { fr: 'Statut', en: 'Status' },
  fromDate: { fr: 'Du', en: 'From' },
  toDate: { fr: 'Au', en: 'To' },
  latestDate: { fr: 'Au plus tard le', en: 'Latest date' },
  workingWeekdays: { fr: 'Jours ouvrés', en: 'Working days' },
  attendees: { fr: 'Participants', en: 'Attendees' },
  agenda: { fr: 'Ordre du jour', en: 'Agenda' },
  ics: { fr: 'Fichier .ics', en: '.ics file' },
  kind: { fr: 'Type', en: 'Kind' },
  equipmentIds: { fr: 'Équipements', en: 'Equipment' },
  personId: { fr: 'Personne absente', en: 'Absent person' },
  resourceId: { fr: 'Ressource', en: 'Resource' },
  label: { fr: 'Libellé', en: 'Label' },
  eligiblePractitionerIds: { fr: 'Praticiens', en: 'Practitioners' },
  title: { fr: 'Titre', en: 'Title' },
} satisfies FieldLabels;
