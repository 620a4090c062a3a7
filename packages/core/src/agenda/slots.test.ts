import { describe, expect, it } from 'vitest';
import { expandOpeningHours, type OpeningHoursTemplate } from './opening-hours.ts';
import { type BusyInterval, findFreeSlots, type SlotMotif, type SlotSearch } from './slots.ts';

const at = Date.parse;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 16);

function template(
  resourceId: string,
  days: OpeningHoursTemplate['days'],
  siteId = 'site-1',
): OpeningHoursTemplate {
  return { id: `t-${resourceId}`, resourceId, siteId, validFrom: '2025-01-01', validTo: null, days };
}

const morningAndAfternoon = [
  { start: '09:00', end: '12:00' },
  { start: '14:00', end: '17:00' },
];
const week = {
  monday: morningAndAfternoon,
  tuesday: morningAndAfternoon,
  wednesday: morningAndAfternoon,
  thursday: morningAndAfternoon,
  friday: morningAndAfternoon,
};

const motif: SlotMotif = {
  durationMinutes: 30,
  eligiblePractitionerIds: ['dr-a'],
  roomKind: null,
  equipmentKinds: [],
  urgentSameDayOnly: false,
};

function search(
  overrides: Partial<SlotSearch> & { templates?: OpeningHoursTemplate[]; from?: string; to?: string } = {},
): SlotSearch {
  const { templates = [template('dr-a', week)], from = '2025-01-13', to = '2025-01-31', ...rest } = overrides;
  return {
    motif,
    openIntervals: expandOpeningHours({ templates, from, to }),
    bookings: [],
    now: at(`${from}T00:00:00Z`),
    until: at(`${to}T23:00:00Z`),
    count: 3,
    stepMinutes: 15,
    ...rest,
  };
}

describe('findFreeSlots', () => {
  it('offers the first slots of the opening hours on the step grid', () => {
    expect(findFreeSlots(search()).map((s) => iso(s.start))).toEqual([
      '2025-01-13T08:00',
      '2025-01-13T08:15',
      '2025-01-13T08:30',
    ]);
  });

  it('never offers a slot before now, nor off the grid', () => {
    const slots = findFreeSlots(search({ now: at('2025-01-13T08:07:00Z') }));
    expect(iso(slots[0]!.start)).toBe('2025-01-13T08:15');
  });

  it('skips existing bookings and resumes on the grid after them', () => {
    const bookings: BusyInterval[] = [
      { resourceId: 'dr-a', start: at('2025-01-13T08:00:00Z'), end: at('2025-01-13T08:40:00Z') },
    ];
    expect(findFreeSlots(search({ bookings })).map((s) => iso(s.start))).toEqual([
      '2025-01-13T08:45',
      '2025-01-13T09:00',
      '2025-01-13T09:15',
    ]);
  });

  it('does not offer a slot across the lunch break', () => {
    const slots = findFreeSlots(search({ now: at('2025-01-13T10:40:00Z'), count: 2 }));
    expect(slots.map((s) => iso(s.start))).toEqual(['2025-01-13T13:00', '2025-01-13T13:15']);
    expect(
      slots.every((s) => s.end <= at('2025-01-13T11:00:00Z') || s.start >= at('2025-01-13T13:00:00Z')),
    ).toBe(true);
  });

  it('skips public holidays', () => {
    // Easter Monday 21 April 2025
    const slots = findFreeSlots(search({ from: '2025-04-21', to: '2025-04-25', count: 1 }));
    expect(iso(slots[0]!.start)).toBe('2025-04-22T07:00');
  });

  it('skips the days of an absence', () => {
    const absences = [
      { personId: 'dr-a', start: at('2025-01-12T23:00:00Z'), end: at('2025-01-14T23:00:00Z') },
    ];
    expect(iso(findFreeSlots(search({ absences, count: 1 }))[0]!.start)).toBe('2025-01-15T08:00');
  });

  it('honours the real length of a night range on the spring-forward day', () => {
    const night = template('dr-a', { sunday: [{ start: '01:00', end: '04:00' }] });
    const slots = findFreeSlots(
      search({
        templates: [night],
        from: '2025-03-30',
        to: '2025-03-30',
        now: at('2025-03-29T12:00:00Z'),
        count: 10,
        stepMinutes: 30,
      }),
    );
    // 01:00–04:00 local is 00:00–02:00 UTC: four half-hour slots, one of them straddling the jump.
    expect(slots.map((s) => iso(s.start))).toEqual([
      '2025-03-30T00:00',
      '2025-03-30T00:30',
      '2025-03-30T01:00',
      '2025-03-30T01:30',
    ]);
  });

  it('offers the same local hours before and after the autumn change', () => {
    const friday = findFreeSlots(search({ from: '2025-10-24', to: '2025-10-24', count: 1 }));
    const monday = findFreeSlots(search({ from: '2025-10-27', to: '2025-10-27', count: 1 }));
    expect(iso(friday[0]!.start)).toBe('2025-10-24T07:00');
    expect(iso(monday[0]!.start)).toBe('2025-10-27T08:00');
  });

  it('searches across eligible practitioners, earliest first', () => {
    const templates = [
      template('dr-a', { monday: [{ start: '10:00', end: '12:00' }] }),
      template('dr-b', { monday: [{ start: '09:00', end: '09:30' }] }),
    ];
    const slots = findFreeSlots(
      search({ templates, motif: { ...motif, eligiblePractitionerIds: ['dr-a', 'dr-b'] } }),
    );
    expect(slots.map((s) => [s.practitionerId, iso(s.start)])).toEqual([
      ['dr-b', '2025-01-13T08:00'],
      ['dr-a', '2025-01-13T09:00'],
      ['dr-a', '2025-01-13T09:15'],
    ]);
  });

  it('ignores practitioners who do not take the motif', () => {
    const templates = [template('dr-a', { tuesday: morningAndAfternoon }), template('dr-z', week)];
    expect(findFreeSlots(search({ templates })).every((s) => s.practitionerId === 'dr-a')).toBe(true);
  });

  describe('rooms and equipment', () => {
    const procedure: SlotMotif = { ...motif, roomKind: 'procedure', equipmentKinds: ['ultrasound'] };
    const rooms = [
      { id: 'room-1', kind: 'procedure', siteId: 'site-1' },
      { id: 'room-2', kind: 'procedure', siteId: 'site-1' },
      { id: 'room-x', kind: 'procedure', siteId: 'site-2' },
      { id: 'office', kind: 'office', siteId: 'site-1' },
    ];
    const equipment = [{ id: 'us-1', kind: 'ultrasound', siteId: null }];

    it('chooses a free room of the required kind at the same site', () => {
      const bookings: BusyInterval[] = [
        { resourceId: 'room-1', start: at('2025-01-13T08:00:00Z'), end: at('2025-01-13T09:00:00Z') },
      ];
      const [slot] = findFreeSlots(search({ motif: procedure, rooms, equipment, bookings, count: 1 }));
      expect(slot).toMatchObject({ roomId: 'room-2', equipmentIds: ['us-1'] });
      expect(iso(slot!.start)).toBe('2025-01-13T08:00');
    });

    it('waits until a room of the required kind is free', () => {
      const bookings: BusyInterval[] = ['room-1', 'room-2'].map((resourceId) => ({
        resourceId,
        start: at('2025-01-13T08:00:00Z'),
        end: at('2025-01-13T09:10:00Z'),
      }));
      const [slot] = findFreeSlots(search({ motif: procedure, rooms, equipment, bookings, count: 1 }));
      expect(iso(slot!.start)).toBe('2025-01-13T09:15');
    });

    it('waits until the equipment is free', () => {
      const bookings: BusyInterval[] = [
        { resourceId: 'us-1', start: at('2025-01-13T08:00:00Z'), end: at('2025-01-13T08:30:00Z') },
      ];
      const [slot] = findFreeSlots(search({ motif: procedure, rooms, equipment, bookings, count: 1 }));
      expect(iso(slot!.start)).toBe('2025-01-13T08:30');
    });

    it('honours a room’s own opening hours', () => {
      const templates = [
        template('dr-a', week),
        template('room-1', { monday: [{ start: '15:00', end: '16:00' }] }),
      ];
      const [slot] = findFreeSlots(
        search({ templates, motif: { ...motif, roomKind: 'procedure' }, rooms: rooms.slice(0, 1), count: 1 }),
      );
      expect(slot).toMatchObject({ roomId: 'room-1' });
      expect(iso(slot!.start)).toBe('2025-01-13T14:00');
    });

    it('finds nothing when no room of the kind is ever free, and says so when none exists', () => {
      const bookings: BusyInterval[] = [
        { resourceId: 'room-1', start: at('2025-01-01T00:00:00Z'), end: at('2025-02-01T00:00:00Z') },
      ];
      expect(
        findFreeSlots(
          search({ motif: { ...motif, roomKind: 'procedure' }, rooms: rooms.slice(0, 1), bookings }),
        ),
      ).toEqual([]);
      expect(() => findFreeSlots(search({ motif: { ...motif, roomKind: 'scanner' }, rooms }))).toThrow(
        expect.objectContaining({ code: 'no_room_of_required_kind' }),
      );
    });
  });

  describe('patient preferences', () => {
    it('keeps only the preferred weekdays', () => {
      const slots = findFreeSlots(search({ preferences: { weekdays: [3] }, count: 1 }));
      expect(iso(slots[0]!.start)).toBe('2025-01-15T08:00');
    });

    it('keeps only afternoons (local start from 12:00)', () => {
      const slots = findFreeSlots(search({ preferences: { period: 'afternoon' }, count: 1 }));
      expect(iso(slots[0]!.start)).toBe('2025-01-13T13:00');
    });

    it('keeps only mornings', () => {
      const slots = findFreeSlots(
        search({ now: at('2025-01-13T12:00:00Z'), preferences: { period: 'morning' }, count: 1 }),
      );
      expect(iso(slots[0]!.start)).toBe('2025-01-14T08:00');
    });

    it('keeps only the preferred practitioner when asked, or puts them first on ties', () => {
      const templates = [template('dr-a', week), template('dr-b', week)];
      const both = { ...motif, eligiblePractitionerIds: ['dr-a', 'dr-b'] };
      const strict = findFreeSlots(
        search({
          templates,
          motif: both,
          preferences: { preferredPractitionerId: 'dr-b', onlyPreferredPractitioner: true },
        }),
      );
      expect(strict.every((s) => s.practitionerId === 'dr-b')).toBe(true);
      const soft = findFreeSlots(
        search({ templates, motif: both, preferences: { preferredPractitionerId: 'dr-b' }, count: 2 }),
      );
      expect(soft.map((s) => s.practitionerId)).toEqual(['dr-b', 'dr-a']);
      expect(() =>
        findFreeSlots(
          search({
            motif,
            preferences: { preferredPractitionerId: 'dr-z', onlyPreferredPractitioner: true },
          }),
        ),
      ).toThrow(expect.objectContaining({ code: 'practitioner_not_eligible' }));
    });
  });

  describe('ranges kept for same-day urgent care', () => {
    const withReserved = template('dr-a', {
      monday: [{ start: '08:00', end: '09:00', reservedSameDay: true }, ...morningAndAfternoon],
      tuesday: [{ start: '08:00', end: '09:00', reservedSameDay: true }, ...morningAndAfternoon],
    });
    const mondayMorning = at('2025-01-13T06:00:00Z');

    it('keeps reserved ranges out of ordinary searches', () => {
      const [slot] = findFreeSlots(search({ templates: [withReserved], now: mondayMorning, count: 1 }));
      expect(iso(slot!.start)).toBe('2025-01-13T08:00');
      expect(slot!.reservedSameDay).toBe(false);
    });

    it('lets an urgent request use today’s reserved range', () => {
      const [slot] = findFreeSlots(
        search({ templates: [withReserved], now: mondayMorning, urgent: true, count: 1 }),
      );
      expect(iso(slot!.start)).toBe('2025-01-13T07:00');
      expect(slot!.reservedSameDay).toBe(true);
    });

    it('does not let an urgent request take tomorrow’s reserved range', () => {
      const slots = findFreeSlots(
        search({ templates: [withReserved], now: at('2025-01-13T16:00:00Z'), urgent: true, count: 1 }),
      );
      expect(iso(slots[0]!.start)).toBe('2025-01-14T08:00');
    });

    it('limits a same-day-only motif to today', () => {
      const sameDay = { ...motif, urgentSameDayOnly: true };
      expect(
        findFreeSlots(
          search({ templates: [withReserved], now: mondayMorning, motif: sameDay, count: 100 }),
        ).every((s) => iso(s.start).startsWith('2025-01-13')),
      ).toBe(true);
      expect(
        findFreeSlots(search({ templates: [withReserved], now: at('2025-01-13T17:00:00Z'), motif: sameDay })),
      ).toEqual([]);
    });
  });

  it('finds the next 10 slots across 20 practitioners over 90 days of thousands of bookings quickly', () => {
    const ids = Array.from({ length: 20 }, (_, i) => `dr-${i}`);
    const templates = ids.map((id) => template(id, week));
    const openIntervals = expandOpeningHours({ templates, from: '2025-01-13', to: '2025-04-12' });
    // Every practitioner fully booked for 80 days, in 15-minute appointments.
    const bookings: BusyInterval[] = [];
    for (const interval of openIntervals) {
      if (interval.start >= at('2025-04-03T00:00:00Z')) continue;
      for (let t = interval.start; t < interval.end; t += 15 * 60_000)
        bookings.push({ resourceId: interval.resourceId, start: t, end: t + 15 * 60_000 });
    }
    expect(bookings.length).toBeGreaterThan(20_000);
    const started = performance.now();
    const slots = findFreeSlots({
      motif: { ...motif, eligiblePractitionerIds: ids },
      openIntervals,
      bookings,
      now: at('2025-01-13T00:00:00Z'),
      until: at('2025-04-13T00:00:00Z'),
      count: 10,
      stepMinutes: 5,
    });
    const elapsed = performance.now() - started;
    expect(slots).toHaveLength(10);
    expect(iso(slots[0]!.start)).toBe('2025-04-03T07:00');
    expect(elapsed).toBeLessThan(250);
  });
});
