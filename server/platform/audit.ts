import type { TAuditAction } from '@domain/audit.schema.ts';
import type { TDbOrTx } from '@server/db/client.ts';
import { auditEvents } from '@server/db/schema/index.ts';
import type { TRequestContext } from './http/request-context.ts';

export interface TAuditEntry {
  action: TAuditAction;
  entityType?: string;
  entityId?: string | null;
  /** Criteria of a search, reason of a denial — never personal data beyond ids. */
  details?: Record<string, unknown>;
  /** Overrides the acting user (e.g. a failed login names the account, not a session user). */
  userId?: string | null;
}

/**
 * Appends one audit event. Pass the transaction of the change it records so a rolled-back
 * write leaves no event behind, and an event is never lost for a committed one.
 */
export async function recordAudit(db: TDbOrTx, ctx: TRequestContext, entry: TAuditEntry): Promise<void> {
  await db.insert(auditEvents).values({
    at: ctx.clock.now(),
    userId: entry.userId !== undefined ? entry.userId : (ctx.actor?.userId ?? null),
    action: entry.action,
    entityType: entry.entityType ?? null,
    entityId: entry.entityId ?? null,
    requestId: ctx.requestId,
    ip: ctx.ip,
    details: entry.details ?? null,
  });
}
