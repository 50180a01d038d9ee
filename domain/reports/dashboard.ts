import { OPENING_TYPES, type TOpeningType } from '../opening-types.ts';
import type { TClauseProgress } from '../rules/clause-progress.ts';
import { median, retentionFigures, type TRetentionPlacement } from './retention.ts';

// The dashboard's figures (issue 7 item 4), pure, so the dashboard, the goals' actuals and the
// partnership reports are the same numbers. The database hands over counts per combination of
// dimensions ("facts"), one row per placement for retention, the durations of the openings of
// the period and the social clauses' progress; everything here adds them up.

/** The funnel, left to right: each step a count of events in the period. */
export const FUNNEL_STEPS = [
  'openings',
  'referrals',
  'proposals',
  'interviews',
  'hires',
  'retained6',
  'retained12',
] as const;
export type TFunnelStep = (typeof FUNNEL_STEPS)[number];

/** What the database counts directly; retention is counted from placements (retention.ts). */
export const FACT_MEASURES = ['openings', 'referrals', 'proposals', 'interviews', 'hires'] as const;
export type TFactMeasure = (typeof FACT_MEASURES)[number];

/** The ways the funnel is broken down. */
export const DASHBOARD_DIMENSIONS = [
  'partnership',
  'municipality',
  'housing_organisation',
  'company',
  'opening_type',
  'month',
] as const;
export type TDashboardDimension = (typeof DASHBOARD_DIMENSIONS)[number];

/** Where an event belongs: the key of each dimension (month: yyyy-mm of the event's Danish day). */
export interface TFactDims {
  partnershipId: string;
  municipalityId: string;
  /** null: the opening (or placement) is tied to no housing organisation. */
  housingOrganisationId: string | null;
  companyId: string;
  openingType: TOpeningType;
  month: string;
}

/** How many events of one measure fell in one combination of dimensions. */
export interface TFunnelFact extends TFactDims {
  measure: TFactMeasure;
  count: number;
}

/** A placement started in the period with its dimensions, as retention counts it. */
export interface TDashboardPlacement extends TRetentionPlacement {
  dims: TFactDims;
}

/** The funnel's counts, and the placements due at 6 and 12 months the retained are out of. */
export interface TFunnel {
  openings: number;
  referrals: number;
  proposals: number;
  interviews: number;
  hires: number;
  retained6: number;
  retained12: number;
  due6: number;
  due12: number;
}

export const EMPTY_FUNNEL: TFunnel = {
  openings: 0,
  referrals: 0,
  proposals: 0,
  interviews: 0,
  hires: 0,
  retained6: 0,
  retained12: 0,
  due6: 0,
  due12: 0,
};

/** The key of a fact or placement in one dimension ('' for "no housing organisation"). */
export function dimensionKey(dims: TFactDims, dimension: TDashboardDimension): string {
  switch (dimension) {
    case 'partnership':
      return dims.partnershipId;
    case 'municipality':
      return dims.municipalityId;
    case 'housing_organisation':
      return dims.housingOrganisationId ?? '';
    case 'company':
      return dims.companyId;
    case 'opening_type':
      return dims.openingType;
    case 'month':
      return dims.month;
    default: {
      const exhaustive: never = dimension;
      return exhaustive;
    }
  }
}

/** The funnel of a set of facts and placements (retention by retentionFigures, on `today`). */
export function assembleFunnel(
  facts: readonly TFunnelFact[],
  placements: readonly TRetentionPlacement[],
  today: string,
): TFunnel {
  const funnel = { ...EMPTY_FUNNEL };
  for (const f of facts) funnel[f.measure] += f.count;
  const r = retentionFigures(placements, today);
  funnel.retained6 = r.at6.retained;
  funnel.retained12 = r.at12.retained;
  funnel.due6 = r.at6.due;
  funnel.due12 = r.at12.due;
  return funnel;
}

/**
 * The funnel per key of one dimension, keys in order (months ascending; the rest as the caller
 * sorts by label). Every key that has any fact or placement is a row.
 */
export function funnelBy(
  facts: readonly TFunnelFact[],
  placements: readonly TDashboardPlacement[],
  today: string,
  dimension: TDashboardDimension,
): { key: string; funnel: TFunnel }[] {
  const factsBy = new Map<string, TFunnelFact[]>();
  const placementsBy = new Map<string, TDashboardPlacement[]>();
  for (const f of facts) {
    const key = dimensionKey(f, dimension);
    factsBy.set(key, [...(factsBy.get(key) ?? []), f]);
  }
  for (const p of placements) {
    const key = dimensionKey(p.dims, dimension);
    placementsBy.set(key, [...(placementsBy.get(key) ?? []), p]);
  }
  const keys = [...new Set([...factsBy.keys(), ...placementsBy.keys()])].sort();
  return keys.map((key) => ({
    key,
    funnel: assembleFunnel(factsBy.get(key) ?? [], placementsBy.get(key) ?? [], today),
  }));
}

/** Every month (yyyy-mm) from the one of `from` to the one of `to`, so a trend has no gaps. */
export function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  let [y, m] = from.slice(0, 7).split('-').map(Number) as [number, number];
  const last = to.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    if (key > last) return months;
    months.push(key);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
}

/** Hires per opening type, every type present (0 when none). */
export function hiresByType(facts: readonly TFunnelFact[]): Record<TOpeningType, number> {
  const byType = Object.fromEntries(OPENING_TYPES.map((t) => [t, 0])) as Record<TOpeningType, number>;
  for (const f of facts) if (f.measure === 'hires') byType[f.openingType] += f.count;
  return byType;
}

/** A median of durations in days, or null without any (retention.ts's median, one definition). */
export function medianDays(days: readonly (number | null)[]): { median: number | null; count: number } {
  const timed = days.filter((d): d is number => d !== null);
  return { median: median(timed), count: timed.length };
}

/**
 * Social clause fulfilment: each clause counts at most its target (an over-fulfilled clause does
 * not make up for a behind one), so sum of min(fulfilled, target) over sum of targets, as percent.
 */
export function clauseFulfilment(clauses: readonly Pick<TClauseProgress, 'target' | 'fulfilled'>[]): {
  target: number;
  actual: number;
  percent: number | null;
} {
  let target = 0;
  let actual = 0;
  for (const c of clauses) {
    target += c.target;
    actual += Math.min(c.fulfilled, c.target);
  }
  return { target, actual, percent: target > 0 ? (actual / target) * 100 : null };
}

/** A rate as percent 0-100, or null when nothing is in the base. */
export function percentOf(part: number, base: number): number | null {
  return base > 0 ? (part / base) * 100 : null;
}

export const DASHBOARD_DIMENSION_LABEL_DA: Record<TDashboardDimension, string> = {
  partnership: 'Partnerskab',
  municipality: 'By (kommune)',
  housing_organisation: 'Boligorganisation',
  company: 'Virksomhed',
  opening_type: 'Type',
  month: 'Måned',
};

/** The label of the housing-organisation row for openings tied to none. */
export const NO_HOUSING_ORGANISATION_DA = 'Uden boligorganisation';

const MONTH_NAMES_DA = [
  'januar',
  'februar',
  'marts',
  'april',
  'maj',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'december',
] as const;

/** "2026-03" → "marts 2026". */
export function monthLabelDa(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${MONTH_NAMES_DA[m - 1] ?? month} ${y}`;
}
