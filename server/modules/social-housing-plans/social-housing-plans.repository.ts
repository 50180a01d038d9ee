import type { TListQuery } from '@domain/common.schema.ts';
import type { TSocialHousingPlan, TSocialHousingPlanInput } from '@domain/social-housing-plan.schema.ts';
import type { TDbOrTx } from '@server/db/client.ts';
import { housingAreas, partnerships, socialHousingPlans } from '@server/db/schema/index.ts';
import {
  fetchPage,
  orderFor,
  searchAny,
  totalCount,
  withoutTotal,
} from '@server/platform/crud/list-query.ts';
import type { TReferenceRepository } from '@server/platform/crud/reference-routes.ts';
import { tableWrites } from '@server/platform/crud/table-writes.ts';
import { and, eq, sql } from 'drizzle-orm';

export interface TSocialHousingPlanFilters {
  partnershipId?: string;
}

const areaCount =
  sql<number>`(select count(*) from ${housingAreas} where ${housingAreas.socialHousingPlanId} = ${socialHousingPlans.id})`.mapWith(
    Number,
  );

const columns = {
  id: socialHousingPlans.id,
  name: socialHousingPlans.name,
  partnershipId: socialHousingPlans.partnershipId,
  partnershipName: partnerships.name,
  periodStart: socialHousingPlans.periodStart,
  periodEnd: socialHousingPlans.periodEnd,
  description: socialHousingPlans.description,
  areaCount,
};

const base = (db: TDbOrTx) =>
  db
    .select({ ...columns, total: totalCount })
    .from(socialHousingPlans)
    .innerJoin(partnerships, eq(partnerships.id, socialHousingPlans.partnershipId))
    .$dynamic();

export const socialHousingPlansRepository: TReferenceRepository<
  TSocialHousingPlan,
  TSocialHousingPlanInput,
  TSocialHousingPlanFilters
> = {
  list(db, query: TListQuery, filters) {
    const where = and(
      searchAny(query.q, [socialHousingPlans.name, partnerships.name]),
      filters.partnershipId ? eq(socialHousingPlans.partnershipId, filters.partnershipId) : undefined,
    );
    const order = orderFor(
      query,
      {
        name: { column: socialHousingPlans.name, text: true },
        partnershipName: { column: partnerships.name, text: true },
        periodStart: { column: socialHousingPlans.periodStart },
        periodEnd: { column: socialHousingPlans.periodEnd },
      },
      'name',
      socialHousingPlans.id,
    );
    return fetchPage(query, (limit, offset) =>
      base(db)
        .where(where)
        .orderBy(...order)
        .limit(limit)
        .offset(offset),
    );
  },
  async findById(db, id) {
    return withoutTotal(await base(db).where(eq(socialHousingPlans.id, id)));
  },
  ...tableWrites<TSocialHousingPlanInput>(socialHousingPlans),
};
