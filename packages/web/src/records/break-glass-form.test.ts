import { describe, expect, it } from 'vitest';
import { breakGlassReasonError } from './break-glass-form.ts';

describe('break-glass form', () => {
  it('asks for a reason of at least ten characters, in French and English', () => {
    expect(breakGlassReasonError('   ', 'fr')).toContain('motif');
    expect(breakGlassReasonError('urgent', 'en')).toContain('reason');
  });

  it('refuses a reason over 500 characters', () => {
    expect(breakGlassReasonError('x'.repeat(501), 'fr')).toContain('500');
  });

  it('accepts a reason the server accepts', () => {
    expect(breakGlassReasonError('Patient inconscient aux urgences', 'fr')).toBeNull();
  });
});
