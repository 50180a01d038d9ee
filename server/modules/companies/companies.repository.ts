import {
  COMPANY_SIZE_BANDS,
  COMPANY_STATUSES,
  type TCompanyContactInput,
  type TCompanyInput,
  type TCompanySizeBand,
  type TCompanyStatus,
} from '@domain/company.schema.ts';
import type { TActor } from '@domain/policy.ts';
import type { TDbOrTx } from '@server/db/client.ts';
import {
  companies,
  companyContacts,
  companyNotes,
  companyPartnerships,
  companyStatusChanges,
  partnerships,
  users,
} from '@server/db/schema/index.ts';
import { orderFor, searchAny, totalCount } from '@server/platform/crud/list-query.ts';
import { and, asc, desc, eq, exists, inArray, type SQL, sql } from 'drizzle-orm';

// Drizzle queries of the companies register. Every function takes the db or a transaction.

export interface TCompanyFilters {
  status?: TCompanyStatus;
  partnershipId?: string;
  sizeBand?: TCompanySizeBand;
}

export interface TCompanyListArgs {
  q?: string;
  sort?: string;
  dir: 'asc' | 'desc';
  limit: number;
  offset: number;
}

const columns = {
  id: companies.id,
  cvr: companies.cvr,
  name: companies.name,
  address: companies.address,
  postalCode: companies.postalCode,
  city: companies.city,
  industry: companies.industry,
  db07Code: companies.db07Code,
  sizeBand: companies.sizeBand,
  website: companies.website,
  status: companies.status,
  isFictional: companies.isFictional,
  updatedAt: companies.updatedAt,
};

export interface TCompanyPartnershipRow {
  id: string;
  name: string;
  municipalityId: string;
}

const inPartnership = (db: TDbOrTx, partnershipCondition: SQL) =>
  exists(
    db
      .select({ one: sql`1` })
      .from(companyPartnerships)
      .innerJoin(partnerships, eq(partnerships.id, companyPartnerships.partnershipId))
      .where(and(eq(companyPartnerships.companyId, companies.id), partnershipCondition)),
  );

/**
 * The companies the actor may list, as a condition (undefined: all of them). Mirrors `can` in
 * domain/policy.ts for 'list': a list is filtered to the actor's scope, never refused for it.
 */
export function companyScope(db: TDbOrTx, actor: TActor): SQL | undefined {
  if (actor.memberships.some((m) => m.role === 'admin')) return undefined;
  const parts: SQL[] = [];
  for (const m of actor.memberships) {
    if ((m.role === 'housing_staff' || m.role === 'social_worker') && m.partnershipId) {
      parts.push(inPartnership(db, eq(companyPartnerships.partnershipId, m.partnershipId)));
    } else if (m.role === 'job_consultant' && m.municipalityId) {
      parts.push(inPartnership(db, eq(partnerships.municipalityId, m.municipalityId)));
    } else if (m.role === 'company_contact' && m.scopeId) {
      parts.push(eq(companies.id, m.scopeId));
    }
  }
  if (parts.length === 0) return sql`false`;
  return sql`(${sql.join(parts, sql` or `)})`;
}

const enumOrder = (values: readonly string[], column: SQL | typeof companies.status) =>
  sql`array_position(array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[], ${column})`;

export async function listCompanies(
  db: TDbOrTx,
  args: TCompanyListArgs,
  filters: TCompanyFilters,
  scope: SQL | undefined,
) {
  const where = and(
    scope,
    searchAny(args.q, [companies.name, companies.cvr, companies.city]),
    filters.status ? eq(companies.status, filters.status) : undefined,
    filters.sizeBand ? eq(companies.sizeBand, filters.sizeBand) : undefined,
    filters.partnershipId
      ? inPartnership(db, eq(companyPartnerships.partnershipId, filters.partnershipId))
      : undefined,
  );
  const order = orderFor(
    args,
    {
      name: { column: companies.name, text: true },
      cvr: { column: companies.cvr },
      city: { column: companies.city, text: true },
      status: { column: enumOrder(COMPANY_STATUSES, companies.status) },
      sizeBand: { column: enumOrder(COMPANY_SIZE_BANDS, sql`${companies.sizeBand}`) },
      updatedAt: { column: companies.updatedAt },
    },
    'name',
    companies.id,
  );
  const fetch = (limit: number, offset: number) =>
    db
      .select({ ...columns, total: totalCount })
      .from(companies)
      .where(where)
      .orderBy(...order)
      .limit(limit)
      .offset(offset);
  const rows = await fetch(args.limit, args.offset);
  let total = rows[0]?.total ?? 0;
  // Past the end there is no row to carry the total: ask for the first one.
  if (rows.length === 0 && args.offset > 0) total = (await fetch(1, 0))[0]?.total ?? 0;
  return { rows: rows.map(({ total: _t, ...rest }) => rest), total };
}
export type TCompanyRow = Awaited<ReturnType<typeof listCompanies>>['rows'][number];

export async function findCompany(db: TDbOrTx, id: string): Promise<TCompanyRow | undefined> {
  const [row] = await db.select(columns).from(companies).where(eq(companies.id, id));
  return row;
}

export async function findCompaniesByCvr(db: TDbOrTx, cvrs: string[]): Promise<TCompanyRow[]> {
  if (cvrs.length === 0) return [];
  return db.select(columns).from(companies).where(inArray(companies.cvr, cvrs));
}

/** The partnerships of each company, sorted by name. */
export async function partnershipsOf(
  db: TDbOrTx,
  companyIds: string[],
): Promise<Map<string, TCompanyPartnershipRow[]>> {
  const byCompany = new Map<string, TCompanyPartnershipRow[]>();
  if (companyIds.length === 0) return byCompany;
  const rows = await db
    .select({
      companyId: companyPartnerships.companyId,
      id: partnerships.id,
      name: partnerships.name,
      municipalityId: partnerships.municipalityId,
    })
    .from(companyPartnerships)
    .innerJoin(partnerships, eq(partnerships.id, companyPartnerships.partnershipId))
    .where(inArray(companyPartnerships.companyId, companyIds))
    .orderBy(sql`${partnerships.name} collate da_dk`);
  for (const { companyId, ...p } of rows) {
    const list = byCompany.get(companyId) ?? [];
    list.push(p);
    byCompany.set(companyId, list);
  }
  return byCompany;
}

export async function existingPartnershipIds(db: TDbOrTx, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: partnerships.id })
    .from(partnerships)
    .where(inArray(partnerships.id, ids));
  return rows.map((r) => r.id);
}

export async function insertCompany(
  db: TDbOrTx,
  input: TCompanyInput & { status: TCompanyStatus; isFictional?: boolean },
  now: Date,
): Promise<string> {
  const [row] = await db
    .insert(companies)
    .values({ ...input, createdAt: now, updatedAt: now })
    .returning({ id: companies.id });
  return row!.id;
}

export async function updateCompany(
  db: TDbOrTx,
  id: string,
  input: Partial<TCompanyInput> & { status?: TCompanyStatus },
  now: Date,
): Promise<void> {
  await db
    .update(companies)
    .set({ ...input, updatedAt: now })
    .where(eq(companies.id, id));
}

export async function deleteCompany(db: TDbOrTx, id: string): Promise<void> {
  await db.delete(companies).where(eq(companies.id, id));
}

/** Links the company to the partnerships (no-op for links that exist). */
export async function linkPartnerships(db: TDbOrTx, companyId: string, partnershipIds: string[]) {
  if (partnershipIds.length === 0) return;
  await db
    .insert(companyPartnerships)
    .values(partnershipIds.map((partnershipId) => ({ companyId, partnershipId })))
    .onConflictDoNothing();
}

/** Makes the company's partnerships exactly these. */
export async function replacePartnerships(db: TDbOrTx, companyId: string, partnershipIds: string[]) {
  await db.delete(companyPartnerships).where(eq(companyPartnerships.companyId, companyId));
  await linkPartnerships(db, companyId, partnershipIds);
}

export async function insertStatusChange(
  db: TDbOrTx,
  values: {
    companyId: string;
    fromStatus: TCompanyStatus | null;
    toStatus: TCompanyStatus;
    changedBy: string | null;
    changedAt: Date;
    note: string | null;
  },
): Promise<void> {
  await db.insert(companyStatusChanges).values(values);
}

export async function statusHistory(db: TDbOrTx, companyId: string) {
  return db
    .select({
      id: companyStatusChanges.id,
      fromStatus: companyStatusChanges.fromStatus,
      toStatus: companyStatusChanges.toStatus,
      changedAt: companyStatusChanges.changedAt,
      changedByName: users.name,
      note: companyStatusChanges.note,
    })
    .from(companyStatusChanges)
    .leftJoin(users, eq(users.id, companyStatusChanges.changedBy))
    .where(eq(companyStatusChanges.companyId, companyId))
    .orderBy(desc(companyStatusChanges.changedAt), desc(companyStatusChanges.id));
}

export async function listNotes(db: TDbOrTx, companyId: string) {
  return db
    .select({
      id: companyNotes.id,
      text: companyNotes.text,
      createdAt: companyNotes.createdAt,
      authorName: users.name,
    })
    .from(companyNotes)
    .leftJoin(users, eq(users.id, companyNotes.authorId))
    .where(eq(companyNotes.companyId, companyId))
    .orderBy(desc(companyNotes.createdAt), desc(companyNotes.id));
}

export async function insertNote(
  db: TDbOrTx,
  values: { companyId: string; text: string; authorId: string | null; createdAt: Date },
): Promise<string> {
  const [row] = await db.insert(companyNotes).values(values).returning({ id: companyNotes.id });
  return row!.id;
}

const contactColumns = {
  id: companyContacts.id,
  companyId: companyContacts.companyId,
  name: companyContacts.name,
  title: companyContacts.title,
  email: companyContacts.email,
  phone: companyContacts.phone,
};

export async function listContacts(db: TDbOrTx, companyId: string) {
  return db
    .select(contactColumns)
    .from(companyContacts)
    .where(eq(companyContacts.companyId, companyId))
    .orderBy(sql`${companyContacts.name} collate da_dk`, asc(companyContacts.id));
}

export async function findContact(db: TDbOrTx, companyId: string, id: string) {
  const [row] = await db
    .select(contactColumns)
    .from(companyContacts)
    .where(and(eq(companyContacts.companyId, companyId), eq(companyContacts.id, id)));
  return row;
}

export async function insertContact(
  db: TDbOrTx,
  companyId: string,
  input: TCompanyContactInput,
  now: Date,
): Promise<string> {
  const [row] = await db
    .insert(companyContacts)
    .values({ ...input, companyId, createdAt: now, updatedAt: now })
    .returning({ id: companyContacts.id });
  return row!.id;
}

export async function updateContact(db: TDbOrTx, id: string, input: TCompanyContactInput, now: Date) {
  await db
    .update(companyContacts)
    .set({ ...input, updatedAt: now })
    .where(eq(companyContacts.id, id));
}

export async function deleteContact(db: TDbOrTx, id: string): Promise<void> {
  await db.delete(companyContacts).where(eq(companyContacts.id, id));
}
