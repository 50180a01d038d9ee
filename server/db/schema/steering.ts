import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './identity.ts';
import { housingAreas, partnerships } from './organisation.ts';
import { bytea, residents } from './residents.ts';

// Steering and evaluation (issue 7): steering groups and their goals, the pilot plan's milestones,
// report runs (PDF/XLSX built in the background with progress), evaluation export keys, and the
// residents' case history the outcome tables of seed 002 are computed from.

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
};

export const GOAL_KPI_MAX_LENGTH = 60;
export const MILESTONE_STATUSES = ['planned', 'in_progress', 'done', 'delayed', 'cancelled'] as const;
export const REPORT_RUN_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export const REPORT_FORMATS = ['pdf', 'xlsx'] as const;

/** A partnership's steering group (seed 000: one per city), which sets goals and frames. */
export const steeringGroups = pgTable(
  'steering_groups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    name: text('name').notNull(),
    /** What the group decides on (its terms of reference). */
    mandate: text('mandate'),
    ...timestamps,
  },
  (t) => [uniqueIndex('steering_groups_partnership_key').on(t.partnershipId)],
);

/** A member: a user with the steering role in the group's partnership, with a title (formand …). */
export const steeringGroupMembers = pgTable(
  'steering_group_members',
  {
    steeringGroupId: uuid('steering_group_id')
      .notNull()
      .references(() => steeringGroups.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    title: text('title'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.steeringGroupId, t.userId] })],
);

/**
 * A goal: a KPI from the catalogue (domain/reports/kpi.ts) with a target over a period and an
 * owner. An area-indicator goal names the indicator and the area; a hires-by-type goal the type.
 */
export const goals = pgTable(
  'goals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    steeringGroupId: uuid('steering_group_id')
      .notNull()
      .references(() => steeringGroups.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    kpi: text('kpi').notNull(),
    /** For the area-indicator KPI: the indicator key and the area. */
    indicator: text('indicator'),
    housingAreaId: uuid('housing_area_id').references(() => housingAreas.id),
    /** For hires by opening type. */
    openingType: text('opening_type'),
    baseline: doublePrecision('baseline'),
    target: doublePrecision('target').notNull(),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    ownerUserId: uuid('owner_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** The owner as the group names it (an organisation or a role), when not a Jobbro user. */
    ownerName: text('owner_name'),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [
    index('goals_group_idx').on(t.steeringGroupId, t.periodFrom),
    check('goals_period', sql`${t.periodFrom} <= ${t.periodTo}`),
  ],
);

/**
 * A milestone of the plan (seed 000's pilot milestones): date, owner and status. A milestone
 * without a partnership belongs to the whole programme (every steering group sees it).
 */
export const milestones = pgTable(
  'milestones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id').references(() => partnerships.id),
    title: text('title').notNull(),
    description: text('description'),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    ownerName: text('owner_name'),
    ownerUserId: uuid('owner_user_id').references(() => users.id, { onDelete: 'set null' }),
    status: text('status', { enum: MILESTONE_STATUSES }).notNull().default('planned'),
    completedOn: date('completed_on', { mode: 'string' }),
    note: text('note'),
    ...timestamps,
  },
  (t) => [index('milestones_partnership_idx').on(t.partnershipId, t.dueDate)],
);

/**
 * A report run: one partnership and period as PDF or XLSX, built by a background job that
 * records its progress here, so any app server answers the progress poll. The file holds
 * aggregates only (suppressed as for the one who asked) and is purged after 24 hours.
 */
export const reportRuns = pgTable(
  'report_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    format: text('format', { enum: REPORT_FORMATS }).notNull(),
    /** Small counts hidden ("< 5"): the requester sees aggregates only. */
    suppressed: boolean('suppressed').notNull().default(true),
    status: text('status', { enum: REPORT_RUN_STATUSES }).notNull().default('queued'),
    /** 0-100. */
    progress: integer('progress').notNull().default(0),
    /** The step under way, as a stable key the UI translates. */
    step: text('step'),
    fileName: text('file_name'),
    content: bytea('content'),
    failureMessage: text('failure_message'),
    requestedBy: uuid('requested_by').references(() => users.id, { onDelete: 'cascade' }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [index('report_runs_requested_idx').on(t.requestedBy, t.createdAt)],
);

/**
 * A key for the evaluation export: each person appears under HMAC(secret, resident id), stable
 * for one key (an evaluator's baseline, mid-term and end files line up) and unlinkable across keys.
 */
export const evaluationExportKeys = pgTable('evaluation_export_keys', {
  id: uuid('id').primaryKey().defaultRandom(),
  label: text('label').notNull(),
  secret: bytea('secret').notNull(),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
});

/**
 * A resident's case state from a moment on: status, benefit group and area after each change
 * (written by a database trigger on residents, so every path — form, list import, hire, erasure —
 * is recorded, at the row's own updated_at). The Sundparken movement table and the Aalborg
 * active-case share are computed from it.
 */
export const residentCaseChanges = pgTable(
  'resident_case_changes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    residentId: uuid('resident_id')
      .notNull()
      .references(() => residents.id, { onDelete: 'cascade' }),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull(),
    status: text('status').notNull(),
    benefitGroup: text('benefit_group'),
    housingAreaId: uuid('housing_area_id'),
    municipalityId: uuid('municipality_id').notNull(),
  },
  (t) => [
    index('resident_case_changes_resident_idx').on(t.residentId, t.changedAt),
    index('resident_case_changes_at_idx').on(t.changedAt),
  ],
);
