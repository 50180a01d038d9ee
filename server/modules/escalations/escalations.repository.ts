import type { TEscalationListQuery } from '@domain/placement.schema.ts';
import type { TActor } from '@domain/policy.ts';
import type { TDbOrTx } from '@server/db/client.ts';
import {
  companies,
  escalations,
  openings,
  partnerships,
  placements,
  residents,
  users,
} from '@server/db/schema/index.ts';
import {
  placementContextColumns,
  placementResidentName,
  placementResidentSortName,
  selectPlacements,
} from '@server/modules/placements/placements.repository.ts';
import { residentScope } from '@server/modules/residents/residents.repository.ts';
import { fetchPage, searchAny, totalCount } from '@server/platform/crud/list-query.ts';
import { and, asc, desc, eq, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import { alias, type SelectedFields } from 'drizzle-orm/pg-core';

// Drizzle queries of escalations ("noget går skævt"). A list shows only the escalations of
// placements whose person the actor sees professionally (residentScope as SQL).

const opener = alias(users, 'escalation_opened_by');
const resolver = alias(users, 'escalation_resolved_by');

/** The columns a ZEscalation is presented from (escalations.presenter.ts). */
export const escalationColumns = {
  row: escalations,
  ...placementContextColumns,
  openedByName: opener.name,
  resolvedByName: resolver.name,
};

const base = <T extends SelectedFields>(db: TDbOrTx, extra: T) =>
  selectPlacements(db, { ...escalationColumns, ...extra })
    .innerJoin(escalations, eq(escalations.placementId, placements.id))
    .leftJoin(opener, eq(opener.id, escalations.openedBy))
    .leftJoin(resolver, eq(resolver.id, escalations.resolvedBy));

/** Default order: open ones first, newest first; then the person's name (Danish collation). */
export function listEscalations(db: TDbOrTx, actor: TActor, today: string, query: TEscalationListQuery) {
  const where = and(
    residentScope(actor, today, { professionalOnly: true }),
    query.state === 'open' ? isNull(escalations.resolvedAt) : undefined,
    query.state === 'resolved' ? isNotNull(escalations.resolvedAt) : undefined,
    query.placementId ? eq(escalations.placementId, query.placementId) : undefined,
    searchAny(query.q, [placementResidentName, companies.name, openings.title]),
  );
  const dir = query.dir === 'desc' ? sql`desc nulls last` : sql`asc nulls last`;
  const openFirst = sql`(${escalations.resolvedAt} is null) desc`;
  const order: SQL[] = (() => {
    switch (query.sort) {
      case 'openedAt':
        return [sql`${escalations.openedAt} ${dir}`];
      case 'residentName':
        return [sql`${placementResidentSortName} collate da_dk ${dir}`, desc(escalations.openedAt)];
      case 'companyName':
        return [sql`${companies.name} collate da_dk ${dir}`, desc(escalations.openedAt)];
      case undefined:
        return [openFirst, desc(escalations.openedAt)];
      default: {
        const exhaustive: never = query.sort;
        return exhaustive;
      }
    }
  })();
  return fetchPage(query, (limit, offset) =>
    base(db, { total: totalCount })
      .where(where)
      .orderBy(...order, asc(escalations.id))
      .limit(limit)
      .offset(offset),
  );
}

export async function findEscalation(db: TDbOrTx, id: string) {
  const [row] = await base(db, {}).where(eq(escalations.id, id));
  return row;
}
export type TEscalationRow = NonNullable<Awaited<ReturnType<typeof findEscalation>>>;

/** Every escalation of a placement, open ones first, newest first (the placement detail). */
export async function escalationsOfPlacement(db: TDbOrTx, placementId: string): Promise<TEscalationRow[]> {
  return base(db, {})
    .where(eq(escalations.placementId, placementId))
    .orderBy(sql`(${escalations.resolvedAt} is null) desc`, desc(escalations.openedAt), asc(escalations.id));
}

/**
 * The placement an escalation is about, locked for the rest of the transaction (so two alarms
 * at once cannot both open one), with whom to tell: the follow-up owner, the person's
 * responsible professionals, and the opening and partnership to fall back on.
 */
export async function lockPlacementForEscalation(tx: TDbOrTx, placementId: string) {
  await tx.execute(sql`select 1 from ${placements} where ${placements.id} = ${placementId} for update`);
  const [row] = await tx
    .select({
      id: placements.id,
      residentId: placements.residentId,
      companyId: placements.companyId,
      status: placements.status,
      type: placements.type,
      openingId: placements.openingId,
      partnershipId: placements.partnershipId,
      municipalityId: partnerships.municipalityId,
      followUpOwnerId: placements.followUpOwnerId,
      companyName: companies.name,
      openingTitle: openings.title,
      responsibleSocialWorkerId: residents.responsibleSocialWorkerId,
      responsibleJobConsultantId: residents.responsibleJobConsultantId,
    })
    .from(placements)
    .innerJoin(companies, eq(companies.id, placements.companyId))
    .leftJoin(openings, eq(openings.id, placements.openingId))
    .leftJoin(partnerships, eq(partnerships.id, placements.partnershipId))
    .leftJoin(residents, eq(residents.id, placements.residentId))
    .where(eq(placements.id, placementId));
  return row;
}

/** The open escalation of a placement, if any (there is at most one, see openEscalationInTx). */
export async function openEscalationOf(tx: TDbOrTx, placementId: string) {
  const [row] = await tx
    .select({ id: escalations.id, reason: escalations.reason })
    .from(escalations)
    .where(and(eq(escalations.placementId, placementId), isNull(escalations.resolvedAt)))
    .orderBy(asc(escalations.openedAt))
    .limit(1);
  return row;
}
