import { DomainError } from '../errors/domain-error.ts';
import { isValidRpps } from '../organization/index.ts';
import type { Role } from './roles.ts';

/**
 * A practitioner account reads practitioner-only notes: it is only given to a person with a valid
 * RPPS number (CSP L1110-4; the RPPS identifies every health professional, arrêté du 6 février
 * 2009). The code of the error names what to fix, or null when the account may be a practitioner.
 */
export function practitionerRppsProblem(
  role: Role,
  rpps: string | null | undefined,
): 'practitioner_rpps_required' | 'invalid_rpps' | null {
  if (role !== 'practitioner') return null;
  if (!rpps || rpps.trim() === '') return 'practitioner_rpps_required';
  return isValidRpps(rpps) ? null : 'invalid_rpps';
}

export function assertPractitionerRpps(role: Role, rpps: string | null | undefined): void {
  const problem = practitionerRppsProblem(role, rpps);
  if (problem) throw new DomainError(problem, { field: 'rpps' });
}
