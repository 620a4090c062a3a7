import { describe, expect, it } from 'vitest';
import { errorMessage, hasErrorMessage } from '../error-catalogue.ts';
import './index.ts';

const codes = [
  'absence_overlap',
  'already_in_status',
  'ambiguous_local_time',
  'appointment_type_inactive',
  'author_required',
  'end_before_start',
  'instant_without_offset',
  'invalid_date',
  'invalid_duration',
  'invalid_instant',
  'invalid_step',
  'invalid_time',
  'invalid_transition',
  'new_patients_not_allowed',
  'no_equipment_of_required_kind',
  'no_room_of_required_kind',
  'no_working_weekday',
  'nonexistent_local_time',
  'opening_ranges_overlap',
  'outside_opening_hours',
  'override_reason_required',
  'practitioner_not_eligible',
  'reason_required',
];

describe('agenda error messages', () => {
  it.each(codes)('has a French and an English message for %s', (code) => {
    expect(hasErrorMessage(code)).toBe(true);
    expect(errorMessage(code, 'fr')).not.toBe(errorMessage('internal_error', 'fr'));
    expect(errorMessage(code, 'en')).not.toBe(errorMessage('internal_error', 'en'));
  });

  it('fills the date and time of a nonexistent local time', () => {
    expect(errorMessage('nonexistent_local_time', 'fr', { date: '2025-03-30', time: '02:30' })).toContain(
      '2025-03-30 à 02:30',
    );
  });
});
