import { describe, expect, it } from 'vitest';
import {
  type Absence,
  type AgendaAppointment,
  absenceImpact,
  absenceSpan,
  checkAbsenceOverlap,
  patientsToNotify,
  proposeRebookings,
} from './absences.ts';
import { expandOpeningHours, type OpeningHoursTemplate } from './opening-hours.ts';
import type { BusyInterval, SlotMotif } from './slots.ts';

const at = Date.parse;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 16);

const sickMonday: Absence = {
  id: 'abs-1',
  personId: 'dr-a',
  kind: 'sickness',
  ...absenceSpan('2025-01-13', '2025-01-13'),
};

describe('absences', () => {
  it('spans whole Paris days', () => {
    expect(absenceSpan('2025-01-13', '2025-01-14')).toEqual({
      start: at('2025-01-12T23:00:00Z'),
      end: at('2025-01-14T23:00:00Z'),
    });
    expect(() => absenceSpan('2025-01-14', '2025-01-13')).toThrow(
      expect.objectContaining({ code: 'end_before_start' }),
    );
  });

  it('refuses overlapping absences of the same person', () => {
    const training: Absence = {
      id: 'abs-2',
      personId: 'dr-a',
      kind: 'training',
      ...absenceSpan('2025-01-13', '2025-01-15'),
    };
    expect(() => checkAbsenceOverlap(training, [sickMonday])).toThrow(
      expect.objectContaining({ code: 'absence_overlap', params: { absenceId: 'abs-1' } }),
    );
  });

  it('accepts absences of other people, adjacent absences, and the edited absence itself', () => {
    const tuesday: Absence = {
      id: 'abs-2',
      personId: 'dr-a',
      kind: 'holiday',
      ...absenceSpan('2025-01-14', '2025-01-14'),
    };
    expect(() => checkAbsenceOverlap(tuesday, [sickMonday])).not.toThrow();
    expect(() =>
      checkAbsenceOverlap({ ...sickMonday, personId: 'dr-b', id: 'abs-3' }, [sickMonday]),
    ).not.toThrow();
    expect(() => checkAbsenceOverlap({ ...sickMonday, kind: 'training' }, [sickMonday])).not.toThrow();
  });

  it('refuses an absence ending before it starts', () => {
    expect(() => checkAbsenceOverlap({ ...sickMonday, end: sickMonday.start }, [])).toThrow(
      expect.objectContaining({ code: 'end_before_start' }),
    );
  });

  const appointment = (
    id: string,
    patientId: string,
    start: string,
    overrides: Partial<AgendaAppointment> = {},
  ): AgendaAppointment => ({
    id,
    patientId,
    practitionerId: 'dr-a',
    appointmentTypeId: 'consult',
    status: 'confirmed',
    start: at(start),
    end: at(start) + 30 * 60_000,
    ...overrides,
  });
  const appointments = [
    appointment('ap-2', 'p2', '2025-01-13T09:00:00Z'),
    appointment('ap-1', 'p1', '2025-01-13T08:00:00Z'),
    appointment('ap-3', 'p1', '2025-01-13T10:00:00Z'),
    appointment('ap-4', 'p3', '2025-01-13T10:00:00Z', { status: 'cancelled' }),
    appointment('ap-5', 'p4', '2025-01-13T10:00:00Z', { practitionerId: 'dr-b' }),
    appointment('ap-6', 'p5', '2025-01-14T10:00:00Z'),
  ];

  it('lists the affected appointments in time order, ignoring cancelled ones and other practitioners', () => {
    expect(absenceImpact(sickMonday, appointments).map((a) => a.id)).toEqual(['ap-1', 'ap-2', 'ap-3']);
  });

  it('lists each patient to notify once, in their language', () => {
    const affected = absenceImpact(sickMonday, appointments);
    expect(patientsToNotify(affected, (id) => (id === 'p2' ? 'en' : null))).toEqual([
      { patientId: 'p1', language: 'fr', appointmentIds: ['ap-1', 'ap-3'] },
      { patientId: 'p2', language: 'en', appointmentIds: ['ap-2'] },
    ]);
  });

  it('proposes the next suitable slot for each affected appointment, never the same slot twice', () => {
    const templates: OpeningHoursTemplate[] = ['dr-a', 'dr-b'].map((resourceId) => ({
      id: resourceId,
      resourceId,
      siteId: 's',
      validFrom: '2025-01-01',
      days: { monday: [{ start: '09:00', end: '12:00' }], tuesday: [{ start: '09:00', end: '10:00' }] },
    }));
    const motif: SlotMotif = {
      durationMinutes: 30,
      eligiblePractitionerIds: ['dr-a', 'dr-b'],
      roomKind: null,
      equipmentKinds: [],
      urgentSameDayOnly: false,
    };
    const bookings: BusyInterval[] = appointments
      .filter((a) => a.status !== 'cancelled')
      .map((a) => ({ resourceId: a.practitionerId, start: a.start, end: a.end, appointmentId: a.id }));
    // dr-b is free on Monday only at 10:00–10:30 local (ap-5 holds 11:00)
    bookings.push({ resourceId: 'dr-b', start: at('2025-01-13T08:00:00Z'), end: at('2025-01-13T09:00:00Z') });
    bookings.push({ resourceId: 'dr-b', start: at('2025-01-13T09:30:00Z'), end: at('2025-01-13T10:00:00Z') });
    bookings.push({ resourceId: 'dr-b', start: at('2025-01-13T10:30:00Z'), end: at('2025-01-13T11:00:00Z') });
    const affected = absenceImpact(sickMonday, appointments);
    const proposals = proposeRebookings({
      absence: sickMonday,
      affected,
      motifs: new Map([['consult', motif]]),
      search: {
        openIntervals: expandOpeningHours({ templates, from: '2025-01-13', to: '2025-01-20' }),
        bookings,
        now: at('2025-01-13T07:00:00Z'),
        until: at('2025-01-21T00:00:00Z'),
        stepMinutes: 30,
      },
    });
    expect(
      proposals.map((p) => [p.appointmentId, p.slot?.practitionerId, p.slot && iso(p.slot.start)]),
    ).toEqual([
      ['ap-1', 'dr-b', '2025-01-13T09:00'],
      ['ap-2', 'dr-a', '2025-01-14T08:00'],
      ['ap-3', 'dr-b', '2025-01-14T08:00'],
    ]);
  });

  it('proposes nothing for a motif it does not know', () => {
    const proposals = proposeRebookings({
      absence: sickMonday,
      affected: absenceImpact(sickMonday, appointments).slice(0, 1),
      motifs: new Map(),
      search: { openIntervals: [], bookings: [], now: 0, until: 1, stepMinutes: 15 },
    });
    expect(proposals).toEqual([{ appointmentId: 'ap-1', patientId: 'p1', slot: null }]);
  });
});
