import { DomainError } from '../errors/domain-error.ts';

/** A sender or recipient: a correspondent of the directory, or a name typed freely. */
export type MailParty =
  | { kind: 'directory'; correspondentId: string; displayName: string }
  | { kind: 'free_text'; name: string };

export const incomingMailKinds = [
  'letter',
  'lab_result',
  'imaging_result',
  'report',
  'administrative',
  'invoice',
  'advertising',
  'other',
] as const;
export type IncomingMailKind = (typeof incomingMailKinds)[number];

export const incomingMailKindLabels: Record<IncomingMailKind, { fr: string; en: string }> = {
  letter: { fr: 'Courrier médical', en: 'Medical letter' },
  lab_result: { fr: 'Résultat de biologie', en: 'Laboratory result' },
  imaging_result: { fr: 'Résultat d’imagerie', en: 'Imaging result' },
  report: { fr: 'Compte rendu', en: 'Report' },
  administrative: { fr: 'Administratif', en: 'Administrative' },
  invoice: { fr: 'Facture', en: 'Invoice' },
  advertising: { fr: 'Publicité', en: 'Advertising' },
  other: { fr: 'Autre', en: 'Other' },
};

export const incomingMailStatuses = ['to_process', 'in_progress', 'done', 'archived'] as const;
export type IncomingMailStatus = (typeof incomingMailStatuses)[number];

export const incomingMailStatusLabels: Record<IncomingMailStatus, { fr: string; en: string }> = {
  to_process: { fr: 'À traiter', en: 'To process' },
  in_progress: { fr: 'En cours', en: 'In progress' },
  done: { fr: 'Traité', en: 'Done' },
  archived: { fr: 'Archivé', en: 'Archived' },
};

const incomingTransitions: Record<IncomingMailStatus, readonly IncomingMailStatus[]> = {
  to_process: ['in_progress', 'done'],
  in_progress: ['to_process', 'done'],
  done: ['in_progress', 'archived'],
  archived: [],
};

export interface MailAnnotation {
  authorId: string;
  at: string;
  text: string;
}

export interface IncomingMail {
  id: string;
  receivedOn: string;
  sender: MailParty;
  kind: IncomingMailKind;
  subject: string;
  patientId: string | null;
  /** Reference of the scanned file in the file store. */
  scanFileId: string | null;
  /** The practitioner or colleague whose tray holds it. */
  assigneeId: string | null;
  annotations: MailAnnotation[];
  dueDate: string | null;
  status: IncomingMailStatus;
  /** The record attachment created when the scan was filed into the patient record. */
  filedAttachmentId: string | null;
}

export function allowedIncomingTransitions(status: IncomingMailStatus): readonly IncomingMailStatus[] {
  return incomingTransitions[status];
}

export function newIncomingMail(
  input: Omit<IncomingMail, 'status' | 'annotations' | 'filedAttachmentId'> & {
    annotations?: MailAnnotation[];
  },
): IncomingMail {
  if (input.dueDate !== null && input.dueDate < input.receivedOn) {
    throw new DomainError('mail_due_before_received', { field: 'dueDate' });
  }
  return { ...input, annotations: input.annotations ?? [], status: 'to_process', filedAttachmentId: null };
}

function assertNotArchived(mail: IncomingMail): void {
  if (mail.status === 'archived') throw new DomainError('mail_archived');
}

export function changeIncomingStatus(mail: IncomingMail, to: IncomingMailStatus): IncomingMail {
  if (!incomingTransitions[mail.status].includes(to)) {
    throw new DomainError('mail_transition_not_allowed', {
      field: 'status',
      params: { from: mail.status, to },
    });
  }
  return { ...mail, status: to };
}

export function assignMail(mail: IncomingMail, assigneeId: string | null): IncomingMail {
  assertNotArchived(mail);
  return { ...mail, assigneeId };
}

export function annotateMail(mail: IncomingMail, annotation: MailAnnotation): IncomingMail {
  assertNotArchived(mail);
  const text = annotation.text.trim();
  if (text === '') throw new DomainError('required', { field: 'text' });
  return { ...mail, annotations: [...mail.annotations, { ...annotation, text }] };
}

export function linkMailToPatient(mail: IncomingMail, patientId: string | null): IncomingMail {
  assertNotArchived(mail);
  return { ...mail, patientId };
}

/**
 * Files the scan into the patient record in one action: links the patient, records the
 * attachment created and marks the mail done.
 */
export function fileScanIntoRecord(
  mail: IncomingMail,
  input: { patientId: string; attachmentId: string },
): IncomingMail {
  assertNotArchived(mail);
  if (mail.scanFileId === null) throw new DomainError('mail_scan_missing', { field: 'scanFileId' });
  if (mail.filedAttachmentId !== null) throw new DomainError('mail_already_filed');
  const done = mail.status === 'done' ? mail : changeIncomingStatus(mail, 'done');
  return { ...done, patientId: input.patientId, filedAttachmentId: input.attachmentId };
}

const openStatuses: readonly IncomingMailStatus[] = ['to_process', 'in_progress'];

export function isOpenMail(mail: IncomingMail): boolean {
  return openStatuses.includes(mail.status);
}

/** Still open after its due date (ISO dates, Paris calendar day passed in). */
export function isOverdue(mail: IncomingMail, today: string): boolean {
  return isOpenMail(mail) && mail.dueDate !== null && mail.dueDate < today;
}

export interface TrayCounter {
  toProcess: number;
  inProgress: number;
  overdue: number;
  open: number;
}

/** Counters per assignee for the trays; unassigned mail is counted under `unassigned`. */
export function trayCounters(
  mails: readonly IncomingMail[],
  today: string,
): { byAssignee: Record<string, TrayCounter>; unassigned: TrayCounter } {
  const empty = (): TrayCounter => ({ toProcess: 0, inProgress: 0, overdue: 0, open: 0 });
  const byAssignee: Record<string, TrayCounter> = {};
  const unassigned = empty();
  for (const mail of mails) {
    if (!isOpenMail(mail)) continue;
    if (mail.assigneeId !== null && !byAssignee[mail.assigneeId]) byAssignee[mail.assigneeId] = empty();
    const counter = mail.assigneeId === null ? unassigned : byAssignee[mail.assigneeId]!;
    counter.open++;
    if (mail.status === 'to_process') counter.toProcess++;
    else counter.inProgress++;
    if (isOverdue(mail, today)) counter.overdue++;
  }
  return { byAssignee, unassigned };
}

/** One assignee's tray: open mail, overdue first, then by due date, then oldest received. */
export function trayOf(mails: readonly IncomingMail[], assigneeId: string, today: string): IncomingMail[] {
  const key = (m: IncomingMail) => m.dueDate ?? '9999-12-31';
  return mails
    .filter((m) => m.assigneeId === assigneeId && isOpenMail(m))
    .sort(
      (a, b) =>
        Number(isOverdue(b, today)) - Number(isOverdue(a, today)) ||
        key(a).localeCompare(key(b)) ||
        a.receivedOn.localeCompare(b.receivedOn) ||
        a.id.localeCompare(b.id),
    );
}

export const outgoingChannels = [
  'post',
  'registered_post',
  'email',
  'secure_messaging',
  'fax',
  'hand_delivered',
] as const;
export type OutgoingChannel = (typeof outgoingChannels)[number];

export const outgoingMailStatuses = ['to_send', 'sent', 'returned'] as const;
export type OutgoingMailStatus = (typeof outgoingMailStatuses)[number];

const outgoingTransitions: Record<OutgoingMailStatus, readonly OutgoingMailStatus[]> = {
  to_send: ['sent'],
  sent: ['returned'],
  returned: ['to_send'],
};

export interface OutgoingMail {
  id: string;
  recipient: MailParty;
  channel: OutgoingChannel;
  subject: string;
  patientId: string | null;
  /** The document sent, when it comes from the documents capability. */
  documentId: string | null;
  /** Tracking number of a registered letter. */
  trackingNumber: string | null;
  status: OutgoingMailStatus;
  sentOn: string | null;
}

export function newOutgoingMail(input: Omit<OutgoingMail, 'status' | 'sentOn'>): OutgoingMail {
  return { ...input, status: 'to_send', sentOn: null };
}

export function changeOutgoingStatus(mail: OutgoingMail, to: OutgoingMailStatus, on: string): OutgoingMail {
  if (!outgoingTransitions[mail.status].includes(to)) {
    throw new DomainError('mail_transition_not_allowed', {
      field: 'status',
      params: { from: mail.status, to },
    });
  }
  if (to === 'sent' && mail.channel === 'registered_post' && !mail.trackingNumber) {
    throw new DomainError('mail_tracking_number_required', { field: 'trackingNumber' });
  }
  return { ...mail, status: to, sentOn: to === 'sent' ? on : to === 'to_send' ? null : mail.sentOn };
}

export function mailPartyName(party: MailParty): string {
  return party.kind === 'directory' ? party.displayName : party.name;
}
