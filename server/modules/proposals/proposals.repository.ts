import type { TActor } from '@domain/policy.ts';
import {
  ACTIVE_PROPOSAL_STATUSES,
  type TProposalFilters,
  type TProposalListQuery,
} from '@domain/proposal.schema.ts';
import type { TDbOrTx } from '@server/db/client.ts';
import {
  allocationLines,
  companies,
  housingAreas,
  openings,
  partnerships,
  proposalStatusChanges,
  proposals,
  residents,
  users,
} from '@server/db/schema/index.ts';
import { residentScope } from '@server/modules/residents/residents.repository.ts';
import { fetchPage, orderFor, searchAny, totalCount } from '@server/platform/crud/list-query.ts';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';

// Drizzle queries of proposals. A list shows the proposals of the people the actor sees
// professionally (residentScope as SQL), so it never names anyone a profile would not show.

const proposer = alias(users, 'proposal_proposed_by');
const answerRecorder = alias(users, 'proposal_answer_recorded_by');
const sender = alias(users, 'proposal_sent_by');

const residentName = sql<string>`${residents.firstName} || ' ' || ${residents.lastName}`;

const listColumns = {
  row: proposals,
  openingTitle: openings.title,
  companyName: companies.name,
  residentName,
  proposedByName: proposer.name,
};

const base = (db: TDbOrTx) =>
  db
    .select({ ...listColumns, total: totalCount })
    .from(proposals)
    .innerJoin(openings, eq(openings.id, proposals.openingId))
    .innerJoin(companies, eq(companies.id, proposals.companyId))
    .innerJoin(residents, eq(residents.id, proposals.residentId))
    .leftJoin(housingAreas, eq(housingAreas.id, residents.housingAreaId))
    .leftJoin(proposer, eq(proposer.id, proposals.proposedBy))
    .$dynamic();

export function listProposals(
  db: TDbOrTx,
  actor: TActor,
  today: string,
  query: TProposalListQuery,
  filters: TProposalFilters,
) {
  const where = and(
    residentScope(actor, today, { professionalOnly: true }),
    searchAny(query.q, [openings.title, companies.name, residentName]),
    filters.openingId ? eq(proposals.openingId, filters.openingId) : undefined,
    filters.residentId ? eq(proposals.residentId, filters.residentId) : undefined,
    filters.status ? eq(proposals.status, filters.status) : undefined,
    filters.active === true ? inArray(proposals.status, [...ACTIVE_PROPOSAL_STATUSES]) : undefined,
    filters.active === false
      ? sql`${proposals.status} not in (${sql.join(
          ACTIVE_PROPOSAL_STATUSES.map((s) => sql`${s}`),
          sql`, `,
        )})`
      : undefined,
  );
  const order = orderFor(
    { sort: query.sort ?? 'proposedAt', dir: query.sort ? query.dir : 'desc' },
    {
      proposedAt: { column: proposals.proposedAt },
      score: { column: proposals.score },
      status: { column: proposals.status },
      residentName: { column: sql`${residents.lastName} || ' ' || ${residents.firstName}`, text: true },
      openingTitle: { column: openings.title, text: true },
      companyName: { column: companies.name, text: true },
    },
    'proposedAt',
    proposals.id,
  );
  return fetchPage(query, (limit, offset) =>
    base(db)
      .where(where)
      .orderBy(...order)
      .limit(limit)
      .offset(offset),
  );
}

/** One proposal with the names a detail shows and its opening's partnership (for the scope check). */
export async function findProposal(db: TDbOrTx, id: string) {
  const [row] = await db
    .select({
      ...listColumns,
      municipalityId: partnerships.municipalityId,
      answerRecordedByName: answerRecorder.name,
      sentByName: sender.name,
      allocationId: allocationLines.allocationId,
    })
    .from(proposals)
    .innerJoin(openings, eq(openings.id, proposals.openingId))
    .innerJoin(partnerships, eq(partnerships.id, proposals.partnershipId))
    .innerJoin(companies, eq(companies.id, proposals.companyId))
    .innerJoin(residents, eq(residents.id, proposals.residentId))
    .leftJoin(proposer, eq(proposer.id, proposals.proposedBy))
    .leftJoin(answerRecorder, eq(answerRecorder.id, proposals.residentAnswerRecordedBy))
    .leftJoin(sender, eq(sender.id, proposals.sentBy))
    .leftJoin(allocationLines, eq(allocationLines.id, proposals.allocationLineId))
    .where(eq(proposals.id, id));
  return row;
}
export type TProposalRow = NonNullable<Awaited<ReturnType<typeof findProposal>>>;

export async function proposalHistory(db: TDbOrTx, proposalId: string) {
  return db
    .select({
      from: proposalStatusChanges.fromStatus,
      to: proposalStatusChanges.toStatus,
      at: proposalStatusChanges.at,
      byName: users.name,
      note: proposalStatusChanges.note,
    })
    .from(proposalStatusChanges)
    .leftJoin(users, eq(users.id, proposalStatusChanges.byUserId))
    .where(eq(proposalStatusChanges.proposalId, proposalId))
    .orderBy(asc(proposalStatusChanges.at), asc(proposalStatusChanges.id));
}

/**
 * Locks the opening and the person for the rest of the transaction, always in this order, so two
 * proposals at once cannot both pass the limits (k per person, n per opening).
 */
export async function lockPair(tx: TDbOrTx, openingId: string, residentId: string): Promise<void> {
  await tx.execute(sql`select 1 from ${openings} where ${openings.id} = ${openingId} for update`);
  await tx.execute(sql`select 1 from ${residents} where ${residents.id} = ${residentId} for update`);
}
