import { describe, expect, it } from 'vitest';
import { areasOf, can } from './roles.ts';

describe('roles', () => {
  it('gives an administrator no permission on medical content, only the break-glass read', () => {
    for (const permission of [
      'records.read',
      'records.readConfidential',
      'records.write',
      'documents.read',
      'documents.write',
      'mail.read',
      'mail.write',
    ] as const)
      expect(can('admin', permission)).toBe(false);
    expect(can('admin', 'records.breakGlass')).toBe(true);
    expect(can('admin', 'users.manage')).toBe(true);
    expect(areasOf('admin')).not.toContain('documents');
    expect(areasOf('admin')).not.toContain('mail');
  });

  it('lets secretaries break the glass and practitioners, who read every item, not need to', () => {
    expect(can('secretary', 'records.breakGlass')).toBe(true);
    expect(can('practitioner', 'records.breakGlass')).toBe(false);
    expect(can('accountant', 'records.breakGlass')).toBe(false);
  });
});
