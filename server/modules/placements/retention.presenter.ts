import type { TRetentionFiguresOut } from '@domain/placement.schema.ts';
import { publishedCount } from '@domain/reports/bias.ts';
import type { TRetentionFigures, TRetentionMilestone } from '@domain/reports/retention.ts';

// Retention figures as published. The partnership's own professionals see exact counts (they
// know the people anyway); the secretariat and the steering group see aggregates only, so for
// them every count from 1 to 4 becomes null ("< 5", as the bias report does it) and every figure
// derived from a hidden count — a rate, a median over fewer than 5 hires — is hidden too.

type TMilestoneOut = TRetentionFiguresOut['at6'];

function milestone(m: TRetentionMilestone, suppress: boolean): TMilestoneOut {
  if (!suppress) return { ...m };
  const due = publishedCount(m.due);
  const retained = publishedCount(m.retained);
  return {
    due,
    retained,
    inJob: publishedCount(m.inJob),
    inEducation: publishedCount(m.inEducation),
    missing: publishedCount(m.missing),
    rate: due === null || retained === null ? null : m.rate,
  };
}

/**
 * One group's figures for the viewer. `timedHires` is how many placements the median time to
 * hire is taken over (a median of fewer than 5 is close to one person's own figure).
 */
export function publishFigures(
  f: TRetentionFigures,
  timedHires: number,
  suppress: boolean,
): TRetentionFiguresOut {
  const c = suppress ? publishedCount : (n: number) => n;
  return {
    hires: c(f.hires),
    at6: milestone(f.at6, suppress),
    at12: milestone(f.at12, suppress),
    trials: {
      total: c(f.trials.total),
      job: c(f.trials.job),
      education: c(f.trials.education),
      other: c(f.trials.other),
      pending: c(f.trials.pending),
    },
    medianDaysToHire: suppress && c(timedHires) === null ? null : f.medianDaysToHire,
  };
}
