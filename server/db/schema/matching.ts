import type { TScoreSnapshot } from '@domain/matching/match.ts';
import { INTERVIEW_OUTCOMES } from '@domain/placement.schema.ts';
import {
  ALLOCATION_LINE_DECISIONS,
  ALLOCATION_STATUSES,
  PROPOSAL_SOURCES,
  PROPOSAL_STATUSES,
} from '@domain/proposal.schema.ts';
import {
  bigint,
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { companies } from './companies.ts';
import { users } from './identity.ts';
import { openings } from './openings.ts';
import { partnerships } from './organisation.ts';
import { residents } from './residents.ts';

// Issue 5: matching settings per partnership, proposals with their history, allocation plans,
// and the change feed that keeps every server's in-memory match index equal to the database.

/** The weights and limits of matching for one partnership; absent = the documented defaults. */
export const matchingSettings = pgTable('matching_settings', {
  partnershipId: uuid('partnership_id')
    .primaryKey()
    .references(() => partnerships.id, { onDelete: 'cascade' }),
  /** TMatchSettings (domain/matching/matching-settings.ts), validated by ZMatchSettings. */
  settings: jsonb('settings').notNull(),
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

export const proposals = pgTable(
  'proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    openingId: uuid('opening_id')
      .notNull()
      .references(() => openings.id, { onDelete: 'cascade' }),
    residentId: uuid('resident_id')
      .notNull()
      .references(() => residents.id, { onDelete: 'cascade' }),
    /** Copied from the opening: the company portal and the recent-declines rule read it directly. */
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    /** Copied from the opening: declines count per company and occupation. */
    occupationId: text('occupation_id').notNull(),
    status: text('status', { enum: PROPOSAL_STATUSES }).notNull().default('awaiting_resident'),
    source: text('source', { enum: PROPOSAL_SOURCES }).notNull().default('manual'),
    allocationLineId: uuid('allocation_line_id'),
    score: real('score').notNull(),
    scoreSnapshot: jsonb('score_snapshot').$type<TScoreSnapshot>().notNull(),
    /** Why the proposer thinks it fits (free text, optional; no health or other sensitive data). */
    note: text('note'),
    proposedBy: uuid('proposed_by').references(() => users.id, { onDelete: 'set null' }),
    proposedAt: timestamp('proposed_at', { withTimezone: true }).notNull(),
    /** The resident's answer (yes/no) and who recorded it. */
    residentAnsweredAt: timestamp('resident_answered_at', { withTimezone: true }),
    residentAnswerRecordedBy: uuid('resident_answer_recorded_by').references(() => users.id, {
      onDelete: 'set null',
    }),
    sentToCompanyAt: timestamp('sent_to_company_at', { withTimezone: true }),
    sentBy: uuid('sent_by').references(() => users.id, { onDelete: 'set null' }),
    /** The company's no (placements issue): feeds the recent-declines rule. */
    companyDeclinedAt: timestamp('company_declined_at', { withTimezone: true }),
    companyDeclineReason: text('company_decline_reason'),
    companyDeclineText: text('company_decline_text'),
    /** The company's interview invitation (Danish local date and time) and how it went. */
    interviewAt: timestamp('interview_at', { withTimezone: true }),
    interviewLocation: text('interview_location'),
    interviewNote: text('interview_note'),
    interviewOutcome: text('interview_outcome', { enum: INTERVIEW_OUTCOMES }),
    interviewOutcomeNote: text('interview_outcome_note'),
    /** Withdrawn, declined by the resident, or hired: the proposal is no longer under way. */
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closeNote: text('close_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    // "Not already proposed to this opening": once per pair, whatever became of it.
    uniqueIndex('proposals_pair_key').on(t.openingId, t.residentId),
    index('proposals_resident_idx').on(t.residentId, t.status),
    index('proposals_partnership_idx').on(t.partnershipId, t.proposedAt),
    index('proposals_company_idx').on(t.companyId, t.occupationId),
  ],
);

export const proposalStatusChanges = pgTable(
  'proposal_status_changes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    fromStatus: text('from_status', { enum: PROPOSAL_STATUSES }),
    toStatus: text('to_status', { enum: PROPOSAL_STATUSES }).notNull(),
    byUserId: uuid('by_user_id').references(() => users.id, { onDelete: 'set null' }),
    at: timestamp('at', { withTimezone: true }).notNull(),
    note: text('note'),
  },
  (t) => [index('proposal_status_changes_proposal_idx').on(t.proposalId, t.at)],
);

/** A proposal plan for a partnership's open openings (issue 5 item 4), decided line by line. */
export const allocations = pgTable(
  'allocations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    status: text('status', { enum: ALLOCATION_STATUSES }).notNull().default('open'),
    /** The settings the plan was computed with (weights, k, n). */
    settings: jsonb('settings').notNull(),
    openingCount: integer('opening_count').notNull(),
    candidateCount: integer('candidate_count').notNull(),
    totalScore: real('total_score').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [index('allocations_partnership_idx').on(t.partnershipId, t.createdAt)],
);

export const allocationLines = pgTable(
  'allocation_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    allocationId: uuid('allocation_id')
      .notNull()
      .references(() => allocations.id, { onDelete: 'cascade' }),
    openingId: uuid('opening_id')
      .notNull()
      .references(() => openings.id, { onDelete: 'cascade' }),
    residentId: uuid('resident_id')
      .notNull()
      .references(() => residents.id, { onDelete: 'cascade' }),
    score: real('score').notNull(),
    scoreSnapshot: jsonb('score_snapshot').$type<TScoreSnapshot>().notNull(),
    decision: text('decision', { enum: ALLOCATION_LINE_DECISIONS }).notNull().default('pending'),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    proposalId: uuid('proposal_id').references(() => proposals.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('allocation_lines_allocation_idx').on(t.allocationId),
    index('allocation_lines_resident_idx').on(t.residentId),
  ],
);

/**
 * The change feed of the match index: database triggers (migration 0010) add a row whenever a
 * resident, a consent, a screening, a proposal or an opening changes, in the same transaction.
 * Every app server applies the rows committed since its last look before it ranks, so a consent
 * withdrawn on one server is out of every server's results on the next request.
 */
export const matchIndexChanges = pgTable(
  'match_index_changes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: text('kind', { enum: ['resident', 'opening'] }).notNull(),
    refId: uuid('ref_id').notNull(),
    /** The writing transaction (pg_current_xact_id()): readers use the snapshot xmin to miss nothing. */
    txid: bigint('txid', { mode: 'number' }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('match_index_changes_txid_idx').on(t.txid), index('match_index_changes_at_idx').on(t.at)],
);
