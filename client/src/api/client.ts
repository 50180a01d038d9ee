import type { TAppErrorCode } from '@domain/errors.ts';
import { toApiError } from './errors.ts';

// The one way the client talks to the API: JSON in and out, the session cookie, the CSRF header
// on every state-changing call, and one place that reacts to an ended session.

type TQueryValue = string | number | boolean | null | undefined;
export type TQuery = Record<string, TQueryValue>;

let csrfToken: string | null = null;
let onUnauthorized: ((code: TAppErrorCode) => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when any call (except the ones that expect it) answers 401. */
export function setUnauthorizedHandler(handler: ((code: TAppErrorCode) => void) | null): void {
  onUnauthorized = handler;
}

/** `?a=1&b=x` from the defined, non-empty values, in a stable order. */
export function toQueryString(query: TQuery | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

interface TRequestOptions {
  query?: TQuery;
  body?: unknown;
  /** A multipart/form-data body (a file upload); the browser sets its content type. */
  formData?: FormData;
  /** A 401 is an expected answer here (login, /api/me): do not treat it as an ended session. */
  expect401?: boolean;
  signal?: AbortSignal;
}

export async function request<T>(method: string, path: string, opts: TRequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const res = await fetch(`${path}${toQueryString(opts.query)}`, {
    method,
    headers,
    credentials: 'same-origin',
    body: opts.formData ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
    signal: opts.signal,
  });
  const text = await res.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = text;
    }
  }
  if (!res.ok) {
    const error = toApiError(res.status, data);
    if (res.status === 401 && !opts.expect401) onUnauthorized?.(error.code);
    throw error;
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: TQuery, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
  /** Sends one file as multipart/form-data in the field `field` (default "file"). */
  upload: <T>(path: string, file: File, options: { method?: 'POST' | 'PUT'; field?: string } = {}) => {
    const formData = new FormData();
    formData.append(options.field ?? 'file', file, file.name);
    return request<T>(options.method ?? 'POST', path, { formData });
  },
};
