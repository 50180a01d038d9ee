import type { TListQuery } from '@domain/common.schema.ts';
import type { THousingOrganisation, THousingOrganisationInput } from '@domain/housing-organisation.schema.ts';
import type { TDbOrTx } from '@server/db/client.ts';
import { housingAreas, housingOrganisations, partnerships } from '@server/db/schema/index.ts';
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

export interface THousingOrganisationFilters {
  partnershipId?: string;
}

const areaCount =
  sql<number>`(select count(*) from ${housingAreas} where ${housingAreas.housingOrganisationId} = ${housingOrganisations.id})`.mapWith(
    Number,
  );

const columns = {
  id: housingOrganisations.id,
  name: housingOrganisations.name,
  partnershipId: housingOrganisations.partnershipId,
  partnershipName: partnerships.name,
  cvr: housingOrganisations.cvr,
  address: housingOrganisations.address,
  postalCode: housingOrganisations.postalCode,
  city: housingOrganisations.city,
  website: housingOrganisations.website,
  isFictional: housingOrganisations.isFictional,
  areaCount,
};

const base = (db: TDbOrTx) =>
  db
    .select({ ...columns, total: totalCount })
    .from(housingOrganisations)
    .innerJoin(partnerships, eq(partnerships.id, housingOrganisations.partnershipId))
    .$dynamic();

export const housingOrganisationsRepository: TReferenceRepository<
  THousingOrganisation,
  THousingOrganisationInput,
  THousingOrganisationFilters
> = {
  list(db, query: TListQuery, filters) {
    const where = and(
      searchAny(query.q, [
        housingOrganisations.name,
        housingOrganisations.city,
        housingOrganisations.cvr,
        partnerships.name,
      ]),
      filters.partnershipId ? eq(housingOrganisations.partnershipId, filters.partnershipId) : undefined,
    );
    const order = orderFor(
      query,
      {
        name: { column: housingOrganisations.name, text: true },
        partnershipName: { column: partnerships.name, text: true },
        city: { column: housingOrganisations.city, text: true },
        areaCount: { column: areaCount },
      },
      'name',
      housingOrganisations.id,
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
    return withoutTotal(await base(db).where(eq(housingOrganisations.id, id)));
  },
  ...tableWrites<THousingOrganisationInput>(housingOrganisations),
};
