import type { FastifyInstance, InjectOptions } from 'fastify';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Requests to the in-process app as the user whose session cookie is given (none: anonymous). */
export function callAs(app: FastifyInstance, cookie?: string) {
  const send = (method: Method, url: string, payload?: unknown) =>
    app.inject({
      method,
      url,
      headers: cookie ? { cookie } : {},
      ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }),
    });
  return {
    send,
    get: (url: string) => send('GET', url),
    post: (url: string, payload: unknown = {}) => send('POST', url, payload),
    put: (url: string, payload: unknown) => send('PUT', url, payload),
    patch: (url: string, payload: unknown) => send('PATCH', url, payload),
    del: (url: string) => send('DELETE', url),
  };
}

/**
 * For suites that change user from one request to the next: `call('POST', url, cookie, body)`.
 * The app is read when the request is made, so a suite may build it in `beforeAll`.
 */
export function caller(app: () => FastifyInstance) {
  return (method: Method, url: string, cookie?: string, payload?: unknown) =>
    callAs(app(), cookie).send(method, url, payload);
}
