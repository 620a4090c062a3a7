import { describe, expect, it } from 'vitest';
import {
  type Organization,
  preselectedRoom,
  roomChoices,
  timeOf,
  urgencies,
  urgencyColour,
  waitText,
} from './model.ts';

describe('reception model', () => {
  it('shows a time in Paris, on the 24-hour clock in both languages', () => {
    expect(timeOf('2026-07-15T12:05:00.000Z', 'fr')).toBe('14:05');
    expect(timeOf('2026-01-15T12:05:00.000Z', 'en')).toBe('13:05');
  });

  it('orders urgencies from routine to vital, vital in red', () => {
    expect(urgencies).toEqual(['routine', 'soon', 'urgent', 'vital']);
    expect(urgencyColour.vital).toBe('red');
    for (const u of urgencies) expect(urgencyColour[u]).toBeTruthy();
  });
});

const room = (id: string, name: string, siteId: string | null, active = true) => ({
  id,
  name,
  kind: 'consultation',
  siteId,
  active,
  version: 0,
});
const organization: Pick<Organization, 'sites' | 'rooms'> = {
  sites: [
    {
      id: 'main',
      name: 'Site principal',
      kind: 'site',
      finess: '',
      address: {},
      openingHours: {},
      active: true,
      version: 0,
    },
    {
      id: 'annex',
      name: 'Annexe',
      kind: 'site',
      finess: '',
      address: {},
      openingHours: {},
      active: true,
      version: 0,
    },
  ],
  rooms: [
    room('c10', 'Cabinet 10', 'main'),
    room('c2', 'Cabinet 2', 'main'),
    room('old', 'Cabinet 3', 'main', false),
    room('a1', 'Cabinet 1', 'annex'),
    room('care', 'Salle de soins', null),
    { ...room('meeting', 'Salle de réunion', 'main'), kind: 'meeting' },
  ],
};

describe('the rooms a patient may be called to', () => {
  it('offers the rooms in use of the visit’s site and those of no site, in natural order, no meeting room', () => {
    expect(roomChoices(organization, { siteId: 'main' })).toEqual([
      { value: 'c2', label: 'Cabinet 2' },
      { value: 'c10', label: 'Cabinet 10' },
      { value: 'care', label: 'Salle de soins' },
    ]);
  });

  it('offers every room in use to a visit with no site, each named with its site when there are several', () => {
    expect(roomChoices(organization, { siteId: null }).map((c) => c.label)).toEqual([
      'Cabinet 1 — Annexe',
      'Cabinet 2 — Site principal',
      'Cabinet 10 — Site principal',
      'Salle de soins',
    ]);
  });

  it('preselects the room the practitioner was last called into, if it is still on offer', () => {
    const choices = roomChoices(organization, { siteId: 'main' });
    expect(preselectedRoom(choices, { 'dr-a': 'c10' }, 'dr-a')).toBe('c10');
    expect(preselectedRoom(choices, { 'dr-a': 'a1' }, 'dr-a')).toBeNull(); // another site's room
    expect(preselectedRoom(choices, { 'dr-a': 'old' }, 'dr-a')).toBeNull(); // no longer in use
    expect(preselectedRoom(choices, { 'dr-a': 'c10' }, 'dr-b')).toBeNull();
    expect(preselectedRoom(choices, { 'dr-a': 'c10' }, null)).toBeNull();
  });
});

describe('the waits of the statistics', () => {
  const t = (key: string, options?: Record<string, unknown>) =>
    `${key}${options ? JSON.stringify(options) : ''}`;
  it('shows a dash before anyone is called, "under a minute" for 0, whole minutes otherwise', () => {
    expect(waitText(null, t)).toBe('—');
    expect(waitText(0, t)).toBe('board.underAMinute');
    expect(waitText(16, t)).toBe('board.minutes{"count":16}');
  });
});
