import { describe, expect, it } from 'vitest';
import { type WaitingRoomEvent, waitingRoomState } from './waiting-room.ts';
import { waitingStats } from './waiting-stats.ts';

const t = (hhmmss: string) => Date.parse(`2025-01-13T${hhmmss.length === 5 ? `${hhmmss}:00` : hhmmss}Z`);

const arrived = (visitId: string, at: string, practitionerId: string | null): WaitingRoomEvent => ({
  kind: 'arrived',
  visitId,
  at: t(at),
  patientId: `p-${visitId}`,
  practitionerId,
  scheduledStart: null,
  givenName: 'Jeanne',
  familyName: 'Dupont',
});
const called = (visitId: string, at: string): WaitingRoomEvent => ({ kind: 'called_in', visitId, at: t(at) });

const statsOf = (events: WaitingRoomEvent[]) => waitingStats(waitingRoomState(events));

describe('waiting statistics per practitioner', () => {
  it('averages the waits from arrival to call over the patients called so far, the maximum beside it', () => {
    // dr-a: 08:50 → 09:10 (20 min), 09:05 → 09:35 (30 min), 09:20 → 09:27 (7 min): 57 / 3 = 19 min.
    const stats = statsOf([
      arrived('v1', '08:50', 'dr-a'),
      arrived('v2', '09:05', 'dr-a'),
      arrived('v3', '09:20', 'dr-a'),
      called('v1', '09:10'),
      called('v3', '09:27'),
      called('v2', '09:35'),
    ]);
    expect(stats).toEqual([
      { practitionerId: 'dr-a', called: 3, waiting: 0, averageMinutes: 19, maxMinutes: 30 },
    ]);
  });

  it('does not count a patient still waiting in the waits, only in the number waiting', () => {
    // v2 has waited 3 hours and is not called yet: the average stays v1's 20 min.
    const stats = statsOf([
      arrived('v1', '08:50', 'dr-a'),
      arrived('v2', '09:00', 'dr-a'),
      called('v1', '09:10'),
    ]);
    expect(stats).toEqual([
      { practitionerId: 'dr-a', called: 1, waiting: 1, averageMinutes: 20, maxMinutes: 20 },
    ]);
  });

  it('keeps counting the wait of a patient called in, then seen', () => {
    const stats = statsOf([
      arrived('v1', '08:50', 'dr-a'),
      called('v1', '09:02'),
      { kind: 'seen', visitId: 'v1', at: t('09:20') },
    ]);
    expect(stats[0]).toMatchObject({ called: 1, averageMinutes: 12, maxMinutes: 12 });
  });

  it('leaves out a patient who left without being called: neither a wait nor waiting', () => {
    const stats = statsOf([
      arrived('v1', '08:50', 'dr-a'),
      arrived('v2', '08:55', 'dr-a'),
      called('v1', '09:00'),
      { kind: 'left', visitId: 'v2', at: t('10:30') },
    ]);
    expect(stats).toEqual([
      { practitionerId: 'dr-a', called: 1, waiting: 0, averageMinutes: 10, maxMinutes: 10 },
    ]);
  });

  it('rounds the average and the maximum alike, down to whole minutes: 40 s is 0 min for both', () => {
    // The bug: "moyenne 1 min, maximum 0 min" (average rounded to nearest, maximum down).
    const stats = statsOf([arrived('v1', '09:00:00', 'dr-a'), called('v1', '09:00:40')]);
    expect(stats[0]).toMatchObject({ averageMinutes: 0, maxMinutes: 0 });
  });

  it('rounds down the exact average, not the average of rounded waits: 4 min 50 s and 6 min 50 s make 5 min', () => {
    const stats = statsOf([
      arrived('v1', '09:00:00', 'dr-a'),
      arrived('v2', '09:01:00', 'dr-a'),
      called('v1', '09:04:50'),
      called('v2', '09:07:50'),
    ]);
    expect(stats[0]).toMatchObject({ called: 2, averageMinutes: 5, maxMinutes: 6 });
  });

  it('never shows a maximum below the average', () => {
    // Waits of 59 s, 61 s and 119 s: average 79.7 s → 1 min, maximum 119 s → 1 min.
    const stats = statsOf([
      arrived('v1', '09:00:00', 'dr-a'),
      arrived('v2', '09:00:00', 'dr-a'),
      arrived('v3', '09:00:00', 'dr-a'),
      called('v1', '09:00:59'),
      called('v2', '09:01:01'),
      called('v3', '09:01:59'),
    ]);
    expect(stats[0]).toMatchObject({ averageMinutes: 1, maxMinutes: 1 });
    expect(stats[0]!.maxMinutes!).toBeGreaterThanOrEqual(stats[0]!.averageMinutes!);
  });

  it('has no average nor maximum before anyone is called, only the number waiting', () => {
    const stats = statsOf([arrived('v1', '09:00', 'dr-b'), arrived('v2', '09:05', 'dr-b')]);
    expect(stats).toEqual([
      { practitionerId: 'dr-b', called: 0, waiting: 2, averageMinutes: null, maxMinutes: null },
    ]);
  });

  it('keeps one line per practitioner, and one for the walk-ins not yet given a practitioner', () => {
    const stats = statsOf([
      arrived('v1', '08:50', 'dr-a'),
      arrived('v2', '09:00', 'dr-b'),
      arrived('w1', '09:05', null),
      called('v2', '09:15'),
    ]);
    expect(stats).toEqual([
      { practitionerId: 'dr-a', called: 0, waiting: 1, averageMinutes: null, maxMinutes: null },
      { practitionerId: 'dr-b', called: 1, waiting: 0, averageMinutes: 15, maxMinutes: 15 },
      { practitionerId: null, called: 0, waiting: 1, averageMinutes: null, maxMinutes: null },
    ]);
  });
});
