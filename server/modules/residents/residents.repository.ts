import type { TConsentScope, TConsentState } from '@domain/consent.schema.ts';
import { isAdmin, scopeIdsOf, type TActor } from '@domain/policy.ts';
import { COMPANY_VISIBLE_PROPOSAL_STATUSES } from '@domain/proposal.schema.ts';
import type { TResidentStatus } from '@domain/resident.schema.ts';
import type { TResidentScope } from '@domain/resident-access.ts';
import { addDays } from '@domain/time.ts';
import type { TDbOrTx } from '@server/db/client.ts';
import {
  housingAreas,
  jobcenters,
  memberships,
  partnerships,
  residentConsents,
  residentNotes,
  residentScreenings,
  residents,
  socialHousingPlans,
  users,
} from '@server/db/schema/index.ts';
import { fetchWindow, orderFor, searchAny, totalCount } from '@server/platform/crud/list-query.ts';
import { and, asc, desc, eq, inArray, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';

// Drizzle queries of residents, their consents and notes. residentScope() is resident-access.ts
// written as SQL, so a list shows exactly the people a single read would show.

/** An active consent of the scope exists for the row of `residents` in the query (on `today`). */
export function hasActiveConsent(scope: TConsentScope, today: string): SQL {
  return sql`exists (select 1 from ${residentConsents} c
    where c.resident_id = ${residents.id} and c.scope = ${scope} and c.withdrawn_on is null
      and c.given_on <= ${today} and (c.expires_on is null or c.expires_on >= ${today}))`;
}

/**
 * Which residents the actor may see today, as SQL over `residents` left-joined with the person's
 * `housing_areas` row: the rules of residentAccess() (domain/resident-access.ts).
 * - social worker (plan P): registered by P or living in P's areas (housing side, own); living in
 *   P's areas, registered by a jobcenter, with an active (a);
 * - job consultant (municipality M): living in M and registered by a jobcenter (own); living in M,
 *   registered by the housing side, with an active (a);
 * - admin: with an active (a), unless `professionalOnly`;
 * - everybody else: nobody (a company's candidates come with the matching issue).
 */
export function residentScope(
  actor: TActor,
  today: string,
  options: { professionalOnly?: boolean } = {},
): SQL {
  const sharing = hasActiveConsent('sharing', today);
  const plans = actor.memberships
    .filter((m) => m.role === 'social_worker' && m.scopeId)
    .map((m) => m.scopeId as string);
  const { consultantMunicipalityIds: municipalityIds } = scopeIdsOf(actor);
  const parts: SQL[] = [];
  if (plans.length) {
    const livesInPlan = inArray(housingAreas.socialHousingPlanId, plans);
    parts.push(
      and(
        eq(residents.registeredBySide, 'housing'),
        or(inArray(residents.registeredByPlanId, plans), livesInPlan),
      )!,
      and(eq(residents.registeredBySide, 'jobcenter'), livesInPlan, sharing)!,
    );
  }
  if (municipalityIds.length) {
    parts.push(
      and(
        inArray(residents.municipalityId, municipalityIds),
        or(eq(residents.registeredBySide, 'jobcenter'), sharing),
      )!,
    );
  }
  if (isAdmin(actor) && !options.professionalOnly) parts.push(sharing);
  // An anonymised person (erasure or retention) is nobody's any more: no list, count or search.
  return parts.length ? and(isNull(residents.anonymisedAt), or(...parts))! : sql`false`;
}

/** The target group of the person's latest screening (null before the first), for the row of `residents`. */
const latestTargetGroup = sql<1 | 2 | null>`(select s.target_group from ${residentScreenings} s
  where s.resident_id = ${residents.id} order by s.screened_on desc, s.created_at desc limit 1)`;

const columns = {
  row: residents,
  housingAreaName: housingAreas.name,
  areaPlanId: housingAreas.socialHousingPlanId,
  targetGroup: latestTargetGroup,
};

const base = (db: TDbOrTx) =>
  db
    .select({ ...columns, total: totalCount })
    .from(residents)
    .leftJoin(housingAreas, eq(housingAreas.id, residents.housingAreaId))
    .$dynamic();

export interface TResidentRow {
  row: typeof residents.$inferSelect;
  housingAreaName: string | null;
  areaPlanId: string | null;
  targetGroup: 1 | 2 | null;
  /** Companies the person is proposed to and may be seen by (findResident only; issue 5). */
  proposedToCompanyIds?: string[];
}

/** The companies a proposal of the person (the row of `residents`) has been sent to and is still with. */
const proposedToCompanyIds = sql<string[]>`coalesce((select array_agg(distinct p.company_id)
  from proposals p where p.resident_id = ${residents.id}
    and p.status in (${sql.join(
      COMPANY_VISIBLE_PROPOSAL_STATUSES.map((s) => sql`${s}`),
      sql`, `,
    )})), '{}')::uuid[]`;

/** The person as the access rules need them. */
export function scopeOf(r: TResidentRow): TResidentScope {
  const p = r.row;
  return {
    municipalityId: p.municipalityId,
    socialHousingPlanId: r.areaPlanId,
    registeredBy:
      p.registeredBySide === 'housing'
        ? { side: 'housing', socialHousingPlanId: p.registeredByPlanId! }
        : { side: 'jobcenter', jobcenterId: p.registeredByJobcenterId! },
    healthNeedConsent: p.healthNeedConsent,
    proposedToCompanyIds: r.proposedToCompanyIds ?? [],
  };
}

/** The person, unless anonymised: an erased person answers 404 everywhere, like one never registered. */
export async function findResident(db: TDbOrTx, id: string): Promise<TResidentRow | undefined> {
  const [r] = await db
    .select({ ...columns, proposedToCompanyIds })
    .from(residents)
    .leftJoin(housingAreas, eq(housingAreas.id, residents.housingAreaId))
    .where(and(eq(residents.id, id), isNull(residents.anonymisedAt)));
  return r;
}

export interface TResidentFilters {
  housingAreaId?: string;
  status?: TResidentStatus;
  occupationId?: string;
  consent?: TConsentScope;
  targetGroup?: number;
}

export interface TListArgs {
  q?: string;
  sort?: string;
  dir: 'asc' | 'desc';
  limit: number;
  offset: number;
}

export function listResidents(
  db: TDbOrTx,
  actor: TActor,
  today: string,
  args: TListArgs,
  filters: TResidentFilters,
) {
  const where = and(
    residentScope(actor, today),
    searchAny(args.q, [
      residents.firstName,
      residents.lastName,
      sql`${residents.firstName} || ' ' || ${residents.lastName}`,
    ]),
    filters.housingAreaId ? eq(residents.housingAreaId, filters.housingAreaId) : undefined,
    filters.status ? eq(residents.status, filters.status) : undefined,
    filters.occupationId ? sql`${filters.occupationId} = any(${residents.occupationIds})` : undefined,
    filters.consent ? hasActiveConsent(filters.consent, today) : undefined,
    filters.targetGroup ? sql`${latestTargetGroup} = ${filters.targetGroup}` : undefined,
  );
  const sort = args.sort ?? 'lastName';
  const [primary, tieBreaker] = orderFor(
    { sort, dir: args.dir },
    {
      lastName: { column: residents.lastName, text: true },
      firstName: { column: residents.firstName, text: true },
      birthDate: { column: residents.birthDate },
      status: { column: residents.status },
      updatedAt: { column: residents.updatedAt },
    },
    'lastName',
    residents.id,
  );
  // Names: "Hansen, Anna" before "Hansen, Bo" whichever name sorts first.
  const secondary =
    sort === 'firstName'
      ? sql`${residents.lastName} collate da_dk asc`
      : sql`${residents.firstName} collate da_dk asc`;
  return fetchWindow(args, (limit, offset) =>
    base(db).where(where).orderBy(primary!, secondary, tieBreaker!).limit(limit).offset(offset),
  );
}

const registeredByUser = alias(users, 'consent_registered_by');
const withdrawnByUser = alias(users, 'consent_withdrawn_by');

/** The consents of some residents, newest first, with the names of the staff who handled them. */
export async function consentsOf(db: TDbOrTx, residentIds: string[]) {
  if (residentIds.length === 0) return [];
  return db
    .select({
      row: residentConsents,
      registeredByName: registeredByUser.name,
      withdrawnByName: withdrawnByUser.name,
    })
    .from(residentConsents)
    .leftJoin(registeredByUser, eq(registeredByUser.id, residentConsents.registeredBy))
    .leftJoin(withdrawnByUser, eq(withdrawnByUser.id, residentConsents.withdrawnBy))
    .where(inArray(residentConsents.residentId, residentIds))
    .orderBy(desc(residentConsents.givenOn), desc(residentConsents.registeredAt), asc(residentConsents.id));
}
export type TConsentRow = Awaited<ReturnType<typeof consentsOf>>[number];

export function consentState(c: TConsentRow): TConsentState {
  return {
    scope: c.row.scope,
    givenOn: c.row.givenOn,
    expiresOn: c.row.expiresOn,
    withdrawnOn: c.row.withdrawnOn,
  };
}

export async function findConsent(db: TDbOrTx, residentId: string, consentId: string) {
  const rows = await consentsOf(db, [residentId]);
  return rows.find((c) => c.row.id === consentId);
}

export async function findArea(db: TDbOrTx, id: string) {
  const [row] = await db
    .select({
      id: housingAreas.id,
      municipalityId: housingAreas.municipalityId,
      socialHousingPlanId: housingAreas.socialHousingPlanId,
    })
    .from(housingAreas)
    .where(eq(housingAreas.id, id));
  return row;
}

/** The municipality of each social housing plan (its partnership's). */
export async function planMunicipalities(db: TDbOrTx, planIds: string[]): Promise<Map<string, string>> {
  if (planIds.length === 0) return new Map();
  const rows = await db
    .select({ id: socialHousingPlans.id, municipalityId: partnerships.municipalityId })
    .from(socialHousingPlans)
    .innerJoin(partnerships, eq(partnerships.id, socialHousingPlans.partnershipId))
    .where(inArray(socialHousingPlans.id, planIds));
  return new Map(rows.map((r) => [r.id, r.municipalityId]));
}

/** The municipality of each jobcenter. */
export async function jobcenterMunicipalities(
  db: TDbOrTx,
  jobcenterIds: string[],
): Promise<Map<string, string>> {
  if (jobcenterIds.length === 0) return new Map();
  const rows = await db
    .select({ id: jobcenters.id, municipalityId: jobcenters.municipalityId })
    .from(jobcenters)
    .where(inArray(jobcenters.id, jobcenterIds));
  return new Map(rows.map((r) => [r.id, r.municipalityId]));
}

/**
 * Active staff who may be made responsible for a person, in the given municipalities (all when
 * null): social workers through their social housing plan's partnership, job consultants through
 * their jobcenter. Sorted by name (Danish collation).
 */
export async function responsibleStaff(
  db: TDbOrTx,
  municipalityIds: string[] | null,
  only?: { userId: string; role: 'social_worker' | 'job_consultant' },
) {
  if (municipalityIds?.length === 0) return [];
  const municipalityId = sql<string>`coalesce(${partnerships.municipalityId}, ${jobcenters.municipalityId})`;
  const rows = await db
    .select({
      id: users.id,
      name: users.name,
      role: sql<'social_worker' | 'job_consultant'>`${memberships.role}`,
      municipalityId,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(socialHousingPlans, eq(socialHousingPlans.id, memberships.socialHousingPlanId))
    .leftJoin(partnerships, eq(partnerships.id, socialHousingPlans.partnershipId))
    .leftJoin(jobcenters, eq(jobcenters.id, memberships.jobcenterId))
    .where(
      and(
        eq(users.status, 'active'),
        only
          ? and(eq(users.id, only.userId), eq(memberships.role, only.role))
          : inArray(memberships.role, ['social_worker', 'job_consultant']),
        municipalityIds ? inArray(municipalityId, municipalityIds) : undefined,
      ),
    )
    .orderBy(sql`${users.name} collate da_dk`, users.id);
  // Two plans of one partnership give the same person twice.
  const seen = new Set<string>();
  return rows.filter((r) => {
    const key = `${r.id}/${r.role}/${r.municipalityId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export async function notesOf(db: TDbOrTx, residentId: string) {
  return db
    .select({
      id: residentNotes.id,
      text: residentNotes.text,
      kind: residentNotes.kind,
      authorName: users.name,
      createdAt: residentNotes.createdAt,
    })
    .from(residentNotes)
    .leftJoin(users, eq(users.id, residentNotes.authorId))
    .where(eq(residentNotes.residentId, residentId))
    .orderBy(desc(residentNotes.createdAt), asc(residentNotes.id));
}

/**
 * Active consents that lapse within `days`, soonest first, of the people the actor sees in the
 * professional view (the secretariat's administrative view does not renew consents).
 */
export async function expiringConsents(db: TDbOrTx, actor: TActor, today: string, days: number) {
  return db
    .select({
      consentId: residentConsents.id,
      residentId: residents.id,
      firstName: residents.firstName,
      lastName: residents.lastName,
      scope: residentConsents.scope,
      expiresOn: residentConsents.expiresOn,
    })
    .from(residentConsents)
    .innerJoin(residents, eq(residents.id, residentConsents.residentId))
    .leftJoin(housingAreas, eq(housingAreas.id, residents.housingAreaId))
    .where(
      and(
        residentScope(actor, today, { professionalOnly: true }),
        isNull(residentConsents.withdrawnOn),
        lte(residentConsents.givenOn, today),
        sql`${residentConsents.expiresOn} >= ${today}`,
        lte(residentConsents.expiresOn, addDays(today, days)),
      ),
    )
    .orderBy(
      asc(residentConsents.expiresOn),
      sql`${residents.lastName} collate da_dk`,
      sql`${residents.firstName} collate da_dk`,
      asc(residentConsents.id),
    )
    .limit(1000);
}

const screenedByUser = alias(users, 'screened_by');

/** A person's screenings, newest first, with the name of who screened. */
export async function screeningsOf(db: TDbOrTx, residentId: string) {
  return db
    .select({ row: residentScreenings, screenedByName: screenedByUser.name })
    .from(residentScreenings)
    .leftJoin(screenedByUser, eq(screenedByUser.id, residentScreenings.screenedBy))
    .where(eq(residentScreenings.residentId, residentId))
    .orderBy(
      desc(residentScreenings.screenedOn),
      desc(residentScreenings.createdAt),
      asc(residentScreenings.id),
    );
}
export type TScreeningRow = Awaited<ReturnType<typeof screeningsOf>>[number];

/**
 * People the actor sees in the professional view whose latest screening's next date is on or
 * before `today + days` (past dates included: overdue stays due), soonest first.
 */
export async function screeningsDue(db: TDbOrTx, actor: TActor, today: string, days: number) {
  const latest = db
    .selectDistinctOn([residentScreenings.residentId], {
      residentId: residentScreenings.residentId,
      targetGroup: residentScreenings.targetGroup,
      nextScreeningOn: residentScreenings.nextScreeningOn,
    })
    .from(residentScreenings)
    .orderBy(
      residentScreenings.residentId,
      desc(residentScreenings.screenedOn),
      desc(residentScreenings.createdAt),
    )
    .as('latest');
  return db
    .select({
      residentId: residents.id,
      firstName: residents.firstName,
      lastName: residents.lastName,
      targetGroup: latest.targetGroup,
      nextScreeningOn: latest.nextScreeningOn,
    })
    .from(residents)
    .innerJoin(latest, eq(latest.residentId, residents.id))
    .leftJoin(housingAreas, eq(housingAreas.id, residents.housingAreaId))
    .where(
      and(
        residentScope(actor, today, { professionalOnly: true }),
        lte(latest.nextScreeningOn, addDays(today, days)),
      ),
    )
    .orderBy(
      asc(latest.nextScreeningOn),
      sql`${residents.lastName} collate da_dk`,
      sql`${residents.firstName} collate da_dk`,
      asc(residents.id),
    )
    .limit(1000);
}

/** Someone worked with the person: the retention clock (anonymise after N months without) restarts. */
export async function touchResidentActivity(tx: TDbOrTx, residentId: string, now: Date): Promise<void> {
  await tx.update(residents).set({ lastActivityAt: now }).where(eq(residents.id, residentId));
}
