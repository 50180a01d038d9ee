import { COMMITMENT_KINDS, COMMITMENT_PERIODS } from '@domain/agreement.schema.ts';
import { ASSIGNMENT_KINDS } from '@domain/assignment.schema.ts';
import { ASKED_KINDS, DIALOGUE_OUTCOMES, NO_REASONS } from '@domain/job-dialogue.schema.ts';
import { CLAUSE_KINDS } from '@domain/social-clause.schema.ts';
import {
  bigint,
  bigserial,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { companies } from './companies.ts';
import { users } from './identity.ts';
// openings.ts imports this file too; the references below are lazy, so the cycle is harmless.
import { openings } from './openings.ts';
import { housingAreas, housingOrganisations, partnerships } from './organisation.ts';

// What housing organisations buy and what they ask for in return (issue 3 items 2-5):
// assignments, the job dialogues they start, social clauses, partnership agreements, and the
// placements that fulfil clauses (filled in by the placements issue; counted from now on).

export const assignments = pgTable(
  'assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The organisation's partnership, copied so scope checks need no join. */
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    housingOrganisationId: uuid('housing_organisation_id')
      .notNull()
      .references(() => housingOrganisations.id),
    kind: text('kind', { enum: ASSIGNMENT_KINDS }).notNull(),
    title: text('title').notNull(),
    description: text('description'),
    valueDkk: bigint('value_dkk', { mode: 'number' }),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    contractReference: text('contract_reference'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('assignments_org_idx').on(t.housingOrganisationId, t.startDate),
    index('assignments_company_idx').on(t.companyId),
  ],
);

export const assignmentAreas = pgTable(
  'assignment_areas',
  {
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => assignments.id, { onDelete: 'cascade' }),
    housingAreaId: uuid('housing_area_id')
      .notNull()
      .references(() => housingAreas.id),
  },
  (t) => [primaryKey({ columns: [t.assignmentId, t.housingAreaId] })],
);

export const jobDialogues = pgTable(
  'job_dialogues',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => assignments.id, { onDelete: 'cascade' }),
    /** The day it is due: created "now", moved to the reminder date by "later". */
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    assignedTo: uuid('assigned_to').references(() => users.id, { onDelete: 'set null' }),
    askedKinds: text('asked_kinds', { enum: ASKED_KINDS }).array().notNull().default([]),
    outcome: text('outcome', { enum: DIALOGUE_OUTCOMES }),
    reminderDate: date('reminder_date', { mode: 'string' }),
    noReason: text('no_reason', { enum: NO_REASONS }),
    note: text('note'),
    /** The opening that came of "opening now". */
    openingId: uuid('opening_id').references(() => openings.id, { onDelete: 'set null' }),
    /** Set when the reminder for the current reminder date went out; cleared by a new "later". */
    reminderSentAt: timestamp('reminder_sent_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('job_dialogues_assignee_idx').on(t.assignedTo, t.dueDate),
    index('job_dialogues_assignment_idx').on(t.assignmentId),
    index('job_dialogues_reminder_idx').on(t.reminderDate),
  ],
);

/** The dialogue's history: created, each outcome recorded, each reassignment. */
export const jobDialogueEvents = pgTable(
  'job_dialogue_events',
  {
    // A sequence: events in one transaction share a timestamp and must keep their order.
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    jobDialogueId: uuid('job_dialogue_id')
      .notNull()
      .references(() => jobDialogues.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['created', 'outcome', 'reassigned'] }).notNull(),
    askedKinds: text('asked_kinds', { enum: ASKED_KINDS }).array().notNull().default([]),
    outcome: text('outcome', { enum: DIALOGUE_OUTCOMES }),
    reminderDate: date('reminder_date', { mode: 'string' }),
    noReason: text('no_reason', { enum: NO_REASONS }),
    note: text('note'),
    byUserId: uuid('by_user_id').references(() => users.id, { onDelete: 'set null' }),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('job_dialogue_events_dialogue_idx').on(t.jobDialogueId, t.at)],
);

export const socialClauses = pgTable(
  'social_clauses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => assignments.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: CLAUSE_KINDS }).notNull(),
    description: text('description'),
    targetQuantity: integer('target_quantity').notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    responsibleUserId: uuid('responsible_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** When the responsible person was last told the clause fell behind; cleared when back on track. */
    behindNotifiedAt: timestamp('behind_notified_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('social_clauses_assignment_idx').on(t.assignmentId)],
);

export const agreements = pgTable(
  'agreements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    title: text('title').notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }),
    signedOn: date('signed_on', { mode: 'string' }),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('agreements_company_idx').on(t.companyId)],
);

export const agreementHousingOrganisations = pgTable(
  'agreement_housing_organisations',
  {
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    housingOrganisationId: uuid('housing_organisation_id')
      .notNull()
      .references(() => housingOrganisations.id),
  },
  (t) => [
    primaryKey({ columns: [t.agreementId, t.housingOrganisationId] }),
    index('agreement_orgs_org_idx').on(t.housingOrganisationId),
  ],
);

export const agreementCommitments = pgTable(
  'agreement_commitments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: COMMITMENT_KINDS }).notNull(),
    quantity: integer('quantity').notNull(),
    per: text('per', { enum: COMMITMENT_PERIODS }).notNull(),
    note: text('note'),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('agreement_commitments_agreement_idx').on(t.agreementId)],
);
