import type { ZRetentionMilestone, ZRetentionRow } from '@domain/placement.schema.ts';
import type { z } from 'zod';

// Pure helpers of the retention page (issue 6 item 4): Danish numbers (DOMAIN.md: percentages
// with one decimal), the "< 5" of suppressed counts, shares of trial outcomes, the chart's rows.

export const RETENTION_PATH = '/api/placements/retention';

type TMilestone = z.infer<typeof ZRetentionMilestone>;
type TRow = z.infer<typeof ZRetentionRow>;

const percentFormat = new Intl.NumberFormat('da-DK', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const countFormat = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 0 });
const daysFormat = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1 });

/** 2/3 → "66,7 %"; no rate (nothing due, or hidden) → "–". */
export function formatRetentionRate(rate: number | null): string {
  return rate === null ? '–' : `${percentFormat.format(rate * 100)} %`;
}

/** A published count: null (suppressed, 1-4) → "< 5"; 1234 → "1.234". */
export function formatRetentionCount(n: number | null): string {
  return n === null ? '< 5' : countFormat.format(n);
}

/** Median days to hire: 12 → "12", 12.5 → "12,5", none → "–". */
export function formatMedianDays(days: number | null): string {
  return days === null ? '–' : daysFormat.format(days);
}

/** "2 af 3" under a rate; null when nothing is due yet (no figure to explain). */
export function milestoneCounts(m: TMilestone): { retained: string; due: string } | null {
  if (m.due === 0) return null;
  return { retained: formatRetentionCount(m.retained), due: formatRetentionCount(m.due) };
}

/** A rate as a percentage with one decimal, for the chart (null stays null: no bar). */
function percentOf(rate: number | null): number | null {
  return rate === null ? null : Math.round(rate * 1000) / 10;
}

export interface TRetentionChartRow {
  label: string;
  at6: number | null;
  at12: number | null;
}

/**
 * The chart's rows: one per group with a rate to show (groups with nothing due at either
 * milestone, e.g. trials, have no bars and are left out of the chart; the table keeps them).
 */
export function retentionChartRows(
  rows: readonly TRow[],
  labelOf: (row: TRow) => string,
): TRetentionChartRow[] {
  return rows
    .map((r) => ({
      label: labelOf(r),
      at6: percentOf(r.figures.at6.rate),
      at12: percentOf(r.figures.at12.rate),
    }))
    .filter((r) => r.at6 !== null || r.at12 !== null);
}

export const TRIAL_KEYS = ['job', 'education', 'other', 'pending'] as const;
export type TTrialKey = (typeof TRIAL_KEYS)[number];

/** Each trial outcome with its share of all trials ("33,3 %"), or "–" where a count is hidden. */
export function trialShares(
  trials: TRow['figures']['trials'],
): { key: TTrialKey; count: string; share: string }[] {
  return TRIAL_KEYS.map((key) => {
    const n = trials[key];
    const share = n === null || trials.total === null || trials.total === 0 ? null : n / trials.total;
    return { key, count: formatRetentionCount(n), share: formatRetentionRate(share) };
  });
}

/** Whether any group of a table has trials (the trial columns are shown only then). */
export function hasTrials(rows: readonly TRow[]): boolean {
  return rows.some((r) => r.figures.trials.total !== 0);
}
