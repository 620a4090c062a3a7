import type { ComponentType } from 'react';
import { AgendaArea } from '../agenda/index.ts';
import { BillingArea } from '../billing/index.ts';
import { DocumentsArea } from '../documents/index.ts';
import { MailArea } from '../mail/index.ts';
import { PatientsArea } from '../patients/index.ts';
import { ReceptionArea } from '../reception/index.ts';

/** Areas that have their own pages; the others show what is coming. */
export const areaPages: Record<string, ComponentType> = {
  agenda: AgendaArea,
  patients: PatientsArea,
  documents: DocumentsArea,
  mail: MailArea,
  billing: BillingArea,
  reception: ReceptionArea,
};
