import type { TReportRun } from '@domain/reports/report.schema.ts';

// The reports page's pure helpers: the default period, and when a run is still being built (so
// its progress is polled every second).

export const REPORTS_PATH = '/api/reports';
/** How often a run being built is asked for its progress. */
export const POLL_MS = 1000;

/** The default period: this year up to today. */
export function defaultReportPeriod(today: string): { from: string; to: string } {
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

export const isUnfinished = (run: Pick<TReportRun, 'status'>) =>
  run.status === 'queued' || run.status === 'running';

/** TanStack Query's refetchInterval for a run: every second until it is done or has failed. */
export function pollInterval(run: Pick<TReportRun, 'status'> | undefined): number | false {
  return !run || isUnfinished(run) ? POLL_MS : false;
}
