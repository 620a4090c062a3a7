import { type Insertable, type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';

/**
 * The desk's and the waiting room's statements: tickets, visits and the desk's day. Each takes the
 * caller's transaction (or connection) and the organization it is scoped to.
 */
type Tx = Kysely<Database>;

/** JSON columns arrive parsed from pg and PGlite alike, or as text from a driver that does not. */
export function parsed<T>(value: T | string): T {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}

// --- tickets and visits ----------------------------------------------------------------------

/** The organization's next ticket of the day (1 for the day's first arrival), counted atomically. */
export async function nextTicket(tx: Tx, organizationId: string, day: string): Promise<number> {
  const row = await sql<{ last: number }>`
    INSERT INTO reception_tickets (organization_id, day, last) VALUES (${organizationId}, ${day}, 1)
    ON CONFLICT (organization_id, day) DO UPDATE SET last = reception_tickets.last + 1
    RETURNING last`.execute(tx);
  return row.rows[0]!.last;
}

/** Inserts a visit into the waiting room; answers its id (a second one of the appointment violates a unique index). */
export function insertVisit(
  tx: Tx,
  organizationId: string,
  visit: Omit<Insertable<Database['reception_visits']>, 'organization_id'>,
) {
  return tx
    .insertInto('reception_visits')
    .values({ organization_id: organizationId, ...visit })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/**
 * Moves a visit to its next stage at the version read; undefined when the version moved. The row
 * was read in the organization in the same transaction: the statement filters by id and version.
 */
export function updateVisitStage(
  tx: Tx,
  id: string,
  version: number,
  next: {
    stage: string;
    called_at: Date | null;
    seen_at: Date | null;
    left_at: Date | null;
    room_id: string | null;
    room_label: string | null;
  },
) {
  return tx
    .updateTable('reception_visits')
    .set({
      stage: next.stage,
      called_at: next.called_at,
      seen_at: next.seen_at,
      left_at: next.left_at,
      room_id: next.room_id,
      room_label: next.room_label,
      version: sql`version + 1`,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
}

// --- reading visits --------------------------------------------------------------------------

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
  room_id: string | null;
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

/**
 * The JSON array of visits, as a query other reads can embed. Reads patients (names), users (the
 * practitioner's name) and billing's visits (whether the visit is billed).
 */
export function visitsJson(organizationId: string, where: VisitFilter) {
  return sql<VisitRow[] | string>`
    SELECT coalesce(json_agg(x ORDER BY x.ticket), '[]'::json) FROM (
      SELECT v.id, v.ticket, v.stage, v.patient_id, v.practitioner_id, v.appointment_id,
        v.scheduled_start, v.arrived_at, v.called_at, v.seen_at, v.billed_at, v.left_at, v.room_id, v.room_label,
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

async function selectVisits(tx: Tx, organizationId: string, where: { day: string } | { id: string }) {
  const result = await sql<{
    rows: VisitRow[] | string;
  }>`SELECT (${visitsJson(organizationId, where)}) AS rows`.execute(tx);
  return parsed(result.rows[0]!.rows);
}

/** The organization's visits of the day, by ticket. */
export async function loadVisitRows(tx: Tx, organizationId: string, day: string) {
  return selectVisits(tx, organizationId, { day });
}

/** One visit of the organization; null when there is none with this id. */
export async function loadVisitRow(tx: Tx, organizationId: string, id: string) {
  const [row] = await selectVisits(tx, organizationId, { id });
  return row ?? null;
}

// --- rooms ---------------------------------------------------------------------------------

/**
 * One of the organization's rooms, with its site and whether it is in use; undefined when the
 * organization has none with this id. Reads the organization's rooms (a foundation table).
 */
export function findRoom(tx: Tx, organizationId: string, roomId: string) {
  return tx
    .selectFrom('rooms')
    .select(['id', 'name', 'site_id', 'active'])
    .where('id', '=', roomId)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
}

/**
 * The room each of these practitioners was last called into, whatever the day: one index probe
 * per practitioner (reception_visits_practitioner_last_room), since a board names a few of them.
 */
export async function lastRoomsOf(
  tx: Tx,
  organizationId: string,
  practitionerIds: readonly string[],
): Promise<Record<string, string>> {
  if (practitionerIds.length === 0) return {};
  const rows = await sql<{ practitioner_id: string; room_id: string }>`
    SELECT p.id AS practitioner_id, last.room_id
    FROM unnest(${sql.val([...practitionerIds])}::uuid[]) AS p(id)
    CROSS JOIN LATERAL (
      SELECT v.room_id FROM reception_visits v
      WHERE v.organization_id = ${organizationId} AND v.practitioner_id = p.id AND v.room_id IS NOT NULL
      ORDER BY v.called_at DESC
      LIMIT 1
    ) last`.execute(tx);
  return Object.fromEntries(rows.rows.map((r) => [r.practitioner_id, r.room_id]));
}

// --- the desk's day --------------------------------------------------------------------------

export interface DeskAppointmentRow {
  id: string;
  version: number;
  starts_at: string;
  status: string;
  patient_id: string;
  practitioner_id: string;
  appointment_type_id: string;
  comment: string;
  birth_name: string;
  used_name: string;
  first_given_name: string;
  used_given_name: string;
  birth_date: string;
  identity_status: string;
  visit_id: string | null;
  visit_ticket: number | null;
  visit_stage: string | null;
  visit_version: number | null;
}

export interface DeskDocument {
  appointments: DeskAppointmentRow[];
  types: Record<string, { label: { fr: string; en: string }; code: string | null }>;
  practitioners: Record<string, string>;
  coverage: Record<string, string | null>;
  requirements: {
    appointment_type_code: string;
    classification: string;
    label_fr: string;
    label_en: string;
    max_age_days: number | null;
  }[];
  attachments: { patient_id: string; classification: string; uploaded_at: string }[];
  walkIns: VisitRow[];
}

/**
 * The whole desk of a day in one round trip and one JSON document: a thousand rows decoded one by
 * one (PGlite decodes rows in JavaScript) cost more than the query itself. The appointments of
 * [start, end) not cancelled (of the site if given) with their patient and visit, the motifs'
 * labels, the members' names, the patients' mandatory coverage, the record items the motifs
 * require and the patients' items of those kinds, and the day's walk-ins. Reads agenda's
 * appointments and appointment_types, patients, users, coverage_items, completeness_requirements,
 * attachments, and (through visitsJson) billing's visits.
 */
export async function deskDayDocument(
  tx: Tx,
  organizationId: string,
  query: { date: string; siteId?: string | undefined; start: number; end: number },
): Promise<DeskDocument> {
  const { start, end } = query;
  const org = organizationId;
  const site = query.siteId ? sql`AND a.site_id = ${query.siteId}` : sql``;
  const read = await sql<{ doc: DeskDocument | string }>`
      WITH day AS (
        SELECT a.id, a.version, a.starts_at, a.status, a.patient_id, a.practitioner_id,
          a.appointment_type_id, a.comment,
          p.birth_name, p.used_name, p.first_given_name, p.used_given_name, p.birth_date, p.identity_status,
          rv.id AS visit_id, rv.ticket AS visit_ticket, rv.stage AS visit_stage, rv.version AS visit_version
        FROM appointments a JOIN patients p ON p.id = a.patient_id
        LEFT JOIN reception_visits rv ON rv.appointment_id = a.id
        WHERE a.organization_id = ${org} AND a.starts_at >= ${new Date(start)} AND a.starts_at < ${new Date(end)}
          AND a.status <> 'cancelled' ${site}
      )
      SELECT json_build_object(
        'appointments', (SELECT coalesce(json_agg(d ORDER BY d.starts_at, d.id), '[]'::json) FROM day d),
        'types', (SELECT coalesce(json_object_agg(t.id, json_build_object('label', t.label, 'code', t.completeness_code)), '{}'::json)
          FROM appointment_types t WHERE t.organization_id = ${org}),
        'practitioners', (SELECT coalesce(json_object_agg(u.id, u.display_name), '{}'::json)
          FROM users u WHERE u.organization_id = ${org}),
        'coverage', (SELECT coalesce(json_object_agg(c.patient_id, c.valid_until), '{}'::json) FROM (
          SELECT patient_id, max(valid_to) AS valid_until FROM coverage_items
          WHERE organization_id = ${org} AND kind = 'mandatory' AND patient_id IN (SELECT patient_id FROM day)
          GROUP BY patient_id) c),
        'requirements', (SELECT coalesce(json_agg(r), '[]'::json) FROM (
          SELECT appointment_type_code, classification, label_fr, label_en, max_age_days
          FROM completeness_requirements WHERE organization_id = ${org}) r),
        'attachments', (SELECT coalesce(json_agg(x), '[]'::json) FROM (
          SELECT patient_id, classification, uploaded_at FROM attachments
          WHERE organization_id = ${org} AND patient_id IN (SELECT patient_id FROM day)
            AND classification IN (SELECT classification FROM completeness_requirements WHERE organization_id = ${org})) x),
        'walkIns', (${visitsJson(org, { day: query.date, walkInsOnly: true })})
      ) AS doc`.execute(tx);
  return parsed(read.rows[0]!.doc);
}

// --- who a walk-in names ---------------------------------------------------------------------

/** The patient's id and the record it was merged into; undefined when not one of the organization's. Reads patients. */
export function findWalkInPatient(tx: Tx, organizationId: string, patientId: string) {
  return tx
    .selectFrom('patients')
    .select(['id', 'merged_into'])
    .where('id', '=', patientId)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
}

/** The practitioner's id; undefined when not a practitioner of the organization. Reads users. */
export function findPractitioner(tx: Tx, organizationId: string, practitionerId: string) {
  return tx
    .selectFrom('users')
    .select('id')
    .where('id', '=', practitionerId)
    .where('organization_id', '=', organizationId)
    .where('role', '=', 'practitioner')
    .executeTakeFirst();
}
