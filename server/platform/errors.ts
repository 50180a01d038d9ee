import { AppErrorCode, appErrorMessagesDa, type TApiErrorBody, type TAppErrorCode } from '@domain/errors.ts';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError, type z } from 'zod';

/** The one error type services throw. The handler turns it into the API's error body. */
export class AppError extends Error {
  constructor(
    readonly code: TAppErrorCode,
    message?: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message ?? appErrorMessagesDa[code]);
  }
}

/** A 400 about one field, with its Danish message: what a service says when a reference is wrong. */
export function fieldError(field: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', undefined, { [field]: message });
}

export function httpStatusFor(code: TAppErrorCode): number {
  switch (code) {
    case 'VALIDATION_FAILED':
    case 'PASSWORD_TOO_WEAK':
    case 'WRONG_PASSWORD':
      return 400;
    case 'UNAUTHENTICATED':
    case 'SESSION_EXPIRED':
    case 'INVALID_CREDENTIALS':
      return 401;
    case 'ACCOUNT_DISABLED':
    case 'CSRF_FAILED':
    case 'FORBIDDEN':
    case 'DEMO_ONLY':
      return 403;
    case 'NOT_FOUND':
    case 'ROUTE_NOT_FOUND':
    case 'INVITATION_INVALID':
      return 404;
    case 'CONFLICT':
    case 'EMAIL_TAKEN':
    case 'IN_USE':
    case 'MATCH_EXCLUDED':
    case 'PROPOSAL_LIMIT':
    case 'ALREADY_PROPOSED':
      return 409;
    case 'PAYLOAD_TOO_LARGE':
      return 413;
    case 'RATE_LIMITED':
      return 429;
    case 'SERVICE_UNAVAILABLE':
      return 503;
    case 'INTERNAL':
      return 500;
    default: {
      const exhaustive: never = code;
      return exhaustive;
    }
  }
}

export function errorBody(
  code: TAppErrorCode,
  message?: string,
  fields?: Record<string, string>,
): TApiErrorBody {
  return { error: { code, message: message ?? appErrorMessagesDa[code], ...(fields ? { fields } : {}) } };
}

/** zod issues → { "periodEnd": "Slutdatoen skal …" } (first message per path). */
export function fieldsFromIssues(
  issues: readonly z.core.$ZodIssue[],
  prefix?: string,
): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.length ? issue.path.map(String).join('.') : (prefix ?? '_');
    fields[key] ??= issue.message;
  }
  return fields;
}

interface TPgError {
  code?: string;
  constraint?: string;
}
function pgErrorOf(err: unknown): TPgError | undefined {
  let e: unknown = err;
  for (let i = 0; i < 3 && e; i++) {
    if (typeof e === 'object' && e !== null && 'code' in e && typeof (e as TPgError).code === 'string') {
      const code = (e as TPgError).code!;
      if (/^[0-9A-Z]{5}$/.test(code)) return e as TPgError;
    }
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Maps a database constraint failure to the user's mistake it represents, if any. */
export function appErrorFromDatabase(err: unknown): AppError | undefined {
  const pgErr = pgErrorOf(err);
  if (!pgErr) return undefined;
  switch (pgErr.code) {
    case '23505':
      return pgErr.constraint === 'users_email_key'
        ? new AppError(AppErrorCode.EMAIL_TAKEN, undefined, { email: appErrorMessagesDa.EMAIL_TAKEN })
        : pgErr.constraint === 'proposals_pair_key'
          ? new AppError(AppErrorCode.ALREADY_PROPOSED)
          : new AppError(AppErrorCode.CONFLICT, 'Der findes allerede en post med de samme oplysninger.');
    case '23503':
      return new AppError(AppErrorCode.IN_USE);
    case '23514':
    case '22P02':
      return new AppError(AppErrorCode.VALIDATION_FAILED);
    default:
      return undefined;
  }
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setNotFoundHandler((request, reply) => {
    reply
      .code(404)
      .send(
        errorBody('ROUTE_NOT_FOUND', `Adressen findes ikke: ${request.method} ${request.url.split('?')[0]}`),
      );
  });

  app.setErrorHandler((error: FastifyError | Error, request, reply) => {
    if (error instanceof AppError) {
      return reply.code(httpStatusFor(error.code)).send(errorBody(error.code, error.message, error.fields));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields: Record<string, string> = {};
      for (const v of error.validation) {
        const path =
          v.instancePath.replace(/^\//, '').replace(/\//g, '.') || (error.validationContext ?? '_');
        fields[path] ??= v.message ?? 'Ugyldig værdi.';
      }
      return reply.code(400).send(errorBody('VALIDATION_FAILED', undefined, fields));
    }
    if (error instanceof ZodError) {
      return reply.code(400).send(errorBody('VALIDATION_FAILED', undefined, fieldsFromIssues(error.issues)));
    }
    const fromDb = appErrorFromDatabase(error);
    if (fromDb) {
      return reply
        .code(httpStatusFor(fromDb.code))
        .send(errorBody(fromDb.code, fromDb.message, fromDb.fields));
    }
    const fe = error as FastifyError;
    if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return reply.code(413).send(errorBody('PAYLOAD_TOO_LARGE'));
    if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
      // Malformed JSON, wrong content type and the like: the client's mistake, said plainly.
      return reply
        .code(fe.statusCode === 415 ? 415 : 400)
        .send(
          errorBody('VALIDATION_FAILED', 'Forespørgslen kunne ikke læses (ugyldig JSON eller indholdstype).'),
        );
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send(errorBody('INTERNAL'));
  });
}
