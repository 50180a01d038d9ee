import type { TActor, TResource } from '@domain/policy.ts';
import type { TClauseKind } from '@domain/social-clause.schema.ts';
import type { TDbOrTx } from '@server/db/client.ts';
import {
  assignments,
  companies,
  housingOrganisations,
  openings,
  partnerships,
  placements,
  socialClauses,
  users,
} from '@server/db/schema/index.ts';
import { orgOwnedScope, type TListArgs } from '@server/modules/assignments/assignments.repository.ts';
import { orderFor, searchAny, totalCount } from '@server/platform/crud/list-query.ts';
import { and, count, eq, isNull, lte } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';

// Drizzle queries of social clauses. A clause is scoped as its assignment (company contacts
// included: the clause is part of their contract).

export interface TClauseFilters {
  assignmentId?: string;
  companyId?: string;
  housingOrganisationId?: string;
  kind?: TClauseKind;
}

const responsible = alias(users, 'responsible');

/** Flat columns, so rows go straight into `withProgress`. */
const columns = {
  id: socialClauses.id,
  assignmentId: socialClauses.assignmentId,
  kind: socialClauses.kind,
  description: socialClauses.description,
  targetQuantity: socialClauses.targetQuantity,
  periodStart: socialClauses.periodStart,
  periodEnd: socialClauses.periodEnd,
  responsibleUserId: socialClauses.responsibleUserId,
  responsibleName: responsible.name,
  behindNotifiedAt: socialClauses.behindNotifiedAt,
  assignmentTitle: assignments.title,
  companyId: assignments.companyId,
  companyName: companies.name,
  housingOrganisationId: assignments.housingOrganisationId,
  housingOrganisationName: housingOrganisations.name,
  partnershipId: assignments.partnershipId,
  municipalityId: partnerships.municipalityId,
};

const base = (db: TDbOrTx) =>
  db
    .select({ ...columns, total: totalCount })
    .from(socialClauses)
    .innerJoin(assignments, eq(assignments.id, socialClauses.assignmentId))
    .innerJoin(companies, eq(companies.id, assignments.companyId))
    .innerJoin(housingOrganisations, eq(housingOrganisations.id, assignments.housingOrganisationId))
    .innerJoin(partnerships, eq(partnerships.id, assignments.partnershipId))
    .leftJoin(responsible, eq(responsible.id, socialClauses.responsibleUserId))
    .$dynamic();

const strip = <TRow extends { total: number }>(rows: TRow[]): Omit<TRow, 'total'>[] =>
  rows.map(({ total: _t, ...rest }) => rest);

export type TClauseRow = NonNullable<Awaited<ReturnType<typeof findClause>>>;

/** The policy's view of a clause: checked as the assignment it belongs to. */
export function clauseResource(c: TClauseRow): TResource {
  return {
    kind: 'social_clause',
    id: c.id,
    housingOrganisationId: c.housingOrganisationId,
    partnershipId: c.partnershipId,
    municipalityId: c.municipalityId,
    companyId: c.companyId,
  };
}

export async function findClause(db: TDbOrTx, id: string) {
  return strip(await base(db).where(eq(socialClauses.id, id)))[0];
}

/**
 * The clauses an actor may see, in order. With a window: that page and the total; without: all
 * of them (to filter by progress status, which is computed, not stored).
 */
export async function listClauses(
  db: TDbOrTx,
  actor: TActor,
  args: Omit<TListArgs, 'limit' | 'offset'>,
  filters: TClauseFilters,
  window: { limit: number; offset: number } | null,
) {
  const where = and(
    orgOwnedScope(actor, { companyReads: true }),
    searchAny(args.q, [assignments.title, companies.name, socialClauses.description]),
    filters.assignmentId ? eq(socialClauses.assignmentId, filters.assignmentId) : undefined,
    filters.companyId ? eq(assignments.companyId, filters.companyId) : undefined,
    filters.housingOrganisationId
      ? eq(assignments.housingOrganisationId, filters.housingOrganisationId)
      : undefined,
    filters.kind ? eq(socialClauses.kind, filters.kind) : undefined,
  );
  const order = orderFor(
    { sort: args.sort ?? 'periodEnd', dir: args.dir },
    {
      periodEnd: { column: socialClauses.periodEnd },
      periodStart: { column: socialClauses.periodStart },
      companyName: { column: companies.name, text: true },
      assignmentTitle: { column: assignments.title, text: true },
      kind: { column: socialClauses.kind },
    },
    'periodEnd',
    socialClauses.id,
  );
  const query = base(db)
    .where(where)
    .orderBy(...order);
  if (!window) {
    const rows = strip(await query);
    return { rows, total: rows.length };
  }
  let rows = await query.limit(window.limit).offset(window.offset);
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && window.offset > 0) {
    rows = await base(db).where(where).limit(1);
    total = rows[0]?.total ?? 0;
    rows = [];
  }
  return { rows: strip(rows), total };
}

/** Clauses whose period has begun: the ones the daily "behind" check looks at. */
export async function startedClauses(db: TDbOrTx, today: string) {
  return strip(await base(db).where(lte(socialClauses.periodStart, today)));
}

/** Claims the "fell behind" notice: false when it was given already. */
export async function markBehindNotified(tx: TDbOrTx, id: string, at: Date): Promise<boolean> {
  const rows = await tx
    .update(socialClauses)
    .set({ behindNotifiedAt: at })
    .where(and(eq(socialClauses.id, id), isNull(socialClauses.behindNotifiedAt)))
    .returning({ id: socialClauses.id });
  return rows.length > 0;
}

export async function clearBehindNotified(db: TDbOrTx, id: string): Promise<void> {
  await db.update(socialClauses).set({ behindNotifiedAt: null }).where(eq(socialClauses.id, id));
}

/** Whether placements or openings count on the clause. */
export async function clauseInUse(db: TDbOrTx, id: string): Promise<boolean> {
  const [p] = await db.select({ n: count() }).from(placements).where(eq(placements.socialClauseId, id));
  const [o] = await db.select({ n: count() }).from(openings).where(eq(openings.socialClauseId, id));
  return (p?.n ?? 0) + (o?.n ?? 0) > 0;
}
