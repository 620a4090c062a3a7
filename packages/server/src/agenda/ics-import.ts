import { DomainError } from '@pivot/core';
import {
  absenceImpact,
  type ExternalEvent,
  parisInstant,
  parisStartOfDay,
  planBusyImport,
  templateTimePolicy,
} from '@pivot/core/agenda';
import ICAL from 'ical.js';
import { auditFrom } from '../audit/index.ts';
import type { Db } from '../db/connection.ts';
import type { Actor } from '../http/request-context.ts';
import { deleteAbsences, insertAbsences, personAbsencesOverlapping } from './absence-repository.ts';
import { practitionerAppointmentRowsBetween } from './appointment-repository.ts';
import { userExists } from './resource-repository.ts';
import { absenceView, appointmentView } from './row-views.ts';

const DAY = 86_400_000;
/** A daily event over a year is 366 occurrences; more than this is a runaway rule. */
const MAX_OCCURRENCES = 2000;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * An .ics time as an instant: UTC and zones the file defines (VTIMEZONE) are exact; all-day dates,
 * floating times and zones the file names without defining them (Outlook's 'Romance Standard
 * Time', a bare 'Europe/Paris') are read as Paris wall-clock time, the practice's time.
 */
function instantOf(time: ICAL.Time): number {
  const date = `${time.year}-${pad(time.month)}-${pad(time.day)}`;
  if (time.isDate) return parisStartOfDay(date);
  const tzid = time.zone?.tzid;
  if (tzid && tzid !== 'floating') return time.toJSDate().getTime();
  return parisInstant(date, `${pad(time.hour)}:${pad(time.minute)}`, templateTimePolicy);
}

/** The events of an .ics text, recurring ones expanded up to `until`. */
export function readIcsEvents(text: string, until: number): ExternalEvent[] {
  let calendar: ICAL.Component;
  try {
    calendar = new ICAL.Component(ICAL.parse(text));
  } catch (error) {
    throw new DomainError('ics_unreadable', {
      field: 'ics',
      params: { detail: String((error as Error).message).slice(0, 120) },
    });
  }
  if (calendar.name !== 'vcalendar')
    throw new DomainError('ics_unreadable', { field: 'ics', params: { detail: 'BEGIN:VCALENDAR' } });
  for (const zone of calendar.getAllSubcomponents('vtimezone')) {
    const tzid = zone.getFirstPropertyValue('tzid');
    if (typeof tzid === 'string' && !ICAL.TimezoneService.has(tzid)) ICAL.TimezoneService.register(zone);
  }
  const vevents = calendar.getAllSubcomponents('vevent');
  const masters = new Map<string, ICAL.Event>();
  const overrides: ICAL.Event[] = [];
  for (const v of vevents) {
    const event = new ICAL.Event(v);
    if (event.isRecurrenceException()) overrides.push(event);
    else masters.set(event.uid ?? `event-${masters.size}`, event);
  }
  for (const o of overrides) masters.get(o.uid)?.relateException(o);
  const events: ExternalEvent[] = [];
  const flags = (c: ICAL.Component) => ({
    transparent: String(c.getFirstPropertyValue('transp') ?? '').toUpperCase() === 'TRANSPARENT',
    cancelled: String(c.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED',
  });
  for (const [uid, event] of masters) {
    const summary = event.summary ?? '';
    if (!event.startDate) continue;
    if (!event.isRecurring()) {
      const start = instantOf(event.startDate);
      const end = event.endDate ? instantOf(event.endDate) : start + (event.startDate.isDate ? DAY : 0);
      events.push({ uid, summary, start, end, ...flags(event.component) });
      continue;
    }
    const iterator = event.iterator();
    for (let i = 0, next = iterator.next(); next && i < MAX_OCCURRENCES; i++, next = iterator.next()) {
      const occurrence = event.getOccurrenceDetails(next);
      const start = instantOf(occurrence.startDate);
      if (start >= until) break;
      events.push({
        uid: `${uid}#${occurrence.recurrenceId.toString()}`,
        summary: occurrence.item.summary ?? summary,
        start,
        end: instantOf(occurrence.endDate),
        ...flags(occurrence.item.component),
      });
    }
  }
  if (vevents.length === 0) throw new DomainError('ics_without_events', { field: 'ics' });
  return events;
}

/**
 * Imports a person's external calendar as busy periods (absences of kind 'external') from now
 * to `days` ahead. It replaces what an earlier import recorded from now on, so importing the same
 * calendar again updates it. A trial run answers the same report and writes nothing.
 */
export async function importBusyPeriods(
  db: Db,
  actor: Actor,
  input: { personId: string; ics: string; days: number; dryRun: boolean },
  now = Date.now(),
) {
  const from = now;
  const until = now + input.days * DAY;
  const events = readIcsEvents(input.ics, until);
  return db.kysely.transaction().execute(async (tx) => {
    if (!(await userExists(tx, actor.organizationId, input.personId)))
      throw new DomainError('not_found', { field: 'personId' });
    const existing = await personAbsencesOverlapping(tx, actor.organizationId, input.personId, from, until);
    // Earlier imports starting from now on are replaced; one already under way stays as it is.
    const replaced = existing.filter((a) => a.kind === 'external' && new Date(a.starts_at).getTime() >= from);
    const blocking = existing.filter((a) => !replaced.includes(a)).map(absenceView);
    const plan = planBusyImport({ events, absences: blocking, from, until });
    const conflicts = [];
    if (plan.periods.length > 0) {
      const rows = await practitionerAppointmentRowsBetween(
        tx,
        actor.organizationId,
        input.personId,
        from,
        until,
      );
      const appointments = rows.map(appointmentView);
      const seen = new Set<string>();
      for (const p of plan.periods)
        for (const a of absenceImpact(
          { id: '', personId: input.personId, kind: 'external', ...p },
          appointments,
        ))
          if (!seen.has(a.id)) {
            seen.add(a.id);
            conflicts.push({ appointmentId: a.id, start: a.startIso, patientName: a.patientName });
          }
    }
    if (!input.dryRun) {
      if (replaced.length > 0)
        await deleteAbsences(
          tx,
          replaced.map((a) => a.id),
        );
      if (plan.periods.length > 0)
        await insertAbsences(
          tx,
          plan.periods.map((p) => ({
            organization_id: actor.organizationId,
            person_id: input.personId,
            kind: 'external' as const,
            starts_at: new Date(p.start),
            ends_at: new Date(p.end),
            // The external titles stay out of the database: they may say more than "busy".
            note: 'Import .ics',
            created_by: actor.userId,
          })),
        );
      await auditFrom(actor)(tx, {
        action: 'import',
        entity: 'absence',
        entityId: input.personId,
        details: { events: events.length, periods: plan.periods.length, replaced: replaced.length },
      });
    }
    return {
      dryRun: input.dryRun,
      events: events.length,
      periods: plan.periods.map((p) => ({
        start: new Date(p.start).toISOString(),
        end: new Date(p.end).toISOString(),
      })),
      replaced: replaced.length,
      lines: plan.lines.map((l) => ({
        ...l,
        start: new Date(l.start).toISOString(),
        end: new Date(l.end).toISOString(),
      })),
      appointmentsInBusyPeriods: conflicts,
    };
  });
}
