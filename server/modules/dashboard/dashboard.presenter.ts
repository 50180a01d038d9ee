import { publishedCount } from '@domain/reports/bias.ts';
import type { TDashboardFunnel } from '@domain/reports/dashboard.schema.ts';
import { percentOf, type TFunnel } from '@domain/reports/dashboard.ts';

// The dashboard's figures as published, the way retention.presenter.ts does it: the
// partnership's own professionals see exact counts (they know the people anyway); the
// secretariat, the steering group and housing staff see aggregates only, so for them every count
// from 1 to 4 becomes null ("< 5") and every figure derived from a hidden count — a rate, a median
// over fewer than 5 openings, a fulfilment over a handful of hires — is hidden too.

export type TCountOut = number | null;

/** A count for the viewer. */
export function countFor(n: number, suppress: boolean): TCountOut {
  return suppress ? publishedCount(n) : n;
}

/** A percentage of part / base, hidden when either count is hidden. */
function rateFor(part: number, base: number, suppress: boolean): number | null {
  if (countFor(part, suppress) === null || countFor(base, suppress) === null) return null;
  return percentOf(part, base);
}

export function publishFunnel(f: TFunnel, suppress: boolean): TDashboardFunnel {
  const c = (n: number) => countFor(n, suppress);
  return {
    openings: c(f.openings),
    referrals: c(f.referrals),
    proposals: c(f.proposals),
    interviews: c(f.interviews),
    hires: c(f.hires),
    retained6: c(f.retained6),
    retained12: c(f.retained12),
    due6: c(f.due6),
    due12: c(f.due12),
    retention6Rate: rateFor(f.retained6, f.due6, suppress),
    retention12Rate: rateFor(f.retained12, f.due12, suppress),
  };
}

/** A median over `count` openings: hidden with its count. */
export function publishMedian(median: number | null, count: number, suppress: boolean) {
  const openings = countFor(count, suppress);
  return { days: openings === null ? null : median, openings };
}

/** Clause fulfilment: hidden when the fulfilled quantity or the target is a hidden count. */
export function publishClauses(
  c: { target: number; actual: number; percent: number | null },
  suppress: boolean,
) {
  const target = countFor(c.target, suppress);
  const fulfilled = countFor(c.actual, suppress);
  return { percent: target === null || fulfilled === null ? null : c.percent, target, fulfilled };
}
