import type { TOpeningType } from '../opening-types.ts';

// The KPI catalogue (issue 7 item 1): what a steering group can set a goal on, with its unit and
// which way is better. The dashboard computes the same figures (server/modules/dashboard), so a
// goal's actual is exactly the dashboard's number for its partnership and period.

export const KPI_KEYS = [
  'openings',
  'referrals',
  'proposals',
  'interviews',
  'hires',
  'hires_by_type',
  'apprenticeships',
  'leisure_jobs',
  'retention_6',
  'retention_12',
  'into_education',
  'median_days_to_referral',
  'median_days_to_first_proposal',
  'clause_fulfilment',
  'area_indicator',
] as const;
export type TKpiKey = (typeof KPI_KEYS)[number];

/** count: a number of things; percent: 0-100; days: a duration. */
export type TKpiUnit = 'count' | 'percent' | 'days' | 'indicator';

export interface TKpiInfo {
  key: TKpiKey;
  labelDa: string;
  labelEn: string;
  unit: TKpiUnit;
  /** Whether a higher value is better ('up') or a lower ('down'); an indicator goal says so itself. */
  better: 'up' | 'down' | 'by_target';
  /** Counts accumulate over the period: progress is judged against the elapsed share of it. */
  accumulates: boolean;
  /** What else a goal on this KPI must name. */
  needs?: 'opening_type' | 'indicator_and_area';
}

export const KPI_CATALOGUE: Record<TKpiKey, TKpiInfo> = {
  openings: {
    key: 'openings',
    labelDa: 'Jobåbninger',
    labelEn: 'Openings',
    unit: 'count',
    better: 'up',
    accumulates: true,
  },
  referrals: {
    key: 'referrals',
    labelDa: 'Jobåbninger sendt til jobkonsulent og boligsocial medarbejder',
    labelEn: 'Openings referred',
    unit: 'count',
    better: 'up',
    accumulates: true,
  },
  proposals: {
    key: 'proposals',
    labelDa: 'Forslag til virksomheder',
    labelEn: 'Proposals to companies',
    unit: 'count',
    better: 'up',
    accumulates: true,
  },
  interviews: {
    key: 'interviews',
    labelDa: 'Jobsamtaler',
    labelEn: 'Interviews',
    unit: 'count',
    better: 'up',
    accumulates: true,
  },
  hires: {
    key: 'hires',
    labelDa: 'Ansættelser',
    labelEn: 'Hires',
    unit: 'count',
    better: 'up',
    accumulates: true,
  },
  hires_by_type: {
    key: 'hires_by_type',
    labelDa: 'Ansættelser af en bestemt type',
    labelEn: 'Hires of one type',
    unit: 'count',
    better: 'up',
    accumulates: true,
    needs: 'opening_type',
  },
  apprenticeships: {
    key: 'apprenticeships',
    labelDa: 'Lærlinge- og elevpladser besat',
    labelEn: 'Apprenticeships and traineeships filled',
    unit: 'count',
    better: 'up',
    accumulates: true,
  },
  leisure_jobs: {
    key: 'leisure_jobs',
    labelDa: 'Fritidsjob',
    labelEn: 'Leisure jobs',
    unit: 'count',
    better: 'up',
    accumulates: true,
  },
  retention_6: {
    key: 'retention_6',
    labelDa: 'Fastholdt efter 6 måneder',
    labelEn: 'Retained after 6 months',
    unit: 'percent',
    better: 'up',
    accumulates: false,
  },
  retention_12: {
    key: 'retention_12',
    labelDa: 'Fastholdt efter 12 måneder',
    labelEn: 'Retained after 12 months',
    unit: 'percent',
    better: 'up',
    accumulates: false,
  },
  into_education: {
    key: 'into_education',
    labelDa: 'Overgang til uddannelse',
    labelEn: 'Into education',
    unit: 'count',
    better: 'up',
    accumulates: true,
  },
  median_days_to_referral: {
    key: 'median_days_to_referral',
    labelDa: 'Mediantid fra jobåbning til henvisning (dage)',
    labelEn: 'Median time from opening to referral (days)',
    unit: 'days',
    better: 'down',
    accumulates: false,
  },
  median_days_to_first_proposal: {
    key: 'median_days_to_first_proposal',
    labelDa: 'Mediantid fra jobåbning til første forslag (dage)',
    labelEn: 'Median time from opening to first proposal (days)',
    unit: 'days',
    better: 'down',
    accumulates: false,
  },
  clause_fulfilment: {
    key: 'clause_fulfilment',
    labelDa: 'Opfyldelse af sociale klausuler',
    labelEn: 'Social clause fulfilment',
    unit: 'percent',
    better: 'up',
    accumulates: false,
  },
  area_indicator: {
    key: 'area_indicator',
    labelDa: 'Indikator for et boligområde',
    labelEn: 'Indicator of a housing area',
    unit: 'indicator',
    better: 'by_target',
    accumulates: false,
    needs: 'indicator_and_area',
  },
};

export type TTrafficLight = 'green' | 'yellow' | 'red' | 'unknown';

export const TRAFFIC_LIGHT_LABEL_DA: Record<TTrafficLight, string> = {
  green: 'På sporet',
  yellow: 'Tæt på',
  red: 'Bagud',
  unknown: 'Ukendt',
};

/** How close to the target still counts as yellow: within 10 % of the (pro-rated) target. */
export const YELLOW_MARGIN = 0.1;

export interface TGoalProgressInput {
  kpi: TKpiKey;
  actual: number | null;
  target: number;
  /** For 'by_target' KPIs (area indicators): the baseline tells the direction (target above it: up). */
  baseline: number | null;
  /** Share of the goal period that has passed, 0-1 (1 once it has ended). */
  elapsed: number;
}

/**
 * The traffic light of a goal. An accumulating count is judged against the target pro-rated to
 * the elapsed share of the period (half-way through, half the target is on track); a rate, a
 * median or an indicator against the target itself. Green: on or past the mark; yellow: within
 * YELLOW_MARGIN of it; red: further off; unknown: no actual (nothing measured, or hidden).
 */
export function goalTrafficLight(input: TGoalProgressInput): TTrafficLight {
  const { actual, target, baseline, elapsed } = input;
  if (actual === null || !Number.isFinite(actual)) return 'unknown';
  const info = KPI_CATALOGUE[input.kpi];
  const direction =
    info.better === 'by_target' ? (baseline !== null && target < baseline ? 'down' : 'up') : info.better;
  const mark = info.accumulates ? target * Math.min(1, Math.max(0, elapsed)) : target;
  const margin = Math.abs(mark) * YELLOW_MARGIN;
  if (direction === 'up') {
    if (actual >= mark) return 'green';
    return actual >= mark - margin ? 'yellow' : 'red';
  }
  if (actual <= mark) return 'green';
  return actual <= mark + margin ? 'yellow' : 'red';
}

/**
 * A partnership's KPI figures for a period, exact (callers hide small counts for aggregate-only
 * viewers). Computed by server/modules/dashboard/dashboard-figures.ts (kpiValues); the dashboard,
 * goals and reports read this one shape.
 */
export interface TKpiValues {
  /** Openings created in the period (Danish day of created_at). */
  openings: number;
  /** Openings first sent to a job consultant or social worker in the period (opening_referrals). */
  referrals: number;
  /** Proposals created in the period. */
  proposals: number;
  /** Proposals with their interview in the period (proposals.interview_at). */
  interviews: number;
  /** Placements starting in the period, all types. */
  hires: number;
  /** Apprentices and trainees among the hires. */
  apprenticeships: number;
  /** Leisure jobs among the hires. */
  leisure_jobs: number;
  /** People into education in the period, each once (case status, or a placement ended into education). */
  into_education: number;
  /** Hires per placement type. */
  hiresByType: Record<TOpeningType, number>;
  /** Percent 0-100 of the period's hires due at 6 months that were retained (retention.ts); null when none due. */
  retention_6: number | null;
  /** The same at 12 months. */
  retention_12: number | null;
  /** Median days (fractional) from an opening's creation to its first referral, openings created in the period. */
  median_days_to_referral: number | null;
  /** Median days (fractional) from an opening's creation to its first proposal, openings created in the period. */
  median_days_to_first_proposal: number | null;
  /** Percent 0-100: sum of min(fulfilled, target) over sum of targets of the clauses overlapping the period. */
  clause_fulfilment: number | null;
  /** What each rate and median is taken over, so a caller can hide one derived from a small count. */
  bases: {
    retention6Due: number;
    retention6Retained: number;
    retention12Due: number;
    retention12Retained: number;
    timedReferrals: number;
    timedFirstProposals: number;
    clauseTarget: number;
    clauseActual: number;
  };
}
