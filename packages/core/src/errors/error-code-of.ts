import { DomainError } from './domain-error.ts';

/** The code of the DomainError `fn` throws, or 'no error'. Test helper. */
export function errorCodeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return 'no error';
}
