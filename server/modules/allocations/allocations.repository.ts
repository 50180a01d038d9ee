import type { TListQuery } from '@domain/common.schema.ts';
import { scopeIdsOf, type TActor } from '@domain/policy.ts';
import type { TDbOrTx } from '@server/db/client.ts';
import {
  allocationLines,
  allocations,
  companies,
  housingAreas,
  openings,
  partnerships,
  residents,
  users,
} from '@server/db/schema/index.ts';
import { residentScope } from '@server/modules/residents/residents.repository.ts';
import { fetchPage, orderFor, totalCount } from '@server/platform/crud/list-query.ts';
import { and, asc, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';

// Drizzle queries of allocation plans. A plan belongs to a partnership: its job consultants and
// social workers see it; its lines name only the people the viewer sees professionally.

/** The plans of the partnerships the actor works in as a professional, as SQL. */
export function allocationScope(actor: TActor): SQL {
  const { socialWorkerPartnershipIds, consultantMunicipalityIds } = scopeIdsOf(actor);
  const parts: SQL[] = [];
  if (socialWorkerPartnershipIds.length)
    parts.push(inArray(allocations.partnershipId, socialWorkerPartnershipIds));
  if (consultantMunicipalityIds.length)
    parts.push(inArray(partnerships.municipalityId, consultantMunicipalityIds));
  return parts.length ? or(...parts)! : sql`false`;
}

const creator = alias(users, 'allocation_created_by');

const lineCount = sql<number>`(select count(*)::int from ${allocationLines} l where l.allocation_id = ${allocations.id})`;
const decidedCount = sql<number>`(select count(*)::int from ${allocationLines} l where l.allocation_id = ${allocations.id} and l.decision <> 'pending')`;

const columns = {
  row: allocations,
  partnershipName: partnerships.name,
  municipalityId: partnerships.municipalityId,
  createdByName: creator.name,
  lineCount,
  decidedCount,
};

const base = (db: TDbOrTx) =>
  db
    .select({ ...columns, total: totalCount })
    .from(allocations)
    .innerJoin(partnerships, eq(partnerships.id, allocations.partnershipId))
    .leftJoin(creator, eq(creator.id, allocations.createdBy))
    .$dynamic();

export function listAllocations(
  db: TDbOrTx,
  actor: TActor,
  query: TListQuery,
  filters: { partnershipId?: string; status?: 'open' | 'closed' },
) {
  const where = and(
    allocationScope(actor),
    filters.partnershipId ? eq(allocations.partnershipId, filters.partnershipId) : undefined,
    filters.status ? eq(allocations.status, filters.status) : undefined,
  );
  const order = orderFor(
    { sort: query.sort ?? 'createdAt', dir: query.sort ? query.dir : 'desc' },
    {
      createdAt: { column: allocations.createdAt },
      totalScore: { column: allocations.totalScore },
      status: { column: allocations.status },
    },
    'createdAt',
    allocations.id,
  );
  return fetchPage(query, (limit, offset) =>
    base(db)
      .where(where)
      .orderBy(...order)
      .limit(limit)
      .offset(offset),
  );
}

export async function findAllocation(db: TDbOrTx, id: string) {
  const [row] = await base(db).where(eq(allocations.id, id));
  if (!row) return undefined;
  const { total: _t, ...rest } = row;
  return rest;
}
export type TAllocationRow = NonNullable<Awaited<ReturnType<typeof findAllocation>>>;

const decider = alias(users, 'allocation_line_decided_by');

/** The plan's lines, best first within each opening; `visible` says whether the viewer may see the person. */
export async function allocationLinesOf(db: TDbOrTx, actor: TActor, today: string, allocationId: string) {
  return db
    .select({
      row: allocationLines,
      openingTitle: openings.title,
      companyName: companies.name,
      residentName: sql<string>`${residents.firstName} || ' ' || ${residents.lastName}`,
      decidedByName: decider.name,
      visible: sql<boolean>`coalesce(${residentScope(actor, today, { professionalOnly: true })}, false)`,
    })
    .from(allocationLines)
    .innerJoin(openings, eq(openings.id, allocationLines.openingId))
    .innerJoin(companies, eq(companies.id, openings.companyId))
    .innerJoin(residents, eq(residents.id, allocationLines.residentId))
    .leftJoin(housingAreas, eq(housingAreas.id, residents.housingAreaId))
    .leftJoin(decider, eq(decider.id, allocationLines.decidedBy))
    .where(eq(allocationLines.allocationId, allocationId))
    .orderBy(
      sql`${openings.title} collate da_dk asc`,
      asc(allocationLines.openingId),
      desc(allocationLines.score),
      asc(allocationLines.id),
    );
}
export type TAllocationLineRow = Awaited<ReturnType<typeof allocationLinesOf>>[number];

/** The line, locked for the rest of the transaction (one decision at a time). */
export async function lockLine(tx: TDbOrTx, allocationId: string, lineId: string) {
  const [line] = await tx
    .select()
    .from(allocationLines)
    .where(and(eq(allocationLines.id, lineId), eq(allocationLines.allocationId, allocationId)))
    .for('update');
  return line;
}

export async function pendingLineCount(tx: TDbOrTx, allocationId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(allocationLines)
    .where(and(eq(allocationLines.allocationId, allocationId), eq(allocationLines.decision, 'pending')));
  return row?.n ?? 0;
}

/** The partnerships the actor works in as a professional (the plan page's choice). */
export async function professionalPartnerships(db: TDbOrTx, actor: TActor) {
  const { socialWorkerPartnershipIds, consultantMunicipalityIds } = scopeIdsOf(actor);
  const parts: SQL[] = [];
  if (socialWorkerPartnershipIds.length) parts.push(inArray(partnerships.id, socialWorkerPartnershipIds));
  if (consultantMunicipalityIds.length)
    parts.push(inArray(partnerships.municipalityId, consultantMunicipalityIds));
  if (parts.length === 0) return [];
  return db
    .select({ id: partnerships.id, name: partnerships.name, municipalityId: partnerships.municipalityId })
    .from(partnerships)
    .where(or(...parts))
    .orderBy(sql`${partnerships.name} collate da_dk asc`);
}
