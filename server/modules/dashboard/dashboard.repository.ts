import type { TOpeningType } from '@domain/opening-types.ts';
import type { TFactDims, TFactMeasure, TFunnelFact } from '@domain/reports/dashboard.ts';
import type { TDbOrTx } from '@server/db/client.ts';
import { assignments, partnerships, socialClauses } from '@server/db/schema/index.ts';
import type { TClauseForProgress } from '@server/modules/social-clauses/clause-fulfilment.ts';
import { and, eq, gte, inArray, lte, type SQL, sql } from 'drizzle-orm';

// The dashboard's SQL (definitions in dashboard-figures.ts). Only counts, durations, ids of
// organisations and companies, and placement ids leave the database; never a person.

/** What the funnel is narrowed to, besides the partnerships and the period. */
export interface TFiguresFilters {
  municipalityId?: string;
  housingOrganisationId?: string;
  companyId?: string;
  openingType?: TOpeningType;
}

export interface TFiguresQuery {
  partnershipIds: readonly string[];
  from: string;
  to: string;
  filters: TFiguresFilters;
}

const uuidList = (ids: readonly string[]) =>
  sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );

/** The period as instants: Copenhagen midnight at its start to Copenhagen midnight after its end. */
const startOf = (from: string) => sql`((${from}::date)::timestamp at time zone 'Europe/Copenhagen')`;
const endOf = (to: string) => sql`((${to}::date + 1)::timestamp at time zone 'Europe/Copenhagen')`;
const danishDay = (column: SQL) => sql`((${column}) at time zone 'Europe/Copenhagen')::date`;

/**
 * Every opening of the partnerships with its dimensions: the city is the municipality of its
 * housing area, else its partnership's; the housing organisation its own, else its area's, else
 * its assignment's. `first_referral_at` is the first time it was sent to a job consultant or a
 * social worker (opening_referrals).
 */
function openingDims(partnershipIds: readonly string[]) {
  return sql`select o.id, o.partnership_id,
      coalesce(ha.municipality_id, p.municipality_id) as municipality_id,
      coalesce(o.housing_organisation_id, ha.housing_organisation_id, a.housing_organisation_id)
        as housing_organisation_id,
      o.company_id, o.type as opening_type, o.created_at, o.first_proposal_at,
      (select min(r.notified_at) from opening_referrals r where r.opening_id = o.id) as first_referral_at
    from openings o
    join partnerships p on p.id = o.partnership_id
    left join housing_areas ha on ha.id = o.housing_area_id
    left join assignments a on a.id = o.assignment_id
    where o.partnership_id in (${uuidList(partnershipIds)})`;
}

/** Every placement of the partnerships with its dimensions (through its opening, else its assignment). */
function placementDims(partnershipIds: readonly string[]) {
  return sql`select pl.id, pl.resident_id, pl.partnership_id,
      coalesce(od.municipality_id, p.municipality_id) as municipality_id,
      coalesce(od.housing_organisation_id, a.housing_organisation_id) as housing_organisation_id,
      pl.company_id, pl.type as opening_type, pl.start_date, pl.end_date, pl.ended_at, pl.status
    from placements pl
    join partnerships p on p.id = pl.partnership_id
    left join od on od.id = pl.opening_id
    left join assignments a on a.id = pl.assignment_id
    where pl.partnership_id in (${uuidList(partnershipIds)})`;
}

/** The filters as conditions on a dimensions row aliased `alias`. */
function filterConditions(alias: string, f: TFiguresFilters): SQL {
  const a = sql.raw(alias);
  const parts: SQL[] = [sql`true`];
  if (f.municipalityId) parts.push(sql`${a}.municipality_id = ${f.municipalityId}::uuid`);
  if (f.housingOrganisationId)
    parts.push(sql`${a}.housing_organisation_id = ${f.housingOrganisationId}::uuid`);
  if (f.companyId) parts.push(sql`${a}.company_id = ${f.companyId}::uuid`);
  if (f.openingType) parts.push(sql`${a}.opening_type = ${f.openingType}`);
  return sql.join(parts, sql` and `);
}

interface TFactDbRow extends Record<string, unknown> {
  measure: TFactMeasure;
  partnership_id: string;
  municipality_id: string;
  housing_organisation_id: string | null;
  company_id: string;
  opening_type: TOpeningType;
  month: string;
  n: number;
}

/**
 * The funnel's counts per combination of dimensions and month:
 * - openings: created in the period (Danish day of created_at);
 * - referrals: openings first sent to a job consultant or social worker in the period;
 * - proposals: created in the period (the opening's dimensions);
 * - interviews: proposals whose interview is in the period;
 * - hires: placements starting in the period, all types (the placement's type and company).
 */
export async function funnelFacts(db: TDbOrTx, q: TFiguresQuery): Promise<TFunnelFact[]> {
  if (q.partnershipIds.length === 0) return [];
  const start = startOf(q.from);
  const end = endOf(q.to);
  const result = await db.execute<TFactDbRow>(sql`
    with od as (${openingDims(q.partnershipIds)}),
    pd as (${placementDims(q.partnershipIds)}),
    events as (
      select 'openings' as measure, od.partnership_id, od.municipality_id, od.housing_organisation_id,
        od.company_id, od.opening_type, ${danishDay(sql`od.created_at`)} as day
      from od where od.created_at >= ${start} and od.created_at < ${end}
      union all
      select 'referrals', od.partnership_id, od.municipality_id, od.housing_organisation_id,
        od.company_id, od.opening_type, ${danishDay(sql`od.first_referral_at`)}
      from od where od.first_referral_at >= ${start} and od.first_referral_at < ${end}
      union all
      select 'proposals', od.partnership_id, od.municipality_id, od.housing_organisation_id,
        od.company_id, od.opening_type, ${danishDay(sql`pr.created_at`)}
      from proposals pr join od on od.id = pr.opening_id
      where pr.created_at >= ${start} and pr.created_at < ${end}
      union all
      select 'interviews', od.partnership_id, od.municipality_id, od.housing_organisation_id,
        od.company_id, od.opening_type, ${danishDay(sql`pr.interview_at`)}
      from proposals pr join od on od.id = pr.opening_id
      where pr.interview_at >= ${start} and pr.interview_at < ${end}
      union all
      select 'hires', pd.partnership_id, pd.municipality_id, pd.housing_organisation_id,
        pd.company_id, pd.opening_type, pd.start_date
      from pd where pd.start_date between ${q.from}::date and ${q.to}::date
    )
    select e.measure, e.partnership_id, e.municipality_id, e.housing_organisation_id, e.company_id,
      e.opening_type, to_char(e.day, 'YYYY-MM') as month, count(*)::int as n
    from events e
    where ${filterConditions('e', q.filters)}
    group by 1, 2, 3, 4, 5, 6, 7`);
  return result.rows.map((r) => ({
    measure: r.measure,
    partnershipId: r.partnership_id,
    municipalityId: r.municipality_id,
    housingOrganisationId: r.housing_organisation_id,
    companyId: r.company_id,
    openingType: r.opening_type,
    month: r.month,
    count: r.n,
  }));
}

interface TPlacementDimsDbRow extends Record<string, unknown> {
  id: string;
  partnership_id: string;
  municipality_id: string;
  housing_organisation_id: string | null;
  company_id: string;
  opening_type: TOpeningType;
  month: string;
}

/**
 * The dimensions of the placements of the partnerships that started in the period and pass the
 * filters, by placement id: retention's rows (retention.repository.ts) are narrowed and broken
 * down with them.
 */
export async function placementDimensions(db: TDbOrTx, q: TFiguresQuery): Promise<Map<string, TFactDims>> {
  if (q.partnershipIds.length === 0) return new Map();
  const result = await db.execute<TPlacementDimsDbRow>(sql`
    with od as (${openingDims(q.partnershipIds)}),
    pd as (${placementDims(q.partnershipIds)})
    select pd.id, pd.partnership_id, pd.municipality_id, pd.housing_organisation_id, pd.company_id,
      pd.opening_type, to_char(pd.start_date, 'YYYY-MM') as month
    from pd
    where pd.start_date between ${q.from}::date and ${q.to}::date and ${filterConditions('pd', q.filters)}`);
  return new Map(
    result.rows.map((r) => [
      r.id,
      {
        partnershipId: r.partnership_id,
        municipalityId: r.municipality_id,
        housingOrganisationId: r.housing_organisation_id,
        companyId: r.company_id,
        openingType: r.opening_type,
        month: r.month,
      },
    ]),
  );
}

interface TDurationDbRow extends Record<string, unknown> {
  days_to_referral: number | null;
  days_to_first_proposal: number | null;
}

/**
 * For each opening created in the period: days (fractional) from its creation to its first
 * referral and to its first proposal; null where that has not happened.
 */
export async function openingDurations(
  db: TDbOrTx,
  q: TFiguresQuery,
): Promise<{ daysToReferral: number | null; daysToFirstProposal: number | null }[]> {
  if (q.partnershipIds.length === 0) return [];
  // greatest() skips nulls, so "not yet" is kept null by the case.
  const days = (later: SQL) =>
    sql`(case when ${later} is null then null
      else greatest(0, extract(epoch from (${later} - od.created_at)) / 86400) end)::float8`;
  const result = await db.execute<TDurationDbRow>(sql`
    with od as (${openingDims(q.partnershipIds)})
    select ${days(sql`od.first_referral_at`)} as days_to_referral,
      ${days(sql`od.first_proposal_at`)} as days_to_first_proposal
    from od
    where od.created_at >= ${startOf(q.from)} and od.created_at < ${endOf(q.to)}
      and ${filterConditions('od', q.filters)}`);
  return result.rows.map((r) => ({
    daysToReferral: r.days_to_referral === null ? null : Number(r.days_to_referral),
    daysToFirstProposal: r.days_to_first_proposal === null ? null : Number(r.days_to_first_proposal),
  }));
}

/**
 * People into education in the period, each once:
 * - residents whose case went to status 'in_education' in the period (from another status, or
 *   registered so), of the partnerships through their housing area's organisation at the time
 *   or through a placement of theirs in the partnerships;
 * - placements of the partnerships that ended into education in the period (end date, else the
 *   Danish day it was recorded), by person (a placement without a person counts by itself).
 * A city or organisation filter applies to the case's area (or the placement's); a company or
 * opening type filter counts only people with a placement of that company or type.
 */
export async function intoEducationCount(db: TDbOrTx, q: TFiguresQuery): Promise<number> {
  if (q.partnershipIds.length === 0) return 0;
  const start = startOf(q.from);
  const end = endOf(q.to);
  const ids = uuidList(q.partnershipIds);
  const f = q.filters;
  const placementOfPerson = sql`exists (select 1 from pd where pd.resident_id = ch.resident_id
      and ${filterConditions('pd', { companyId: f.companyId, openingType: f.openingType })})`;
  const caseConditions: SQL[] = [
    f.companyId || f.openingType
      ? placementOfPerson
      : sql`(ho.partnership_id in (${ids}) or ${placementOfPerson})`,
  ];
  if (f.municipalityId) caseConditions.push(sql`ch.municipality_id = ${f.municipalityId}::uuid`);
  if (f.housingOrganisationId)
    caseConditions.push(sql`ha.housing_organisation_id = ${f.housingOrganisationId}::uuid`);
  const result = await db.execute<{ n: number }>(sql`
    with od as (${openingDims(q.partnershipIds)}),
    pd as (${placementDims(q.partnershipIds)}),
    changes as (
      select c.resident_id, c.status, c.changed_at, c.housing_area_id, c.municipality_id,
        lag(c.status) over (partition by c.resident_id order by c.changed_at, c.id) as previous_status
      from resident_case_changes c
      where c.changed_at < ${end}
        and c.resident_id in (select x.resident_id from resident_case_changes x
          where x.status = 'in_education' and x.changed_at >= ${start} and x.changed_at < ${end})
    ),
    people as (
      select ch.resident_id::text as person
      from changes ch
      left join housing_areas ha on ha.id = ch.housing_area_id
      left join housing_organisations ho on ho.id = ha.housing_organisation_id
      where ch.status = 'in_education' and ch.previous_status is distinct from 'in_education'
        and ch.changed_at >= ${start}
        and ${sql.join(caseConditions, sql` and `)}
      union
      select coalesce(pd.resident_id::text, 'placement:' || pd.id::text)
      from pd
      where pd.status = 'education'
        and coalesce(pd.end_date, ${danishDay(sql`pd.ended_at`)}) between ${q.from}::date and ${q.to}::date
        and ${filterConditions('pd', f)}
    )
    select count(*)::int as n from people`);
  return result.rows[0]?.n ?? 0;
}

/**
 * The social clauses of the partnerships' assignments whose period overlaps the period, narrowed
 * by city (the partnership's municipality), housing organisation and company (the assignment's).
 * Clauses have no opening type: that filter does not narrow them.
 */
export async function clausesInScope(db: TDbOrTx, q: TFiguresQuery): Promise<TClauseForProgress[]> {
  if (q.partnershipIds.length === 0) return [];
  const f = q.filters;
  return db
    .select({
      id: socialClauses.id,
      assignmentId: socialClauses.assignmentId,
      kind: socialClauses.kind,
      targetQuantity: socialClauses.targetQuantity,
      periodStart: socialClauses.periodStart,
      periodEnd: socialClauses.periodEnd,
    })
    .from(socialClauses)
    .innerJoin(assignments, eq(assignments.id, socialClauses.assignmentId))
    .innerJoin(partnerships, eq(partnerships.id, assignments.partnershipId))
    .where(
      and(
        inArray(assignments.partnershipId, [...q.partnershipIds]),
        lte(socialClauses.periodStart, q.to),
        gte(socialClauses.periodEnd, q.from),
        f.municipalityId ? eq(partnerships.municipalityId, f.municipalityId) : undefined,
        f.housingOrganisationId ? eq(assignments.housingOrganisationId, f.housingOrganisationId) : undefined,
        f.companyId ? eq(assignments.companyId, f.companyId) : undefined,
      ),
    );
}

export interface TOption {
  id: string;
  name: string;
}

const byDanishName = (a: TOption, b: TOption) =>
  a.name.localeCompare(b.name, 'da') || a.id.localeCompare(b.id);

/**
 * What the filters can be set to within the partnerships: their cities (the partnerships' and
 * their areas' municipalities), their housing organisations, and the companies working with them
 * (linked, or with an opening or placement there).
 */
export async function filterOptions(
  db: TDbOrTx,
  partnershipIds: readonly string[],
): Promise<{ municipalities: TOption[]; housingOrganisations: TOption[]; companies: TOption[] }> {
  if (partnershipIds.length === 0) return { municipalities: [], housingOrganisations: [], companies: [] };
  const ids = uuidList(partnershipIds);
  const [municipalityRows, organisationRows, companyRows] = await Promise.all([
    db.execute<{ id: string; name: string }>(sql`
      select m.id, m.name from municipalities m
      where m.id in (select p.municipality_id from partnerships p where p.id in (${ids}))
         or m.id in (select ha.municipality_id from housing_areas ha
           join housing_organisations ho on ho.id = ha.housing_organisation_id
           where ho.partnership_id in (${ids}))`),
    db.execute<{ id: string; name: string }>(sql`
      select ho.id, ho.name from housing_organisations ho where ho.partnership_id in (${ids})`),
    db.execute<{ id: string; name: string }>(sql`
      select c.id, c.name from companies c
      where c.id in (select cp.company_id from company_partnerships cp where cp.partnership_id in (${ids}))
         or c.id in (select o.company_id from openings o where o.partnership_id in (${ids}))
         or c.id in (select pl.company_id from placements pl where pl.partnership_id in (${ids}))`),
  ]);
  return {
    municipalities: municipalityRows.rows.sort(byDanishName),
    housingOrganisations: organisationRows.rows.sort(byDanishName),
    companies: companyRows.rows.sort(byDanishName),
  };
}

/** Names of municipalities, housing organisations or companies by id (for breakdown rows). */
export async function namesOf(
  db: TDbOrTx,
  table: 'municipalities' | 'housing_organisations' | 'companies',
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const result = await db.execute<{ id: string; name: string }>(
    sql`select t.id, t.name from ${sql.identifier(table)} t where t.id in (${uuidList(ids)})`,
  );
  return new Map(result.rows.map((r) => [r.id, r.name]));
}
