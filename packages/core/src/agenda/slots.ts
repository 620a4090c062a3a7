import {
  addDays,
  type IsoWeekday,
  parisDateOf,
  parisOffsetMinutes,
  parisStartOfDay,
} from '../calendar/index.ts';
import { DomainError } from '../errors/domain-error.ts';
import type { AppointmentType } from './appointment-type.ts';
import {
  containsInterval,
  type Interval,
  mergeByKey,
  mergeIntervals,
  subtractIntervals,
} from './intervals.ts';
import type { OpenInterval } from './opening-hours.ts';

const MINUTE = 60_000;

/** Time held in the agenda of a practitioner, a room or a unit of equipment. */
export interface BusyInterval extends Interval {
  resourceId: string;
  /** Set when the time is held by an appointment (lets a rebooking free it). */
  appointmentId?: string | null;
}

export interface Unavailability extends Interval {
  personId: string;
}

export interface Room {
  id: string;
  kind: string;
  siteId: string;
}

export interface Equipment {
  id: string;
  kind: string;
  /** Null for mobile equipment shared by every site. */
  siteId: string | null;
}

export type DayPeriod = 'morning' | 'afternoon';

export interface SlotPreferences {
  weekdays?: readonly IsoWeekday[];
  /** Judged on the local start time: morning before 12:00, afternoon from 12:00. */
  period?: DayPeriod | null;
  preferredPractitionerId?: string | null;
  /** Only the preferred practitioner; otherwise they only win ties. */
  onlyPreferredPractitioner?: boolean;
}

export type SlotMotif = Pick<
  AppointmentType,
  'durationMinutes' | 'eligiblePractitionerIds' | 'roomKind' | 'equipmentKinds' | 'urgentSameDayOnly'
>;

export interface SlotSearch {
  motif: SlotMotif;
  /** Opening intervals of the practitioners, and of rooms or equipment that have their own hours. */
  openIntervals: readonly OpenInterval[];
  bookings: readonly BusyInterval[];
  absences?: readonly Unavailability[];
  rooms?: readonly Room[];
  equipment?: readonly Equipment[];
  now: number;
  /** End of the search window (exclusive). */
  until: number;
  count: number;
  /** Slots start on a grid of this many minutes, counted from the start of each opening range. */
  stepMinutes: number;
  urgent?: boolean;
  preferences?: SlotPreferences;
}

export interface Slot extends Interval {
  practitionerId: string;
  siteId: string;
  roomId: string | null;
  equipmentIds: string[];
  reservedSameDay: boolean;
}

interface FreePiece extends Interval {
  anchor: number;
  siteId: string;
  reservedSameDay: boolean;
}

/** First index whose interval ends after `instant` (sorted, merged list). */
function firstEndingAfter(list: readonly Interval[], instant: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.end <= instant) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function freePieces(
  open: readonly OpenInterval[],
  busy: readonly Interval[],
  window: Interval,
  allowReserved: (start: number) => boolean,
): FreePiece[] {
  const pieces: FreePiece[] = [];
  for (const interval of open) {
    if (interval.end <= window.start || interval.start >= window.end) continue;
    if (interval.reservedSameDay && !allowReserved(interval.start)) continue;
    let start = Math.max(interval.start, window.start);
    const end = Math.min(interval.end, window.end);
    for (let k = firstEndingAfter(busy, start); k < busy.length && busy[k]!.start < end; k++) {
      const cut = busy[k]!;
      if (cut.start > start)
        pieces.push({
          start,
          end: cut.start,
          anchor: interval.start,
          siteId: interval.siteId,
          reservedSameDay: interval.reservedSameDay,
        });
      start = Math.max(start, cut.end);
    }
    if (start < end)
      pieces.push({
        start,
        end,
        anchor: interval.start,
        siteId: interval.siteId,
        reservedSameDay: interval.reservedSameDay,
      });
  }
  return pieces;
}

interface LocalReading {
  weekday: IsoWeekday;
  minutes: number;
}

function localReading(instant: number, offsetMinutes: number): LocalReading {
  const local = new Date(instant + offsetMinutes * MINUTE);
  const day = local.getUTCDay();
  return {
    weekday: (day === 0 ? 7 : day) as IsoWeekday,
    minutes: local.getUTCHours() * 60 + local.getUTCMinutes(),
  };
}

interface ResourcePool {
  /** Per site, the units in the order they are offered, each with its free time. */
  bySite: Map<string | null, { id: string; free: Interval[] }[]>;
}

function buildPool(
  units: readonly { id: string; siteId: string | null }[],
  openByResource: Map<string, OpenInterval[]>,
  busyByResource: Map<string, Interval[]>,
  window: Interval,
): ResourcePool {
  const bySite = new Map<string | null, { id: string; free: Interval[] }[]>();
  for (const unit of units) {
    const own = openByResource.get(unit.id);
    const base = own ? mergeIntervals(own) : [window];
    const free = subtractIntervals(base, busyByResource.get(unit.id) ?? []);
    const list = bySite.get(unit.siteId) ?? [];
    list.push({ id: unit.id, free });
    bySite.set(unit.siteId, list);
  }
  return { bySite };
}

function pickUnit(pool: ResourcePool, siteId: string, start: number, end: number): string | null {
  for (const key of [siteId, null]) {
    for (const unit of pool.bySite.get(key) ?? []) {
      if (containsInterval(unit.free, start, end)) return unit.id;
    }
  }
  return null;
}

/**
 * The next free slots for a motif, earliest first, across its eligible practitioners.
 * Each practitioner's free time is computed once by a sweep over sorted, merged busy time; the
 * candidates of all practitioners are then merged lazily, so the cost grows with the slots
 * examined, not with practitioners × bookings.
 */
export function findFreeSlots(search: SlotSearch): Slot[] {
  const { motif, preferences = {} } = search;
  const duration = motif.durationMinutes * MINUTE;
  const step = search.stepMinutes * MINUTE;
  if (duration <= 0) throw new DomainError('invalid_duration', { field: 'durationMinutes' });
  if (step <= 0) throw new DomainError('invalid_step', { field: 'stepMinutes' });

  let practitionerIds = [...motif.eligiblePractitionerIds];
  const preferred = preferences.preferredPractitionerId ?? null;
  if (preferred && preferences.onlyPreferredPractitioner) {
    if (!practitionerIds.includes(preferred)) {
      throw new DomainError('practitioner_not_eligible', { field: 'preferredPractitionerId' });
    }
    practitionerIds = [preferred];
  }
  if (practitionerIds.length === 0 || search.count <= 0) return [];

  const today = parisDateOf(search.now);
  const endOfToday = parisStartOfDay(addDays(today, 1));
  const window: Interval = {
    start: search.now,
    end: motif.urgentSameDayOnly ? Math.min(search.until, endOfToday) : search.until,
  };
  if (window.end <= window.start) return [];
  const mayUseReserved = !!search.urgent || motif.urgentSameDayOnly;
  const allowReserved = (start: number) => mayUseReserved && start < endOfToday;

  const roomKind = motif.roomKind;
  const rooms = roomKind ? (search.rooms ?? []).filter((room) => room.kind === roomKind) : [];
  if (roomKind && rooms.length === 0)
    throw new DomainError('no_room_of_required_kind', { params: { kind: roomKind } });
  const equipmentByKind = motif.equipmentKinds.map((kind) => {
    const units = (search.equipment ?? []).filter((unit) => unit.kind === kind);
    if (units.length === 0) throw new DomainError('no_equipment_of_required_kind', { params: { kind } });
    return units;
  });

  const relevant = new Set<string>([
    ...practitionerIds,
    ...rooms.map((r) => r.id),
    ...equipmentByKind.flat().map((e) => e.id),
  ]);
  const busy: BusyInterval[] = search.bookings.filter(
    (b) => relevant.has(b.resourceId) && b.end > window.start && b.start < window.end,
  );
  for (const absence of search.absences ?? []) {
    if (relevant.has(absence.personId))
      busy.push({ resourceId: absence.personId, start: absence.start, end: absence.end });
  }
  const busyByResource = mergeByKey(busy, (b) => b.resourceId);
  const openByResource = new Map<string, OpenInterval[]>();
  for (const interval of search.openIntervals) {
    if (!relevant.has(interval.resourceId)) continue;
    const list = openByResource.get(interval.resourceId) ?? [];
    list.push(interval);
    openByResource.set(interval.resourceId, list);
  }
  for (const list of openByResource.values()) list.sort((a, b) => a.start - b.start);

  const roomPool = roomKind ? buildPool(rooms, openByResource, busyByResource, window) : null;
  const equipmentPools = equipmentByKind.map((units) =>
    buildPool(units, openByResource, busyByResource, window),
  );
  const weekdays =
    preferences.weekdays && preferences.weekdays.length > 0 ? new Set(preferences.weekdays) : null;
  const period = preferences.period ?? null;

  function* candidates(practitionerId: string): Generator<Slot> {
    const pieces = freePieces(
      openByResource.get(practitionerId) ?? [],
      busyByResource.get(practitionerId) ?? [],
      window,
      allowReserved,
    );
    for (const piece of pieces) {
      // The Paris offset changes twice a year; within a piece it is nearly always constant.
      const offsetAtStart = parisOffsetMinutes(piece.start);
      const constantOffset = offsetAtStart === parisOffsetMinutes(piece.end) ? offsetAtStart : null;
      let start = piece.anchor + Math.ceil((piece.start - piece.anchor) / step) * step;
      for (; start + duration <= piece.end; start += step) {
        const end = start + duration;
        const local = localReading(start, constantOffset ?? parisOffsetMinutes(start));
        if (weekdays && !weekdays.has(local.weekday)) continue;
        if (period === 'morning' && local.minutes >= 720) continue;
        if (period === 'afternoon' && local.minutes < 720) continue;
        let roomId: string | null = null;
        if (roomPool) {
          roomId = pickUnit(roomPool, piece.siteId, start, end);
          if (!roomId) continue;
        }
        const equipmentIds: string[] = [];
        for (const pool of equipmentPools) {
          const unit = pickUnit(pool, piece.siteId, start, end);
          if (!unit) break;
          equipmentIds.push(unit);
        }
        if (equipmentIds.length < equipmentPools.length) continue;
        yield {
          practitionerId,
          siteId: piece.siteId,
          start,
          end,
          roomId,
          equipmentIds,
          reservedSameDay: piece.reservedSameDay,
        };
      }
    }
  }

  const order = preferred
    ? [...practitionerIds].sort((a, b) => Number(b === preferred) - Number(a === preferred))
    : practitionerIds;
  const streams = order.map((id) => candidates(id));
  const heads: (Slot | null)[] = streams.map((stream) => stream.next().value ?? null);
  const slots: Slot[] = [];
  while (slots.length < search.count) {
    let best = -1;
    for (let i = 0; i < heads.length; i++) {
      const head = heads[i];
      if (head && (best < 0 || head.start < heads[best]!.start)) best = i;
    }
    if (best < 0) break;
    slots.push(heads[best]!);
    heads[best] = streams[best]!.next().value ?? null;
  }
  return slots;
}
