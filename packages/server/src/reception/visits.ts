import type { UrgencyLevel, Visit, VisitStage, VisitView } from '@pivot/core/reception';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';

type Tx = Kysely<Database>;

/** One arrival at the desk, as the routes answer it (declared in core). */
export type { VisitView };

/** A visit as the database gives it, with the patient's names and whether billing has it. */
export interface VisitRow {
  id: string;
  ticket: number;
  stage: string;
  patient_id: string;
  practitioner_id: string | null;
  appointment_id: string | null;
  scheduled_start: string | null;
  arrived_at: string;
  called_at: string | null;
  seen_at: string | null;
  billed_at: string | null;
  left_at: string | null;
  room_label: string | null;
  walk_in_reason: string;
  urgency: string;
  version: number;
  site_id: string | null;
  birth_name: string;
  used_name: string;
  first_given_name: string;
  used_given_name: string;
  practitioner_name: string | null;
  billed: boolean;
}

/**
 * Visits with names, read as one JSON document: a day's board is hundreds of rows, and one value
 * crosses the driver far faster than many rows (PGlite decodes rows in JavaScript). "Billed" is
 * read from billing: a billed visit of the appointment, or for a walk-in one of the same patient on
 * the same day after being seen.
 */
type VisitFilter = { day: string; walkInsOnly?: boolean } | { id: string };

function dayFilter(alias: 'v' | 'w', where: VisitFilter) {
  const column = (name: string) => sql.ref(`${alias}.${name}`);
  if ('id' in where) return sql`${column('id')} = ${where.id}`;
  return where.walkInsOnly
    ? sql`${column('day')} = ${where.day} AND ${column('appointment_id')} IS NULL`
    : sql`${column('day')} = ${where.day}`;
}

/** The JSON array of visits, as a query other reads can embed. */
export function visitsJson(organizationId: string, where: VisitFilter) {
  return sql<VisitRow[] | string>`
    SELECT coalesce(json_agg(x ORDER BY x.ticket), '[]'::json) FROM (
      SELECT v.id, v.ticket, v.stage, v.patient_id, v.practitioner_id, v.appointment_id,
        v.scheduled_start, v.arrived_at, v.called_at, v.seen_at, v.billed_at, v.left_at, v.room_label,
        v.walk_in_reason, v.urgency, v.version, v.site_id,
        p.birth_name, p.used_name, p.first_given_name, p.used_given_name,
        u.display_name AS practitioner_name,
        (v.stage = 'seen' AND (ba.appointment_id IS NOT NULL OR bp.patient_id IS NOT NULL)) AS billed
      FROM reception_visits v
      JOIN patients p ON p.id = v.patient_id
      LEFT JOIN users u ON u.id = v.practitioner_id
      -- Billing's visits of the same days, read once by date rather than probed per row.
      LEFT JOIN (
        SELECT DISTINCT b.appointment_id FROM visits b
        WHERE b.organization_id = ${organizationId} AND b.status <> 'cancelled' AND b.appointment_id IS NOT NULL
          AND b.visit_date IN (SELECT day FROM reception_visits w WHERE w.organization_id = ${organizationId} AND ${dayFilter('w', where)})
      ) ba ON ba.appointment_id = v.appointment_id
      LEFT JOIN (
        SELECT b.patient_id, b.visit_date, max(b.created_at) AS last_billed FROM visits b
        WHERE b.organization_id = ${organizationId} AND b.status <> 'cancelled'
          AND b.visit_date IN (SELECT day FROM reception_visits w WHERE w.organization_id = ${organizationId} AND ${dayFilter('w', where)})
        GROUP BY b.patient_id, b.visit_date
      ) bp ON v.appointment_id IS NULL AND bp.patient_id = v.patient_id AND bp.visit_date = v.day
        AND bp.last_billed >= v.seen_at
      WHERE v.organization_id = ${organizationId}
        AND ${dayFilter('v', where)}
    ) x`;
}

/** JSON columns arrive parsed from pg and PGlite alike, or as text from a driver that does not. */
export function parsed<T>(value: T | string): T {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}

async function selectVisits(tx: Tx, organizationId: string, where: { day: string } | { id: string }) {
  const result = await sql<{
    rows: VisitRow[] | string;
  }>`SELECT (${visitsJson(organizationId, where)}) AS rows`.execute(tx);
  return parsed(result.rows[0]!.rows);
}

export async function loadVisitRows(tx: Tx, organizationId: string, day: string) {
  return selectVisits(tx, organizationId, { day });
}

export async function loadVisitRow(tx: Tx, organizationId: string, id: string) {
  const [row] = await selectVisits(tx, organizationId, { id });
  return row ?? null;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function visitView(r: VisitRow): VisitView {
  const seen = r.stage === 'seen' && r.billed;
  return {
    id: r.id,
    ticket: r.ticket,
    stage: (seen ? 'billed' : r.stage) as VisitStage,
    patientId: r.patient_id,
    patientName: `${r.used_name || r.birth_name} ${r.used_given_name || r.first_given_name}`,
    practitionerId: r.practitioner_id,
    practitionerName: r.practitioner_name,
    appointmentId: r.appointment_id,
    scheduledStart: iso(r.scheduled_start),
    arrivedAt: iso(r.arrived_at)!,
    calledAt: iso(r.called_at),
    seenAt: iso(r.seen_at),
    leftAt: iso(r.left_at),
    roomLabel: r.room_label,
    walkInReason: r.walk_in_reason,
    urgency: r.urgency as UrgencyLevel,
    billed: r.billed,
    version: r.version,
  };
}

const ms = (d: Date | string | null) => (d === null ? null : new Date(d).getTime());

/** The core's view of a visit, for the waiting-room rules (stages, waiting times, lateness). */
export function coreVisit(r: VisitRow): Visit {
  return {
    visitId: r.id,
    patientId: r.patient_id,
    practitionerId: r.practitioner_id,
    scheduledStart: ms(r.scheduled_start),
    givenName: r.used_given_name || r.first_given_name,
    familyName: r.used_name || r.birth_name,
    ticket: r.ticket,
    stage: (r.stage === 'seen' && r.billed ? 'billed' : r.stage) as VisitStage,
    arrivedAt: ms(r.arrived_at)!,
    calledAt: ms(r.called_at),
    seenAt: ms(r.seen_at),
    billedAt: ms(r.billed_at),
    leftAt: ms(r.left_at),
    roomLabel: r.room_label,
  };
}
