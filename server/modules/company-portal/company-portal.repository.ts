import type { TCompanyOpeningListQuery, TCompanyProposalListQuery } from '@domain/placement.schema.ts';
import { COMPANY_VISIBLE_PROPOSAL_STATUSES, type TProposalStatus } from '@domain/proposal.schema.ts';
import type { TDbOrTx } from '@server/db/client.ts';
import { memberships, openings, placements, proposals, residents, users } from '@server/db/schema/index.ts';
import { hasActiveConsent } from '@server/modules/residents/residents.repository.ts';
import {
  fetchPage,
  orderFor,
  searchAny,
  totalCount,
  withoutTotal,
} from '@server/platform/crud/list-query.ts';
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';

// Drizzle queries of the company portal. Everything is scoped to the contact's own companies by
// the proposal's (or opening's) company id, and to the proposals that were sent to the company:
// a proposal still with the professionals does not exist for the company.

/** The proposals a company ever sees: sent to it and under way, hired, or its own no. */
export const COMPANY_SEEN_PROPOSAL_STATUSES: readonly TProposalStatus[] = [
  ...COMPANY_VISIBLE_PROPOSAL_STATUSES,
  'company_declined',
];

const statusIn = (column: typeof proposals.status, statuses: readonly TProposalStatus[]): SQL =>
  inArray(column, [...statuses]);

/**
 * The opening's proposals that reached the company, counted by where they stand now. A proposal
 * still with the professionals (or withdrawn before sending) never counts.
 */
function pipelineCount(status: TProposalStatus) {
  // Named in full: a lone table's columns are rendered unqualified, and would bind to p.
  return sql<number>`(select count(*) from ${proposals} p
    where p.opening_id = "openings"."id" and p.status = ${status})`.mapWith(Number);
}

const openingColumns = {
  id: openings.id,
  title: openings.title,
  type: openings.type,
  status: openings.status,
  createdAt: openings.createdAt,
  sent: pipelineCount('sent_to_company'),
  interview: pipelineCount('interview'),
  hired: pipelineCount('hired'),
  declined: pipelineCount('company_declined'),
};

export type TCompanyOpeningRow = Awaited<ReturnType<typeof listCompanyOpenings>>['items'][number];

export function listCompanyOpenings(db: TDbOrTx, companyIds: string[], query: TCompanyOpeningListQuery) {
  const where = and(
    inArray(openings.companyId, companyIds),
    searchAny(query.q, [openings.title]),
    query.status ? eq(openings.status, query.status) : undefined,
    query.type ? eq(openings.type, query.type) : undefined,
  );
  const order = orderFor(
    { sort: query.sort ?? 'createdAt', dir: query.sort ? query.dir : 'desc' },
    {
      createdAt: { column: openings.createdAt },
      title: { column: openings.title, text: true },
      status: { column: openings.status },
    },
    'createdAt',
    openings.id,
  );
  return fetchPage(query, (limit, offset) =>
    db
      .select({ ...openingColumns, total: totalCount })
      .from(openings)
      .where(where)
      .orderBy(...order)
      .limit(limit)
      .offset(offset),
  );
}

/**
 * A proposal as the company portal needs it: the opening, the person's consented fields (the
 * presenter keeps them only while consent (b) holds), the interview and the placement.
 */
function proposalColumns(today: string) {
  return {
    row: proposals,
    openingTitle: openings.title,
    openingType: openings.type,
    openingStatus: openings.status,
    person: {
      firstName: residents.firstName,
      occupationIds: residents.occupationIds,
      experiences: residents.experiences,
      hoursPerWeek: residents.hoursPerWeek,
      availableDay: residents.availableDay,
      availableEvening: residents.availableEvening,
      availableWeekend: residents.availableWeekend,
    },
    anonymised: sql<boolean>`${residents.anonymisedAt} is not null`,
    /** Consent (b) ("matching") is active on the Danish day. */
    consentToMatch: sql<boolean>`${hasActiveConsent('matching', today)}`,
    placementId: sql<string | null>`(select pl.id from ${placements} pl
      where pl.proposal_id = "proposals"."id" order by pl.created_at limit 1)`,
  };
}

const proposalBase = (db: TDbOrTx, today: string) =>
  db
    .select({ ...proposalColumns(today), total: totalCount })
    .from(proposals)
    .innerJoin(openings, eq(openings.id, proposals.openingId))
    .innerJoin(residents, eq(residents.id, proposals.residentId))
    .$dynamic();

const companyScope = (companyIds: string[]) =>
  and(inArray(proposals.companyId, companyIds), statusIn(proposals.status, COMPANY_SEEN_PROPOSAL_STATUSES));

export function listCompanyProposals(
  db: TDbOrTx,
  companyIds: string[],
  today: string,
  query: TCompanyProposalListQuery,
) {
  // The first name is searchable only where the company may see it.
  const visibleName = sql`case when ${hasActiveConsent('matching', today)}
    and ${residents.anonymisedAt} is null
    and ${statusIn(proposals.status, COMPANY_VISIBLE_PROPOSAL_STATUSES)}
    then ${residents.firstName} end`;
  const where = and(
    companyScope(companyIds),
    searchAny(query.q, [openings.title, visibleName]),
    query.openingId ? eq(proposals.openingId, query.openingId) : undefined,
    query.status ? eq(proposals.status, query.status) : undefined,
  );
  const order = orderFor(
    { sort: query.sort ?? 'sentToCompanyAt', dir: query.sort ? query.dir : 'desc' },
    {
      sentToCompanyAt: { column: proposals.sentToCompanyAt },
      openingTitle: { column: openings.title, text: true },
      status: { column: proposals.status },
    },
    'sentToCompanyAt',
    proposals.id,
  );
  return fetchPage(query, (limit, offset) =>
    proposalBase(db, today)
      .where(where)
      .orderBy(...order)
      .limit(limit)
      .offset(offset),
  );
}

/** One proposal of the companies, or undefined when it was never sent to them. */
export async function findCompanyProposal(db: TDbOrTx, companyIds: string[], today: string, id: string) {
  return withoutTotal(
    await proposalBase(db, today).where(and(eq(proposals.id, id), companyScope(companyIds))),
  );
}
export type TCompanyProposalRow = NonNullable<Awaited<ReturnType<typeof findCompanyProposal>>>;

/** The active users who act for the company in Jobbro (its company_contact memberships). */
export async function companyContactIds(db: TDbOrTx, companyId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ userId: memberships.userId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.role, 'company_contact'),
        eq(memberships.companyId, companyId),
        eq(users.status, 'active'),
      ),
    );
  return rows.map((r) => r.userId);
}
