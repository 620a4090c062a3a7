import { describe, expect, it } from 'vitest';
import type { AgendaAppointment } from './absences.ts';
import { absenceSpan } from './absences.ts';
import { dailyCheck, nextWorkingDay } from './daily-check.ts';

const at = Date.parse;

describe('nextWorkingDay', () => {
  it('skips the weekend', () => {
    expect(nextWorkingDay('2025-01-10')).toBe('2025-01-13');
  });

  it('skips public holidays (Ascension Thursday and the next day is Friday)', () => {
    expect(nextWorkingDay('2025-05-28')).toBe('2025-05-30');
    expect(nextWorkingDay('2025-06-06')).toBe('2025-06-10');
  });

  it('honours a practice open on Saturdays', () => {
    expect(nextWorkingDay('2025-01-10', { workingWeekdays: [1, 2, 3, 4, 5, 6] })).toBe('2025-01-11');
  });
});

describe('dailyCheck', () => {
  const appointment = (
    id: string,
    start: string,
    overrides: Partial<AgendaAppointment> = {},
  ): AgendaAppointment => ({
    id,
    patientId: `p-${id}`,
    practitionerId: 'dr-a',
    appointmentTypeId: 'consult',
    status: 'confirmed',
    start: at(start),
    end: at(start) + 30 * 60_000,
    ...overrides,
  });

  // Friday 10 January 2025: the check is for Monday 13.
  const appointments = [
    appointment('unconfirmed', '2025-01-13T08:00:00Z', { status: 'booked' }),
    appointment('room-1a', '2025-01-13T09:00:00Z', { roomId: 'r1', practitionerId: 'dr-b' }),
    appointment('room-1b', '2025-01-13T09:15:00Z', { roomId: 'r1', practitionerId: 'dr-c' }),
    appointment('room-1c', '2025-01-13T09:30:00Z', { roomId: 'r1', practitionerId: 'dr-c' }),
    appointment('absent', '2025-01-13T10:00:00Z', { practitionerId: 'dr-x' }),
    appointment('cancelled', '2025-01-13T11:00:00Z', { status: 'cancelled' }),
    appointment('other-day', '2025-01-14T08:00:00Z', { status: 'booked' }),
  ];

  const result = dailyCheck({
    today: '2025-01-10',
    appointments,
    absences: [{ id: 'abs', personId: 'dr-x', kind: 'sickness', ...absenceSpan('2025-01-13', '2025-01-13') }],
    missingDocuments: [
      { appointmentId: 'room-1a', documents: ['prescription'] },
      { appointmentId: 'absent', documents: [] },
    ],
    coverage: [
      { patientId: 'p-room-1b', validUntil: '2024-12-31' },
      { patientId: 'p-room-1c', validUntil: '2025-01-13' },
      { patientId: 'p-other-day', validUntil: '2020-01-01' },
    ],
  });

  it('checks the next working day', () => {
    expect(result.date).toBe('2025-01-13');
  });

  it('lists unconfirmed appointments of that day only', () => {
    expect(result.problems.filter((p) => p.kind === 'unconfirmed_appointment')).toEqual([
      {
        kind: 'unconfirmed_appointment',
        appointmentId: 'unconfirmed',
        patientId: 'p-unconfirmed',
        practitionerId: 'dr-a',
      },
    ]);
  });

  it('lists appointments with missing documents', () => {
    expect(result.problems.filter((p) => p.kind === 'missing_documents')).toEqual([
      {
        kind: 'missing_documents',
        appointmentId: 'room-1a',
        patientId: 'p-room-1a',
        documents: ['prescription'],
      },
    ]);
  });

  it('lists room conflicts, each overlapping pair once', () => {
    expect(result.problems.filter((p) => p.kind === 'room_conflict')).toEqual([
      { kind: 'room_conflict', roomId: 'r1', appointmentIds: ['room-1a', 'room-1b'] },
      { kind: 'room_conflict', roomId: 'r1', appointmentIds: ['room-1b', 'room-1c'] },
    ]);
  });

  it('lists absent practitioners who still have appointments', () => {
    expect(result.problems.filter((p) => p.kind === 'absent_practitioner')).toEqual([
      { kind: 'absent_practitioner', practitionerId: 'dr-x', absenceId: 'abs', appointmentIds: ['absent'] },
    ]);
  });

  it('lists patients whose coverage has expired by that day', () => {
    expect(result.problems.filter((p) => p.kind === 'expired_coverage')).toEqual([
      {
        kind: 'expired_coverage',
        patientId: 'p-room-1b',
        validUntil: '2024-12-31',
        appointmentIds: ['room-1b'],
      },
    ]);
  });
});
