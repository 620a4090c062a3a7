import type {
  Absence,
  AgendaAppointment,
  AppointmentStatus,
  AppointmentType,
  AppointmentTypeInput,
  OpeningHoursTemplate,
} from '@pivot/core/agenda';
import type { Selectable } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { AppointmentRow } from './appointment-repository.ts';

/** The agenda's rows as the rules and the answers read them, and a motif's input as columns. */
type TypeRow = Selectable<Database['appointment_types']>;

export function typeView(row: TypeRow): AppointmentType & { version: number } {
  return {
    id: row.id,
    label: row.label,
    durationMinutes: row.duration_minutes,
    colour: row.colour,
    eligiblePractitionerIds: row.eligible_practitioner_ids,
    roomKind: row.room_kind,
    equipmentKinds: row.equipment_kinds,
    preparationInstructions: row.preparation_instructions,
    documentsToBring: row.documents_to_bring,
    newPatientsAllowed: row.new_patients_allowed,
    bookableOnline: row.bookable_online,
    urgentSameDayOnly: row.urgent_same_day_only,
    active: row.active,
    version: row.version,
  };
}

export function typeColumns(input: AppointmentTypeInput) {
  return {
    label: JSON.stringify(input.label),
    duration_minutes: input.durationMinutes,
    colour: input.colour,
    eligible_practitioner_ids: input.eligiblePractitionerIds,
    room_kind: input.roomKind,
    equipment_kinds: input.equipmentKinds,
    preparation_instructions: JSON.stringify(input.preparationInstructions),
    documents_to_bring: JSON.stringify(input.documentsToBring),
    new_patients_allowed: input.newPatientsAllowed,
    bookable_online: input.bookableOnline,
    urgent_same_day_only: input.urgentSameDayOnly,
    active: input.active,
  };
}

export function templateView(row: Selectable<Database['opening_hours_templates']>): OpeningHoursTemplate & {
  version: number;
  resourceKind: Database['opening_hours_templates']['resource_kind'];
  validTo: string | null;
  weekParity: 'all' | 'even' | 'odd';
} {
  return {
    id: row.id,
    resourceId: row.resource_id,
    resourceKind: row.resource_kind,
    siteId: row.site_id,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    weekParity: row.week_parity,
    days: row.days,
    version: row.version,
  };
}

export function absenceView(r: {
  id: string;
  person_id: string;
  kind: Absence['kind'];
  starts_at: Date;
  ends_at: Date;
}): Absence & { note?: string } {
  return {
    id: r.id,
    personId: r.person_id,
    kind: r.kind,
    start: new Date(r.starts_at).getTime(),
    end: new Date(r.ends_at).getTime(),
  };
}

export interface AppointmentView extends AgendaAppointment {
  version: number;
  siteId: string | null;
  roomId: string | null;
  equipmentIds: string[];
  comment: string;
  overrideReason: string | null;
  patientName: string;
  startIso: string;
  endIso: string;
}

export function appointmentView(r: AppointmentRow): AppointmentView {
  const start = new Date(r.starts_at).getTime();
  const end = new Date(r.ends_at).getTime();
  return {
    id: r.id,
    patientId: r.patient_id,
    practitionerId: r.practitioner_id,
    appointmentTypeId: r.appointment_type_id,
    siteId: r.site_id,
    roomId: r.room_id,
    equipmentIds: r.equipment_ids,
    start,
    end,
    startIso: new Date(start).toISOString(),
    endIso: new Date(end).toISOString(),
    status: r.status as AppointmentStatus,
    comment: r.comment,
    overrideReason: r.override_reason,
    version: r.version,
    patientName: `${r.used_name || r.birth_name} ${r.used_given_name || r.first_given_name}`,
  };
}
