import {
  DomainError,
  errorMessage,
  hasErrorMessage,
  httpStatusOf,
  isDomainError,
  type Language,
  validationDetail,
} from '@pivot/core';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { requestLanguage } from './language.ts';

export interface ErrorBody {
  error: { code: string; message: string; field?: string; details?: unknown };
}

function body(request: FastifyRequest, error: DomainError, extra: Record<string, string> = {}): ErrorBody {
  const language = requestLanguage(request);
  const params = { ...error.params, ...extra };
  return {
    error: {
      code: error.code,
      message: errorMessage(error.code, language, params, error.field),
      ...(error.field ? { field: error.field } : {}),
      ...(error.details !== undefined ? { details: error.details } : {}),
    },
  };
}

export function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  error: DomainError,
  extra?: Record<string, string>,
) {
  return reply.status(httpStatusOf(error.code)).send(body(request, error, extra));
}

interface ValidationIssue {
  instancePath: string;
  keyword: string;
  message?: string;
  params?: unknown;
}

/** One failed check of a schema: the field's dotted path and a stable code. */
function validationIssue(issue: ValidationIssue, context: string | undefined) {
  const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
  const field = path || (context ?? 'body');
  const message = issue.message ?? '';
  // A schema may carry one of our stable codes as its message (e.g. invalid_finess, or
  // recipient_required for a missing or empty recipient).
  const code = hasErrorMessage(message)
    ? message
    : issue.keyword === 'invalid_type' && /received undefined/.test(message)
      ? 'required'
      : 'validation_failed';
  const params = (issue.params ?? {}) as Record<string, unknown>;
  return { field, code, detail: (language: Language) => validationDetail(issue.keyword, params, language) };
}

/** Snake-case column → the camelCase field of the API (`practitioner_id` → `practitionerId`). */
function fieldOfColumn(column: string): string {
  return column.replace(/_([a-z])/g, (_m, letter: string) => letter.toUpperCase());
}

/**
 * What the database refused because of the request's values, as a 4xx: a foreign key that finds
 * no row of the organization (23503; composite keys on organization_id, migration 0015), or a
 * data exception (class 22: out of range, malformed). Never the value itself: `detail` holds it.
 */
function databaseRefusal(error: unknown): DomainError | undefined {
  const e = error as { code?: unknown; detail?: unknown; severity?: unknown };
  if (typeof e.code !== 'string' || !/^[0-9A-Z]{5}$/.test(e.code) || e.severity === undefined)
    return undefined;
  const detail = typeof e.detail === 'string' ? e.detail : '';
  if (e.code === '23503') {
    if (/still referenced/.test(detail)) return new DomainError('reference_in_use');
    const columns = /Key \(([^)]+)\)=/.exec(detail)?.[1]?.split(/,\s*/) ?? [];
    const column = columns.filter((c) => c !== 'organization_id').at(-1);
    return new DomainError('reference_not_found', column ? { field: fieldOfColumn(column) } : {});
  }
  if (e.code.startsWith('22')) return new DomainError('value_not_storable');
  return undefined;
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (isDomainError(error)) return sendError(request, reply, error);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map((issue) => validationIssue(issue, error.validationContext));
      const first = issues[0]!;
      // Every failing field is listed, not only the first, so a form can mark them all at once
      // (at most 50: a body of thousands of broken items need not be echoed item by item).
      const details = { issues: issues.slice(0, 50).map(({ field, code }) => ({ field, code })) };
      const extra: Record<string, string> =
        first.code === 'validation_failed' ? { detail: first.detail(requestLanguage(request)) } : {};
      return sendError(request, reply, new DomainError(first.code, { field: first.field, details }), extra);
    }
    const refused = databaseRefusal(error);
    if (refused) {
      // A class-22 refusal means a schema let through what the column cannot hold: worth fixing.
      if (refused.code === 'value_not_storable')
        request.log.warn({ code: (error as { code: string }).code }, 'value refused by the database');
      return sendError(request, reply, refused);
    }
    if (
      error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
      (error.statusCode === 400 && error instanceof SyntaxError)
    ) {
      return sendError(request, reply, new DomainError('malformed_json'));
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.statusCode === 413) {
      return sendError(request, reply, new DomainError('payload_too_large'));
    }
    if (error.statusCode === 429) return sendError(request, reply, new DomainError('too_many_requests'));
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      return sendError(request, reply, new DomainError('validation_failed', { field: 'body' }), {
        detail: requestLanguage(request) === 'fr' ? 'corps JSON attendu' : 'JSON body expected',
      });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendError(request, reply, new DomainError('validation_failed', { field: 'body' }), {
        detail: requestLanguage(request) === 'fr' ? 'requête invalide' : 'invalid request',
      });
    }
    // The route's pattern and the error's code only (http/logging.ts): no body, no message.
    request.log.error({ err: error, route: request.routeOptions.url ?? 'none' }, 'unhandled error');
    return sendError(request, reply, new DomainError('internal_error'));
  });

  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/')) return sendError(request, reply, new DomainError('route_not_found'));
    return reply.status(404).type('text/plain').send('Not found');
  });
}
