import { describe, expect, it } from 'vitest';
import {
  applyWaitingRoomEvent,
  billingQueue,
  emptyWaitingRoom,
  inConsultation,
  latePractitioners,
  publicDisplay,
  type WaitingRoomEvent,
  waitingList,
  waitingRoomState,
} from './waiting-room.ts';

const t = (hhmm: string) => Date.parse(`2025-01-13T${hhmm}:00Z`);

function arrived(
  visitId: string,
  at: string,
  practitionerId: string | null,
  scheduled: string | null,
  name = ['Jeanne', 'Dupont'],
): WaitingRoomEvent {
  return {
    kind: 'arrived',
    visitId,
    at: t(at),
    patientId: `p-${visitId}`,
    practitionerId,
    scheduledStart: scheduled ? t(scheduled) : null,
    givenName: name[0]!,
    familyName: name[1]!,
  };
}

const events: WaitingRoomEvent[] = [
  arrived('v1', '08:50', 'dr-a', '09:00'),
  arrived('v2', '09:05', 'dr-a', '09:20', ['élodie', 'Martin']),
  arrived('v3', '09:10', 'dr-b', '09:00'),
  arrived('walk-in', '09:12', null, null),
  { kind: 'called_in', visitId: 'v1', at: t('09:10'), roomLabel: 'Salle 2' },
  { kind: 'seen', visitId: 'v1', at: t('09:30') },
  { kind: 'called_in', visitId: 'v2', at: t('09:35') },
];

describe('waiting room', () => {
  const state = waitingRoomState(events);
  const now = t('09:40');

  it('lists who is waiting, for whom, since when, in arrival order', () => {
    expect(
      waitingList(state, now).map((e) => [e.visit.visitId, e.visit.practitionerId, e.waitingMinutes]),
    ).toEqual([
      ['v3', 'dr-b', 30],
      ['walk-in', null, 28],
    ]);
  });

  it('moves a called-in patient to in consultation, then seen into the billing queue', () => {
    expect(inConsultation(state).map((v) => v.visitId)).toEqual(['v2']);
    expect(billingQueue(state).map((v) => v.visitId)).toEqual(['v1']);
    const billed = applyWaitingRoomEvent(state, { kind: 'billed', visitId: 'v1', at: t('09:41') });
    expect(billingQueue(billed)).toEqual([]);
  });

  it('numbers tickets in order of arrival', () => {
    expect(state.visits.map((v) => v.ticket)).toEqual([1, 2, 3, 4]);
  });

  it('replays events given out of order in time order', () => {
    expect(waitingRoomState([...events].reverse())).toEqual(state);
  });

  it('refuses calling in a patient who has not arrived, seeing one not called in, and a double arrival', () => {
    expect(() => applyWaitingRoomEvent(emptyWaitingRoom, { kind: 'called_in', visitId: 'x', at: 0 })).toThrow(
      expect.objectContaining({ code: 'visit_not_found' }),
    );
    expect(() => applyWaitingRoomEvent(state, { kind: 'seen', visitId: 'v3', at: now })).toThrow(
      expect.objectContaining({ code: 'invalid_transition', params: { from: 'waiting', to: 'seen' } }),
    );
    expect(() => applyWaitingRoomEvent(state, arrived('v1', '09:40', 'dr-a', '09:00'))).toThrow(
      expect.objectContaining({ code: 'already_arrived' }),
    );
  });

  it('lets a waiting patient leave, and not once called in', () => {
    const left = applyWaitingRoomEvent(state, { kind: 'left', visitId: 'walk-in', at: now });
    expect(waitingList(left, now).map((e) => e.visit.visitId)).toEqual(['v3']);
    expect(() => applyWaitingRoomEvent(state, { kind: 'left', visitId: 'v2', at: now })).toThrow(
      expect.objectContaining({ code: 'invalid_transition' }),
    );
  });

  it('flags a practitioner whose first patient waits past the appointment time beyond the threshold', () => {
    // v3 booked at 09:00, arrived 09:10: late since arrival, 30 min at 09:40.
    expect(latePractitioners(state, now, 15)).toEqual([
      { practitionerId: 'dr-b', visitId: 'v3', lateMinutes: 30 },
    ]);
    expect(latePractitioners(state, now, 30)).toEqual([]);
  });

  it('does not count a patient who came early as lateness', () => {
    const early = waitingRoomState([arrived('v9', '08:00', 'dr-c', '09:00')]);
    expect(latePractitioners(early, t('09:05'), 10)).toEqual([]);
    expect(latePractitioners(early, t('09:15'), 10)).toEqual([
      { practitionerId: 'dr-c', visitId: 'v9', lateMinutes: 15 },
    ]);
  });

  it('shows no names on the public display: ticket numbers or initials only', () => {
    const tickets = publicDisplay(state, 'ticket', (id) => (id === 'dr-a' ? 'Dr A' : null));
    expect(tickets).toEqual([
      { label: '002', stage: 'in_consultation', practitionerLabel: 'Dr A', roomLabel: null },
      { label: '003', stage: 'waiting', practitionerLabel: null, roomLabel: null },
      { label: '004', stage: 'waiting', practitionerLabel: null, roomLabel: null },
    ]);
    const initials = publicDisplay(state, 'initials');
    expect(initials.map((e) => e.label)).toEqual(['É. M.', 'J. D.', 'J. D.']);
    expect(JSON.stringify(initials)).not.toMatch(/Dupont|Martin|Jeanne/);
  });

  it('shows the room a patient is called to', () => {
    const called = applyWaitingRoomEvent(state, {
      kind: 'called_in',
      visitId: 'v3',
      at: now,
      roomLabel: 'Salle 1',
    });
    expect(publicDisplay(called, 'ticket').find((e) => e.label === '003')).toMatchObject({
      stage: 'in_consultation',
      roomLabel: 'Salle 1',
    });
  });
});
