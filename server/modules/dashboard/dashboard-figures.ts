import {
  assembleFunnel,
  clauseFulfilment,
  hiresByType,
  medianDays,
  percentOf,
  type TDashboardPlacement,
  type TFunnelFact,
} from '@domain/reports/dashboard.ts';
import type { TKpiValues } from '@domain/reports/kpi.ts';
import { retentionFigures } from '@domain/reports/retention.ts';
import type { TDbOrTx } from '@server/db/client.ts';
import { retentionPlacements } from '@server/modules/placements/retention.repository.ts';
import { withProgress } from '@server/modules/social-clauses/clause-fulfilment.ts';
import {
  clausesInScope,
  funnelFacts,
  intoEducationCount,
  openingDurations,
  placementDimensions,
  type TFiguresFilters,
  type TFiguresQuery,
} from './dashboard.repository.ts';

// The KPI figures of a set of partnerships and a period (issue 7 items 1, 4 and 5): the one place
// the dashboard, the goals' actuals and the partnership reports get their numbers from. Values are
// exact; callers suppress small counts for aggregate-only viewers.

export type { TFiguresFilters } from './dashboard.repository.ts';

/** Partnerships and a period of Danish days (yyyy-mm-dd, both included); `today` for retention and clauses. */
export type { TKpiValues };

export interface TFiguresScope {
  partnershipIds: readonly string[];
  from: string;
  to: string;
  today: string;
  /** Optional narrowing (the dashboard's filters); omitted: everything of the partnerships. */
  filters?: TFiguresFilters;
}

/** Everything the figures are computed from, loaded once (the dashboard also breaks it down). */
export interface TFiguresData {
  facts: TFunnelFact[];
  placements: TDashboardPlacement[];
  durations: { daysToReferral: number | null; daysToFirstProposal: number | null }[];
  intoEducation: number;
  clauses: { target: number; fulfilled: number }[];
}

function queryOf(scope: TFiguresScope): TFiguresQuery {
  return {
    partnershipIds: scope.partnershipIds,
    from: scope.from,
    to: scope.to,
    filters: scope.filters ?? {},
  };
}

/** Loads the facts, placements, durations, people into education and clauses of the scope. */
export async function loadFigures(db: TDbOrTx, scope: TFiguresScope): Promise<TFiguresData> {
  const q = queryOf(scope);
  if (q.partnershipIds.length === 0)
    return { facts: [], placements: [], durations: [], intoEducation: 0, clauses: [] };
  const [facts, dims, retentionRows, durations, intoEducation, clauseRows] = await Promise.all([
    funnelFacts(db, q),
    placementDimensions(db, q),
    retentionPlacements(db, q.partnershipIds, q.from, q.to),
    openingDurations(db, q),
    intoEducationCount(db, q),
    clausesInScope(db, q),
  ]);
  // Retention's own rows, narrowed by the filters and given their dimensions.
  const placements = retentionRows.flatMap((row) => {
    const d = dims.get(row.id);
    return d ? [{ ...row, dims: d }] : [];
  });
  // Clauses as fulfilled by the period's end, or today while it lasts.
  const asOf = [scope.to, scope.today].sort()[0]!;
  const clauses = (await withProgress(db, clauseRows, asOf)).map((c) => ({
    target: c.progress.target,
    fulfilled: c.progress.fulfilled,
  }));
  return { facts, placements, durations, intoEducation, clauses };
}

/** The KPI values of loaded figures. */
export function kpiOf(data: TFiguresData, today: string): TKpiValues {
  const funnel = assembleFunnel(data.facts, data.placements, today);
  const retention = retentionFigures(data.placements, today);
  const byType = hiresByType(data.facts);
  const referral = medianDays(data.durations.map((d) => d.daysToReferral));
  const firstProposal = medianDays(data.durations.map((d) => d.daysToFirstProposal));
  const clauses = clauseFulfilment(data.clauses);
  return {
    openings: funnel.openings,
    referrals: funnel.referrals,
    proposals: funnel.proposals,
    interviews: funnel.interviews,
    hires: funnel.hires,
    apprenticeships: byType.apprentice + byType.trainee,
    leisure_jobs: byType.leisure_job,
    into_education: data.intoEducation,
    hiresByType: byType,
    retention_6: percentOf(retention.at6.retained, retention.at6.due),
    retention_12: percentOf(retention.at12.retained, retention.at12.due),
    median_days_to_referral: referral.median,
    median_days_to_first_proposal: firstProposal.median,
    clause_fulfilment: clauses.percent,
    bases: {
      retention6Due: retention.at6.due,
      retention6Retained: retention.at6.retained,
      retention12Due: retention.at12.due,
      retention12Retained: retention.at12.retained,
      timedReferrals: referral.count,
      timedFirstProposals: firstProposal.count,
      clauseTarget: clauses.target,
      clauseActual: clauses.actual,
    },
  };
}

/**
 * The exact KPI values of the partnerships over the period (no suppression: callers publish them
 * as their viewer may see them). Goals compare these with their targets; reports print them.
 */
export async function kpiValues(db: TDbOrTx, scope: TFiguresScope): Promise<TKpiValues> {
  return kpiOf(await loadFigures(db, scope), scope.today);
}
