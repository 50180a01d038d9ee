import type { TListQuery } from '@domain/common.schema.ts';
import type { TPartnership, TPartnershipInput } from '@domain/partnership.schema.ts';
import type { TDbOrTx } from '@server/db/client.ts';
import { municipalities, partnerships } from '@server/db/schema/index.ts';
import {
  fetchPage,
  orderFor,
  searchAny,
  totalCount,
  withoutTotal,
} from '@server/platform/crud/list-query.ts';
import type { TReferenceRepository } from '@server/platform/crud/reference-routes.ts';
import { tableWrites } from '@server/platform/crud/table-writes.ts';
import { eq } from 'drizzle-orm';

const columns = {
  id: partnerships.id,
  name: partnerships.name,
  municipalityId: partnerships.municipalityId,
  municipalityName: municipalities.name,
  description: partnerships.description,
  startDate: partnerships.startDate,
};

const base = (db: TDbOrTx) =>
  db
    .select({ ...columns, total: totalCount })
    .from(partnerships)
    .innerJoin(municipalities, eq(municipalities.id, partnerships.municipalityId));

export const partnershipsRepository: TReferenceRepository<TPartnership, TPartnershipInput, object> = {
  list(db, query: TListQuery) {
    const where = searchAny(query.q, [partnerships.name, municipalities.name]);
    const order = orderFor(
      query,
      {
        name: { column: partnerships.name, text: true },
        municipalityName: { column: municipalities.name, text: true },
        startDate: { column: partnerships.startDate },
      },
      'name',
      partnerships.id,
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
    return withoutTotal(await base(db).where(eq(partnerships.id, id)));
  },
  ...tableWrites<TPartnershipInput>(partnerships),
};
