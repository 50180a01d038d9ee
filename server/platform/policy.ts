import { can, type TAction, type TResource } from '@domain/policy.ts';
import type { TDb } from '@server/db/client.ts';
import { recordAudit } from './audit.ts';
import { AppError } from './errors.ts';
import type { TRequestContext } from './http/request-context.ts';

/**
 * Checks one instance against the policy inside a service. A denial is audit-logged and
 * answered as 403 (the caller could see the instance exists, e.g. from a list). Pass the root
 * database handle, not a transaction: the 403 rolls the transaction back, the denial must stay.
 */
export async function authorize(
  db: TDb,
  ctx: TRequestContext,
  action: TAction,
  resource: TResource,
): Promise<void> {
  if (ctx.actor && can(ctx.actor, action, resource)) return;
  await recordAudit(db, ctx, {
    action: 'denied',
    entityType: resource.kind,
    entityId: 'id' in resource ? (resource.id ?? null) : null,
    details: { action },
  });
  throw new AppError(ctx.actor ? 'FORBIDDEN' : 'UNAUTHENTICATED');
}
