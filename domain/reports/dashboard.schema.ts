import { z } from 'zod';
import { optionalField, ZIsoDate, ZUuid } from '../common.schema.ts';
import { ZOpeningType } from '../opening-types.ts';
import { ZGoal } from '../steering.schema.ts';
import { addDays, addMonths } from '../time.ts';
import { DASHBOARD_DIMENSIONS } from './dashboard.ts';

// The steering dashboard (issue 7 item 4): the query and the response the API and the client
// share. The figures are defined in server/modules/dashboard/dashboard-figures.ts and added up in
// dashboard.ts; small counts are hidden for aggregate-only viewers before anything leaves the server.

/** The default period: the 12 months up to and including `today`. */
export const DASHBOARD_DEFAULT_MONTHS = 12;
/** The longest period one dashboard covers (its monthly trend stays readable). */
export const MAX_DASHBOARD_PERIOD_YEARS = 5;
/** The smallest count shown to aggregate-only viewers (domain/reports/bias.ts). */
export const DASHBOARD_MIN_COUNT = 5;

export function defaultDashboardPeriod(today: string): { from: string; to: string } {
  return { from: addDays(addMonths(today, -DASHBOARD_DEFAULT_MONTHS), 1), to: today };
}

/** What is wrong with a period, as a field and its Danish message; null when it is fine. */
export function dashboardPeriodProblem(
  from: string,
  to: string,
): { field: 'from' | 'to'; message: string } | null {
  if (from > to) return { field: 'to', message: 'Slutdatoen skal ligge på eller efter startdatoen.' };
  if (to >= addMonths(from, MAX_DASHBOARD_PERIOD_YEARS * 12)) {
    return { field: 'to', message: `Perioden må højst være ${MAX_DASHBOARD_PERIOD_YEARS} år.` };
  }
  return null;
}

export const ZDashboardQuery = z
  .object({
    /** Omitted: every partnership the viewer may see figures of. */
    partnershipId: optionalField(ZUuid),
    /** Copenhagen days, both included; default the last 12 months up to today. */
    from: optionalField(ZIsoDate),
    to: optionalField(ZIsoDate),
    /** City: the municipality of the opening's housing area, else its partnership's. */
    municipalityId: optionalField(ZUuid),
    housingOrganisationId: optionalField(ZUuid),
    companyId: optionalField(ZUuid),
    openingType: optionalField(ZOpeningType),
  })
  .superRefine((q, ctx) => {
    if (!q.from || !q.to) return;
    const problem = dashboardPeriodProblem(q.from, q.to);
    if (problem) ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.message });
  });
export type TDashboardQuery = z.infer<typeof ZDashboardQuery>;

/**
 * A count as published: exact for the partnership's own professionals; for everyone else 0 or at
 * least 5, and 1-4 is null ("< 5"). The schema refuses a small count in a suppressed response.
 */
const ZCount = z.number().int().min(0).nullable();
/** A share in percent 0-100, or null when its base is empty or hidden. */
const ZPercent = z.number().min(0).max(100).nullable();

export const ZDashboardFunnel = z.object({
  openings: ZCount,
  referrals: ZCount,
  proposals: ZCount,
  interviews: ZCount,
  hires: ZCount,
  retained6: ZCount,
  retained12: ZCount,
  /** Hires (trials excluded) that have reached 6 (12) months: what retained is out of. */
  due6: ZCount,
  due12: ZCount,
  retention6Rate: ZPercent,
  retention12Rate: ZPercent,
});
export type TDashboardFunnel = z.infer<typeof ZDashboardFunnel>;

export const ZDashboardRow = z.object({
  key: z.string(),
  label: z.string(),
  funnel: ZDashboardFunnel,
});
export type TDashboardRow = z.infer<typeof ZDashboardRow>;

export const ZDashboardBreakdown = z.object({
  dimension: z.enum(DASHBOARD_DIMENSIONS),
  /** Danish name of the dimension ("Virksomhed"). */
  label: z.string(),
  rows: z.array(ZDashboardRow),
});
export type TDashboardBreakdown = z.infer<typeof ZDashboardBreakdown>;

const ZMedian = z.object({
  /** Days (fractional); null without timed openings or when their number is hidden. */
  days: z.number().min(0).nullable(),
  /** How many openings it is taken over (published like a count). */
  openings: ZCount,
});

const ZOption = z.object({ id: z.string(), name: z.string() });

export const ZDashboard = z.object({
  period: z.object({ from: ZIsoDate, to: ZIsoDate }),
  today: ZIsoDate,
  /** The partnerships the figures cover. */
  partnerships: z.array(ZOption),
  /** Small counts are hidden: the viewer sees aggregates only. */
  suppressed: z.boolean(),
  minCount: z.number().int(),
  funnel: ZDashboardFunnel,
  breakdowns: z.array(ZDashboardBreakdown),
  medians: z.object({ daysToReferral: ZMedian, daysToFirstProposal: ZMedian }),
  clauseFulfilment: z.object({
    /** Sum of min(fulfilled, target) over sum of targets, percent; null without clauses or hidden. */
    percent: ZPercent,
    target: ZCount,
    fulfilled: ZCount,
  }),
  /** Further KPIs of the catalogue (domain/reports/kpi.ts). */
  kpis: z.object({ apprenticeships: ZCount, leisureJobs: ZCount, intoEducation: ZCount }),
  /** The steering groups' goals whose period overlaps the dashboard's, with actual and traffic light. */
  goals: z.array(ZGoal),
  /** What the filters can be set to for the viewer's partnerships. */
  options: z.object({
    partnerships: z.array(ZOption),
    municipalities: z.array(ZOption),
    housingOrganisations: z.array(ZOption),
    companies: z.array(ZOption),
  }),
});
export type TDashboard = z.infer<typeof ZDashboard>;
