import type { TOpeningType } from '../opening-types.ts';
import { addMonths, daysBetween } from '../time.ts';

// Retention after a hire (issue 6 item 4; seed 002, Aabenraa: 200 into jobs → 100 after 6 months
// → 80 after a year). Pure, so the placements page, the steering dashboard and the reports agree.
//
// The definition, written down once:
// - A placement is *due* at 6 (12) months when its start date plus 6 (12) months is today or
//   earlier. Trials (snusepraktik, virksomhedspraktik) are not hires: they count by their outcome.
// - It is *retained* when the 6 (12) month check-in recorded "in job" or "in education".
// - The rate is retained / due. A due placement without a recorded outcome counts as not
//   retained and is shown as "missing": a follow-up not done is not a success.

export const RETENTION_OUTCOMES = ['in_job', 'in_education', 'neither', 'unknown'] as const;
export type TRetentionOutcome = (typeof RETENTION_OUTCOMES)[number];

export const TRIAL_OUTCOMES = ['job', 'education', 'other'] as const;
export type TTrialOutcome = (typeof TRIAL_OUTCOMES)[number];

/** Opening types that are trials: counted by their outcome, not by retention. */
export const TRIAL_TYPES: readonly TOpeningType[] = ['site_trial', 'work_trial'];

export interface TRetentionPlacement {
  partnershipId: string;
  companyId: string;
  type: TOpeningType;
  startDate: string;
  outcome6: TRetentionOutcome | null;
  outcome12: TRetentionOutcome | null;
  trialOutcome: TTrialOutcome | null;
  /** Days from the opening's creation to the hire (null when the placement had no opening). */
  daysToHire: number | null;
}

export interface TRetentionMilestone {
  /** Placements whose milestone date has passed. */
  due: number;
  /** Of those, recorded "in job" or "in education". */
  retained: number;
  inJob: number;
  inEducation: number;
  /** Due, but no outcome recorded yet. */
  missing: number;
  /** retained / due, or null when none is due. */
  rate: number | null;
}

export interface TRetentionFigures {
  /** Hires (trials excluded). */
  hires: number;
  at6: TRetentionMilestone;
  at12: TRetentionMilestone;
  trials: { total: number; job: number; education: number; other: number; pending: number };
  /** Median days from opening to hire, or null without data. */
  medianDaysToHire: number | null;
}

const isRetained = (o: TRetentionOutcome | null) => o === 'in_job' || o === 'in_education';

function milestone(
  placements: readonly TRetentionPlacement[],
  today: string,
  months: 6 | 12,
): TRetentionMilestone {
  const due = placements.filter((p) => addMonths(p.startDate, months) <= today);
  const outcomeOf = (p: TRetentionPlacement) => (months === 6 ? p.outcome6 : p.outcome12);
  const retained = due.filter((p) => isRetained(outcomeOf(p))).length;
  return {
    due: due.length,
    retained,
    inJob: due.filter((p) => outcomeOf(p) === 'in_job').length,
    inEducation: due.filter((p) => outcomeOf(p) === 'in_education').length,
    missing: due.filter((p) => outcomeOf(p) === null).length,
    rate: due.length === 0 ? null : retained / due.length,
  };
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The figures of one group of placements on a given day. */
export function retentionFigures(
  placements: readonly TRetentionPlacement[],
  today: string,
): TRetentionFigures {
  const hires = placements.filter((p) => !TRIAL_TYPES.includes(p.type));
  const trials = placements.filter((p) => TRIAL_TYPES.includes(p.type));
  return {
    hires: hires.length,
    at6: milestone(hires, today, 6),
    at12: milestone(hires, today, 12),
    trials: {
      total: trials.length,
      job: trials.filter((p) => p.trialOutcome === 'job').length,
      education: trials.filter((p) => p.trialOutcome === 'education').length,
      other: trials.filter((p) => p.trialOutcome === 'other').length,
      pending: trials.filter((p) => p.trialOutcome === null).length,
    },
    medianDaysToHire: median(placements.map((p) => p.daysToHire).filter((d): d is number => d !== null)),
  };
}

export type TRetentionDimension = 'partnership' | 'company' | 'type';

/** The figures per value of one dimension (partnership, company or opening type), keys sorted. */
export function retentionBy(
  placements: readonly TRetentionPlacement[],
  today: string,
  dimension: TRetentionDimension,
): { key: string; figures: TRetentionFigures }[] {
  const keyOf = (p: TRetentionPlacement) =>
    dimension === 'partnership' ? p.partnershipId : dimension === 'company' ? p.companyId : p.type;
  const groups = new Map<string, TRetentionPlacement[]>();
  for (const p of placements) {
    const key = keyOf(p);
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, group]) => ({ key, figures: retentionFigures(group, today) }));
}

/** Whole days between an opening's creation day and the hire day (never negative). */
export function daysToHire(openingCreatedDay: string, hiredDay: string): number {
  return Math.max(0, daysBetween(openingCreatedDay, hiredDay));
}
