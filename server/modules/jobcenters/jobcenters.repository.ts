import type { TListQuery } from '@domain/common.schema.ts';
import type { TJobcenter, TJobcenterInput } from '@domain/jobcenter.schema.ts';
import type { TDbOrTx } from '@server/db/client.ts';
import { jobcenters, municipalities } from '@server/db/schema/index.ts';
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

export interface TJobcenterFilters {
  municipalityId?: string;
}

const columns = {
  id: jobcenters.id,
  name: jobcenters.name,
  municipalityId: jobcenters.municipalityId,
  municipalityName: municipalities.name,
  email: jobcenters.email,
  phone: jobcenters.phone,
  address: jobcenters.address,
};

const base = (db: TDbOrTx) =>
  db
    .select({ ...columns, total: totalCount })
    .from(jobcenters)
    .innerJoin(municipalities, eq(municipalities.id, jobcenters.municipalityId))
    .$dynamic();

export const jobcentersRepository: TReferenceRepository<TJobcenter, TJobcenterInput, TJobcenterFilters> = {
  list(db, query: TListQuery, filters) {
    const where = and(
      searchAny(query.q, [jobcenters.name, municipalities.name]),
      filters.municipalityId ? eq(jobcenters.municipalityId, filters.municipalityId) : undefined,
    );
    const order = orderFor(
      query,
      {
        name: { column: jobcenters.name, text: true },
        municipalityName: { column: municipalities.name, text: true },
      },
      'name',
      jobcenters.id,
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
    return withoutTotal(await base(db).where(eq(jobcenters.id, id)));
  },
  ...tableWrites<TJobcenterInput>(jobcenters),
};
