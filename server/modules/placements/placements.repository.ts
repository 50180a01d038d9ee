import type { TPlacementListQuery } from '@domain/placement.schema.ts';
import type { TActor } from '@domain/policy.ts';
import type { TDbOrTx } from '@server/db/client.ts';
import {
  assignments,
  companies,
  escalations,
  followUps,
  housingAreas,
  openings,
  partnerships,
  placements,
  residents,
} from '@server/db/schema/index.ts';
import { hasActiveConsent, residentScope } from '@server/modules/residents/residents.repository.ts';
import { fetchPage, orderFor, searchAny, totalCount } from '@server/platform/crud/list-query.ts';
import { and, count, eq, gt, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import type { SelectedFields } from 'drizzle-orm/pg-core';
import { companyIdsOf } from './placements.policy.ts';

// Drizzle queries of placements. A list holds two kinds of row: placements of people the actor
// sees professionally (residentScope as SQL, the same rule as one read) and, for a company
// contact, its own company's placements. Which view a row is in is computed per row in SQL, and
// the name a company may see (the first name, only while consent (b) holds) is chosen there too,
// so a search or sort by name never touches what the viewer may not see.

/** The person's full name and the name to sort it by, for the professionals' lists (residentScope). */
export const placementResidentName = sql<
  string | null
>`(${residents.firstName} || ' ' || ${residents.lastName})`;
export const placementResidentSortName = sql`(${residents.lastName} || ' ' || ${residents.firstName})`;

/** What a row about a placement (a follow-up, an escalation) is shown with: its person, company and opening. */
export const placementContextColumns = {
  residentId: placements.residentId,
  residentName: placementResidentName,
  companyName: companies.name,
  openingTitle: openings.title,
};

/**
 * A select over placements joined to their company and opening, and their person and housing area
 * (what residentScope reads). Dynamic: a table whose rows belong to a placement (follow-ups,
 * escalations) is joined on by the caller.
 */
export function selectPlacements<T extends SelectedFields>(db: TDbOrTx, fields: T) {
  // The intersection keeps drizzle's join types resolvable while T is generic.
  return db
    .select(fields as T & Record<never, never>)
    .from(placements)
    .innerJoin(companies, eq(companies.id, placements.companyId))
    .leftJoin(openings, eq(openings.id, placements.openingId))
    .leftJoin(residents, eq(residents.id, placements.residentId))
    .leftJoin(housingAreas, eq(housingAreas.id, residents.housingAreaId))
    .$dynamic();
}

/** Earliest planned check-in of the placement in the query. */
const nextDueDate = sql<string | null>`(select min(f.due_date)::text from ${followUps} f
  where f.placement_id = ${placements.id} and f.state = 'planned')`;

const openEscalations = (companySourceOnly: boolean) =>
  sql<number>`(select count(*) from ${escalations} e where e.placement_id = ${placements.id}
    and e.resolved_at is null${companySourceOnly ? sql` and e.source = 'company'` : sql``})`.mapWith(Number);

/** The rules of a list row, as SQL over placements ⋈ residents ⋈ housing_areas. */
function rowScope(actor: TActor, today: string) {
  const companyIds = companyIdsOf(actor);
  const professional = residentScope(actor, today, { professionalOnly: true });
  const company = companyIds.length ? inArray(placements.companyId, companyIds) : sql`false`;
  /** The company may know who it is: the person is not erased and consent (b) holds today. */
  const consented = sql`(${residents.id} is not null and ${residents.anonymisedAt} is null and ${hasActiveConsent('matching', today)})`;
  const companyName = sql`(case when ${company} and ${consented} then ${residents.firstName} end)`;
  return {
    professional,
    company,
    /** The person's name as this viewer may see it: full for professionals, first name for the company. */
    residentName: sql<
      string | null
    >`(case when ${professional} then ${residents.firstName} || ' ' || ${residents.lastName} else ${companyName} end)`,
    residentSortName: sql`(case when ${professional} then ${residents.lastName} || ' ' || ${residents.firstName} else ${companyName} end)`,
    consented,
  };
}

export function listPlacements(db: TDbOrTx, actor: TActor, today: string, query: TPlacementListQuery) {
  const scope = rowScope(actor, today);
  const where = and(
    or(scope.professional, scope.company),
    searchAny(query.q, [scope.residentName, companies.name, openings.title]),
    query.status ? eq(placements.status, query.status) : undefined,
    query.type ? eq(placements.type, query.type) : undefined,
    query.companyId ? eq(placements.companyId, query.companyId) : undefined,
    query.residentId ? eq(placements.residentId, query.residentId) : undefined,
    query.openingId ? eq(placements.openingId, query.openingId) : undefined,
  );
  const order = orderFor(
    { sort: query.sort ?? 'startDate', dir: query.sort ? query.dir : 'desc' },
    {
      startDate: { column: placements.startDate },
      residentName: { column: scope.residentSortName, text: true },
      companyName: { column: companies.name, text: true },
      status: { column: placements.status },
      nextDueDate: { column: nextDueDate },
    },
    'startDate',
    placements.id,
  );
  return fetchPage(query, (limit, offset) =>
    selectPlacements(db, {
      row: placements,
      companyName: companies.name,
      openingTitle: openings.title,
      professional: sql<boolean>`coalesce((${scope.professional}), false)`,
      residentName: scope.residentName,
      consented: sql<boolean>`coalesce(${scope.consented}, false)`,
      nextDueDate,
      openEscalations: openEscalations(false),
      openCompanyEscalations: openEscalations(true),
      total: totalCount,
    })
      .where(where)
      .orderBy(...order)
      .limit(limit)
      .offset(offset),
  );
}
export type TPlacementListRow = Awaited<ReturnType<typeof listPlacements>>['items'][number];

/** One placement with what its views need; `consented`: consent (b) holds on `today`. */
export async function findPlacement(db: TDbOrTx, id: string, today: string) {
  const [row] = await db
    .select({
      row: placements,
      companyName: companies.name,
      openingTitle: openings.title,
      assignmentTitle: assignments.title,
      municipalityId: partnerships.municipalityId,
      residentFirstName: residents.firstName,
      residentLastName: residents.lastName,
      residentAnonymised: sql<boolean>`(${residents.anonymisedAt} is not null)`,
      consented: sql<boolean>`coalesce((${residents.id} is not null and ${hasActiveConsent('matching', today)}), false)`,
      nextDueDate,
      openEscalations: openEscalations(false),
      openCompanyEscalations: openEscalations(true),
    })
    .from(placements)
    .innerJoin(companies, eq(companies.id, placements.companyId))
    .leftJoin(openings, eq(openings.id, placements.openingId))
    .leftJoin(assignments, eq(assignments.id, placements.assignmentId))
    .leftJoin(partnerships, eq(partnerships.id, placements.partnershipId))
    .leftJoin(residents, eq(residents.id, placements.residentId))
    .where(eq(placements.id, id));
  return row;
}
export type TPlacementRow = NonNullable<Awaited<ReturnType<typeof findPlacement>>>;

/** Locks the placement for the rest of the transaction and reads its status and dates. */
export async function lockPlacement(tx: TDbOrTx, id: string) {
  const [row] = await tx
    .select({ status: placements.status, startDate: placements.startDate, residentId: placements.residentId })
    .from(placements)
    .where(eq(placements.id, id))
    .for('update');
  return row;
}

/**
 * Cancels the planned check-ins after the end day that measure nothing. The 6- and 12-month
 * retention check-ins and a trial's outcome stay: efterværn asks whether the person is in job or
 * education also after the placement ended. Returns how many were cancelled.
 */
export async function cancelFollowUpsAfter(
  tx: TDbOrTx,
  placementId: string,
  endDate: string,
  now: Date,
): Promise<number> {
  const cancelled = await tx
    .update(followUps)
    .set({ state: 'cancelled', updatedAt: now })
    .where(
      and(
        eq(followUps.placementId, placementId),
        eq(followUps.state, 'planned'),
        isNull(followUps.measures),
        gt(followUps.dueDate, endDate),
      ),
    )
    .returning({ id: followUps.id });
  return cancelled.length;
}

/** Other active placements of the person that are jobs (not trials): they keep the person "in job". */
export async function otherActiveJobs(
  tx: TDbOrTx,
  residentId: string,
  placementId: string,
  trialTypes: readonly string[],
): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(placements)
    .where(
      and(
        eq(placements.residentId, residentId),
        ne(placements.id, placementId),
        eq(placements.status, 'active'),
        sql`${placements.type} not in (${sql.join(
          trialTypes.map((t) => sql`${t}`),
          sql`, `,
        )})`,
      ),
    );
  return row?.n ?? 0;
}

/** An active placement of the person on the opening already (a hire is not recorded twice). */
export async function activePlacementOn(tx: TDbOrTx, residentId: string, openingId: string) {
  const [row] = await tx
    .select({ id: placements.id })
    .from(placements)
    .where(
      and(
        eq(placements.residentId, residentId),
        eq(placements.openingId, openingId),
        eq(placements.status, 'active'),
      ),
    )
    .limit(1);
  return row;
}
