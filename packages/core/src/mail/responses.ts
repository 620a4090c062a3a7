import { z } from 'zod';
import {
  incomingMailKinds,
  incomingMailStatuses,
  outgoingChannels,
  outgoingMailStatuses,
} from './mail-register.ts';

// What the mail routes answer. Plain strings where the input schemas carry limits: an answer is
// what the register holds, not what a form may send.

const party = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('directory'), correspondentId: z.string(), displayName: z.string() }),
  z.object({ kind: z.literal('free_text'), name: z.string() }),
]);

export const mailAssigneeView = z.object({ id: z.string(), displayName: z.string(), role: z.string() });
export type MailAssigneeView = z.infer<typeof mailAssigneeView>;

/** The linked patient as a register row shows it: name and date of birth, to tell namesakes apart. */
export const mailPatientView = z.object({
  id: z.string(),
  birthName: z.string(),
  usedName: z.string(),
  firstGivenName: z.string(),
  birthDate: z.string(),
});
export type MailPatientView = z.infer<typeof mailPatientView>;

export const incomingMailView = z.object({
  id: z.string(),
  receivedOn: z.string(),
  sender: party,
  kind: z.enum(incomingMailKinds),
  subject: z.string(),
  patientId: z.string().nullable(),
  scanFileId: z.string().nullable(),
  assigneeId: z.string().nullable(),
  annotations: z.array(z.object({ authorId: z.string(), at: z.string(), text: z.string() })),
  dueDate: z.string().nullable(),
  status: z.enum(incomingMailStatuses),
  filedAttachmentId: z.string().nullable(),
  version: z.number().int(),
});
export type IncomingMailView = z.infer<typeof incomingMailView>;

/** A row of the incoming register or of a tray, with its linked patient. */
export const incomingMailRow = incomingMailView.extend({ patient: mailPatientView.nullable() });
export type IncomingMailRow = z.infer<typeof incomingMailRow>;

const trayCounter = z.object({
  toProcess: z.number().int(),
  inProgress: z.number().int(),
  overdue: z.number().int(),
  open: z.number().int(),
});

export const mailTrayView = z.object({
  assigneeId: z.string(),
  counter: trayCounter,
  unassigned: trayCounter,
  byAssignee: z.record(z.string(), trayCounter),
  items: z.array(incomingMailRow),
});
export type MailTrayView = z.infer<typeof mailTrayView>;

export const outgoingMailView = z.object({
  id: z.string(),
  recipient: party,
  channel: z.enum(outgoingChannels),
  subject: z.string(),
  patientId: z.string().nullable(),
  documentId: z.string().nullable(),
  trackingNumber: z.string().nullable(),
  status: z.enum(outgoingMailStatuses),
  sentOn: z.string().nullable(),
  version: z.number().int(),
});
export type OutgoingMailView = z.infer<typeof outgoingMailView>;

export const outgoingMailRow = outgoingMailView.extend({ patient: mailPatientView.nullable() });
export type OutgoingMailRow = z.infer<typeof outgoingMailRow>;
