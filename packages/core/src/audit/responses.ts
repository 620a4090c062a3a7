import { z } from 'zod';
import { instantView } from '../calendar/index.ts';

// What the audit log's route answers, declared from what its repository returns: the server
// serializes through it (an undeclared field is stripped), the web is typed by it.

/** One entry of the audit log: who did what to which entity, about which patients, from where. */
export const auditEntryView = z.object({
  id: z.number(),
  at: instantView,
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  patientId: z.string().nullable(),
  /** The patients a list read showed (empty for a single-record entry). */
  patientIds: z.array(z.string()),
  ip: z.string(),
  /** Which fields changed, counts, reasons: never the patient data itself. */
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntryView = z.input<typeof auditEntryView>;
