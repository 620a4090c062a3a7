import type { WaitingRoomState } from './waiting-room.ts';

const MINUTE = 60_000;

/** One practitioner's line of the day's waiting statistics (null: the patients with no practitioner yet). */
export interface WaitingStats {
  practitionerId: string | null;
  /** Patients called in so far today: the waits below are theirs. */
  called: number;
  /** Patients in the waiting room now, not counted in the waits until they are called in. */
  waiting: number;
  /** Null until someone has been called in. */
  averageMinutes: number | null;
  maxMinutes: number | null;
}

/**
 * The day's waits per practitioner: from arrival to being called in, over the visits called in so
 * far (still waiting, or left without being called: not a wait that ended, so not counted; they
 * are the `waiting` count, or nothing). The waits are kept to the millisecond and only the results
 * are rounded, both the same way: down to the whole minutes elapsed, as the board counts a waiting
 * patient's minutes ("attend depuis 4 min"). Rounding both alike keeps the maximum at or above the
 * average (rounding the average to the nearest minute and the maximum down showed "moyenne 1 min,
 * maximum 0 min" for a patient called after 40 s).
 */
export function waitingStats(state: WaitingRoomState): WaitingStats[] {
  const lines = new Map<string | null, { waits: number[]; waiting: number }>();
  const lineOf = (practitionerId: string | null) => {
    let line = lines.get(practitionerId);
    if (!line) {
      line = { waits: [], waiting: 0 };
      lines.set(practitionerId, line);
    }
    return line;
  };
  for (const visit of state.visits) {
    if (visit.calledAt !== null)
      lineOf(visit.practitionerId).waits.push(Math.max(0, visit.calledAt - visit.arrivedAt));
    else if (visit.stage === 'waiting') lineOf(visit.practitionerId).waiting += 1;
  }
  return [...lines].map(([practitionerId, { waits, waiting }]) => ({
    practitionerId,
    called: waits.length,
    waiting,
    averageMinutes:
      waits.length === 0 ? null : Math.floor(waits.reduce((sum, w) => sum + w, 0) / waits.length / MINUTE),
    maxMinutes: waits.length === 0 ? null : Math.floor(Math.max(...waits) / MINUTE),
  }));
}
