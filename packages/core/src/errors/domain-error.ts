/**
 * The one error type of the domain. `code` is stable (API clients and translations key on it),
 * `field` names the offending input field when there is one, `params` fill the message.
 * Never put patient data in params: messages end up in HTTP answers.
 */
export class DomainError extends Error {
  readonly code: string;
  readonly field: string | undefined;
  readonly params: Record<string, string | number>;
  /** Structured data the client needs to act on the error (e.g. duplicate candidates). */
  readonly details: unknown;

  constructor(
    code: string,
    options: { field?: string; params?: Record<string, string | number>; details?: unknown } = {},
  ) {
    super(code);
    this.name = 'DomainError';
    this.code = code;
    this.field = options.field;
    this.params = options.params ?? {};
    this.details = options.details;
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}
