import { COMPANY_SIZE_BANDS, COMPANY_STATUSES } from '@domain/company.schema.ts';
import { boolean, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './identity.ts';
import { partnerships } from './organisation.ts';

// The companies register (issue 3, item 1). Contacts, notes and status history belong to their
// company and go with it; a company still referred to elsewhere (a company contact's membership,
// later assignments and openings) cannot be deleted.

export const companies = pgTable(
  'companies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cvr: text('cvr').notNull(),
    name: text('name').notNull(),
    address: text('address'),
    postalCode: text('postal_code'),
    city: text('city'),
    industry: text('industry'),
    db07Code: text('db07_code'),
    sizeBand: text('size_band', { enum: COMPANY_SIZE_BANDS }),
    website: text('website'),
    status: text('status', { enum: COMPANY_STATUSES }).notNull().default('prospect'),
    isFictional: boolean('is_fictional').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('companies_cvr_key').on(t.cvr), index('companies_status_idx').on(t.status)],
);

export const companyContacts = pgTable(
  'company_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    title: text('title'),
    email: text('email'),
    phone: text('phone'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('company_contacts_company_idx').on(t.companyId)],
);

/** Every change of a company's relationship status: the history on the company page. */
export const companyStatusChanges = pgTable(
  'company_status_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    fromStatus: text('from_status', { enum: COMPANY_STATUSES }),
    toStatus: text('to_status', { enum: COMPANY_STATUSES }).notNull(),
    changedBy: uuid('changed_by').references(() => users.id, { onDelete: 'set null' }),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull(),
    note: text('note'),
  },
  (t) => [index('company_status_changes_company_idx').on(t.companyId, t.changedAt)],
);

export const companyNotes = pgTable(
  'company_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('company_notes_company_idx').on(t.companyId, t.createdAt)],
);

/** The partnerships a company works in; scopes what staff of each partnership see. */
export const companyPartnerships = pgTable(
  'company_partnerships',
  {
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.partnershipId] }),
    index('company_partnerships_partnership_idx').on(t.partnershipId),
  ],
);
