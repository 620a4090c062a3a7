import { z } from 'zod';
import { calendarDate, id, text, version } from '../input/schemas.ts';
import {
  incomingMailKinds,
  incomingMailStatuses,
  outgoingChannels,
  outgoingMailStatuses,
} from './mail-register.ts';

const isoDate = calendarDate;

export const mailPartySchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('directory'),
    correspondentId: id,
    displayName: text().trim().min(1).max(200),
  }),
  z.object({ kind: z.literal('free_text'), name: text().trim().min(1).max(200) }),
]);

export const incomingMailInput = z
  .object({
    receivedOn: isoDate,
    sender: mailPartySchema,
    kind: z.enum(incomingMailKinds),
    subject: text().trim().max(300).default(''),
    patientId: id.nullable().default(null),
    scanFileId: id.nullable().default(null),
    assigneeId: id.nullable().default(null),
    dueDate: isoDate.nullable().default(null),
  })
  .refine((m) => m.dueDate === null || m.dueDate >= m.receivedOn, {
    message: 'mail_due_before_received',
    path: ['dueDate'],
  });
export type IncomingMailInput = z.infer<typeof incomingMailInput>;

export const incomingMailUpdateInput = z.object({
  version,
  status: z.enum(incomingMailStatuses).optional(),
  assigneeId: id.nullable().optional(),
  patientId: id.nullable().optional(),
  dueDate: isoDate.nullable().optional(),
});

export const mailAnnotationInput = z.object({ text: text().trim().min(1).max(2000) });

export const fileScanInput = z.object({
  version,
  patientId: id,
  classificationCode: text().trim().min(2).max(40),
});

export const outgoingMailInput = z.object({
  recipient: mailPartySchema,
  channel: z.enum(outgoingChannels),
  subject: text().trim().max(300).default(''),
  patientId: id.nullable().default(null),
  documentId: id.nullable().default(null),
  trackingNumber: text().trim().max(40).nullable().default(null),
});
export type OutgoingMailInput = z.infer<typeof outgoingMailInput>;

export const outgoingMailStatusInput = z.object({
  version,
  status: z.enum(outgoingMailStatuses),
  on: isoDate,
});

export const mailRegisterFilter = z.object({
  statuses: z.array(z.enum(incomingMailStatuses)).optional(),
  assigneeId: id.optional(),
  patientId: id.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  overdueOnly: z.boolean().default(false),
});
