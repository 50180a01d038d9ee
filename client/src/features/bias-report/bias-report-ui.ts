import type { TBiasDimensionReport, TBiasGroup } from '@domain/reports/bias.schema.ts';

// Pure helpers of the bias report page: Danish numbers (DOMAIN.md: percentages with one
// decimal), the "< 5" of suppressed counts, and the chart's data with its 4/5 reference lines.

export const BIAS_REPORT_PATH = '/api/reports/bias';

const percentFormat = new Intl.NumberFormat('da-DK', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const countFormat = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 0 });

/** 0.4167 → "41,7 %"; a hidden or missing rate → "–". */
export function formatRate(rate: number | null): string {
  return rate === null ? '–' : `${percentFormat.format(rate * 100)} %`;
}

/** A published count: null (1-4, suppressed) → "< 5"; 1234 → "1.234". */
export function formatCount(n: number | null, minCount: number): string {
  return n === null ? `< ${minCount}` : countFormat.format(n);
}

/** A rate as a percentage with one decimal, for the chart's axis (null stays null: no bar). */
function percentOf(rate: number | null): number | null {
  return rate === null ? null : Math.round(rate * 1000) / 10;
}

export interface TChartRow {
  label: string;
  proposalRate: number | null;
  hireRate: number | null;
}

export function chartRows(dimension: TBiasDimensionReport): TChartRow[] {
  return dimension.groups.map((g) => ({
    label: g.label,
    proposalRate: percentOf(g.proposalRate),
    hireRate: percentOf(g.hireRate),
  }));
}

/**
 * Where the four-fifths line of a rate lies, in percent: 4/5 of the reference (highest) group's
 * rate; null when there is no reference group.
 */
export function fourFifthsLine(
  dimension: TBiasDimensionReport,
  which: 'proposal' | 'hire',
  fourFifths: number,
): number | null {
  const key = dimension.referenceGroup[which];
  const ref = dimension.groups.find((g) => g.key === key);
  const rate = ref ? (which === 'proposal' ? ref.proposalRate : ref.hireRate) : null;
  return rate === null ? null : Math.round(rate * fourFifths * 1000) / 10;
}

/** Groups whose label the UI translates (age bands and gender); areas keep their names. */
export function groupLabelKey(
  dimension: TBiasDimensionReport['dimension'],
  group: TBiasGroup,
): string | null {
  if (dimension === 'gender') return `biasReport.gender.${group.key}`;
  if (dimension === 'age_band') return `biasReport.ageBand.${group.key}`;
  return group.key === 'outside' ? 'biasReport.outsideAreas' : null;
}

/** Whether any group of the report is flagged (for the summary above the charts). */
export function flaggedCount(dimensions: readonly TBiasDimensionReport[]): number {
  return dimensions.reduce(
    (n, d) => n + d.groups.filter((g) => g.fourFifthsFlag.proposal || g.fourFifthsFlag.hire).length,
    0,
  );
}
