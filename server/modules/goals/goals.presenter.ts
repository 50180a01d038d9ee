import type { TIndicatorUnit } from '@domain/indicator.schema.ts';
import type { TGoalProgress } from '@domain/reports/goals.ts';
import { KPI_CATALOGUE } from '@domain/reports/kpi.ts';
import type { TGoal } from '@domain/steering.schema.ts';
import type { TGoalRow } from './goals.repository.ts';

// The only way goal rows leave the server: the goal, and its progress as the viewer may see it
// (goalProgress has already hidden a small count from an aggregate-only viewer).

export function presentGoal(
  row: TGoalRow,
  progress: TGoalProgress,
  extra: {
    indicator: { nameDa: string; unit: TIndicatorUnit } | null;
    actualYear: number | null;
  },
): TGoal {
  const info = KPI_CATALOGUE[row.kpi];
  return {
    id: row.id,
    steeringGroupId: row.steeringGroupId,
    partnershipId: row.partnershipId,
    partnershipName: row.partnershipName,
    title: row.title,
    kpi: row.kpi,
    kpiLabelDa: info.labelDa,
    unit: info.unit,
    openingType: row.openingType,
    indicator: row.indicator,
    indicatorNameDa: extra.indicator?.nameDa ?? null,
    indicatorUnit: extra.indicator?.unit ?? null,
    housingAreaId: row.housingAreaId,
    housingAreaName: row.housingAreaName,
    baseline: row.baseline,
    target: row.target,
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    ownerUserId: row.ownerUserId,
    ownerName: row.ownerUserName ?? row.ownerName,
    note: row.note,
    actual: progress.actual,
    actualSuppressed: progress.actualSuppressed,
    actualYear: progress.actual === null && !progress.actualSuppressed ? null : extra.actualYear,
    elapsed: progress.elapsed,
    expectedByNow: progress.expectedByNow,
    started: progress.started,
    trafficLight: progress.trafficLight,
    updatedAt: row.updatedAt.toISOString(),
  };
}
