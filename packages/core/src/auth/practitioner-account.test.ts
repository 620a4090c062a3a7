import { describe, expect, it } from 'vitest';
import { practitionerRppsProblem } from './practitioner-account.ts';
import { userInput, userUpdateInput } from './schemas.ts';

const account = {
  email: 'dr.leroy@cabinet.fr',
  displayName: 'Dr Leroy',
  role: 'practitioner' as const,
  password: 'Correct-Horse-42',
};

describe('practitioner accounts', () => {
  it('requires an RPPS for a practitioner and none for other roles', () => {
    expect(practitionerRppsProblem('practitioner', undefined)).toBe('practitioner_rpps_required');
    expect(practitionerRppsProblem('practitioner', '  ')).toBe('practitioner_rpps_required');
    expect(practitionerRppsProblem('secretary', undefined)).toBeNull();
  });

  it('refuses an RPPS whose Luhn key does not match', () => {
    expect(practitionerRppsProblem('practitioner', '10003456781')).toBe('invalid_rpps');
    expect(practitionerRppsProblem('practitioner', '10003456786')).toBeNull();
  });

  it('checks the same rule in the account form, on the RPPS field', () => {
    const issue = (input: object) => userInput.safeParse(input).error?.issues[0];
    expect(issue(account)).toMatchObject({ path: ['rpps'], message: 'practitioner_rpps_required' });
    expect(issue({ ...account, rpps: '10003456781' })).toMatchObject({
      path: ['rpps'],
      message: 'invalid_rpps',
    });
    expect(userInput.parse({ ...account, rpps: '100 034 567 86' }).rpps).toBe('10003456786');
    expect(userUpdateInput.safeParse({ version: 1, rpps: '12345678901' }).success).toBe(false);
  });
});
