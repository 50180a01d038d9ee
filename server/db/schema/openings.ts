import { OPENING_STATUSES } from '@domain/opening.schema.ts';
import { OPENING_TYPES } from '@domain/opening-types.ts';
import {
  bigserial,
  boolean,
  date,
  index,
  integer,
  pgTable,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { assignments, socialClauses } from './assignments.ts';
import { companies } from './companies.ts';
import { users } from './identity.ts';
import { notifications } from './notifications.ts';
import { housingAreas, housingOrganisations, partnerships } from './organisation.ts';
import { mailOutbox } from './platform.ts';

export const openings = pgTable(
  'openings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    /** The organisation the opening belongs to (its housing staff manage it); from the creator or the area. */
    housingOrganisationId: uuid('housing_organisation_id').references(() => housingOrganisations.id),
    housingAreaId: uuid('housing_area_id').references(() => housingAreas.id),
    assignmentId: uuid('assignment_id').references(() => assignments.id, { onDelete: 'set null' }),
    socialClauseId: uuid('social_clause_id').references(() => socialClauses.id, { onDelete: 'set null' }),
    type: text('type', { enum: OPENING_TYPES }).notNull(),
    title: text('title').notNull(),
    occupationId: text('occupation_id').notNull(),
    description: text('description'),
    hoursPerWeek: real('hours_per_week').notNull(),
    /** The fewest hours a week the job can be done with (matching's hours filter); null = the type's default. */
    minHoursPerWeek: real('min_hours_per_week'),
    /** Skill tags the job asks for (matching's skills coverage). */
    skills: text('skills').array().notNull().default([]),
    scheduleDay: boolean('schedule_day').notNull(),
    scheduleEvening: boolean('schedule_evening').notNull(),
    scheduleWeekend: boolean('schedule_weekend').notNull(),
    endTime: text('end_time'),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    positions: integer('positions').notNull(),
    postalCode: text('postal_code').notNull(),
    city: text('city').notNull(),
    driverLicence: text('driver_licence'),
    minDanishLevel: integer('min_danish_level'),
    certificates: text('certificates'),
    minAge: integer('min_age').notNull(),
    maxAge: integer('max_age'),
    applicationDeadline: date('application_deadline', { mode: 'string' }),
    contactName: text('contact_name'),
    contactEmail: text('contact_email'),
    contactPhone: text('contact_phone'),
    status: text('status', { enum: OPENING_STATUSES }).notNull().default('new'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    /** When the job consultant(s) and social worker(s) were notified: time to referral starts at createdAt. */
    referredAt: timestamp('referred_at', { withTimezone: true }),
    /** When the first resident was proposed: time to first proposal (issue 5 item 5). */
    firstProposalAt: timestamp('first_proposal_at', { withTimezone: true }),
  },
  (t) => [
    index('openings_partnership_idx').on(t.partnershipId, t.createdAt),
    index('openings_company_idx').on(t.companyId),
    index('openings_status_idx').on(t.status),
    index('openings_assignment_idx').on(t.assignmentId),
  ],
);

export const openingStatusChanges = pgTable(
  'opening_status_changes',
  {
    // A sequence, not a uuid: changes in one transaction share a timestamp and must keep their order.
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    openingId: uuid('opening_id')
      .notNull()
      .references(() => openings.id, { onDelete: 'cascade' }),
    fromStatus: text('from_status', { enum: OPENING_STATUSES }),
    toStatus: text('to_status', { enum: OPENING_STATUSES }).notNull(),
    byUserId: uuid('by_user_id').references(() => users.id, { onDelete: 'set null' }),
    at: timestamp('at', { withTimezone: true }).notNull(),
    note: text('note'),
  },
  (t) => [index('opening_status_changes_opening_idx').on(t.openingId, t.at)],
);

/** Who an opening was referred to, and when; the mail row tells when it reached SMTP. */
export const openingReferrals = pgTable(
  'opening_referrals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    openingId: uuid('opening_id')
      .notNull()
      .references(() => openings.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['job_consultant', 'social_worker'] }).notNull(),
    notifiedAt: timestamp('notified_at', { withTimezone: true }).notNull(),
    notificationId: uuid('notification_id').references(() => notifications.id, { onDelete: 'set null' }),
    mailId: uuid('mail_id').references(() => mailOutbox.id, { onDelete: 'set null' }),
  },
  (t) => [uniqueIndex('opening_referrals_once').on(t.openingId, t.userId, t.role)],
);

/**
 * Who receives a partnership's openings, per role, optionally per area. With none configured for
 * a role, everyone with that role in the partnership is notified.
 */
export const referralContacts = pgTable(
  'referral_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id, { onDelete: 'cascade' }),
    housingAreaId: uuid('housing_area_id').references(() => housingAreas.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['job_consultant', 'social_worker'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('referral_contacts_partnership_idx').on(t.partnershipId)],
);
