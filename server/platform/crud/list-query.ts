import type { TListQuery, TPage } from '@domain/common.schema.ts';
import { type Column, type SQL, sql } from 'drizzle-orm';

// Search, sort and paging shared by every list (product standard 7). Text sorts with Danish
// collation (æ, ø, å last) and search is case-insensitive on the same collation, so "houlkær"
// finds "Houlkærvænget" (DOMAIN.md standing conventions).

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Case-insensitive "contains" on any of the columns. */
export function searchAny(q: string | undefined, columns: (Column | SQL)[]): SQL | undefined {
  const term = q?.trim();
  if (!term) return undefined;
  const pattern = `%${escapeLike(term.toLocaleLowerCase('da-DK'))}%`;
  const parts = columns.map((c) => sql`lower(${c}::text collate da_dk) like ${pattern}`);
  return sql`(${sql.join(parts, sql` or `)})`;
}

export interface TSortSpec {
  column: Column | SQL;
  /** Text columns sort with the Danish collation. */
  text?: boolean;
}

export function orderFor(
  query: Pick<TListQuery, 'sort' | 'dir'>,
  sortable: Record<string, TSortSpec>,
  fallback: string,
  tieBreaker: Column,
): SQL[] {
  const spec = sortable[query.sort ?? ''] ?? sortable[fallback]!;
  const expr = spec.text ? sql`${spec.column} collate da_dk` : sql`${spec.column}`;
  const dir = query.dir === 'desc' ? sql`desc nulls last` : sql`asc nulls last`;
  return [sql`${expr} ${dir}`, sql`${tieBreaker} asc`];
}

/** Total row count carried on every row of a page (a window function, so one query does both). */
export const totalCount = sql<string>`count(*) over ()`.mapWith(Number);

/**
 * Fetches one page of a list. `fetch(limit, offset)` runs the select, which includes
 * `total: totalCount`. A page past the end has no rows to carry the total, so it asks page 1.
 */
export async function fetchPage<TRow extends { total: number }>(
  query: Pick<TListQuery, 'page' | 'pageSize'>,
  fetch: (limit: number, offset: number) => Promise<TRow[]>,
): Promise<TPage<Omit<TRow, 'total'>>> {
  const rows = await fetch(query.pageSize, (query.page - 1) * query.pageSize);
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && query.page > 1) total = (await fetch(1, 0))[0]?.total ?? 0;
  const items = rows.map(({ total: _t, ...rest }) => rest);
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/** The one row of a `base` select that carries `total`, without it (for find-by-id). */
export function withoutTotal<TRow extends { total: number }>(rows: TRow[]): Omit<TRow, 'total'> | undefined {
  const row = rows[0];
  if (!row) return undefined;
  const { total: _total, ...rest } = row;
  return rest;
}

/** Which rows a list asks for: `limit`/`offset` (issue 3's API) when given, else `page`/`pageSize`. */
export function listWindow(
  query: Pick<TListQuery, 'page' | 'pageSize'> & { limit?: number; offset?: number },
): { limit: number; offset: number } {
  if (query.limit === undefined && query.offset === undefined) {
    return { limit: query.pageSize, offset: (query.page - 1) * query.pageSize };
  }
  return { limit: query.limit ?? query.pageSize, offset: query.offset ?? 0 };
}

/** `fetchPage` for a limit/offset window; `page` is the page the offset falls in. */
export async function fetchWindow<TRow extends { total: number }>(
  window: { limit: number; offset: number },
  fetch: (limit: number, offset: number) => Promise<TRow[]>,
): Promise<TPage<Omit<TRow, 'total'>>> {
  const rows = await fetch(window.limit, window.offset);
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && window.offset > 0) total = (await fetch(1, 0))[0]?.total ?? 0;
  const items = rows.map(({ total: _t, ...rest }) => rest);
  return { items, total, page: Math.floor(window.offset / window.limit) + 1, pageSize: window.limit };
}
