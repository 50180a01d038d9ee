import { builtInIndicator, type TIndicatorUnit } from '@domain/indicator.schema.ts';
import { goalMeasuredPeriod, goalProgress, kpiMeasure, type TKpiMeasure } from '@domain/reports/goals.ts';
import type { TGoal } from '@domain/steering.schema.ts';
import type { TDbOrTx } from '@server/db/client.ts';
import { kpiValues, type TKpiValues } from '@server/modules/dashboard/dashboard-figures.ts';
import { areaValues, customDefinitions } from '@server/modules/indicators/indicators.repository.ts';
import { presentGoal } from './goals.presenter.ts';
import { goalRows, type TGoalRow } from './goals.repository.ts';

// Goals with their actuals and traffic lights (issue 7 item 1): what the steering page, the
// dashboard and the partnership reports show as "goal status". A KPI's actual is the dashboard's
// own figure (dashboard-figures.ts) for the goal's partnership over its period up to today; an
// area indicator's is the area's value for the latest year up to the period's end year.

export interface TGoalStatusOptions {
  partnershipId: string;
  /** The Danish day the goals are measured on (danishDate(clock.now())). */
  today: string;
  /** Aggregate-only viewers (steering, housing staff, the secretariat): small counts hidden. */
  suppress: boolean;
  /** Only goals whose period overlaps these days (a report's period); omitted: every goal. */
  from?: string;
  to?: string;
}

/** The partnership's goals with actual, elapsed share and traffic light, as `suppress` allows. */
export async function goalStatuses(db: TDbOrTx, options: TGoalStatusOptions): Promise<TGoal[]> {
  const rows = (await goalRows(db, { partnershipId: options.partnershipId })).filter(
    (g) =>
      (options.to === undefined || g.periodFrom <= options.to) &&
      (options.from === undefined || g.periodTo >= options.from),
  );
  return evaluateGoals(db, rows, { today: options.today, suppress: () => options.suppress });
}

interface TIndicatorInfo {
  nameDa: string;
  unit: TIndicatorUnit;
}

/** The goals' progress; `suppress` says per goal whether the viewer sees aggregates only. */
export async function evaluateGoals(
  db: TDbOrTx,
  rows: readonly TGoalRow[],
  options: { today: string; suppress: (row: TGoalRow) => boolean },
): Promise<TGoal[]> {
  const { today } = options;
  // Goals of one partnership and period share one computation of the figures.
  const figures = new Map<string, Promise<TKpiValues>>();
  const figuresFor = (partnershipId: string, from: string, to: string) => {
    const key = `${partnershipId}|${from}|${to}`;
    let found = figures.get(key);
    if (!found) {
      found = kpiValues(db, { partnershipIds: [partnershipId], from, to, today });
      figures.set(key, found);
    }
    return found;
  };
  const values = new Map<string, Promise<Awaited<ReturnType<typeof areaValues>>>>();
  const valuesOf = (areaId: string) => {
    let found = values.get(areaId);
    if (!found) {
      found = areaValues(db, areaId);
      values.set(areaId, found);
    }
    return found;
  };
  const indicatorRows = rows.filter((r) => r.kpi === 'area_indicator');
  const customs = indicatorRows.length
    ? await customDefinitions(db, [...new Set(indicatorRows.map((r) => r.partnershipId))])
    : [];
  const indicatorOf = (row: TGoalRow): TIndicatorInfo | null => {
    if (!row.indicator) return null;
    const builtIn = builtInIndicator(row.indicator);
    if (builtIn) return builtIn;
    const own = customs.find((c) => c.key === row.indicator && c.partnershipId === row.partnershipId);
    return own ? { nameDa: own.nameDa, unit: own.unit } : null;
  };

  const out: TGoal[] = [];
  for (const row of rows) {
    let measure: TKpiMeasure = { value: null, bases: [] };
    let actualYear: number | null = null;
    if (row.kpi === 'area_indicator') {
      // Published area statistics (LBF, the jobcenter), not counts of Jobbro's people: not suppressed.
      if (row.housingAreaId && row.indicator) {
        const endYear = Number(row.periodTo.slice(0, 4));
        const latest = (await valuesOf(row.housingAreaId))
          .filter((v) => v.indicator === row.indicator && v.year <= endYear)
          .at(-1);
        if (latest) {
          measure = { value: latest.value, bases: [] };
          actualYear = latest.year;
        }
      }
    } else {
      const window = goalMeasuredPeriod(row.periodFrom, row.periodTo, today);
      if (window) {
        const kpis = await figuresFor(row.partnershipId, window.from, window.to);
        measure = kpiMeasure(kpis, row.kpi, row.openingType);
      }
    }
    const progress = goalProgress({
      kpi: row.kpi,
      target: row.target,
      baseline: row.baseline,
      periodFrom: row.periodFrom,
      periodTo: row.periodTo,
      today,
      measure,
      suppress: options.suppress(row),
    });
    out.push(presentGoal(row, progress, { indicator: indicatorOf(row), actualYear }));
  }
  return out;
}
