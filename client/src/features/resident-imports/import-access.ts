import type { TMe } from '@domain/auth.schema.ts';

// What the residents list needs to offer the import (kept apart, so the list's chunk stays small).

export const IMPORT_PAGE = '/residents/import';

/** Job consultants import their jobcenter's lists; the secretariat any jobcenter's. */
export function canImportLists(me: TMe): boolean {
  return me.memberships.some((m) => m.role === 'admin' || (m.role === 'job_consultant' && m.scopeId));
}
