import { OPENING_TYPES } from '@domain/opening-types.ts';
import {
  CHECK_IN_CONTACTS,
  CHECK_IN_STATUSES,
  ESCALATION_SOURCES,
  FOLLOW_UP_STATES,
  PLACEMENT_END_REASONS,
  PLACEMENT_STATUSES,
  WAGE_SUBSIDY_KINDS,
} from '@domain/placement.schema.ts';
import { RETENTION_OUTCOMES, TRIAL_OUTCOMES } from '@domain/reports/retention.ts';
import { CHECK_IN_MEASURES, type TFollowUpSettings } from '@domain/rules/follow-up-schedule.ts';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { assignments, socialClauses } from './assignments.ts';
import { companies } from './companies.ts';
import { users } from './identity.ts';
import { openings } from './openings.ts';
import { partnerships } from './organisation.ts';
import { residents } from './residents.ts';

// From hire to 12 months (issue 6): placements, their follow-up plan (efterværn), escalations
// when something goes wrong, the daily digest's ledger, and each partnership's own schedules.

/**
 * A person placed in a job or a trial. A hire through a proposal creates one; clause fulfilment
 * counts these rows (one per apprentice or local hire, `weeks` for trainee-week clauses), and
 * retention is measured on them at 6 and 12 months.
 */
export const placements = pgTable(
  'placements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The opening's partnership, copied so scope checks need no join (null: recorded before issue 6). */
    partnershipId: uuid('partnership_id').references(() => partnerships.id),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    openingId: uuid('opening_id').references(() => openings.id, { onDelete: 'set null' }),
    /** The person hired; null for placements recorded without a resident (clause counts only). */
    residentId: uuid('resident_id').references(() => residents.id),
    /** The proposal that led to the hire, when there was one. */
    proposalId: uuid('proposal_id'),
    assignmentId: uuid('assignment_id').references(() => assignments.id, { onDelete: 'set null' }),
    socialClauseId: uuid('social_clause_id').references(() => socialClauses.id, { onDelete: 'set null' }),
    /** The kind of job or trial (the opening's type unless the hire said otherwise). */
    type: text('type', { enum: OPENING_TYPES }).notNull().default('full_time'),
    status: text('status', { enum: PLACEMENT_STATUSES }).notNull().default('active'),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    hoursPerWeek: real('hours_per_week'),
    wageSubsidy: text('wage_subsidy', { enum: WAGE_SUBSIDY_KINDS }).notNull().default('none'),
    /** Trainee weeks the placement contributes (for trainee-week clauses). */
    weeks: integer('weeks'),
    /** The person lives in one of the assignment's areas (for local-hire clauses). */
    isLocalHire: boolean('is_local_hire').notNull().default(false),
    /** The job consultant who owns the follow-up (efterværn is the jobcenter's). */
    followUpOwnerId: uuid('follow_up_owner_id').references(() => users.id, { onDelete: 'set null' }),
    /** When the hire was recorded, and by whom (the company, or a professional). */
    hiredAt: timestamp('hired_at', { withTimezone: true }),
    hiredBy: uuid('hired_by').references(() => users.id, { onDelete: 'set null' }),
    /** Days from the opening's creation to the hire (time to hire, item 4). */
    daysToHire: integer('days_to_hire'),
    note: text('note'),
    endReason: text('end_reason', { enum: PLACEMENT_END_REASONS }),
    endNote: text('end_note'),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endedBy: uuid('ended_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('placements_assignment_idx').on(t.assignmentId),
    index('placements_clause_idx').on(t.socialClauseId),
    index('placements_resident_idx').on(t.residentId),
    index('placements_company_idx').on(t.companyId, t.startDate),
    index('placements_partnership_idx').on(t.partnershipId, t.startDate),
  ],
);

/** One planned check-in of a placement, and what it found once recorded. */
export const followUps = pgTable(
  'follow_ups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    placementId: uuid('placement_id')
      .notNull()
      .references(() => placements.id, { onDelete: 'cascade' }),
    /** The schedule's key: 'week_1', 'month_6', 'trial_end', 'extra' … */
    key: text('key').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    measures: text('measures', { enum: CHECK_IN_MEASURES }),
    state: text('state', { enum: FOLLOW_UP_STATES }).notNull().default('planned'),
    assignedTo: uuid('assigned_to').references(() => users.id, { onDelete: 'set null' }),
    recordedAt: timestamp('recorded_at', { withTimezone: true }),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    contactedWith: text('contacted_with', { enum: CHECK_IN_CONTACTS }),
    status: text('status', { enum: CHECK_IN_STATUSES }),
    /** The check-in's notes: professionals only, never the company. */
    notes: text('notes'),
    actionTaken: text('action_taken'),
    retentionOutcome: text('retention_outcome', { enum: RETENTION_OUTCOMES }),
    trialOutcome: text('trial_outcome', { enum: TRIAL_OUTCOMES }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('follow_ups_placement_idx').on(t.placementId, t.dueDate),
    index('follow_ups_due_idx').on(t.state, t.dueDate),
    index('follow_ups_assigned_idx').on(t.assignedTo, t.state, t.dueDate),
  ],
);

/** "Something is going wrong": open until someone resolves it (item 3). */
export const escalations = pgTable(
  'escalations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    placementId: uuid('placement_id')
      .notNull()
      .references(() => placements.id, { onDelete: 'cascade' }),
    source: text('source', { enum: ESCALATION_SOURCES }).notNull(),
    /** The check-in that found the risk, when it came from one. */
    followUpId: uuid('follow_up_id').references(() => followUps.id, { onDelete: 'set null' }),
    reason: text('reason').notNull(),
    openedBy: uuid('opened_by').references(() => users.id, { onDelete: 'set null' }),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    resolvedBy: uuid('resolved_by').references(() => users.id, { onDelete: 'set null' }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolution: text('resolution'),
  },
  (t) => [
    index('escalations_placement_idx').on(t.placementId),
    index('escalations_open_idx').on(t.resolvedAt, t.openedAt),
  ],
);

/**
 * The daily follow-up digest's ledger: one row per job consultant and Danish day, inserted in
 * the transaction that writes the mail, so a digest is never sent twice for the same day, also
 * when the job runs again after a restart.
 */
export const followUpDigests = pgTable(
  'follow_up_digests',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    dueCount: integer('due_count').notNull(),
    overdueCount: integer('overdue_count').notNull(),
    mailId: uuid('mail_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.day] })],
);

/** A partnership's own follow-up schedules per opening type; absent = the documented defaults. */
export const followUpSettings = pgTable('follow_up_settings', {
  partnershipId: uuid('partnership_id')
    .primaryKey()
    .references(() => partnerships.id, { onDelete: 'cascade' }),
  settings: jsonb('settings').$type<TFollowUpSettings>().notNull(),
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
