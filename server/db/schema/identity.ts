import { ROLES } from '@domain/roles.ts';
import { USER_STATUSES } from '@domain/user.schema.ts';
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { companies } from './companies.ts';
import { housingOrganisations, jobcenters, partnerships, socialHousingPlans } from './organisation.ts';

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    /** argon2id PHC string; null until an invited user sets a password. */
    passwordHash: text('password_hash'),
    status: text('status', { enum: USER_STATUSES }).notNull().default('invited'),
    locale: text('locale', { enum: ['da', 'en'] })
      .notNull()
      .default('da'),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_email_key').on(sql`lower(${t.email})`)],
);

/**
 * A user's role within one scope. Exactly the scope column the role calls for is set
 * (ROLE_SCOPE in domain/roles.ts); the check constraint keeps rows honest.
 */
export const memberships = pgTable(
  'memberships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ROLES }).notNull(),
    housingOrganisationId: uuid('housing_organisation_id').references(() => housingOrganisations.id),
    socialHousingPlanId: uuid('social_housing_plan_id').references(() => socialHousingPlans.id),
    jobcenterId: uuid('jobcenter_id').references(() => jobcenters.id),
    partnershipId: uuid('partnership_id').references(() => partnerships.id),
    companyId: uuid('company_id').references(() => companies.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('memberships_user_idx').on(t.userId),
    uniqueIndex('memberships_unique_key').on(
      t.userId,
      t.role,
      sql`coalesce(${t.housingOrganisationId}, ${t.socialHousingPlanId}, ${t.jobcenterId}, ${t.partnershipId}, ${t.companyId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
    ),
    check(
      'memberships_scope_matches_role',
      sql`(case ${t.role}
        when 'admin' then num_nonnulls(${t.housingOrganisationId}, ${t.socialHousingPlanId}, ${t.jobcenterId}, ${t.partnershipId}, ${t.companyId}) = 0
        when 'housing_staff' then ${t.housingOrganisationId} is not null and num_nonnulls(${t.socialHousingPlanId}, ${t.jobcenterId}, ${t.partnershipId}, ${t.companyId}) = 0
        when 'social_worker' then ${t.socialHousingPlanId} is not null and num_nonnulls(${t.housingOrganisationId}, ${t.jobcenterId}, ${t.partnershipId}, ${t.companyId}) = 0
        when 'job_consultant' then ${t.jobcenterId} is not null and num_nonnulls(${t.housingOrganisationId}, ${t.socialHousingPlanId}, ${t.partnershipId}, ${t.companyId}) = 0
        when 'steering' then ${t.partnershipId} is not null and num_nonnulls(${t.housingOrganisationId}, ${t.socialHousingPlanId}, ${t.jobcenterId}, ${t.companyId}) = 0
        when 'company_contact' then num_nonnulls(${t.housingOrganisationId}, ${t.socialHousingPlanId}, ${t.jobcenterId}, ${t.partnershipId}) = 0
        else false end)`,
    ),
  ],
);

/** Server-side sessions; the cookie holds a random token, the table only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_last_seen_idx').on(t.lastSeenAt)],
);

export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** SHA-256 of the token in the e-mailed link. */
    tokenHash: text('token_hash').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('invitations_token_key').on(t.tokenHash), index('invitations_user_idx').on(t.userId)],
);

/**
 * Fixed-window login counters, shared by every app server (so a scaled-out Jobbro still
 * limits attempts). Key is `ip:<addr>` or `account:<email>`.
 */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    key: text('key').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [uniqueIndex('login_attempts_key_window').on(t.key, t.windowStart)],
);
