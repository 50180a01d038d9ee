import type { TListQuery } from '@domain/common.schema.ts';
import { isAdmin, scopeIdsOf, type TActor } from '@domain/policy.ts';
import type { TDbOrTx } from '@server/db/client.ts';
import {
  companies,
  jobcenters,
  mailOutbox,
  memberships,
  openingReferrals,
  openingStatusChanges,
  openings,
  partnerships,
  referralContacts,
  socialHousingPlans,
  users,
} from '@server/db/schema/index.ts';
import {
  fetchPage,
  orderFor,
  searchAny,
  totalCount,
  withoutTotal,
} from '@server/platform/crud/list-query.ts';
import { and, asc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';

export interface TOpeningFilters {
  status?: (typeof openings.$inferSelect)['status'];
  type?: (typeof openings.$inferSelect)['type'];
  companyId?: string;
  partnershipId?: string;
  assignmentId?: string;
}

const columns = {
  row: openings,
  partnershipName: partnerships.name,
  municipalityId: partnerships.municipalityId,
  companyName: companies.name,
};

const base = (db: TDbOrTx) =>
  db
    .select({ ...columns, total: totalCount })
    .from(openings)
    .innerJoin(partnerships, eq(partnerships.id, openings.partnershipId))
    .innerJoin(companies, eq(companies.id, openings.companyId))
    .$dynamic();

/** The openings an actor may see, as SQL (the same rules as canOnOpening in domain/policy.ts). */
export function openingScope(actor: TActor): SQL | undefined {
  if (isAdmin(actor)) return undefined;
  const parts: SQL[] = [];
  const {
    housingOrganisationIds: orgs,
    housingStaffPartnershipIds: staffPartnerships,
    socialWorkerPartnershipIds: plans,
    consultantMunicipalityIds: municipalities,
    companyIds: ownCompanies,
  } = scopeIdsOf(actor);
  if (orgs.length) parts.push(inArray(openings.housingOrganisationId, orgs));
  if (staffPartnerships.length) {
    parts.push(
      and(isNull(openings.housingOrganisationId), inArray(openings.partnershipId, staffPartnerships))!,
    );
  }
  if (plans.length) parts.push(inArray(openings.partnershipId, plans));
  if (municipalities.length) parts.push(inArray(partnerships.municipalityId, municipalities));
  if (ownCompanies.length) parts.push(inArray(openings.companyId, ownCompanies));
  return parts.length ? or(...parts) : sql`false`;
}

export type TOpeningRow = NonNullable<Awaited<ReturnType<typeof findOpening>>>;

export async function findOpening(db: TDbOrTx, id: string) {
  return withoutTotal(await base(db).where(eq(openings.id, id)));
}

export function listOpenings(db: TDbOrTx, actor: TActor, query: TListQuery, filters: TOpeningFilters) {
  const where = and(
    openingScope(actor),
    searchAny(query.q, [openings.title, companies.name, openings.city]),
    filters.status ? eq(openings.status, filters.status) : undefined,
    filters.type ? eq(openings.type, filters.type) : undefined,
    filters.companyId ? eq(openings.companyId, filters.companyId) : undefined,
    filters.partnershipId ? eq(openings.partnershipId, filters.partnershipId) : undefined,
    filters.assignmentId ? eq(openings.assignmentId, filters.assignmentId) : undefined,
  );
  const order = orderFor(
    { sort: query.sort ?? 'createdAt', dir: query.sort ? query.dir : 'desc' },
    {
      createdAt: { column: openings.createdAt },
      startDate: { column: openings.startDate },
      title: { column: openings.title, text: true },
      companyName: { column: companies.name, text: true },
      status: { column: openings.status },
    },
    'createdAt',
    openings.id,
  );
  return fetchPage(query, (limit, offset) =>
    base(db)
      .where(where)
      .orderBy(...order)
      .limit(limit)
      .offset(offset),
  );
}

export async function statusHistory(db: TDbOrTx, openingId: string) {
  return db
    .select({
      from: openingStatusChanges.fromStatus,
      to: openingStatusChanges.toStatus,
      at: openingStatusChanges.at,
      byName: users.name,
      note: openingStatusChanges.note,
    })
    .from(openingStatusChanges)
    .leftJoin(users, eq(users.id, openingStatusChanges.byUserId))
    .where(eq(openingStatusChanges.openingId, openingId))
    .orderBy(asc(openingStatusChanges.at), asc(openingStatusChanges.id));
}

export async function referralsOf(db: TDbOrTx, openingId: string) {
  return db
    .select({
      userId: openingReferrals.userId,
      name: users.name,
      role: openingReferrals.role,
      notifiedAt: openingReferrals.notifiedAt,
      mailSentAt: mailOutbox.sentAt,
    })
    .from(openingReferrals)
    .innerJoin(users, eq(users.id, openingReferrals.userId))
    .leftJoin(mailOutbox, eq(mailOutbox.id, openingReferrals.mailId))
    .where(eq(openingReferrals.openingId, openingId))
    .orderBy(asc(openingReferrals.role), asc(users.name));
}

export type TReferralRole = 'job_consultant' | 'social_worker';

/**
 * Active users who hold the role in the partnership: job consultants of a jobcenter in its
 * municipality, social workers of a social housing plan in it. Optionally among given users.
 */
export async function roleHolders(
  db: TDbOrTx,
  partnership: { id: string; municipalityId: string },
  role: TReferralRole,
  among?: string[],
): Promise<string[]> {
  if (among?.length === 0) return [];
  const scope =
    role === 'job_consultant'
      ? sql`exists (select 1 from ${jobcenters} where ${jobcenters.id} = ${memberships.jobcenterId} and ${jobcenters.municipalityId} = ${partnership.municipalityId})`
      : sql`exists (select 1 from ${socialHousingPlans} where ${socialHousingPlans.id} = ${memberships.socialHousingPlanId} and ${socialHousingPlans.partnershipId} = ${partnership.id})`;
  const rows = await db
    .selectDistinct({ userId: memberships.userId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.role, role),
        eq(users.status, 'active'),
        scope,
        among ? inArray(memberships.userId, among) : undefined,
      ),
    );
  return rows.map((r) => r.userId);
}

/**
 * Who gets an opening: per role, the contacts configured for its area, else for its
 * partnership, else everyone active with that role in the partnership.
 */
export async function referralRecipients(
  db: TDbOrTx,
  partnership: { id: string; municipalityId: string },
  housingAreaId: string | null,
): Promise<{ userId: string; role: TReferralRole }[]> {
  const configured = await db
    .select({
      userId: referralContacts.userId,
      role: referralContacts.role,
      areaId: referralContacts.housingAreaId,
    })
    .from(referralContacts)
    .innerJoin(users, eq(users.id, referralContacts.userId))
    .where(
      and(
        eq(referralContacts.partnershipId, partnership.id),
        eq(users.status, 'active'),
        housingAreaId
          ? or(isNull(referralContacts.housingAreaId), eq(referralContacts.housingAreaId, housingAreaId))
          : isNull(referralContacts.housingAreaId),
      ),
    );
  const out: { userId: string; role: TReferralRole }[] = [];
  for (const role of ['job_consultant', 'social_worker'] as const) {
    const forArea = configured.filter((c) => c.role === role && c.areaId !== null);
    const forPartnership = configured.filter((c) => c.role === role && c.areaId === null);
    const chosen = forArea.length ? forArea : forPartnership;
    const userIds = chosen.length ? chosen.map((c) => c.userId) : await roleHolders(db, partnership, role);
    out.push(...userIds.map((userId) => ({ userId, role })));
  }
  return out;
}
