import { retentionBy, retentionFigures, type TRetentionPlacement } from '@domain/reports/retention.ts';
import { describe, expect, it } from 'vitest';
import {
  formatMedianDays,
  formatRetentionCount,
  formatRetentionRate,
  hasTrials,
  milestoneCounts,
  retentionChartRows,
  trialShares,
} from './retention-report-ui.ts';

const today = '2027-03-01';
const hire = (
  companyId: string,
  startDate: string,
  outcome6: TRetentionPlacement['outcome6'],
  daysToHire: number | null = 10,
): TRetentionPlacement => ({
  partnershipId: 'p1',
  companyId,
  type: 'full_time',
  startDate,
  outcome6,
  outcome12: null,
  trialOutcome: null,
  daysToHire,
});
const trial = (trialOutcome: TRetentionPlacement['trialOutcome']): TRetentionPlacement => ({
  partnershipId: 'p1',
  companyId: 'c2',
  type: 'site_trial',
  startDate: '2026-10-01',
  outcome6: null,
  outcome12: null,
  trialOutcome,
  daysToHire: 5,
});
// Three hires due at 6 months, two of them in job or education: 66,7 %.
const placements = [
  hire('c1', '2026-06-01', 'in_job'),
  hire('c1', '2026-07-01', 'in_education'),
  hire('c1', '2026-08-01', 'neither', 21),
  hire('c1', '2027-01-01', null),
  trial('job'),
  trial(null),
];

describe('retention figures as the page shows them', () => {
  it('writes retention as a Danish percentage with one decimal', () => {
    const f = retentionFigures(placements, today);
    expect(formatRetentionRate(f.at6.rate)).toBe('66,7 %');
    expect(milestoneCounts(f.at6)).toEqual({ retained: '2', due: '3' });
    // Nothing has reached 12 months: no rate, no "0 af 0".
    expect(formatRetentionRate(f.at12.rate)).toBe('–');
    expect(milestoneCounts(f.at12)).toBe(null);
    expect(formatRetentionRate(1)).toBe('100,0 %');
  });

  it('shows a suppressed count as "< 5" and others with Danish grouping', () => {
    expect(formatRetentionCount(null)).toBe('< 5');
    expect(formatRetentionCount(0)).toBe('0');
    expect(formatRetentionCount(1234)).toBe('1.234');
    expect(
      milestoneCounts({
        due: null,
        retained: null,
        inJob: null,
        inEducation: null,
        missing: null,
        rate: null,
      }),
    ).toEqual({
      retained: '< 5',
      due: '< 5',
    });
  });

  it('writes the median days to hire with a decimal comma only when it has one', () => {
    expect(formatMedianDays(retentionFigures(placements, today).medianDaysToHire)).toBe('10');
    expect(formatMedianDays(12.5)).toBe('12,5');
    expect(formatMedianDays(null)).toBe('–');
  });

  it('gives each trial outcome its share of the trials', () => {
    const f = retentionFigures(placements, today);
    expect(trialShares(f.trials)).toEqual([
      { key: 'job', count: '1', share: '50,0 %' },
      { key: 'education', count: '0', share: '0,0 %' },
      { key: 'other', count: '0', share: '0,0 %' },
      { key: 'pending', count: '1', share: '50,0 %' },
    ]);
    const hidden = trialShares({ total: null, job: null, education: 0, other: null, pending: null });
    expect(hidden.map((s) => s.count)).toEqual(['< 5', '0', '< 5', '< 5']);
    expect(hidden.every((s) => s.share === '–')).toBe(true);
  });
});

describe('the chart of retention by type', () => {
  const byType = retentionBy(placements, today, 'type').map((r) => ({ ...r, label: r.key }));

  it('has a bar per type with a rate in percent, and leaves out types with nothing due', () => {
    expect(retentionChartRows(byType, (r) => r.label.toUpperCase())).toEqual([
      { label: 'FULL_TIME', at6: 66.7, at12: null },
    ]);
  });

  it('shows the trial columns only when a group has trials', () => {
    expect(hasTrials(byType)).toBe(true);
    expect(hasTrials(byType.filter((r) => r.key === 'full_time'))).toBe(false);
  });
});
