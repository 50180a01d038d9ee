import type { TMatchDecline, TMatchOpening, TMatchResident } from '@domain/matching/match-inputs.ts';
import {
  DEFAULT_MATCH_SETTINGS,
  type TMatchSettings,
  ZMatchSettings,
} from '@domain/matching/matching-settings.ts';
import type { TOpeningStatus } from '@domain/opening.schema.ts';
import { ACTIVE_PROPOSAL_STATUSES } from '@domain/proposal.schema.ts';
import { addMonths } from '@domain/time.ts';
import type { TDbOrTx } from '@server/db/client.ts';
import { housingAreas, matchingSettings, proposals } from '@server/db/schema/index.ts';
import { and, eq, gte, isNotNull, sql } from 'drizzle-orm';

// What the matching core reads, loaded from the database as plain data (issue 5). One query per
// kind, by id list or for everyone, so the index's full build and its incremental updates read
// the same rows the same way. No protected attribute is selected (gender, benefit group, health,
// jobcenter category): the core cannot use what it is not given.

/** Openings still looking for people: matching and allocation consider only these. */
export const MATCHABLE_OPENING_STATUSES: readonly TOpeningStatus[] = [
  'new',
  'referred',
  'proposals',
  'interviewing',
  'partly_filled',
];

/** A resident as matched, plus who may see them (resident-access.ts as data). */
export interface TIndexedResident {
  match: TMatchResident;
  registeredBySide: 'housing' | 'jobcenter';
  registeredByPlanId: string | null;
  /** The social housing plan of the area the person lives in. */
  areaPlanId: string | null;
  /** An active consent (a) on the day: the other side may see the person. */
  sharing: boolean;
}

export interface TIndexedOpening {
  match: TMatchOpening;
  partnershipId: string;
  status: TOpeningStatus;
  title: string;
  companyName: string;
  positions: number;
}

const activeList = sql.raw(ACTIVE_PROPOSAL_STATUSES.map((s) => `'${s}'`).join(','));

interface TResidentDbRow extends Record<string, unknown> {
  id: string;
  birth_date: string;
  status: TMatchResident['status'];
  matching: boolean;
  sharing: boolean;
  municipality_id: string;
  housing_area_id: string | null;
  postal_code: string;
  occupation_ids: string[];
  skills: string[];
  driver_licences: string[];
  danish_level: number | null;
  hours_per_week: number | null;
  available_day: boolean;
  available_evening: boolean;
  available_weekend: boolean;
  target_group: 1 | 2 | null;
  available_from: string | null;
  waiting_since: string;
  active_proposals: number;
  registered_by_side: 'housing' | 'jobcenter';
  registered_by_plan_id: string | null;
  area_plan_id: string | null;
}

/**
 * Residents as the index holds them, on the Copenhagen day `today`: everyone not anonymised, or
 * only `ids` (the ones missing from the answer are gone: anonymised or deleted).
 */
export async function loadMatchResidents(
  db: TDbOrTx,
  today: string,
  ids?: readonly string[],
): Promise<TIndexedResident[]> {
  const consent = (scope: string) => sql`exists (select 1 from resident_consents c
      where c.resident_id = r.id and c.scope = ${scope} and c.withdrawn_on is null
        and c.given_on <= ${today} and (c.expires_on is null or c.expires_on >= ${today}))`;
  const only = ids ? sql`and r.id = any(${sql.param([...ids])}::uuid[])` : sql``;
  const result = await db.execute<TResidentDbRow>(sql`
    select r.id, r.birth_date::text, r.status, ${consent('matching')} as matching, ${consent('sharing')} as sharing,
      r.municipality_id, r.housing_area_id, r.postal_code, r.occupation_ids, r.skills, r.driver_licences,
      r.danish_level, r.hours_per_week, r.available_day, r.available_evening, r.available_weekend,
      (select s.target_group from resident_screenings s where s.resident_id = r.id
        order by s.screened_on desc, s.created_at desc limit 1) as target_group,
      r.available_from::text,
      greatest((r.created_at at time zone 'Europe/Copenhagen')::date,
        (select max((p.proposed_at at time zone 'Europe/Copenhagen')::date) from proposals p where p.resident_id = r.id))::text
        as waiting_since,
      (select count(*)::int from proposals p where p.resident_id = r.id and p.status in (${activeList})) as active_proposals,
      r.registered_by_side, r.registered_by_plan_id, a.social_housing_plan_id as area_plan_id
    from residents r left join housing_areas a on a.id = r.housing_area_id
    where r.anonymised_at is null ${only}`);
  return result.rows.map((r) => ({
    match: {
      id: r.id,
      birthDate: r.birth_date,
      status: r.status,
      consentToMatch: r.matching,
      municipalityId: r.municipality_id,
      housingAreaId: r.housing_area_id,
      postalCode: r.postal_code,
      occupationIds: r.occupation_ids,
      skills: r.skills,
      driverLicences: r.driver_licences,
      danishLevel: r.danish_level,
      hoursPerWeek: r.hours_per_week,
      availableDay: r.available_day,
      availableEvening: r.available_evening,
      availableWeekend: r.available_weekend,
      targetGroup: r.target_group,
      availableFrom: r.available_from,
      waitingSince: r.waiting_since,
      activeProposals: r.active_proposals,
    },
    registeredBySide: r.registered_by_side,
    registeredByPlanId: r.registered_by_plan_id,
    areaPlanId: r.area_plan_id,
    sharing: r.sharing,
  }));
}

interface TOpeningDbRow extends Record<string, unknown> {
  id: string;
  partnership_id: string;
  company_id: string;
  company_name: string;
  status: TOpeningStatus;
  title: string;
  positions: number;
  type: TMatchOpening['type'];
  occupation_id: string;
  skills: string[];
  hours_per_week: number;
  min_hours_per_week: number | null;
  schedule_day: boolean;
  schedule_evening: boolean;
  schedule_weekend: boolean;
  end_time: string | null;
  start_date: string;
  municipality_id: string;
  housing_area_id: string | null;
  postal_code: string;
  driver_licence: string | null;
  min_danish_level: number | null;
  min_age: number | null;
  max_age: number | null;
  active_proposals: number;
}

/** Openings as matching reads them: every one (any status), or only `ids`. */
export async function loadMatchOpenings(db: TDbOrTx, ids?: readonly string[]): Promise<TIndexedOpening[]> {
  const only = ids ? sql`where o.id = any(${sql.param([...ids])}::uuid[])` : sql``;
  const result = await db.execute<TOpeningDbRow>(sql`
    select o.id, o.partnership_id, o.company_id, c.name as company_name, o.status, o.title, o.positions,
      o.type, o.occupation_id, o.skills, o.hours_per_week, o.min_hours_per_week, o.schedule_day,
      o.schedule_evening, o.schedule_weekend, o.end_time, o.start_date::text, p.municipality_id,
      o.housing_area_id, o.postal_code, o.driver_licence, o.min_danish_level, o.min_age, o.max_age,
      (select count(*)::int from proposals x where x.opening_id = o.id and x.status in (${activeList})) as active_proposals
    from openings o join partnerships p on p.id = o.partnership_id join companies c on c.id = o.company_id
    ${only}`);
  return result.rows.map((o) => ({
    partnershipId: o.partnership_id,
    status: o.status,
    title: o.title,
    companyName: o.company_name,
    positions: o.positions,
    match: {
      id: o.id,
      companyId: o.company_id,
      type: o.type,
      occupationId: o.occupation_id,
      skills: o.skills,
      hoursPerWeek: o.hours_per_week,
      minHoursPerWeek: o.min_hours_per_week,
      scheduleDay: o.schedule_day,
      scheduleEvening: o.schedule_evening,
      scheduleWeekend: o.schedule_weekend,
      endTime: o.end_time,
      startDate: o.start_date,
      municipalityId: o.municipality_id,
      housingAreaId: o.housing_area_id,
      postalCode: o.postal_code,
      driverLicence: o.driver_licence,
      minDanishLevel: o.min_danish_level,
      minAge: o.min_age,
      maxAge: o.max_age,
      activeProposals: o.active_proposals,
    },
  }));
}

/** The partnership's matching settings; the documented defaults when none are saved. */
export async function loadMatchSettings(db: TDbOrTx, partnershipId: string): Promise<TMatchSettings> {
  const [row] = await db
    .select({ settings: matchingSettings.settings })
    .from(matchingSettings)
    .where(eq(matchingSettings.partnershipId, partnershipId));
  if (!row) return DEFAULT_MATCH_SETTINGS;
  const parsed = ZMatchSettings.safeParse(row.settings);
  return parsed.success ? parsed.data : DEFAULT_MATCH_SETTINGS;
}

/** Residents already proposed to the opening, whatever became of the proposal. */
export async function proposedResidentIds(db: TDbOrTx, openingId: string): Promise<string[]> {
  const rows = await db
    .select({ residentId: proposals.residentId })
    .from(proposals)
    .where(eq(proposals.openingId, openingId));
  return rows.map((r) => r.residentId);
}

/** Openings the resident was already proposed to. */
export async function proposedOpeningIds(db: TDbOrTx, residentId: string): Promise<string[]> {
  const rows = await db
    .select({ openingId: proposals.openingId })
    .from(proposals)
    .where(eq(proposals.residentId, residentId));
  return rows.map((r) => r.openingId);
}

/**
 * Companies' no's within the quarantine (the recent-declines rule), for one company or one
 * resident. The company portal (placements issue) records them on the proposal.
 */
export async function recentDeclines(
  db: TDbOrTx,
  today: string,
  quarantineMonths: number,
  by: { companyId: string } | { residentId: string },
): Promise<TMatchDecline[]> {
  const since = addMonths(today, -quarantineMonths);
  const rows = await db
    .select({
      residentId: proposals.residentId,
      companyId: proposals.companyId,
      occupationId: proposals.occupationId,
      declinedOn: sql<string>`(${proposals.companyDeclinedAt} at time zone 'Europe/Copenhagen')::date::text`,
    })
    .from(proposals)
    .where(
      and(
        isNotNull(proposals.companyDeclinedAt),
        gte(sql`(${proposals.companyDeclinedAt} at time zone 'Europe/Copenhagen')::date`, since),
        'companyId' in by ? eq(proposals.companyId, by.companyId) : eq(proposals.residentId, by.residentId),
      ),
    );
  return rows;
}

/** Area names for the reasons ("Bor i Houlkærvænget"). */
export async function loadAreaNames(db: TDbOrTx): Promise<Record<string, string>> {
  const rows = await db.select({ id: housingAreas.id, name: housingAreas.name }).from(housingAreas);
  return Object.fromEntries(rows.map((r) => [r.id, r.name]));
}

/** The change feed since `fromTxid`, and the snapshot's xmin to start from next time. */
export async function readIndexChanges(
  db: TDbOrTx,
  fromTxid: number,
): Promise<{ xmin: number; changes: { id: number; kind: 'resident' | 'opening'; refId: string }[] }> {
  const result = await db.execute<{
    xmin: string;
    id: string | null;
    kind: 'resident' | 'opening' | null;
    ref_id: string | null;
  }>(sql`
    with s as (select pg_snapshot_xmin(pg_current_snapshot())::text::bigint as xmin)
    select s.xmin::text, c.id::text, c.kind, c.ref_id
    from s left join match_index_changes c on c.txid >= ${fromTxid}
    order by c.id`);
  const xmin = Number(result.rows[0]?.xmin ?? fromTxid);
  const changes = result.rows
    .filter((r) => r.id !== null)
    .map((r) => ({ id: Number(r.id), kind: r.kind!, refId: r.ref_id! }));
  return { xmin, changes };
}

/** Where the feed stands now: a full build reads everything up to here. */
export async function currentXmin(db: TDbOrTx): Promise<number> {
  const result = await db.execute<{ xmin: string }>(
    sql`select pg_snapshot_xmin(pg_current_snapshot())::text::bigint::text as xmin`,
  );
  return Number(result.rows[0]!.xmin);
}

/** Drops feed rows older than a day (the hourly purge). */
export async function purgeIndexChanges(db: TDbOrTx, before: Date): Promise<number> {
  const result = await db.execute(sql`delete from match_index_changes where at < ${before.toISOString()}`);
  return result.rowCount ?? 0;
}
