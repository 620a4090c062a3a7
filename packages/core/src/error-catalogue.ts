import { accountingFieldLabels, accountingMessages } from './accounting/messages.ts';
import { agendaFieldLabels, agendaMessages } from './agenda/messages.ts';
import { authFieldLabels, authMessages } from './auth/messages.ts';
import { billingFieldLabels, billingMessages } from './billing/messages.ts';
import { directoryFieldLabels, directoryMessages } from './directory/messages.ts';
import { documentsFieldLabels, documentsMessages } from './documents/messages.ts';
import {
  commonFieldLabels,
  commonMessages,
  type ErrorMessages,
  type FieldLabels,
  type Language,
} from './errors/messages.ts';
import { identityFieldLabels, identityMessages } from './identity/messages.ts';
import { inputMessages } from './input/messages.ts';
import { mailFieldLabels, mailMessages } from './mail/messages.ts';
import { patientsFieldLabels, patientsMessages } from './patients/messages.ts';
import { patientRecordMessages } from './patients/record-messages.ts';
import { receptionFieldLabels, receptionMessages } from './reception/messages.ts';
import { recordsFieldLabels, recordsMessages } from './records/messages.ts';

/**
 * Every error code of Pivot with its messages and HTTP status, and every field label: one
 * constant assembled from each capability's messages.ts, so that what a code says and which status
 * carries it do not depend on which modules happen to have been imported.
 */
const catalogue: ErrorMessages = {
  ...commonMessages,
  ...inputMessages,
  ...identityMessages,
  ...authMessages,
  ...patientsMessages,
  ...patientRecordMessages,
  ...recordsMessages,
  ...directoryMessages,
  ...agendaMessages,
  ...receptionMessages,
  ...mailMessages,
  ...documentsMessages,
  ...billingMessages,
  ...accountingMessages,
};

// Where two capabilities label the same field differently, the later one wins (the order the
// labels were registered in before this catalogue, kept so that messages do not change).
const fieldLabels: FieldLabels = {
  ...commonFieldLabels,
  ...identityFieldLabels,
  ...authFieldLabels,
  ...recordsFieldLabels,
  ...directoryFieldLabels,
  ...agendaFieldLabels,
  ...mailFieldLabels,
  ...billingFieldLabels,
  ...accountingFieldLabels,
  ...patientsFieldLabels,
  ...documentsFieldLabels,
  ...receptionFieldLabels,
};

export function fieldLabel(field: string, language: Language): string {
  return fieldLabels[field]?.[language] ?? field;
}

// Own keys only: a zod message such as 'constructor' is not one of our codes.
export function hasErrorMessage(code: string): boolean {
  return Object.hasOwn(catalogue, code);
}

/** The HTTP status of an answer carrying `code`: 422 (a broken rule) unless its entry says otherwise. */
export function httpStatusOf(code: string): number {
  return (Object.hasOwn(catalogue, code) ? catalogue[code]!.status : undefined) ?? 422;
}

export function errorMessage(
  code: string,
  language: Language,
  params: Record<string, string | number> = {},
  field?: string,
): string {
  const template = (hasErrorMessage(code) ? catalogue[code]! : catalogue.internal_error!)[language];
  const values: Record<string, string | number> = { ...params };
  if (field !== undefined) values.field = fieldLabel(field, language);
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    values[name] !== undefined ? String(values[name]) : match,
  );
}
