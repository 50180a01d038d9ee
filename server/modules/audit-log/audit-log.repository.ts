import type { TAuditAction } from '@domain/audit.schema.ts';
import type { TListQuery } from '@domain/common.schema.ts';
import type { TDbOrTx } from '@server/db/client.ts';
import { auditEvents, users } from '@server/db/schema/index.ts';
import { fetchPage, totalCount } from '@server/platform/crud/list-query.ts';
import { and, desc, eq, gte, lt, or, type SQL, sql } from 'drizzle-orm';

export interface TAuditFilters {
  from?: string;
  to?: string;
  userId?: string;
  action?: TAuditAction;
  entityType?: string;
  /** Searches whose typed text had this fingerprint (server/platform/search-fingerprint.ts). */
  searchedFingerprint?: string;
}

const columns = {
  id: auditEvents.id,
  at: auditEvents.at,
  userId: auditEvents.userId,
  userEmail: users.email,
  action: auditEvents.action,
  entityType: auditEvents.entityType,
  entityId: auditEvents.entityId,
  requestId: auditEvents.requestId,
  ip: auditEvents.ip,
  details: auditEvents.details,
};

/** Day filters are Danish calendar days: "to 24.11.2026" includes all of that day in Copenhagen. */
function dayStart(date: string): SQL {
  return sql`(${date}::date::timestamp at time zone 'Europe/Copenhagen')`;
}

export function auditWhere(f: TAuditFilters): SQL | undefined {
  return and(
    f.from ? gte(auditEvents.at, dayStart(f.from)) : undefined,
    f.to ? lt(auditEvents.at, sql`${dayStart(f.to)} + interval '1 day'`) : undefined,
    f.userId ? eq(auditEvents.userId, f.userId) : undefined,
    f.action ? eq(auditEvents.action, f.action) : undefined,
    f.entityType ? eq(auditEvents.entityType, f.entityType) : undefined,
    f.searchedFingerprint
      ? or(
          sql`${auditEvents.details} -> 'criteria' -> 'q' ->> 'fingerprint' = ${f.searchedFingerprint}`,
          sql`${auditEvents.details} -> 'criteria' -> 'searched' ->> 'fingerprint' = ${f.searchedFingerprint}`,
        )
      : undefined,
  );
}

const base = (db: TDbOrTx) =>
  db.select(columns).from(auditEvents).leftJoin(users, eq(users.id, auditEvents.userId)).$dynamic();

export function listAuditEvents(
  db: TDbOrTx,
  query: Pick<TListQuery, 'page' | 'pageSize'>,
  filters: TAuditFilters,
) {
  const where = auditWhere(filters);
  return fetchPage(query, (limit, offset) =>
    db
      .select({ ...columns, total: totalCount })
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.userId))
      .where(where)
      .orderBy(desc(auditEvents.id))
      .limit(limit)
      .offset(offset),
  );
}

/** Newest first, in batches below an id (keyset paging), so a long export never holds all rows. */
export function auditBatch(db: TDbOrTx, filters: TAuditFilters, beforeId: bigint | null, size: number) {
  return base(db)
    .where(and(auditWhere(filters), beforeId !== null ? lt(auditEvents.id, beforeId) : undefined))
    .orderBy(desc(auditEvents.id))
    .limit(size);
}
