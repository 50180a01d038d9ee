import type {
  TDashboardBreakdown,
  TDashboardFunnel,
  TDashboardRow,
} from '@domain/reports/dashboard.schema.ts';

// Pure helpers of the dashboard page (issue 7 item 4): Danish numbers (DOMAIN.md: percentages
// with one decimal), "< 5" for hidden counts, the charts' rows, sorting the breakdown tables
// (a hidden count sorts between 0 and 5) and the CSV export of the tables.

export const DASHBOARD_PATH = '/api/dashboard';

/** The funnel's steps, left to right, as the chart and tables show them. */
export const FUNNEL_KEYS = [
  'openings',
  'referrals',
  'proposals',
  'interviews',
  'hires',
  'retained6',
  'retained12',
] as const;
export type TFunnelKey = (typeof FUNNEL_KEYS)[number];

const countFormat = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 0 });
const percentFormat = new Intl.NumberFormat('da-DK', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const daysFormat = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1 });

/** A published count: null (hidden, 1-4) → "< 5"; 1234 → "1.234". */
export function formatCount(n: number | null): string {
  return n === null ? '< 5' : countFormat.format(n);
}

/** A percentage 0-100: 83.333 → "83,3 %"; none (empty or hidden base) → "–". */
export function formatPercent(p: number | null): string {
  return p === null ? '–' : `${percentFormat.format(p)} %`;
}

/** Days: 2 → "2", 0.5 → "0,5", none → "–". */
export function formatDays(days: number | null): string {
  return days === null ? '–' : daysFormat.format(days);
}

/** Whether the funnel has nothing at all in it (an empty state instead of zeros). */
export function isEmptyFunnel(f: TDashboardFunnel): boolean {
  return FUNNEL_KEYS.every((k) => f[k] === 0) && f.due6 === 0 && f.due12 === 0;
}

/**
 * The funnel chart's bars: one per step, its count (null when hidden: no bar, the table says
 * "< 5").
 */
export function funnelChartRows(
  f: TDashboardFunnel,
  labelOf: (key: TFunnelKey) => string,
): { label: string; count: number | null }[] {
  return FUNNEL_KEYS.map((key) => ({ label: labelOf(key), count: f[key] }));
}

/** Each step as a share of the step before it ("of the openings, 73 % were referred"); null when unknown. */
export function stepShares(f: TDashboardFunnel): (number | null)[] {
  return FUNNEL_KEYS.map((key, i) => {
    if (i === 0) return null;
    // Retention is out of the hires that reached the milestone, not of all hires.
    if (key === 'retained6') return f.retention6Rate;
    if (key === 'retained12') return f.retention12Rate;
    const before = f[FUNNEL_KEYS[i - 1]!];
    const n = f[key];
    return n === null || before === null || before === 0 ? null : (n / before) * 100;
  });
}

/** The monthly trend's points: openings, proposals and hires per month (null where hidden). */
export function trendRows(
  months: readonly TDashboardRow[],
  monthLabel: (key: string) => string,
): { month: string; openings: number | null; proposals: number | null; hires: number | null }[] {
  return months.map((r) => ({
    month: monthLabel(r.key),
    openings: r.funnel.openings,
    proposals: r.funnel.proposals,
    hires: r.funnel.hires,
  }));
}

/** "2026-03" as the UI language says it: "mar. 2026" / "Mar 2026". */
export function monthLabel(key: string, locale: 'da' | 'en'): string {
  const [y, m] = key.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'da-DK', {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, 1)));
}

export type TSortKey = 'label' | TFunnelKey;
export interface TSort {
  key: TSortKey;
  dir: 'asc' | 'desc';
}

/** A hidden count is 1-4: it sorts after 0 and before 5. */
const sortValue = (n: number | null) => (n === null ? 2.5 : n);

/**
 * A breakdown's rows sorted by a column: labels with Danish collation, counts numerically. Ties
 * keep the server's order (labels, or months ascending).
 */
export function sortRows(rows: readonly TDashboardRow[], sort: TSort, labelOf: (r: TDashboardRow) => string) {
  const sign = sort.dir === 'asc' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => {
      const by =
        sort.key === 'label'
          ? labelOf(a.row).localeCompare(labelOf(b.row), 'da')
          : sortValue(a.row.funnel[sort.key]) - sortValue(b.row.funnel[sort.key]);
      return by * sign || a.index - b.index;
    })
    .map((x) => x.row);
}

/** The next sort after a click on a column: a new column starts descending for counts, ascending for labels. */
export function nextSort(current: TSort, key: TSortKey): TSort {
  if (current.key === key) return { key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { key, dir: key === 'label' ? 'asc' : 'desc' };
}

const csvCell = (value: string) => (/[";\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/**
 * Every breakdown table as one CSV (`;` and Danish numbers, as Danish Excel reads it; a BOM so
 * æ, ø and å survive): a row per dimension and group, "< 5" where a count is hidden.
 */
export function breakdownCsv(
  breakdowns: readonly TDashboardBreakdown[],
  headers: {
    dimension: string;
    group: string;
    steps: Record<TFunnelKey, string>;
    rate6: string;
    rate12: string;
  },
  dimensionLabel: (b: TDashboardBreakdown) => string,
  rowLabel: (b: TDashboardBreakdown, r: TDashboardRow) => string,
): string {
  const lines = [
    [
      headers.dimension,
      headers.group,
      ...FUNNEL_KEYS.map((k) => headers.steps[k]),
      headers.rate6,
      headers.rate12,
    ],
  ];
  for (const b of breakdowns) {
    for (const r of b.rows) {
      lines.push([
        dimensionLabel(b),
        rowLabel(b, r),
        ...FUNNEL_KEYS.map((k) => formatCount(r.funnel[k])),
        r.funnel.retention6Rate === null ? '' : percentFormat.format(r.funnel.retention6Rate),
        r.funnel.retention12Rate === null ? '' : percentFormat.format(r.funnel.retention12Rate),
      ]);
    }
  }
  return `\uFEFF${lines.map((cells) => cells.map(csvCell).join(';')).join('\r\n')}\r\n`;
}
