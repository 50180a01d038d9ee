// Progress of a social clause (issue 3 item 5): how much of the target is fulfilled, how much
// should be by today if the work were spread evenly over the clause's period (pro rata), and
// whether the clause is on track, behind or met. Pure, so the assignment page, the company page,
// the scheduled "behind" check and the steering reports all agree.

export const CLAUSE_STATUSES = ['not_started', 'on_track', 'behind', 'met'] as const;
export type TClauseStatus = (typeof CLAUSE_STATUSES)[number];

export interface TClauseProgressInput {
  target: number;
  fulfilled: number;
  /** yyyy-mm-dd, inclusive. */
  periodStart: string;
  /** yyyy-mm-dd, inclusive. */
  periodEnd: string;
  /** Today's date in Copenhagen, yyyy-mm-dd. */
  today: string;
}

export interface TClauseProgress {
  target: number;
  fulfilled: number;
  /** Share of the period that has passed, 0-1. */
  elapsedShare: number;
  /** What should be fulfilled by today, pro rata (a fraction; shown with one decimal). */
  expectedByToday: number;
  /** fulfilled / target, capped at 1. */
  fulfilledShare: number;
  status: TClauseStatus;
}

const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;

/**
 * A clause is behind when a whole unit that was due by now pro rata is missing
 * (fulfilled < floor(expected)): three apprentices over a year are not behind with none in month
 * two (0.5 expected), but are in month five (1.25 expected). After the period, anything short of
 * the target is behind.
 */
export function clauseProgress(input: TClauseProgressInput): TClauseProgress {
  const { target, fulfilled, periodStart, periodEnd, today } = input;
  const start = dayNumber(periodStart);
  const end = dayNumber(periodEnd);
  const now = dayNumber(today);
  // Both ends inclusive: on the last day the whole period has passed.
  const length = end - start + 1;
  const elapsedShare = length <= 0 ? 1 : Math.min(1, Math.max(0, (now - start + 1) / length));
  const expectedByToday = Math.round(target * elapsedShare * 100) / 100;
  const fulfilledShare = target <= 0 ? 1 : Math.min(1, fulfilled / target);
  let status: TClauseStatus;
  if (fulfilled >= target) status = 'met';
  else if (now < start) status = 'not_started';
  else if (fulfilled < Math.floor(target * elapsedShare + 1e-9)) status = 'behind';
  else status = 'on_track';
  return { target, fulfilled, elapsedShare, expectedByToday, fulfilledShare, status };
}
