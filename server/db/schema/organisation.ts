import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

export const municipalities = pgTable(
  'municipalities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex('municipalities_code_key').on(t.code)],
);

export const partnerships = pgTable(
  'partnerships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    description: text('description'),
    startDate: date('start_date', { mode: 'string' }),
    ...timestamps,
  },
  // One partnership per municipality (DOMAIN.md glossary).
  (t) => [uniqueIndex('partnerships_municipality_key').on(t.municipalityId)],
);

export const housingOrganisations = pgTable(
  'housing_organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    cvr: text('cvr'),
    address: text('address'),
    postalCode: text('postal_code'),
    city: text('city'),
    website: text('website'),
    isFictional: boolean('is_fictional').notNull().default(false),
    ...timestamps,
  },
  (t) => [
    index('housing_organisations_partnership_idx').on(t.partnershipId),
    uniqueIndex('housing_organisations_cvr_key').on(t.cvr).where(sql`${t.cvr} is not null`),
  ],
);

export const socialHousingPlans = pgTable(
  'social_housing_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    description: text('description'),
    ...timestamps,
  },
  (t) => [index('social_housing_plans_partnership_idx').on(t.partnershipId)],
);

export const housingAreas = pgTable(
  'housing_areas',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    housingOrganisationId: uuid('housing_organisation_id')
      .notNull()
      .references(() => housingOrganisations.id),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    postalCode: text('postal_code').notNull(),
    residentsCount: integer('residents_count').notNull().default(0),
    socialHousingPlanId: uuid('social_housing_plan_id').references(() => socialHousingPlans.id),
    isFictional: boolean('is_fictional').notNull().default(false),
    ...timestamps,
  },
  (t) => [
    index('housing_areas_organisation_idx').on(t.housingOrganisationId),
    index('housing_areas_municipality_idx').on(t.municipalityId),
    index('housing_areas_plan_idx').on(t.socialHousingPlanId),
    uniqueIndex('housing_areas_org_name_key').on(t.housingOrganisationId, t.name),
  ],
);

export const jobcenters = pgTable(
  'jobcenters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    email: text('email'),
    phone: text('phone'),
    address: text('address'),
    ...timestamps,
  },
  (t) => [index('jobcenters_municipality_idx').on(t.municipalityId)],
);
