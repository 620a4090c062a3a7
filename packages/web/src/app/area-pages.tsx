import type { ComponentType } from 'react';
import { AgendaArea } from '../agenda/AgendaArea.tsx';
import { BillingArea } from '../billing/BillingArea.tsx';
import { DocumentsArea } from '../documents/DocumentsArea.tsx';
import { MailArea } from '../mail/MailArea.tsx';
import { PatientsArea } from '../patients/PatientsArea.tsx';
import { ReceptionArea } from '../reception/ReceptionArea.tsx';

/** Areas that have their own pages; the others show what is coming. */
export const areaPages: Record<string, ComponentType> = {
  agenda: AgendaArea,
  patients: PatientsArea,
  documents: DocumentsArea,
  mail: MailArea,
  billing: BillingArea,
  reception: ReceptionArea,
};
