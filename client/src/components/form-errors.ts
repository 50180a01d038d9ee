import { ApiError } from '@client/api/errors.ts';
import type { z } from 'zod';

export type TFieldErrors = Record<string, string>;

/** Zod issues → one Danish message per dot path (the first issue of a path wins). */
export function issuesToFieldErrors(issues: readonly z.core.$ZodIssue[]): TFieldErrors {
  const out: TFieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.') || '_';
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}

/** The server's `fields` map of a 400, or nothing. */
export function serverFieldErrors(error: unknown): TFieldErrors {
  return error instanceof ApiError ? { ...error.fields } : {};
}

/** Parse form values with a domain schema: the parsed value, or field errors to show. */
export function parseForm<S extends z.ZodType>(
  schema: S,
  values: unknown,
): { ok: true; data: z.output<S> } | { ok: false; errors: TFieldErrors } {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, errors: issuesToFieldErrors(result.error.issues) };
}
