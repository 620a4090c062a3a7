import { describe, expect, it } from 'vitest';
import {
  type AppointmentStatus,
  allowedTransitions,
  canTransition,
  holdsSlot,
  transitionAppointment,
} from './appointment-status.ts';

const by = { authorId: 'sec-1', at: '2025-01-13T09:00:00Z' };

describe('appointment status transitions', () => {
  it('follows the path booked → confirmed → arrived → in_consultation → seen', () => {
    const path: AppointmentStatus[] = ['booked', 'confirmed', 'arrived', 'in_consultation', 'seen'];
    for (let i = 1; i < path.length; i++) {
      expect(transitionAppointment(path[i - 1]!, { ...by, to: path[i]! })).toEqual({
        from: path[i - 1],
        to: path[i],
        authorId: 'sec-1',
        at: by.at,
        reason: null,
      });
    }
  });

  it('refuses marking arrived a cancelled appointment', () => {
    expect(() => transitionAppointment('cancelled', { ...by, to: 'arrived' })).toThrow(
      expect.objectContaining({ code: 'invalid_transition', params: { from: 'cancelled', to: 'arrived' } }),
    );
  });

  it('refuses going back from seen, and skipping the consultation', () => {
    expect(() => transitionAppointment('seen', { ...by, to: 'arrived' })).toThrow(
      expect.objectContaining({ code: 'invalid_transition' }),
    );
    expect(() => transitionAppointment('arrived', { ...by, to: 'seen' })).toThrow(
      expect.objectContaining({ code: 'invalid_transition' }),
    );
  });

  it('requires a reason to cancel', () => {
    expect(() => transitionAppointment('booked', { ...by, to: 'cancelled' })).toThrow(
      expect.objectContaining({ code: 'reason_required' }),
    );
    expect(() => transitionAppointment('booked', { ...by, to: 'cancelled', reason: '   ' })).toThrow(
      expect.objectContaining({ code: 'reason_required' }),
    );
    expect(
      transitionAppointment('confirmed', { ...by, to: 'cancelled', reason: ' patient ill ' }).reason,
    ).toBe('patient ill');
  });

  it('requires a reason to undo a no-show for a late patient', () => {
    expect(() => transitionAppointment('no_show', { ...by, to: 'arrived' })).toThrow(
      expect.objectContaining({ code: 'reason_required' }),
    );
    expect(transitionAppointment('no_show', { ...by, to: 'arrived', reason: 'arrived 40 min late' }).to).toBe(
      'arrived',
    );
  });

  it('requires an author', () => {
    expect(() => transitionAppointment('booked', { ...by, authorId: '', to: 'confirmed' })).toThrow(
      expect.objectContaining({ code: 'author_required' }),
    );
  });

  it('answers clearly when a second desk marks the same arrival', () => {
    expect(() => transitionAppointment('arrived', { ...by, to: 'arrived' })).toThrow(
      expect.objectContaining({ code: 'already_in_status', params: { status: 'arrived' } }),
    );
  });

  it('lists allowed moves and which statuses hold the slot', () => {
    expect(allowedTransitions('booked').sort()).toEqual(['arrived', 'cancelled', 'confirmed', 'no_show']);
    expect(allowedTransitions('seen')).toEqual([]);
    expect(canTransition('arrived', 'in_consultation')).toBe(true);
    expect(holdsSlot('confirmed')).toBe(true);
    expect(holdsSlot('cancelled')).toBe(false);
    expect(holdsSlot('no_show')).toBe(false);
  });
});
