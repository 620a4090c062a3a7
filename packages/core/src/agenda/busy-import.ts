import type { Absence } from './absences.ts';
import { type Interval, overlaps } from './intervals.ts';

/** One busy period read from an external calendar (an .ics VEVENT occurrence). */
export interface ExternalEvent {
  uid: string;
  summary: string;
  start: number;
  end: number;
  /** TRANSP:TRANSPARENT — the owner marked the time as free. */
  transparent: boolean;
  /** STATUS:CANCELLED. */
  cancelled: boolean;
}

export type BusySkipReason =
  | 'end_before_start'
  | 'cancelled'
  | 'free_time'
  | 'past'
  | 'beyond_horizon'
  | 'overlaps_absence';

export interface BusyImportLine {
  uid: string;
  summary: string;
  start: number;
  end: number;
  outcome: 'imported' | 'skipped';
  reason?: BusySkipReason;
}

export interface BusyImportPlan {
  /** Busy periods to record, merged where events overlap or touch, in time order. */
  periods: Interval[];
  /** One line per event, in time order, saying what became of it. */
  lines: BusyImportLine[];
}

/**
 * What an .ics import does with each event: free, cancelled, past or far-future events and those
 * falling in an absence already declared are left out with their reason; an event straddling the
 * window is cut to it; the others become busy periods, merged so that no two overlap (the
 * database refuses overlapping absences of one person).
 */
export function planBusyImport(input: {
  events: readonly ExternalEvent[];
  absences: readonly Absence[];
  from: number;
  until: number;
}): BusyImportPlan {
  const lines: BusyImportLine[] = [];
  const kept: Interval[] = [];
  const events = [...input.events].sort((a, b) => a.start - b.start || a.end - b.end);
  for (const event of events) {
    const line = { uid: event.uid, summary: event.summary, start: event.start, end: event.end };
    const skip = (reason: BusySkipReason) => lines.push({ ...line, outcome: 'skipped', reason });
    if (!(event.end > event.start)) skip('end_before_start');
    else if (event.cancelled) skip('cancelled');
    else if (event.transparent) skip('free_time');
    else if (event.end <= input.from) skip('past');
    else if (event.start >= input.until) skip('beyond_horizon');
    else {
      const period = { start: Math.max(event.start, input.from), end: Math.min(event.end, input.until) };
      if (input.absences.some((a) => overlaps(a, period))) skip('overlaps_absence');
      else {
        kept.push(period);
        lines.push({ ...line, outcome: 'imported' });
      }
    }
  }
  const periods: Interval[] = [];
  for (const p of kept.sort((a, b) => a.start - b.start)) {
    const last = periods[periods.length - 1];
    if (last && p.start <= last.end) last.end = Math.max(last.end, p.end);
    else periods.push({ ...p });
  }
  return { periods, lines };
}
