import { z } from 'zod';
import { OPENING_TYPES, type TOpeningType } from '../opening-types.ts';
import { addDays, addMonths } from '../time.ts';

// The follow-up plan made at a hire (issue 6 item 3; DOMAIN.md "Follow-up after a hire"; seed 001:
// "jobcentret følger løbende op"): check-ins at about 1 week and 1, 3, 6 and 12 months, where the
// 6- and 12-month ones measure retention (still in job or education). A 4-week snusepraktik (seed
// 002, Odense) is followed weekly and ends with its outcome: job, education or other. The defaults
// below are data, per opening type; a partnership may replace a type's schedule (settings).

/** What a check-in measures, besides how things are going. */
export const CHECK_IN_MEASURES = ['retention_6', 'retention_12', 'trial_outcome'] as const;
export type TCheckInMeasure = (typeof CHECK_IN_MEASURES)[number];

/** One planned check-in: when, after the start date, and what it measures. */
export interface TCheckInSpec {
  /** Stable key within a schedule: 'week_1', 'month_6', 'trial_end' … */
  key: string;
  /** Offset from the start date: whole weeks or whole months (months clamp to the month's end). */
  after: { weeks: number } | { months: number };
  measures: TCheckInMeasure | null;
}

export const ZCheckInSpec = z.object({
  key: z.string().regex(/^[a-z0-9_]{1,40}$/, { error: 'Nøglen må kun indeholde a-z, 0-9 og _.' }),
  after: z.union([
    z.object({ weeks: z.number().int().min(0).max(104) }),
    z.object({ months: z.number().int().min(0).max(36) }),
  ]),
  measures: z.enum(CHECK_IN_MEASURES).nullable(),
});

/** A schedule must be in time order, have unique keys and measure each thing at most once. */
export const ZCheckInSchedule = z
  .array(ZCheckInSpec)
  .min(1, { error: 'Mindst én opfølgning.' })
  .max(20, { error: 'Højst 20 opfølgninger.' })
  .superRefine((specs, ctx) => {
    const keys = new Set<string>();
    const measured = new Set<string>();
    for (const [i, s] of specs.entries()) {
      if (keys.has(s.key))
        ctx.addIssue({ code: 'custom', path: [i, 'key'], message: 'Nøglen er brugt før.' });
      keys.add(s.key);
      if (s.measures) {
        if (measured.has(s.measures))
          ctx.addIssue({
            code: 'custom',
            path: [i, 'measures'],
            message: 'Måles allerede i en anden opfølgning.',
          });
        measured.add(s.measures);
      }
    }
  });

const week = (n: number, measures: TCheckInMeasure | null = null): TCheckInSpec => ({
  key: `week_${n}`,
  after: { weeks: n },
  measures,
});
const month = (n: number, measures: TCheckInMeasure | null = null): TCheckInSpec => ({
  key: `month_${n}`,
  after: { months: n },
  measures,
});

/** The standard efterværn: 1 week, 1, 3, 6 and 12 months; retention measured at 6 and 12. */
const STANDARD: readonly TCheckInSpec[] = [
  week(1),
  month(1),
  month(3),
  month(6, 'retention_6'),
  month(12, 'retention_12'),
];

/** A 4-week trial on a building site: every week, and the outcome in the fourth. */
const SITE_TRIAL: readonly TCheckInSpec[] = [week(1), week(2), week(3), week(4, 'trial_outcome')];

/**
 * Virksomhedspraktik usually runs 4-13 weeks: a check after a week and a month, the outcome at
 * the end (the placement's end date when it has one, see followUpPlan).
 */
const WORK_TRIAL: readonly TCheckInSpec[] = [
  week(1),
  month(1),
  { key: 'trial_end', after: { weeks: 13 }, measures: 'trial_outcome' },
];

/** Youth jobs are about first steps, not retention: a check after a week, a month and three. */
const YOUTH: readonly TCheckInSpec[] = [week(1), month(1), month(3)];

/** The documented defaults per opening type. */
export const DEFAULT_FOLLOW_UP_SCHEDULES: Record<TOpeningType, readonly TCheckInSpec[]> = {
  trainee: STANDARD,
  apprentice: STANDARD,
  full_time: STANDARD,
  part_time: STANDARD,
  leisure_job: YOUTH,
  pocket_money_job: YOUTH,
  small_job: STANDARD,
  work_trial: WORK_TRIAL,
  site_trial: SITE_TRIAL,
  wage_subsidy: STANDARD,
  flex_job: STANDARD,
  helper_job: STANDARD,
};

/** A partnership's own schedules for some opening types; the rest keep the defaults. */
export const ZFollowUpSettings = z.object({
  schedules: z.partialRecord(z.enum(OPENING_TYPES), ZCheckInSchedule),
});
export type TFollowUpSettings = z.infer<typeof ZFollowUpSettings>;

export function scheduleFor(
  type: TOpeningType,
  settings?: TFollowUpSettings | null,
): readonly TCheckInSpec[] {
  return settings?.schedules[type] ?? DEFAULT_FOLLOW_UP_SCHEDULES[type];
}

export interface TPlannedCheckIn {
  key: string;
  dueDate: string;
  measures: TCheckInMeasure | null;
}

function offset(start: string, after: TCheckInSpec['after']): string {
  return 'weeks' in after ? addDays(start, after.weeks * 7) : addMonths(start, after.months);
}

/**
 * The check-ins of a placement starting on `startDate`, in date order. A trial's outcome is asked
 * on its last day when the placement has an end date (a 6-week praktik ends after 6 weeks, not
 * 13), and no other check-in of a trial falls after that outcome.
 */
export function followUpPlan(input: {
  type: TOpeningType;
  startDate: string;
  endDate: string | null;
  settings?: TFollowUpSettings | null;
}): TPlannedCheckIn[] {
  const specs = scheduleFor(input.type, input.settings);
  const planned = specs.map((s) => ({
    key: s.key,
    dueDate: offset(input.startDate, s.after),
    measures: s.measures,
  }));
  const outcome = planned.find((p) => p.measures === 'trial_outcome');
  if (outcome && input.endDate) {
    outcome.dueDate = input.endDate;
    return planned
      .filter((p) => p === outcome || p.dueDate < outcome.dueDate)
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  }
  return planned.sort((a, b) => a.dueDate.localeCompare(b.dueDate));
}

/** Danish label of a check-in key: "1 uge", "6 måneder", "Afslutning". */
export function checkInLabelDa(key: string): string {
  const m = /^(week|month)_(\d+)$/.exec(key);
  if (m) {
    const n = Number(m[2]);
    return m[1] === 'week' ? `${n} ${n === 1 ? 'uge' : 'uger'}` : `${n} ${n === 1 ? 'måned' : 'måneder'}`;
  }
  if (key === 'trial_end') return 'Afslutning af praktik';
  if (key === 'extra') return 'Ekstra opfølgning';
  return key;
}
