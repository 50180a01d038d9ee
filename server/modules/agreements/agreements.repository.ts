import type { TAgreementState, TCommitmentInput } from '@domain/agreement.schema.ts';
import { isAdmin, scopeIdsOf, type TActor } from '@domain/policy.ts';
import type { TDbOrTx } from '@server/db/client.ts';
import {
  agreementCommitments,
  agreementHousingOrganisations,
  agreements,
  companies,
  companyPartnerships,
  housingOrganisations,
  partnerships,
} from '@server/db/schema/index.ts';
import { orderFor, searchAny, totalCount, withoutTotal } from '@server/platform/crud/list-query.ts';
import { and, asc, eq, exists, inArray, isNotNull, isNull, lt, or, type SQL, sql } from 'drizzle-orm';

// Drizzle queries of partnership agreements. Every function takes the db or a transaction.

export interface TAgreementFilters {
  companyId?: string;
  housingOrganisationId?: string;
  state?: TAgreementState;
}

export interface TAgreementListArgs {
  q?: string;
  sort?: string;
  dir: 'asc' | 'desc';
  limit: number;
  offset: number;
}

const columns = {
  id: agreements.id,
  companyId: agreements.companyId,
  companyName: companies.name,
  title: agreements.title,
  periodStart: agreements.periodStart,
  periodEnd: agreements.periodEnd,
  signedOn: agreements.signedOn,
  note: agreements.note,
  createdAt: agreements.createdAt,
  updatedAt: agreements.updatedAt,
};

/** The organisations of an agreement, with their partnership and its municipality. */
export interface TAgreementOrgRow {
  agreementId: string;
  id: string;
  name: string;
  partnershipId: string;
  municipalityId: string;
}

/** Agreements having an organisation that matches the condition. */
const withOrganisation = (db: TDbOrTx, condition: SQL) =>
  exists(
    db
      .select({ one: sql`1` })
      .from(agreementHousingOrganisations)
      .innerJoin(
        housingOrganisations,
        eq(housingOrganisations.id, agreementHousingOrganisations.housingOrganisationId),
      )
      .innerJoin(partnerships, eq(partnerships.id, housingOrganisations.partnershipId))
      .where(and(eq(agreementHousingOrganisations.agreementId, agreements.id), condition)),
  );

/**
 * The agreements the actor may list, as a condition (undefined: all). The same rules as
 * canOnAgreement in domain/policy.ts: a list is narrowed to the actor's scope, never refused.
 */
export function agreementScope(db: TDbOrTx, actor: TActor): SQL | undefined {
  if (isAdmin(actor)) return undefined;
  const parts: SQL[] = [];
  const {
    housingOrganisationIds: orgs,
    socialWorkerPartnershipIds: ownPartnerships,
    consultantMunicipalityIds: municipalities,
    companyIds: ownCompanies,
  } = scopeIdsOf(actor);
  if (orgs.length) parts.push(withOrganisation(db, inArray(housingOrganisations.id, orgs)));
  if (ownPartnerships.length)
    parts.push(withOrganisation(db, inArray(housingOrganisations.partnershipId, ownPartnerships)));
  if (municipalities.length)
    parts.push(withOrganisation(db, inArray(partnerships.municipalityId, municipalities)));
  if (ownCompanies.length) parts.push(inArray(agreements.companyId, ownCompanies));
  return parts.length ? or(...parts) : sql`false`;
}

/** The state of `agreementState()` in domain/agreement.schema.ts, as SQL for a given day. */
function stateCondition(state: TAgreementState, today: string): SQL | undefined {
  switch (state) {
    case 'draft':
      return isNull(agreements.signedOn);
    case 'active':
      return and(
        isNotNull(agreements.signedOn),
        or(isNull(agreements.periodEnd), sql`${agreements.periodEnd} >= ${today}`),
      );
    case 'ended':
      return and(isNotNull(agreements.signedOn), lt(agreements.periodEnd, today));
    default: {
      const exhaustive: never = state;
      return exhaustive;
    }
  }
}

const base = (db: TDbOrTx) =>
  db
    .select({ ...columns, total: totalCount })
    .from(agreements)
    .innerJoin(companies, eq(companies.id, agreements.companyId))
    .$dynamic();

export async function listAgreements(
  db: TDbOrTx,
  args: TAgreementListArgs,
  filters: TAgreementFilters,
  scope: SQL | undefined,
  today: string,
) {
  const where = and(
    scope,
    searchAny(args.q, [agreements.title, companies.name]),
    filters.companyId ? eq(agreements.companyId, filters.companyId) : undefined,
    filters.housingOrganisationId
      ? withOrganisation(db, eq(housingOrganisations.id, filters.housingOrganisationId))
      : undefined,
    filters.state ? stateCondition(filters.state, today) : undefined,
  );
  // Newest first unless the user sorts.
  const order = orderFor(
    { sort: args.sort ?? 'periodStart', dir: args.sort ? args.dir : 'desc' },
    {
      title: { column: agreements.title, text: true },
      companyName: { column: companies.name, text: true },
      periodStart: { column: agreements.periodStart },
      periodEnd: { column: agreements.periodEnd },
      signedOn: { column: agreements.signedOn },
    },
    'periodStart',
    agreements.id,
  );
  const page = (limit: number, offset: number) =>
    base(db)
      .where(where)
      .orderBy(...order)
      .limit(limit)
      .offset(offset);
  const rows = await page(args.limit, args.offset);
  // Past the end there is no row to carry the total: count from the first row.
  const total = rows[0]?.total ?? (args.offset > 0 ? ((await page(1, 0))[0]?.total ?? 0) : 0);
  return { rows: rows.map(({ total: _t, ...r }) => r), total };
}

export type TAgreementRow = NonNullable<Awaited<ReturnType<typeof findAgreement>>>;

export async function findAgreement(db: TDbOrTx, id: string) {
  return withoutTotal(await base(db).where(eq(agreements.id, id)));
}

export async function organisationsOf(db: TDbOrTx, agreementIds: string[]): Promise<TAgreementOrgRow[]> {
  if (agreementIds.length === 0) return [];
  return db
    .select({
      agreementId: agreementHousingOrganisations.agreementId,
      id: housingOrganisations.id,
      name: housingOrganisations.name,
      partnershipId: housingOrganisations.partnershipId,
      municipalityId: partnerships.municipalityId,
    })
    .from(agreementHousingOrganisations)
    .innerJoin(
      housingOrganisations,
      eq(housingOrganisations.id, agreementHousingOrganisations.housingOrganisationId),
    )
    .innerJoin(partnerships, eq(partnerships.id, housingOrganisations.partnershipId))
    .where(inArray(agreementHousingOrganisations.agreementId, agreementIds))
    .orderBy(sql`${housingOrganisations.name} collate da_dk`);
}

export type TCommitmentRow = typeof agreementCommitments.$inferSelect;

export async function commitmentsOf(db: TDbOrTx, agreementIds: string[]): Promise<TCommitmentRow[]> {
  if (agreementIds.length === 0) return [];
  return db
    .select()
    .from(agreementCommitments)
    .where(inArray(agreementCommitments.agreementId, agreementIds))
    .orderBy(asc(agreementCommitments.position), asc(agreementCommitments.id));
}

/** The given organisations that exist, with their partnership and its municipality. */
export async function findOrganisations(db: TDbOrTx, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: housingOrganisations.id,
      partnershipId: housingOrganisations.partnershipId,
      municipalityId: partnerships.municipalityId,
    })
    .from(housingOrganisations)
    .innerJoin(partnerships, eq(partnerships.id, housingOrganisations.partnershipId))
    .where(inArray(housingOrganisations.id, ids));
}

export async function companyPartnershipIds(db: TDbOrTx, companyId: string): Promise<string[]> {
  const rows = await db
    .select({ id: companyPartnerships.partnershipId })
    .from(companyPartnerships)
    .where(eq(companyPartnerships.companyId, companyId));
  return rows.map((r) => r.id);
}

export interface TAgreementValues {
  companyId: string;
  title: string;
  periodStart: string;
  periodEnd: string | null;
  signedOn: string | null;
  note: string | null;
}

export async function insertAgreement(
  db: TDbOrTx,
  values: TAgreementValues,
  createdBy: string,
  now: Date,
): Promise<string> {
  const [row] = await db
    .insert(agreements)
    .values({ ...values, createdBy, createdAt: now, updatedAt: now })
    .returning({ id: agreements.id });
  return row!.id;
}

export async function updateAgreement(
  db: TDbOrTx,
  id: string,
  values: TAgreementValues,
  now: Date,
): Promise<void> {
  await db
    .update(agreements)
    .set({ ...values, updatedAt: now })
    .where(eq(agreements.id, id));
}

export async function replaceOrganisations(db: TDbOrTx, agreementId: string, ids: string[]): Promise<void> {
  await db
    .delete(agreementHousingOrganisations)
    .where(eq(agreementHousingOrganisations.agreementId, agreementId));
  if (ids.length)
    await db
      .insert(agreementHousingOrganisations)
      .values(ids.map((housingOrganisationId) => ({ agreementId, housingOrganisationId })));
}

/** The commitments in the order given (rows keep their position). */
export async function replaceCommitments(
  db: TDbOrTx,
  agreementId: string,
  commitments: TCommitmentInput[],
): Promise<void> {
  await db.delete(agreementCommitments).where(eq(agreementCommitments.agreementId, agreementId));
  if (commitments.length)
    await db
      .insert(agreementCommitments)
      .values(commitments.map((c, position) => ({ ...c, agreementId, position })));
}

export async function deleteAgreement(db: TDbOrTx, id: string): Promise<void> {
  // Organisations and commitments go with it (on delete cascade).
  await db.delete(agreements).where(eq(agreements.id, id));
}
