import i18n from './i18n.ts';

/**
 * The error shape every API route answers with (`{"error":{"code","message","field","details"}}`).
 * `details` carries what some errors add, e.g. the duplicate candidates of a 409.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

let onUnauthenticated: (() => void) | undefined;
export function setUnauthenticatedHandler(handler: () => void) {
  onUnauthenticated = handler;
}

interface ErrorAnswer {
  error?: { code: string; message: string; field?: string; details?: unknown };
}

/** An answer that is not JSON (a proxy's HTML page, an empty 502) still becomes an ApiError. */
async function errorOf(response: Response, path: string): Promise<ApiError> {
  const text = await response.text();
  let data: ErrorAnswer | undefined;
  try {
    data = text ? (JSON.parse(text) as ErrorAnswer) : undefined;
  } catch {
    data = undefined;
  }
  const error = data?.error ?? { code: 'internal_error', message: response.statusText };
  if (response.status === 401 && path !== '/api/auth/login' && onUnauthenticated) onUnauthenticated();
  return new ApiError(response.status, error.code, error.message, error.field, error.details);
}

/** Every request of the web app goes out here: same-origin cookie, the user's language, one error mapping. */
async function request(
  method: string,
  path: string,
  body?: BodyInit,
  contentType?: string,
): Promise<Response> {
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: {
      'accept-language': i18n.language,
      ...(contentType ? { 'content-type': contentType } : {}),
    },
    body,
  });
  if (!response.ok) throw await errorOf(response, path);
  return response;
}

/** The answer as JSON, or as text when the server says it is not JSON; undefined when empty. */
async function answerOf<T>(response: Response): Promise<T> {
  const text = await response.text();
  if (!text) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  return (type === '' || type.includes('json') ? JSON.parse(text) : text) as T;
}

const jsonBody = (body: unknown) => (body === undefined ? undefined : JSON.stringify(body));

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await request(
    method,
    path,
    jsonBody(body),
    body === undefined ? undefined : 'application/json',
  );
  return answerOf<T>(response);
}

export const get = <T>(path: string) => api<T>('GET', path);
export const post = <T>(path: string, body?: unknown) => api<T>('POST', path, body ?? {});
export const put = <T>(path: string, body: unknown) => api<T>('PUT', path, body);
export const patch = <T>(path: string, body: unknown) => api<T>('PATCH', path, body);

/** A multipart upload (attachments, scans): the browser sets the boundary, so no content type here. */
export async function upload<T>(path: string, form: FormData, method = 'POST'): Promise<T> {
  return answerOf<T>(await request(method, path, form));
}

/** A file the server makes (a PDF, an export), as a blob to open or save. */
export async function download(method: string, path: string, body?: unknown): Promise<Blob> {
  const response = await request(
    method,
    path,
    jsonBody(body),
    body === undefined ? undefined : 'application/json',
  );
  return response.blob();
}
