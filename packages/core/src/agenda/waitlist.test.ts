import { describe, expect, it } from 'vitest';
import { matchWaitlist, type WaitlistEntry } from './waitlist.ts';

const at = Date.parse;
const motifs = new Map([
  ['consult', { durationMinutes: 20, eligiblePractitionerIds: ['dr-a', 'dr-b'] }],
  ['long', { durationMinutes: 60, eligiblePractitionerIds: ['dr-a'] }],
  ['echo', { durationMinutes: 20, eligiblePractitionerIds: ['dr-b'] }],
]);
// Tuesday 14 January 2025, 09:00–09:30 local
const slot = {
  practitionerId: 'dr-a',
  start: at('2025-01-14T08:00:00Z'),
  end: at('2025-01-14T08:30:00Z'),
  freedByPatientId: 'p-gone',
};

function entry(id: string, overrides: Partial<WaitlistEntry> = {}): WaitlistEntry {
  return {
    id,
    patientId: `p-${id}`,
    appointmentTypeId: 'consult',
    requestedAt: '2025-01-01T10:00:00Z',
    active: true,
    ...overrides,
  };
}

describe('matchWaitlist', () => {
  it('proposes matching patients by request date, oldest first', () => {
    const entries = [
      entry('late', { requestedAt: '2025-01-05T10:00:00Z' }),
      entry('early', { requestedAt: '2025-01-02T10:00:00Z' }),
    ];
    expect(matchWaitlist(entries, slot, motifs).map((m) => m.entry.id)).toEqual(['early', 'late']);
  });

  it('gives the matched patient the motif’s own duration', () => {
    const [match] = matchWaitlist([entry('a')], slot, motifs);
    expect(match!.end - match!.start).toBe(20 * 60_000);
  });

  it('leaves out motifs too long for the slot or not taken by the practitioner', () => {
    expect(
      matchWaitlist(
        [entry('a', { appointmentTypeId: 'long' }), entry('b', { appointmentTypeId: 'echo' })],
        slot,
        motifs,
      ),
    ).toEqual([]);
  });

  it('honours preferred practitioner, weekdays, period and date bounds', () => {
    const entries = [
      entry('other-dr', { preferredPractitionerId: 'dr-b' }),
      entry('monday-only', { weekdays: [1] }),
      entry('afternoon', { period: 'afternoon' }),
      entry('too-early', { earliestDate: '2025-01-15' }),
      entry('too-late', { latestDate: '2025-01-13' }),
      entry('fits', {
        preferredPractitionerId: 'dr-a',
        weekdays: [2],
        period: 'morning',
        earliestDate: '2025-01-14',
        latestDate: '2025-01-14',
      }),
    ];
    expect(matchWaitlist(entries, slot, motifs).map((m) => m.entry.id)).toEqual(['fits']);
  });

  it('skips inactive entries and the patient who freed the slot', () => {
    expect(
      matchWaitlist([entry('done', { active: false }), entry('gone', { patientId: 'p-gone' })], slot, motifs),
    ).toEqual([]);
  });
});
