import type { FastifyRequest } from 'fastify';
import pino, { type DestinationStream, type LoggerOptions } from 'pino';
import type { Config } from '../config.ts';

/**
 * What an error leaves in the log. Database errors quote the offending value ("date/time field
 * value out of range: "1980-02-31"", "Key (email)=(…) already exists") and stacks carry the rest:
 * patient data in a log breaks medical confidentiality (CSP art. L1110-4) and RGPD art. 32. Only
 * the error's kind and code (SQLSTATE for the database, constraint name) are kept unless the
 * operator turns PIVOT_LOG_ERROR_DETAIL on to debug, off production data.
 */
export function errorLogFields(error: unknown, detail: boolean): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  if (detail) return pino.stdSerializers.err(error) as unknown as Record<string, unknown>;
  const { code, constraint } = error as { code?: unknown; constraint?: unknown };
  return {
    type: error.name,
    ...(code !== undefined ? { code } : {}),
    ...(typeof constraint === 'string' ? { constraint } : {}),
  };
}

/** The path of a request as logged: never its query string, never a secret it carries. */
function loggedUrl(request: FastifyRequest): string {
  if (request.routeOptions?.config?.secretInUrl) return request.routeOptions.url ?? '';
  return String(request.url).split('?')[0] ?? '';
}

export function loggerOptions(
  config: Config,
  stream?: DestinationStream,
): LoggerOptions & { stream?: DestinationStream } {
  return {
    level: config.logLevel,
    // Cookies carry sessions; bodies and query strings may carry patient data: none is logged.
    redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
    serializers: {
      req: (request: FastifyRequest) => ({ method: request.method, url: loggedUrl(request), ip: request.ip }),
      err: (error: unknown) => errorLogFields(error, config.logErrorDetail),
    },
    ...(stream ? { stream } : {}),
  };
}
