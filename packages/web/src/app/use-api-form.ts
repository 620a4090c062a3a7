import { useState } from 'react';
import { ApiError } from './api.ts';

/** Runs a submission and keeps the API's error: the message, and which field it names. */
export function useApiForm() {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit<T>(action: () => Promise<T>): Promise<T | undefined> {
    setBusy(true);
    setError(null);
    try {
      return await action();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'internal_error', String(e)));
      return undefined;
    } finally {
      setBusy(false);
    }
  }
  const fieldError = (field: string) => (error?.field === field ? error.message : undefined);
  const generalError = error && !error.field ? error.message : error?.field ? error.message : null;
  return { error, busy, submit, fieldError, generalError, setError };
}
