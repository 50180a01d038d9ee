import { CONSENT_METHODS, CONSENT_SCOPES } from '@domain/consent.schema.ts';
import {
  BENEFIT_GROUPS,
  EDUCATION_LEVELS,
  GENDERS,
  JOBCENTER_CATEGORIES,
  RESIDENT_STATUSES,
  SUPPORT_NEEDS,
} from '@domain/resident.schema.ts';
import { RESIDENT_IMPORT_STATUSES } from '@domain/resident-import.schema.ts';
import { BARRIERS, EARLIER_WORK, HEALTH_LIMITS } from '@domain/screening.schema.ts';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  date,
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
import { users } from './identity.ts';
import { housingAreas, jobcenters, municipalities, socialHousingPlans } from './organisation.ts';

// Residents and their consents (issue 4). Never a CPR number: the jobcenter's own person
// reference is the only external key. Who sees a row is decided by domain/resident-access.ts.

export interface TExperienceEntry {
  title: string;
  employer: string | null;
  fromYear: number | null;
  toYear: number | null;
  description: string | null;
}

export const residents = pgTable(
  'residents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The municipality the person lives in: scopes job consultants. */
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    /** null: outside the partnership's areas. */
    housingAreaId: uuid('housing_area_id').references(() => housingAreas.id),
    /** Which side registered the person: a social housing plan or a jobcenter. */
    registeredBySide: text('registered_by_side', { enum: ['housing', 'jobcenter'] }).notNull(),
    registeredByPlanId: uuid('registered_by_plan_id').references(() => socialHousingPlans.id),
    registeredByJobcenterId: uuid('registered_by_jobcenter_id').references(() => jobcenters.id),
    /** The jobcenter's own reference for the person (its list import upserts on it); never a CPR. */
    jobcenterRef: text('jobcenter_ref'),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    phone: text('phone'),
    email: text('email'),
    postalCode: text('postal_code').notNull(),
    status: text('status', { enum: RESIDENT_STATUSES }).notNull().default('active'),
    benefitGroup: text('benefit_group', { enum: BENEFIT_GROUPS }),
    jobcenterCategory: text('jobcenter_category', { enum: JOBCENTER_CATEGORIES }),
    occupationIds: text('occupation_ids').array().notNull().default([]),
    skills: text('skills').array().notNull().default([]),
    experiences: jsonb('experiences').$type<TExperienceEntry[]>().notNull().default([]),
    educationLevel: text('education_level', { enum: EDUCATION_LEVELS }).notNull().default('unknown'),
    danishLevel: integer('danish_level'),
    driverLicences: text('driver_licences').array().notNull().default([]),
    hoursPerWeek: real('hours_per_week'),
    /** From when the person can start work; null = now. */
    availableFrom: date('available_from', { mode: 'string' }),
    availableDay: boolean('available_day').notNull().default(true),
    availableEvening: boolean('available_evening').notNull().default(false),
    availableWeekend: boolean('available_weekend').notNull().default(false),
    supportNeeds: text('support_needs', { enum: SUPPORT_NEEDS }).array().notNull().default([]),
    healthNeedConsent: boolean('health_need_consent').notNull().default(false),
    gender: text('gender', { enum: GENDERS }),
    responsibleSocialWorkerId: uuid('responsible_social_worker_id').references(() => users.id, {
      onDelete: 'set null',
    }),
    responsibleJobConsultantId: uuid('responsible_job_consultant_id').references(() => users.id, {
      onDelete: 'set null',
    }),
    /** Last time anyone worked with the person: retention anonymises after 24 months without. */
    lastActivityAt: timestamp('last_activity_at', { withTimezone: true }).notNull(),
    /**
     * Set when the person was anonymised: on an erasure request or by the retention job. The row
     * stays only so anonymised events (screenings, later placements) still count in statistics;
     * every identifying field is blanked then.
     */
    anonymisedAt: timestamp('anonymised_at', { withTimezone: true }),
    anonymisedReason: text('anonymised_reason', { enum: ['erasure', 'retention'] }),
    /**
     * After an erasure request: a keyed fingerprint of the jobcenter reference the person had, so
     * the jobcenter's next list cannot bring them back unnoticed. Not kept after retention
     * anonymisation: a person who turns up again on a list after years is simply new.
     */
    erasedRefFingerprint: text('erased_ref_fingerprint'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('residents_municipality_idx').on(t.municipalityId),
    index('residents_area_idx').on(t.housingAreaId),
    index('residents_plan_idx').on(t.registeredByPlanId),
    index('residents_last_activity_idx').on(t.lastActivityAt),
    uniqueIndex('residents_jobcenter_ref_key').on(t.registeredByJobcenterId, t.jobcenterRef),
    // The registering organisation matches the side, exactly one of the two.
    check(
      'residents_registered_by_side',
      sql`(${t.registeredBySide} = 'housing' and ${t.registeredByPlanId} is not null and ${t.registeredByJobcenterId} is null)
        or (${t.registeredBySide} = 'jobcenter' and ${t.registeredByJobcenterId} is not null and ${t.registeredByPlanId} is null)`,
    ),
  ],
);

/** One consent per row, with its whole history: given, expiry, withdrawal. */
export const residentConsents = pgTable(
  'resident_consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    residentId: uuid('resident_id')
      .notNull()
      .references(() => residents.id, { onDelete: 'cascade' }),
    scope: text('scope', { enum: CONSENT_SCOPES }).notNull(),
    textVersion: text('text_version').notNull(),
    givenOn: date('given_on', { mode: 'string' }).notNull(),
    method: text('method', { enum: CONSENT_METHODS }).notNull(),
    witnessName: text('witness_name'),
    expiresOn: date('expires_on', { mode: 'string' }),
    registeredBy: uuid('registered_by').references(() => users.id, { onDelete: 'set null' }),
    registeredAt: timestamp('registered_at', { withTimezone: true }).notNull(),
    withdrawnOn: date('withdrawn_on', { mode: 'string' }),
    withdrawnBy: uuid('withdrawn_by').references(() => users.id, { onDelete: 'set null' }),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  },
  (t) => [
    index('resident_consents_resident_idx').on(t.residentId, t.scope),
    index('resident_consents_expiry_idx').on(t.expiresOn),
  ],
);

/** Case notes: author and time; sensitive, the professional roles only. */
export const residentNotes = pgTable(
  'resident_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    residentId: uuid('resident_id')
      .notNull()
      .references(() => residents.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    /** A plain note, or a record of a counselling session (vejledningssamtale, the Greve table). */
    kind: text('kind', { enum: ['note', 'counselling'] })
      .notNull()
      .default('note'),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('resident_notes_resident_idx').on(t.residentId, t.createdAt)],
);

/** Stepping Stones screenings (seed 003): categories only, the target group and why; the history. */
export const residentScreenings = pgTable(
  'resident_screenings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    residentId: uuid('resident_id')
      .notNull()
      .references(() => residents.id, { onDelete: 'cascade' }),
    screenedOn: date('screened_on', { mode: 'string' }).notNull(),
    motivation: integer('motivation').notNull(),
    barriers: text('barriers', { enum: BARRIERS }).array().notNull().default([]),
    hoursPossible: real('hours_possible').notNull(),
    earlierWork: text('earlier_work', { enum: EARLIER_WORK }).notNull(),
    danishLevel: integer('danish_level').notNull(),
    healthLimits: text('health_limits', { enum: HEALTH_LIMITS }).notNull(),
    targetGroup: integer('target_group').notNull(),
    /** The rule's reasons as they were on the day, so the history stays what was decided. */
    reasons: text('reasons').array().notNull().default([]),
    nextScreeningOn: date('next_screening_on', { mode: 'string' }).notNull(),
    remark: text('remark'),
    screenedBy: uuid('screened_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('resident_screenings_resident_idx').on(t.residentId, t.screenedOn),
    index('resident_screenings_next_idx').on(t.nextScreeningOn),
    check('resident_screenings_target_group', sql`${t.targetGroup} in (1, 2)`),
  ],
);

/** PostgreSQL bytea as a Node Buffer. */
export const bytea = customType<{ data: Buffer; driverData: Buffer }>({
  dataType: () => 'bytea',
});

/**
 * A resident's uploaded CV (PDF or DOCX, at most 5 MB, type checked by its content). Kept in
 * PostgreSQL, not on disk: it is backed up, access-checked and erased with the person, and no
 * file path ever comes from the user. One CV per person; a new upload replaces it.
 */
export const residentCvs = pgTable('resident_cvs', {
  residentId: uuid('resident_id')
    .primaryKey()
    .references(() => residents.id, { onDelete: 'cascade' }),
  fileName: text('file_name').notNull(),
  mediaType: text('media_type').notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  sha256: text('sha256').notNull(),
  content: bytea('content').notNull(),
  uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
  uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
});

/**
 * A jobcenter list import (seed 002, Aabenraa): the uploaded file waits here between the dry
 * run and the confirmation, so any app server can pick up the next step. The file (personal
 * data) is dropped as soon as the list is stored or discarded, and purged after 24 hours.
 * Row issues name a row number and a column, never a value from the file.
 */
export const residentImports = pgTable(
  'resident_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jobcenterId: uuid('jobcenter_id')
      .notNull()
      .references(() => jobcenters.id, { onDelete: 'cascade' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    fileName: text('file_name').notNull(),
    fileKind: text('file_kind', { enum: ['csv', 'xlsx'] }).notNull(),
    fileSha256: text('file_sha256').notNull(),
    /** null once stored, discarded or purged. */
    fileContent: bytea('file_content'),
    /** The file's header row (column names, no personal data). */
    columns: text('columns').array().notNull().default([]),
    /** Jobbro field → column name in the file. */
    mapping: jsonb('mapping').$type<Record<string, string>>().notNull().default({}),
    status: text('status', { enum: RESIDENT_IMPORT_STATUSES }).notNull(),
    totalRows: integer('total_rows').notNull().default(0),
    processedRows: integer('processed_rows').notNull().default(0),
    /** Counts of the dry run and of the stored result (valid, errors, warnings, new, updated, unchanged). */
    summary: jsonb('summary').$type<Record<string, number>>().notNull().default({}),
    /** Per-row issues: { row, field, severity, code, message }; no values from the file. */
    issues: jsonb('issues')
      .$type<
        { row: number; field: string | null; severity: 'error' | 'warning'; code: string; message: string }[]
      >()
      .notNull()
      .default([]),
    failureMessage: text('failure_message'),
    storedAt: timestamp('stored_at', { withTimezone: true }),
  },
  (t) => [index('resident_imports_jobcenter_idx').on(t.jobcenterId, t.createdAt)],
);

/** The column mapping a jobcenter used last time, offered again for its next list. */
export const residentImportMappings = pgTable('resident_import_mappings', {
  jobcenterId: uuid('jobcenter_id')
    .primaryKey()
    .references(() => jobcenters.id, { onDelete: 'cascade' }),
  mapping: jsonb('mapping').$type<Record<string, string>>().notNull(),
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
