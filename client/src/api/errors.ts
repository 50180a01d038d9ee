import { AppErrorCode, appErrorMessagesDa, appErrorMessagesEn, type TAppErrorCode } from '@domain/errors.ts';

export type TLang = 'da' | 'en';

/** A failed API call, carrying the body the server sent (`{ error: { code, message, fields } }`). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: TAppErrorCode,
    readonly serverMessage: string | null,
    readonly fields: Record<string, string>,
  ) {
    super(serverMessage ?? code);
    this.name = 'ApiError';
  }
}

function isCode(value: unknown): value is TAppErrorCode {
  return typeof value === 'string' && value in AppErrorCode;
}

/** Build an ApiError from a status and whatever body came back (maybe not JSON at all). */
export function toApiError(status: number, body: unknown): ApiError {
  const err =
    typeof body === 'object' && body !== null && 'error' in body
      ? (body as { error: unknown }).error
      : undefined;
  const obj = typeof err === 'object' && err !== null ? (err as Record<string, unknown>) : {};
  const code: TAppErrorCode = isCode(obj.code) ? obj.code : fallbackCode(status);
  const message = typeof obj.message === 'string' && obj.message.trim() ? obj.message : null;
  const fields: Record<string, string> = {};
  if (typeof obj.fields === 'object' && obj.fields !== null) {
    for (const [k, v] of Object.entries(obj.fields as Record<string, unknown>)) {
      if (typeof v === 'string') fields[k] = v;
    }
  }
  return new ApiError(status, code, message, fields);
}

function fallbackCode(status: number): TAppErrorCode {
  switch (status) {
    case 400:
      return 'VALIDATION_FAILED';
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 409:
      return 'CONFLICT';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 429:
      return 'RATE_LIMITED';
    case 503:
      return 'SERVICE_UNAVAILABLE';
    default:
      return 'INTERNAL';
  }
}

/**
 * The message to show for an error. Danish: the server's own message when it sent one (it may be
 * more specific), else the code's message. English: the code's English message, since server
 * messages are Danish — falling back to the server's message for a code we do not know.
 */
export function errorMessage(error: unknown, lang: TLang): string {
  const messages = lang === 'en' ? appErrorMessagesEn : appErrorMessagesDa;
  if (error instanceof ApiError) {
    if (lang === 'da') return error.serverMessage ?? messages[error.code];
    return messages[error.code] ?? error.serverMessage ?? messages.INTERNAL;
  }
  if (error instanceof TypeError) {
    // fetch() rejects with a TypeError when the network or server is down.
    return messages.SERVICE_UNAVAILABLE;
  }
  return messages.INTERNAL;
}
