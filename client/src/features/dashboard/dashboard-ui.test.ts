import type {
  TDashboardBreakdown,
  TDashboardFunnel,
  TDashboardRow,
} from '@domain/reports/dashboard.schema.ts';
import { describe, expect, it } from 'vitest';
import {
  breakdownCsv,
  FUNNEL_KEYS,
  formatCount,
  formatDays,
  formatPercent,
  funnelChartRows,
  isEmptyFunnel,
  monthLabel,
  nextSort,
  sortRows,
  stepShares,
  trendRows,
} from './dashboard-ui.ts';

const funnel = (o: Partial<TDashboardFunnel> = {}): TDashboardFunnel => ({
  openings: 20,
  referrals: 15,
  proposals: 30,
  interviews: 10,
  hires: 8,
  retained6: 5,
  retained12: null,
  due6: 6,
  due12: 0,
  retention6Rate: 83.333,
  retention12Rate: null,
  ...o,
});
const row = (key: string, label: string, o: Partial<TDashboardFunnel> = {}): TDashboardRow => ({
  key,
  label,
  funnel: funnel(o),
});

describe('numbers', () => {
  it('shows hidden counts as "< 5" and Danish numbers otherwise', () => {
    expect(formatCount(null)).toBe('< 5');
    expect(formatCount(0)).toBe('0');
    expect(formatCount(1234)).toBe('1.234');
  });

  it('writes percentages with one decimal and days with at most one', () => {
    expect(formatPercent(83.333)).toBe('83,3 %');
    expect(formatPercent(null)).toBe('–');
    expect(formatDays(2)).toBe('2');
    expect(formatDays(0.45)).toBe('0,5');
    expect(formatDays(null)).toBe('–');
  });
});

describe('the funnel', () => {
  it('has a bar per step, none for a hidden count', () => {
    const rows = funnelChartRows(funnel(), (k) => k.toUpperCase());
    expect(rows.map((r) => r.label)).toEqual(FUNNEL_KEYS.map((k) => k.toUpperCase()));
    expect(rows.at(-1)).toEqual({ label: 'RETAINED12', count: null });
  });

  it('gives each step as a share of the one before, retention out of those due', () => {
    const shares = stepShares(funnel());
    expect(shares[0]).toBeNull();
    expect(shares[1]).toBe(75);
    expect(shares[2]).toBe(200);
    expect(shares[4]).toBe(80);
    expect(shares[5]).toBe(83.333);
    expect(shares[6]).toBeNull();
    expect(stepShares(funnel({ openings: null }))[1]).toBeNull();
    expect(stepShares(funnel({ openings: 0 }))[1]).toBeNull();
  });

  it('is empty only when every count is 0', () => {
    const zero = {
      openings: 0,
      referrals: 0,
      proposals: 0,
      interviews: 0,
      hires: 0,
      retained6: 0,
      retained12: 0,
      due6: 0,
      due12: 0,
    };
    expect(isEmptyFunnel(funnel(zero))).toBe(true);
    expect(isEmptyFunnel(funnel({ ...zero, interviews: null }))).toBe(false);
    expect(isEmptyFunnel(funnel())).toBe(false);
  });
});

describe('the trend', () => {
  it('takes openings, proposals and hires per month with a readable month', () => {
    const rows = trendRows([row('2026-03', 'marts 2026', { hires: null })], (k) => monthLabel(k, 'da'));
    expect(rows).toEqual([{ month: 'mar. 2026', openings: 20, proposals: 30, hires: null }]);
    expect(monthLabel('2026-03', 'en')).toBe('Mar 2026');
  });
});

describe('sorting a breakdown', () => {
  const rows = [
    row('a', 'Østerby', { hires: 5 }),
    row('b', 'Aabyhøj', { hires: null }),
    row('c', 'Bjerringbro', { hires: 0 }),
    row('d', 'Ørum', { hires: 12 }),
  ];
  const label = (r: TDashboardRow) => r.label;

  it('sorts labels the Danish way (æ, ø, å last)', () => {
    expect(sortRows(rows, { key: 'label', dir: 'asc' }, label).map((r) => r.key)).toEqual([
      'c',
      'd',
      'a',
      'b',
    ]);
  });

  it('puts a hidden count between 0 and 5', () => {
    expect(sortRows(rows, { key: 'hires', dir: 'asc' }, label).map((r) => r.key)).toEqual([
      'c',
      'b',
      'a',
      'd',
    ]);
    expect(sortRows(rows, { key: 'hires', dir: 'desc' }, label).map((r) => r.key)).toEqual([
      'd',
      'a',
      'b',
      'c',
    ]);
  });

  it('flips the direction on the same column and starts counts high', () => {
    expect(nextSort({ key: 'label', dir: 'asc' }, 'label')).toEqual({ key: 'label', dir: 'desc' });
    expect(nextSort({ key: 'label', dir: 'asc' }, 'hires')).toEqual({ key: 'hires', dir: 'desc' });
    expect(nextSort({ key: 'hires', dir: 'desc' }, 'label')).toEqual({ key: 'label', dir: 'asc' });
  });
});

describe('the CSV export', () => {
  it('writes a row per dimension and group, "< 5" for hidden counts, Danish decimals', () => {
    const breakdowns: TDashboardBreakdown[] = [
      { dimension: 'company', label: 'Virksomhed', rows: [row('x', 'Hansen; Søn A/S', { retained6: null })] },
      { dimension: 'month', label: 'Måned', rows: [row('2026-01', 'januar 2026')] },
    ];
    const csv = breakdownCsv(
      breakdowns,
      {
        dimension: 'Opdeling',
        group: 'Gruppe',
        steps: Object.fromEntries(FUNNEL_KEYS.map((k) => [k, k])) as Record<
          (typeof FUNNEL_KEYS)[number],
          string
        >,
        rate6: 'Fastholdt 6 mdr. (%)',
        rate12: 'Fastholdt 12 mdr. (%)',
      },
      (b) => b.label,
      (_b, r) => r.label,
    );
    const lines = csv.replace('\uFEFF', '').trim().split('\r\n');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(lines).toEqual([
      'Opdeling;Gruppe;openings;referrals;proposals;interviews;hires;retained6;retained12;Fastholdt 6 mdr. (%);Fastholdt 12 mdr. (%)',
      'Virksomhed;"Hansen; Søn A/S";20;15;30;10;8;< 5;< 5;83,3;',
      'Måned;januar 2026;20;15;30;10;8;5;< 5;83,3;',
    ]);
  });
});
