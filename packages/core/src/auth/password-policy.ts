import { DomainError } from '../errors/domain-error.ts';

/** ANSSI / CNIL guidance (délibération 2022-100): at least 12 characters mixing character classes. */
export const passwordMinLength = 12;

export function checkPasswordStrength(password: string, field = 'password'): void {
  const strong =
    password.length >= passwordMinLength &&
    password.length <= 256 &&
    /[a-z]/.test(password) &&
    /[A-Z]/.test(password) &&
    /[0-9]/.test(password);
  if (!strong) throw new DomainError('password_too_weak', { field });
}
