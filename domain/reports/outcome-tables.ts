import { BENEFIT_GROUP_LABEL_DA, BENEFIT_GROUPS, type TBenefitGroup } from '../resident.schema.ts';
import { addDays, danishLocalToUtc } from '../time.ts';

// The outcome tables of seed 002, computed from Jobbro's own records (issue 7 item 5). Pure: the
// repository hands over rows, these functions count. Definitions, written down once:
//
// - A resident's case state at an instant is their latest case-change row at or before it
//   (resident_case_changes: the first row is the registration, then one row per change of status,
//   benefit group or area). Rows at the same instant are applied in the order given.
// - An *active case* is a state with status active or paused whose area is one of the
//   partnership's areas (a person who moves out of the areas leaves the table, as a "fraflytter").
// - Movement by benefit group (Sundparken): per group, the active cases at the start of the period
//   (baseline), the transitions into the group's active state during it (new), the transitions
//   out (closed: another group, a job, education, moved, closed, no benefit), net = new − closed,
//   and the active cases at the end (status). status = baseline + net for every group, always.
//   A case without a benefit group, or with none (selvforsørget), is in no group.
// - The period runs from 00.00 Danish time on its first day to 24.00 on its last day.

/** The statuses that make an open jobcenter case. */
export const ACTIVE_CASE_STATUSES: readonly string[] = ['active', 'paused'];

/** The groups of the movement table, in the seed's order; "none" (no benefit) is no group. */
export const MOVEMENT_GROUPS: readonly TBenefitGroup[] = BENEFIT_GROUPS.filter((g) => g !== 'none');

/** Groups the seed leaves out of its total ("I alt (ekskl. førtidspension og fleksjob)"). */
export const MOVEMENT_TOTAL_EXCLUDED: readonly TBenefitGroup[] = ['foertidspension', 'fleksjob'];
export const MOVEMENT_TOTAL_LABEL_DA = 'I alt (ekskl. førtidspension og fleksjob)';

export interface TCaseChange {
  residentId: string;
  changedAt: Date;
  status: string;
  benefitGroup: string | null;
  housingAreaId: string | null;
}

export interface TMovementCounts {
  baseline: number;
  new: number;
  closed: number;
  /** new − closed. */
  net: number;
  status: number;
}

export interface TMovementRow extends TMovementCounts {
  group: TBenefitGroup;
  label: string;
  /** Whether the row counts in the total. */
  inTotal: boolean;
}

export interface TMovementTable {
  rows: TMovementRow[];
  total: TMovementCounts;
}

/** The instants a period of Danish days covers: [start, end). */
export function periodInstants(from: string, to: string): { start: Date; end: Date } {
  return { start: danishLocalToUtc(from, '00:00'), end: danishLocalToUtc(addDays(to, 1), '00:00') };
}

/** The instant a Danish day ends (24.00, i.e. 00.00 the next day). */
export function endOfDanishDay(day: string): Date {
  return danishLocalToUtc(addDays(day, 1), '00:00');
}

/** Each resident's rows in time order (rows at the same instant keep their given order). */
function historiesOf(changes: readonly TCaseChange[]): TCaseChange[][] {
  const byResident = new Map<string, { row: TCaseChange; index: number }[]>();
  changes.forEach((row, index) => {
    const list = byResident.get(row.residentId);
    if (list) list.push({ row, index });
    else byResident.set(row.residentId, [{ row, index }]);
  });
  return [...byResident.values()].map((list) =>
    list
      .sort((a, b) => a.row.changedAt.getTime() - b.row.changedAt.getTime() || a.index - b.index)
      .map((x) => x.row),
  );
}

function isActiveIn(row: TCaseChange, areas: ReadonlySet<string>): boolean {
  return (
    ACTIVE_CASE_STATUSES.includes(row.status) && row.housingAreaId !== null && areas.has(row.housingAreaId)
  );
}

/** The movement table's group of a state: an active case in the areas with a benefit group, else null. */
function movementGroupOf(row: TCaseChange | null, areas: ReadonlySet<string>): TBenefitGroup | null {
  if (!row || !isActiveIn(row, areas)) return null;
  const group = row.benefitGroup as TBenefitGroup | null;
  return group && MOVEMENT_GROUPS.includes(group) ? group : null;
}

/**
 * Movement by benefit group over [start, end) (the Sundparken table): baseline, new, closed, net
 * and status per group, and the total over the groups the seed totals.
 */
export function movementByBenefitGroup(
  changes: readonly TCaseChange[],
  period: { start: Date; end: Date },
  areaIds: Iterable<string>,
): TMovementTable {
  const areas = new Set(areaIds);
  const start = period.start.getTime();
  const end = period.end.getTime();
  const counts = new Map<TBenefitGroup, Omit<TMovementCounts, 'net'>>(
    MOVEMENT_GROUPS.map((g) => [g, { baseline: 0, new: 0, closed: 0, status: 0 }]),
  );
  const bump = (group: TBenefitGroup | null, field: 'baseline' | 'new' | 'closed' | 'status') => {
    if (group) counts.get(group)![field] += 1;
  };
  for (const history of historiesOf(changes)) {
    let state: TBenefitGroup | null = null;
    let i = 0;
    for (; i < history.length && history[i]!.changedAt.getTime() < start; i++) {
      state = movementGroupOf(history[i]!, areas);
    }
    bump(state, 'baseline');
    for (; i < history.length && history[i]!.changedAt.getTime() < end; i++) {
      const next = movementGroupOf(history[i]!, areas);
      if (next === state) continue;
      bump(state, 'closed');
      bump(next, 'new');
      state = next;
    }
    bump(state, 'status');
  }
  const rows: TMovementRow[] = MOVEMENT_GROUPS.map((group) => {
    const c = counts.get(group)!;
    return {
      group,
      label: BENEFIT_GROUP_LABEL_DA[group],
      ...c,
      net: c.new - c.closed,
      inTotal: !MOVEMENT_TOTAL_EXCLUDED.includes(group),
    };
  });
  const total: TMovementCounts = { baseline: 0, new: 0, closed: 0, net: 0, status: 0 };
  for (const r of rows) {
    if (!r.inTotal) continue;
    total.baseline += r.baseline;
    total.new += r.new;
    total.closed += r.closed;
    total.net += r.net;
    total.status += r.status;
  }
  return { rows, total };
}

/**
 * Active cases (any benefit group) per area at an instant, e.g. the end of a day: each resident's
 * latest row before it.
 */
export function activeCasesAt(
  changes: readonly TCaseChange[],
  at: Date,
  areaIds: Iterable<string>,
): Map<string, number> {
  const areas = new Set(areaIds);
  const byArea = new Map<string, number>([...areas].map((a) => [a, 0]));
  const t = at.getTime();
  for (const history of historiesOf(changes)) {
    let state: TCaseChange | null = null;
    for (const row of history) {
      if (row.changedAt.getTime() >= t) break;
      state = row;
    }
    if (state && isActiveIn(state, areas)) {
      byArea.set(state.housingAreaId!, (byArea.get(state.housingAreaId!) ?? 0) + 1);
    }
  }
  return byArea;
}

/** A calendar year of the period, cut to the period: the Greve and Aalborg tables' columns. */
export interface TYearWindow {
  year: number;
  /** yyyy-mm-dd: 1 January, or the period's first day in its first year. */
  from: string;
  /** yyyy-mm-dd: 31 December, or the period's last day in its last year. */
  to: string;
}

/** Every calendar year the period overlaps, each cut to the period. */
export function yearWindows(from: string, to: string): TYearWindow[] {
  const windows: TYearWindow[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    const yearFrom = `${year}-01-01`;
    const yearTo = `${year}-12-31`;
    windows.push({ year, from: from > yearFrom ? from : yearFrom, to: to < yearTo ? to : yearTo });
  }
  return windows;
}

/** A counselling session: a note of kind "counselling", or a screening (a conversation with the person). */
export interface TCounsellingSession {
  residentId: string;
  /** The Danish day it took place. */
  day: string;
}

/** A trial placement (virksomhedspraktik or snusepraktik) as the activity table counts it. */
export interface TTrialStart {
  /** The resident, or the placement itself when it was recorded without one. */
  personKey: string;
  startDate: string;
}

export interface TActivityYear {
  year: number;
  from: string;
  to: string;
  /** Unique residents with at least one counselling session. */
  counselled: number;
  sessions: number;
  /** Unique residents who started a trial placement. */
  trials: number;
  intoEducation: number;
  intoWork: number;
}

/**
 * The yearly activity table (Greve): per year window, residents counselled, sessions, residents
 * started in a trial, and — from the KPI figures, so they agree with the dashboard — into
 * education and into work.
 */
export function yearlyActivity(input: {
  windows: readonly TYearWindow[];
  sessions: readonly TCounsellingSession[];
  trials: readonly TTrialStart[];
  outcomes: ReadonlyMap<number, { intoEducation: number; intoWork: number }>;
}): TActivityYear[] {
  return input.windows.map((w) => {
    const inWindow = (day: string) => day >= w.from && day <= w.to;
    const sessions = input.sessions.filter((s) => inWindow(s.day));
    const trials = input.trials.filter((p) => inWindow(p.startDate));
    const outcome = input.outcomes.get(w.year) ?? { intoEducation: 0, intoWork: 0 };
    return {
      year: w.year,
      from: w.from,
      to: w.to,
      counselled: new Set(sessions.map((s) => s.residentId)).size,
      sessions: sessions.length,
      trials: new Set(trials.map((p) => p.personKey)).size,
      intoEducation: outcome.intoEducation,
      intoWork: outcome.intoWork,
    };
  });
}

/** An area's residents in a year (the area indicator "residents"). */
export interface TAreaResidents {
  areaId: string;
  year: number;
  value: number;
}

export interface TActiveCasesYear {
  year: number;
  /** The day the cases are counted on: 31 December, or the period's last day in its last year. */
  measuredOn: string;
  /** Active cases in all the partnership's areas. */
  cases: number;
  /** Residents of the areas that have a figure for the year; null when none has. */
  residents: number | null;
  /** Active cases in those areas. */
  casesInAreasWithResidents: number;
  /** casesInAreasWithResidents / residents (0-1); null without a residents figure. */
  share: number | null;
  areasWithResidents: number;
  areas: number;
}

/**
 * Active jobcenter cases per year (Aalborg): the residents with an active case at the end of each
 * year window, and their share of the residents of the areas that have a residents figure for the
 * year (the share is taken over those areas only, so numerator and denominator are the same people).
 */
export function activeCasesByYear(
  changes: readonly TCaseChange[],
  windows: readonly TYearWindow[],
  areaIds: readonly string[],
  residents: readonly TAreaResidents[],
): TActiveCasesYear[] {
  return windows.map((w) => {
    const byArea = activeCasesAt(changes, endOfDanishDay(w.to), areaIds);
    const figures = residents.filter((r) => r.year === w.year && byArea.has(r.areaId));
    const withFigure = new Set(figures.map((r) => r.areaId));
    const residentsSum = figures.length > 0 ? figures.reduce((sum, r) => sum + r.value, 0) : null;
    const casesWith = [...byArea].reduce((sum, [area, n]) => sum + (withFigure.has(area) ? n : 0), 0);
    return {
      year: w.year,
      measuredOn: w.to,
      cases: [...byArea.values()].reduce((sum, n) => sum + n, 0),
      residents: residentsSum,
      casesInAreasWithResidents: casesWith,
      share: residentsSum !== null && residentsSum > 0 ? casesWith / residentsSum : null,
      areasWithResidents: withFigure.size,
      areas: byArea.size,
    };
  });
}
