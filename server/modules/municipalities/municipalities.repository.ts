import type { TListQuery } from '@domain/common.schema.ts';
import type { TMunicipality, TMunicipalityInput } from '@domain/municipality.schema.ts';
import type { TDbOrTx } from '@server/db/client.ts';
import { municipalities } from '@server/db/schema/index.ts';
import { fetchPage, orderFor, searchAny, totalCount } from '@server/platform/crud/list-query.ts';
import type { TReferenceRepository } from '@server/platform/crud/reference-routes.ts';
import { tableWrites } from '@server/platform/crud/table-writes.ts';
import { eq } from 'drizzle-orm';

const columns = { id: municipalities.id, code: municipalities.code, name: municipalities.name };

export const municipalitiesRepository: TReferenceRepository<TMunicipality, TMunicipalityInput, object> = {
  list(db: TDbOrTx, query: TListQuery) {
    const where = searchAny(query.q, [municipalities.name, municipalities.code]);
    const order = orderFor(
      query,
      { name: { column: municipalities.name, text: true }, code: { column: municipalities.code } },
      'name',
      municipalities.id,
    );
    return fetchPage(query, (limit, offset) =>
      db
        .select({ ...columns, total: totalCount })
        .from(municipalities)
        .where(where)
        .orderBy(...order)
        .limit(limit)
        .offset(offset),
    );
  },
  async findById(db, id) {
    const [row] = await db.select(columns).from(municipalities).where(eq(municipalities.id, id));
    return row;
  },
  ...tableWrites<TMunicipalityInput>(municipalities),
};
