import { describe, expect, it } from 'vitest';
import { errorMessage, hasErrorMessage } from '../error-catalogue.ts';
import './index.ts';

const codes = [
  'already_arrived',
  'incident_steps_missing',
  'incident_unknown_step',
  'invalid_phone',
  'recipient_required',
  'room_inactive',
  'room_other_site',
  'transfer_target_required',
  'triage_duplicate_id',
  'triage_path_level_mismatch',
  'triage_unknown_answer',
  'visit_not_found',
];

describe('reception error messages', () => {
  it.each(codes)('has a French and an English message for %s', (code) => {
    expect(hasErrorMessage(code)).toBe(true);
    expect(errorMessage(code, 'fr')).not.toBe(errorMessage('internal_error', 'fr'));
    expect(errorMessage(code, 'en')).not.toBe(errorMessage('internal_error', 'en'));
  });

  it('names the recipient field in the user’s language', () => {
    expect(errorMessage('required', 'fr', {}, 'recipientId')).toContain('Destinataire');
  });
});
