import { sql } from 'drizzle-orm';
import {
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { housingAreas, partnerships } from './organisation.ts';

// Area indicators and classification inputs (issue 7 items 2-3): aggregates about areas, no
// personal data. Who changed what is in the audit log, not here.

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/** A partnership's own indicators besides the fixed catalogue (domain/indicator.schema.ts). */
export const indicatorDefinitions = pgTable(
  'indicator_definitions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    key: text('key').notNull(),
    nameDa: text('name_da').notNull(),
    unit: text('unit').notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex('indicator_definitions_partnership_key').on(t.partnershipId, t.key)],
);

/** One value per area, indicator (catalogue or own key) and year, with the municipal average. */
export const indicatorValues = pgTable(
  'indicator_values',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    housingAreaId: uuid('housing_area_id')
      .notNull()
      .references(() => housingAreas.id),
    indicator: text('indicator').notNull(),
    year: integer('year').notNull(),
    value: doublePrecision('value').notNull(),
    municipalAverage: doublePrecision('municipal_average'),
    source: text('source').notNull(),
    note: text('note'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('indicator_values_area_indicator_year').on(t.housingAreaId, t.indicator, t.year),
    index('indicator_values_indicator_year_idx').on(t.indicator, t.year),
  ],
);

/**
 * What is known about an area in a year for its classification: the criterion values by the
 * rules' measure keys (null = not known), residents and consecutive years on the list. Values are
 * keyed by measure, not one column per criterion, because the rules are versioned by year.
 */
export const areaClassificationInputs = pgTable(
  'area_classification_inputs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    housingAreaId: uuid('housing_area_id')
      .notNull()
      .references(() => housingAreas.id),
    year: integer('year').notNull(),
    residents: integer('residents').notNull(),
    yearsOnList: integer('years_on_list').notNull().default(0),
    values: jsonb('values').$type<Record<string, number | null>>().notNull().default(sql`'{}'::jsonb`),
    source: text('source'),
    note: text('note'),
    ...timestamps,
  },
  (t) => [uniqueIndex('area_classification_inputs_area_year').on(t.housingAreaId, t.year)],
);
