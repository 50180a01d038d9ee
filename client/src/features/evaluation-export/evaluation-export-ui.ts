import { toQueryString } from '@client/api/client.ts';
import { toApiError } from '@client/api/errors.ts';
import type { TEvaluationExportKey, TEvaluationExportQuery } from '@domain/evaluation-export.schema.ts';

export const KEYS_PATH = '/api/exports/evaluation/keys';
export const EXPORT_PATH = '/api/exports/evaluation';

/** The file name a Content-Disposition header gives: the exact UTF-8 name, else the ASCII one. */
export function fileNameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const exact = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (exact?.[1]) {
    try {
      return decodeURIComponent(exact[1].trim());
    } catch {
      // Fall through to the plain name.
    }
  }
  const plain = /filename="([^"]*)"/i.exec(header);
  return plain?.[1] || null;
}

/** Keys that can still be exported with, newest first (as the server lists them). */
export function activeKeys(keys: readonly TEvaluationExportKey[]): TEvaluationExportKey[] {
  return keys.filter((k) => k.revokedAt === null);
}

/**
 * Fetches the export and hands it to the browser as a download. Fetched (not a plain link) so a
 * refusal — a revoked key, a wrong period — is shown on the page instead of saved as a file.
 * Returns the file's name.
 */
export async function downloadEvaluationExport(query: TEvaluationExportQuery): Promise<string> {
  const res = await fetch(`${EXPORT_PATH}${toQueryString(query)}`, {
    credentials: 'same-origin',
    headers: { accept: 'text/csv, application/json' },
  });
  if (!res.ok) {
    let body: unknown = null;
    try {
      body = await res.json();
    } catch {
      body = null;
    }
    throw toApiError(res.status, body);
  }
  const blob = await res.blob();
  const fileName =
    fileNameFromDisposition(res.headers.get('content-disposition')) ?? 'evalueringsudtraek.csv';
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return fileName;
}
