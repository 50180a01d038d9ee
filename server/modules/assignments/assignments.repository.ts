import type { TAssignmentKind } from '@domain/assignment.schema.ts';
import { isAdmin, scopeIdsOf, type TActor, type TResource } from '@domain/policy.ts';
import type { TDbOrTx } from '@server/db/client.ts';
import {
  assignmentAreas,
  assignments,
  companies,
  companyPartnerships,
  housingAreas,
  housingOrganisations,
  jobDialogues,
  memberships,
  openings,
  partnerships,
  placements,
  socialClauses,
  users,
} from '@server/db/schema/index.ts';
import {
  fetchWindow,
  orderFor,
  searchAny,
  totalCount,
  withoutTotal,
} from '@server/platform/crud/list-query.ts';
import { and, asc, count, eq, gte, inArray, lte, or, type SQL, sql } from 'drizzle-orm';

// Drizzle queries of assignments. The scope condition here is shared with job dialogues and
// social clauses, which are checked as the assignment they belong to (domain/policy.ts).

export interface TAssignmentFilters {
  companyId?: string;
  housingOrganisationId?: string;
  kind?: TAssignmentKind;
  activeOn?: string;
}

export interface TListArgs {
  q?: string;
  sort?: string;
  dir: 'asc' | 'desc';
  limit: number;
  offset: number;
}

const columns = {
  row: assignments,
  companyName: companies.name,
  housingOrganisationName: housingOrganisations.name,
  municipalityId: partnerships.municipalityId,
};

const base = (db: TDbOrTx) =>
  db
    .select({ ...columns, total: totalCount })
    .from(assignments)
    .innerJoin(companies, eq(companies.id, assignments.companyId))
    .innerJoin(housingOrganisations, eq(housingOrganisations.id, assignments.housingOrganisationId))
    .innerJoin(partnerships, eq(partnerships.id, assignments.partnershipId))
    .$dynamic();

export type TAssignmentRow = NonNullable<Awaited<ReturnType<typeof findAssignment>>>;

/**
 * What an actor may list of assignments (and of the dialogues and clauses hanging on them), as
 * SQL over `assignments` joined with `partnerships`: the same rules as canOnOrgOwned in
 * domain/policy.ts. Company contacts see their own company's, unless `companyReads` is false.
 */
export function orgOwnedScope(actor: TActor, options: { companyReads: boolean }): SQL | undefined {
  if (isAdmin(actor)) return undefined;
  const parts: SQL[] = [];
  const scope = scopeIdsOf(actor);
  const {
    housingOrganisationIds: orgs,
    socialWorkerPartnershipIds: plans,
    consultantMunicipalityIds: municipalities,
  } = scope;
  const ownCompanies = options.companyReads ? scope.companyIds : [];
  if (orgs.length) parts.push(inArray(assignments.housingOrganisationId, orgs));
  if (plans.length) parts.push(inArray(assignments.partnershipId, plans));
  if (municipalities.length) parts.push(inArray(partnerships.municipalityId, municipalities));
  if (ownCompanies.length) parts.push(inArray(assignments.companyId, ownCompanies));
  return parts.length ? or(...parts) : sql`false`;
}

/** The policy's view of an assignment; its dialogues and clauses are checked as it. */
export function assignmentResource(
  r: Pick<TAssignmentRow, 'row' | 'municipalityId'>,
  kind: 'assignment' | 'job_dialogue' | 'social_clause' = 'assignment',
): TResource {
  return {
    kind,
    id: r.row.id,
    housingOrganisationId: r.row.housingOrganisationId,
    partnershipId: r.row.partnershipId,
    municipalityId: r.municipalityId,
    companyId: r.row.companyId,
  };
}

export async function findAssignment(db: TDbOrTx, id: string) {
  return withoutTotal(await base(db).where(eq(assignments.id, id)));
}

export function listAssignments(db: TDbOrTx, actor: TActor, args: TListArgs, filters: TAssignmentFilters) {
  const where = and(
    orgOwnedScope(actor, { companyReads: true }),
    searchAny(args.q, [assignments.title, companies.name, assignments.contractReference]),
    filters.companyId ? eq(assignments.companyId, filters.companyId) : undefined,
    filters.housingOrganisationId
      ? eq(assignments.housingOrganisationId, filters.housingOrganisationId)
      : undefined,
    filters.kind ? eq(assignments.kind, filters.kind) : undefined,
    filters.activeOn
      ? and(lte(assignments.startDate, filters.activeOn), gte(assignments.endDate, filters.activeOn))
      : undefined,
  );
  const order = orderFor(
    { sort: args.sort ?? 'createdAt', dir: args.sort ? args.dir : 'desc' },
    {
      title: { column: assignments.title, text: true },
      companyName: { column: companies.name, text: true },
      kind: { column: assignments.kind },
      startDate: { column: assignments.startDate },
      endDate: { column: assignments.endDate },
      createdAt: { column: assignments.createdAt },
    },
    'createdAt',
    assignments.id,
  );
  return fetchWindow(args, (limit, offset) =>
    base(db)
      .where(where)
      .orderBy(...order)
      .limit(limit)
      .offset(offset),
  );
}

/** The areas of each assignment, by name (Danish collation). */
export async function areasOf(
  db: TDbOrTx,
  assignmentIds: string[],
): Promise<Map<string, { id: string; name: string; postalCode: string }[]>> {
  const byAssignment = new Map<string, { id: string; name: string; postalCode: string }[]>();
  if (assignmentIds.length === 0) return byAssignment;
  const rows = await db
    .select({
      assignmentId: assignmentAreas.assignmentId,
      id: housingAreas.id,
      name: housingAreas.name,
      postalCode: housingAreas.postalCode,
    })
    .from(assignmentAreas)
    .innerJoin(housingAreas, eq(housingAreas.id, assignmentAreas.housingAreaId))
    .where(inArray(assignmentAreas.assignmentId, assignmentIds))
    .orderBy(sql`${housingAreas.name} collate da_dk`, asc(housingAreas.id));
  for (const { assignmentId, ...area } of rows) {
    const list = byAssignment.get(assignmentId) ?? [];
    list.push(area);
    byAssignment.set(assignmentId, list);
  }
  return byAssignment;
}

/**
 * Links the areas to the assignment, only those of the given organisation. Answers whether every
 * area was linked: an unknown area or one of another organisation is not.
 */
export async function linkAreas(
  tx: TDbOrTx,
  assignmentId: string,
  housingOrganisationId: string,
  areaIds: string[],
): Promise<boolean> {
  const unique = [...new Set(areaIds)];
  if (unique.length === 0) return true;
  const own = await tx
    .select({ id: housingAreas.id })
    .from(housingAreas)
    .where(
      and(inArray(housingAreas.id, unique), eq(housingAreas.housingOrganisationId, housingOrganisationId)),
    );
  if (own.length > 0) {
    await tx
      .insert(assignmentAreas)
      .values(own.map((a) => ({ assignmentId, housingAreaId: a.id })))
      .onConflictDoNothing();
  }
  return own.length === unique.length;
}

/** The clauses of some assignments, oldest first, with the responsible person's name. */
export async function clausesOf(db: TDbOrTx, assignmentIds: string[]) {
  if (assignmentIds.length === 0) return [];
  return db
    .select({
      id: socialClauses.id,
      assignmentId: socialClauses.assignmentId,
      kind: socialClauses.kind,
      description: socialClauses.description,
      targetQuantity: socialClauses.targetQuantity,
      periodStart: socialClauses.periodStart,
      periodEnd: socialClauses.periodEnd,
      responsibleUserId: socialClauses.responsibleUserId,
      responsibleName: users.name,
    })
    .from(socialClauses)
    .leftJoin(users, eq(users.id, socialClauses.responsibleUserId))
    .where(inArray(socialClauses.assignmentId, assignmentIds))
    .orderBy(asc(socialClauses.createdAt), asc(socialClauses.id));
}

/** Dialogues that want action today (no outcome yet, or "later" come due), per assignment. */
export async function openDialogueCounts(
  db: TDbOrTx,
  assignmentIds: string[],
  today: string,
): Promise<Map<string, number>> {
  if (assignmentIds.length === 0) return new Map();
  const rows = await db
    .select({ assignmentId: jobDialogues.assignmentId, n: count() })
    .from(jobDialogues)
    .where(
      and(
        inArray(jobDialogues.assignmentId, assignmentIds),
        or(
          sql`${jobDialogues.outcome} is null`,
          and(eq(jobDialogues.outcome, 'later'), lte(jobDialogues.dueDate, today)),
        ),
      ),
    )
    .groupBy(jobDialogues.assignmentId);
  return new Map(rows.map((r) => [r.assignmentId, r.n]));
}

export async function openingCount(db: TDbOrTx, assignmentId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(openings).where(eq(openings.assignmentId, assignmentId));
  return row?.n ?? 0;
}

/** Whether openings or placements point to the assignment or to one of its clauses. */
export async function assignmentInUse(db: TDbOrTx, assignmentId: string): Promise<boolean> {
  const clauseIds = db
    .select({ id: socialClauses.id })
    .from(socialClauses)
    .where(eq(socialClauses.assignmentId, assignmentId));
  const [o] = await db
    .select({ n: count() })
    .from(openings)
    .where(or(eq(openings.assignmentId, assignmentId), inArray(openings.socialClauseId, clauseIds)));
  const [p] = await db
    .select({ n: count() })
    .from(placements)
    .where(or(eq(placements.assignmentId, assignmentId), inArray(placements.socialClauseId, clauseIds)));
  return (o?.n ?? 0) + (p?.n ?? 0) > 0;
}

export async function companyWorksIn(db: TDbOrTx, companyId: string, partnershipId: string) {
  const [row] = await db
    .select({ companyId: companyPartnerships.companyId })
    .from(companyPartnerships)
    .where(
      and(eq(companyPartnerships.companyId, companyId), eq(companyPartnerships.partnershipId, partnershipId)),
    );
  return row !== undefined;
}

/** Active users with a housing-staff membership in the organisation, by name. */
export async function housingStaffOf(db: TDbOrTx, housingOrganisationId: string, among?: string[]) {
  if (among?.length === 0) return [];
  return (
    db
      // One housing-staff membership per user and organisation (memberships_unique_key): no duplicates.
      .select({ id: users.id, name: users.name })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(
        and(
          eq(memberships.role, 'housing_staff'),
          eq(memberships.housingOrganisationId, housingOrganisationId),
          eq(users.status, 'active'),
          among ? inArray(users.id, among) : undefined,
        ),
      )
      .orderBy(sql`${users.name} collate da_dk`, asc(users.id))
  );
}

/** Whether the user is active housing staff of the organisation (who may hold a dialogue or a clause). */
export async function isHousingStaffOf(db: TDbOrTx, housingOrganisationId: string, userId: string) {
  return (await housingStaffOf(db, housingOrganisationId, [userId])).length > 0;
}

export async function findOrganisation(db: TDbOrTx, id: string) {
  const [row] = await db
    .select({
      id: housingOrganisations.id,
      partnershipId: housingOrganisations.partnershipId,
      municipalityId: partnerships.municipalityId,
    })
    .from(housingOrganisations)
    .innerJoin(partnerships, eq(partnerships.id, housingOrganisations.partnershipId))
    .where(eq(housingOrganisations.id, id));
  return row;
}

/**
 * Who is told about a dialogue or a clause: the person holding it while they are active housing
 * staff of the organisation, else every active housing staff member of it.
 */
export async function notificationRecipients(
  db: TDbOrTx,
  housingOrganisationId: string,
  holderId: string | null,
): Promise<string[]> {
  if (holderId && (await isHousingStaffOf(db, housingOrganisationId, holderId))) return [holderId];
  return (await housingStaffOf(db, housingOrganisationId)).map((s) => s.id);
}
