import { ApiError } from '@client/api/errors.ts';
import { useState } from 'react';
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

/**
 * The submit cycle every form shares: validate with the domain schema (field errors stay in the
 * browser), send, and show the server's field errors or message when it refuses.
 */
export function useSchemaSubmit<S extends z.ZodType>(schema: S, send: (data: z.output<S>) => Promise<void>) {
  const [errors, setErrors] = useState<TFieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (values: unknown) => {
    setError(null);
    const parsed = parseForm(schema, values);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await send(parsed.data);
    } catch (err) {
      setErrors(serverFieldErrors(err));
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return { errors, setErrors, error, setError, busy, submit };
}
