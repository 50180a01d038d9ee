import type { TListQuery } from '@domain/common.schema.ts';
import type { THousingArea, THousingAreaInput } from '@domain/housing-area.schema.ts';
import type { TDbOrTx } from '@server/db/client.ts';
import {
  housingAreas,
  housingOrganisations,
  municipalities,
  socialHousingPlans,
} from '@server/db/schema/index.ts';
import {
  fetchPage,
  orderFor,
  searchAny,
  totalCount,
  withoutTotal,
} from '@server/platform/crud/list-query.ts';
import type { TReferenceRepository } from '@server/platform/crud/reference-routes.ts';
import { tableWrites } from '@server/platform/crud/table-writes.ts';
import { and, eq } from 'drizzle-orm';

export interface THousingAreaFilters {
  housingOrganisationId?: string;
  municipalityId?: string;
  socialHousingPlanId?: string;
}

const columns = {
  id: housingAreas.id,
  name: housingAreas.name,
  housingOrganisationId: housingAreas.housingOrganisationId,
  housingOrganisationName: housingOrganisations.name,
  municipalityId: housingAreas.municipalityId,
  municipalityName: municipalities.name,
  postalCode: housingAreas.postalCode,
  residentsCount: housingAreas.residentsCount,
  socialHousingPlanId: housingAreas.socialHousingPlanId,
  socialHousingPlanName: socialHousingPlans.name,
  isFictional: housingAreas.isFictional,
};

const base = (db: TDbOrTx) =>
  db
    .select({ ...columns, total: totalCount })
    .from(housingAreas)
    .innerJoin(housingOrganisations, eq(housingOrganisations.id, housingAreas.housingOrganisationId))
    .innerJoin(municipalities, eq(municipalities.id, housingAreas.municipalityId))
    .leftJoin(socialHousingPlans, eq(socialHousingPlans.id, housingAreas.socialHousingPlanId))
    .$dynamic();

export const housingAreasRepository: TReferenceRepository<
  THousingArea,
  THousingAreaInput,
  THousingAreaFilters
> = {
  list(db, query: TListQuery, filters) {
    const where = and(
      searchAny(query.q, [
        housingAreas.name,
        housingAreas.postalCode,
        housingOrganisations.name,
        municipalities.name,
      ]),
      filters.housingOrganisationId
        ? eq(housingAreas.housingOrganisationId, filters.housingOrganisationId)
        : undefined,
      filters.municipalityId ? eq(housingAreas.municipalityId, filters.municipalityId) : undefined,
      filters.socialHousingPlanId
        ? eq(housingAreas.socialHousingPlanId, filters.socialHousingPlanId)
        : undefined,
    );
    const order = orderFor(
      query,
      {
        name: { column: housingAreas.name, text: true },
        housingOrganisationName: { column: housingOrganisations.name, text: true },
        municipalityName: { column: municipalities.name, text: true },
        postalCode: { column: housingAreas.postalCode },
        residentsCount: { column: housingAreas.residentsCount },
      },
      'name',
      housingAreas.id,
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
    return withoutTotal(await base(db).where(eq(housingAreas.id, id)));
  },
  ...tableWrites<THousingAreaInput>(housingAreas),
};
