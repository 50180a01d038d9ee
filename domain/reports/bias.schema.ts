import { z } from 'zod';
import { optionalField, ZIsoDate, ZUuid } from '../common.schema.ts';
import { addDays, addMonths } from '../time.ts';

// The bias report (issue 5 item 7): per partnership and period, how often residents are proposed
// and hired, by housing area, age band and self-reported gender, with the four-fifths rule.
// The rules themselves (who counts, suppression, the flag) are in bias.ts; this file holds the
// query and the response as the API and the client share them.

export const BIAS_DIMENSIONS = ['area', 'age_band', 'gender'] as const;
export type TBiasDimension = (typeof BIAS_DIMENSIONS)[number];

export const BIAS_REPORT_FORMATS = ['json', 'xlsx', 'csv'] as const;
export type TBiasReportFormat = (typeof BIAS_REPORT_FORMATS)[number];

/** The longest period one report covers. */
export const MAX_BIAS_PERIOD_YEARS = 5;

/** The default period: the 12 months up to and including `today`. */
export function defaultBiasPeriod(today: string): { from: string; to: string } {
  return { from: addDays(addMonths(today, -12), 1), to: today };
}

/** What is wrong with a period, as a field and its Danish message; null when it is fine. */
export function biasPeriodProblem(
  from: string,
  to: string,
): { field: 'from' | 'to'; message: string } | null {
  if (from > to) return { field: 'to', message: 'Slutdatoen skal ligge på eller efter startdatoen.' };
  if (to >= addMonths(from, MAX_BIAS_PERIOD_YEARS * 12)) {
    return { field: 'to', message: `Perioden må højst være ${MAX_BIAS_PERIOD_YEARS} år.` };
  }
  return null;
}

export const ZBiasReportQuery = z
  .object({
    /** Required for the secretariat; others default to the one partnership they work in. */
    partnershipId: optionalField(ZUuid),
    /** Copenhagen days, both included; default the last 12 months. */
    from: optionalField(ZIsoDate),
    to: optionalField(ZIsoDate),
    format: z
      .enum(BIAS_REPORT_FORMATS, { error: 'Ukendt format: vælg json, xlsx eller csv.' })
      .default('json'),
  })
  .superRefine((q, ctx) => {
    if (!q.from || !q.to) return;
    const problem = biasPeriodProblem(q.from, q.to);
    if (problem) ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.message });
  });
export type TBiasReportQuery = z.infer<typeof ZBiasReportQuery>;

/**
 * A count as published: 0 or at least 5; 1-4 becomes null ("< 5"). The schema refuses anything
 * else, so a bug upstream fails the response rather than leaking a small count.
 */
const ZPublishedCount = z
  .number()
  .int()
  .nullable()
  .refine((n) => n === null || n === 0 || n >= 5, { error: 'Et lille antal må ikke vises.' });

export const ZBiasGroup = z.object({
  key: z.string(),
  /** Danish label (area name, "25-29 år", "Kvinde"). */
  label: z.string(),
  population: ZPublishedCount,
  proposed: ZPublishedCount,
  hired: ZPublishedCount,
  /** proposed / population, 0-1; null when a count behind it is suppressed or the base is 0. */
  proposalRate: z.number().min(0).max(1).nullable(),
  /** hired / proposed, 0-1; null likewise. */
  hireRate: z.number().min(0).max(1).nullable(),
  /** The rate divided by the reference group's (the highest), when both are shown. */
  proposalRatio: z.number().min(0).nullable(),
  hireRatio: z.number().min(0).nullable(),
  /** At least one of the group's counts is under 5 and not shown. */
  suppressed: z.boolean(),
  /** The rate is below 4/5 of the highest group's rate ("Under 4/5 af den højeste gruppe"). */
  fourFifthsFlag: z.object({ proposal: z.boolean(), hire: z.boolean() }),
});
export type TBiasGroup = z.infer<typeof ZBiasGroup>;

export const ZBiasDimensionReport = z.object({
  dimension: z.enum(BIAS_DIMENSIONS),
  label: z.string(),
  groups: z.array(ZBiasGroup),
  /** The group with the highest shown rate, per rate; null when no group's rate is shown. */
  referenceGroup: z.object({ proposal: z.string().nullable(), hire: z.string().nullable() }),
});
export type TBiasDimensionReport = z.infer<typeof ZBiasDimensionReport>;

export const ZBiasDefinitions = z.object({
  /** Counts from 1 to minCount - 1 are suppressed. */
  minCount: z.number().int(),
  /** The four-fifths threshold: 0.8. */
  fourFifths: z.number(),
  /** Ages are taken on this day (the period's end). */
  ageOn: ZIsoDate,
  ageBands: z.array(z.object({ key: z.string(), label: z.string() })),
  /** The definitions in plain Danish, in reading order. */
  texts: z.array(z.object({ term: z.string(), text: z.string() })),
});
export type TBiasDefinitions = z.infer<typeof ZBiasDefinitions>;

export const ZBiasReport = z.object({
  period: z.object({ from: ZIsoDate, to: ZIsoDate }),
  partnership: z.object({ id: ZUuid, name: z.string() }),
  /** No one in the population was proposed in the period: nothing to compare yet. */
  empty: z.boolean(),
  dimensions: z.array(ZBiasDimensionReport),
  definitions: ZBiasDefinitions,
});
export type TBiasReport = z.infer<typeof ZBiasReport>;
