import type { TOpeningType } from '../opening-types.ts';
import { daysBetween } from '../time.ts';
import { publishedCount } from './bias.ts';
import { goalTrafficLight, KPI_CATALOGUE, type TKpiKey, type TKpiValues, type TTrafficLight } from './kpi.ts';

// A goal's progress (issue 7 item 1), pure: the KPI figures of its partnership and period in, what
// the steering page shows out. The traffic light is always judged on the true value; what is shown
// of the value itself depends on the viewer (aggregate-only viewers never see a count of 1-4, nor
// a rate or median taken over one: "< 5", as the bias and retention reports do it).

/**
 * Share of a goal's period that has passed on `today`, counting whole Danish days and today
 * itself: 0 before the first day, 1 from the last day on.
 */
export function goalElapsedShare(from: string, to: string, today: string): number {
  if (today < from) return 0;
  if (today >= to) return 1;
  return (daysBetween(from, today) + 1) / (daysBetween(from, to) + 1);
}

/** The days measured so far: the period up to today; null before it has begun. */
export function goalMeasuredPeriod(
  from: string,
  to: string,
  today: string,
): { from: string; to: string } | null {
  if (today < from) return null;
  return { from, to: to < today ? to : today };
}

/** What is on track today: a count's target pro-rated to the elapsed share, else the target. */
export function goalExpectedByNow(kpi: TKpiKey, target: number, elapsed: number): number {
  return KPI_CATALOGUE[kpi].accumulates ? target * Math.min(1, Math.max(0, elapsed)) : target;
}

/** A KPI's exact value and the counts it is made of (a count is its own base). */
export interface TKpiMeasure {
  value: number | null;
  /** The counts the value rests on; any of them at 1-4 hides the value from aggregate-only viewers. */
  bases: number[];
}

/** The value of a (non-indicator) KPI in a figure set. */
export function kpiMeasure(
  figures: TKpiValues,
  kpi: Exclude<TKpiKey, 'area_indicator'>,
  openingType: TOpeningType | null,
): TKpiMeasure {
  const b = figures.bases;
  const count = (n: number): TKpiMeasure => ({ value: n, bases: [n] });
  switch (kpi) {
    case 'openings':
    case 'referrals':
    case 'proposals':
    case 'interviews':
    case 'hires':
    case 'apprenticeships':
    case 'leisure_jobs':
    case 'into_education':
      return count(figures[kpi]);
    case 'hires_by_type':
      return openingType ? count(figures.hiresByType[openingType] ?? 0) : { value: null, bases: [] };
    case 'retention_6':
      return { value: figures.retention_6, bases: [b.retention6Due, b.retention6Retained] };
    case 'retention_12':
      return { value: figures.retention_12, bases: [b.retention12Due, b.retention12Retained] };
    case 'median_days_to_referral':
      return { value: figures.median_days_to_referral, bases: [b.timedReferrals] };
    case 'median_days_to_first_proposal':
      return { value: figures.median_days_to_first_proposal, bases: [b.timedFirstProposals] };
    case 'clause_fulfilment':
      // The fulfilled hires are people; the target is a contract's figure, but with the rate it
      // gives the hires away, so both are bases.
      return { value: figures.clause_fulfilment, bases: [b.clauseActual, b.clauseTarget] };
    default: {
      const exhaustive: never = kpi;
      return exhaustive;
    }
  }
}

export interface TGoalProgress {
  actual: number | null;
  actualSuppressed: boolean;
  elapsed: number;
  expectedByNow: number;
  started: boolean;
  trafficLight: TTrafficLight;
}

/**
 * A goal's progress as the viewer sees it. `measure` is the exact value over the period so far
 * (null: nothing measured); `suppress` for aggregate-only viewers (steering, housing staff, the
 * secretariat). The light is computed before anything is hidden, so a hidden "< 5" still says
 * whether the goal is on track.
 */
export function goalProgress(input: {
  kpi: TKpiKey;
  target: number;
  baseline: number | null;
  periodFrom: string;
  periodTo: string;
  today: string;
  measure: TKpiMeasure;
  suppress: boolean;
}): TGoalProgress {
  const elapsed = goalElapsedShare(input.periodFrom, input.periodTo, input.today);
  const started = input.today >= input.periodFrom;
  const value = started ? input.measure.value : null;
  const trafficLight = goalTrafficLight({
    kpi: input.kpi,
    actual: value,
    target: input.target,
    baseline: input.baseline,
    elapsed,
  });
  const hidden =
    input.suppress && value !== null && input.measure.bases.some((n) => publishedCount(n) === null);
  return {
    actual: hidden ? null : value,
    actualSuppressed: hidden,
    elapsed,
    expectedByNow: goalExpectedByNow(input.kpi, input.target, elapsed),
    started,
    trafficLight,
  };
}

/** Traffic lights from worst to best, then unknown: the order a "status" sort shows them in. */
export const TRAFFIC_LIGHT_ORDER: Record<TTrafficLight, number> = { red: 0, yellow: 1, green: 2, unknown: 3 };
