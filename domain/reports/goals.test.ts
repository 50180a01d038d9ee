import { describe, expect, it } from 'vitest';
import { OPENING_TYPES, type TOpeningType } from '../opening-types.ts';
import {
  goalElapsedShare,
  goalExpectedByNow,
  goalMeasuredPeriod,
  goalProgress,
  kpiMeasure,
  type TKpiMeasure,
} from './goals.ts';
import type { TKpiValues } from './kpi.ts';

const byType = (o: Partial<Record<TOpeningType, number>>) =>
  Object.fromEntries(OPENING_TYPES.map((t) => [t, o[t] ?? 0])) as Record<TOpeningType, number>;

const FIGURES: TKpiValues = {
  openings: 40,
  referrals: 38,
  proposals: 25,
  interviews: 12,
  hires: 7,
  apprenticeships: 3,
  leisure_jobs: 2,
  into_education: 1,
  hiresByType: byType({ apprentice: 2, trainee: 1, leisure_job: 2, full_time: 2 }),
  retention_6: 75,
  retention_12: 50,
  median_days_to_referral: 0.5,
  median_days_to_first_proposal: 4,
  clause_fulfilment: 40,
  bases: {
    retention6Due: 8,
    retention6Retained: 6,
    retention12Due: 4,
    retention12Retained: 2,
    timedReferrals: 38,
    timedFirstProposals: 3,
    clauseTarget: 10,
    clauseActual: 4,
  },
};

describe('goalElapsedShare', () => {
  it('counts whole days, today included: 0 before the period, about half in the middle, 1 from the last day', () => {
    expect(goalElapsedShare('2026-01-01', '2026-12-31', '2025-12-31')).toBe(0);
    expect(goalElapsedShare('2026-01-01', '2026-12-31', '2026-01-01')).toBeCloseTo(1 / 365);
    // 1 January to 2 July is 183 of 365 days.
    expect(goalElapsedShare('2026-01-01', '2026-12-31', '2026-07-02')).toBeCloseTo(183 / 365);
    expect(goalElapsedShare('2026-01-01', '2026-12-31', '2026-12-31')).toBe(1);
    expect(goalElapsedShare('2026-01-01', '2026-12-31', '2027-03-01')).toBe(1);
    // A one-day period is over on its day.
    expect(goalElapsedShare('2026-05-15', '2026-05-15', '2026-05-15')).toBe(1);
  });
});

describe('goalMeasuredPeriod', () => {
  it('clips the period to today, and has nothing to measure before it begins', () => {
    expect(goalMeasuredPeriod('2026-01-01', '2026-12-31', '2026-11-24')).toEqual({
      from: '2026-01-01',
      to: '2026-11-24',
    });
    expect(goalMeasuredPeriod('2025-01-01', '2025-12-31', '2026-11-24')).toEqual({
      from: '2025-01-01',
      to: '2025-12-31',
    });
    expect(goalMeasuredPeriod('2027-01-01', '2027-12-31', '2026-11-24')).toBeNull();
  });
});

describe('goalExpectedByNow', () => {
  it('pro-rates counts and leaves rates and medians alone', () => {
    expect(goalExpectedByNow('hires', 12, 0.5)).toBe(6);
    expect(goalExpectedByNow('retention_6', 75, 0.5)).toBe(75);
    expect(goalExpectedByNow('median_days_to_first_proposal', 5, 0.2)).toBe(5);
  });
});

describe('kpiMeasure', () => {
  it('reads counts as their own base, and rates and medians with the counts they are taken over', () => {
    expect(kpiMeasure(FIGURES, 'hires', null)).toEqual({ value: 7, bases: [7] });
    expect(kpiMeasure(FIGURES, 'apprenticeships', null)).toEqual({ value: 3, bases: [3] });
    expect(kpiMeasure(FIGURES, 'hires_by_type', 'leisure_job')).toEqual({ value: 2, bases: [2] });
    expect(kpiMeasure(FIGURES, 'hires_by_type', 'flex_job')).toEqual({ value: 0, bases: [0] });
    expect(kpiMeasure(FIGURES, 'retention_6', null)).toEqual({ value: 75, bases: [8, 6] });
    expect(kpiMeasure(FIGURES, 'median_days_to_first_proposal', null)).toEqual({ value: 4, bases: [3] });
    expect(kpiMeasure(FIGURES, 'clause_fulfilment', null)).toEqual({ value: 40, bases: [4, 10] });
  });
});

describe('goalProgress', () => {
  const progress = (o: {
    kpi?: Parameters<typeof goalProgress>[0]['kpi'];
    target?: number;
    measure: TKpiMeasure;
    suppress: boolean;
    today?: string;
  }) =>
    goalProgress({
      kpi: o.kpi ?? 'hires',
      target: o.target ?? 12,
      baseline: null,
      periodFrom: '2026-01-01',
      periodTo: '2026-12-31',
      today: o.today ?? '2026-07-02',
      measure: o.measure,
      suppress: o.suppress,
    });

  it('hides a count of 1-4 from an aggregate-only viewer but still lights the goal on the true value', () => {
    // 3 apprentices half-way to a target of 3: on track, but shown as "< 5".
    const hidden = progress({
      kpi: 'apprenticeships',
      target: 3,
      measure: { value: 3, bases: [3] },
      suppress: true,
    });
    expect(hidden).toMatchObject({
      actual: null,
      actualSuppressed: true,
      trafficLight: 'green',
      started: true,
    });
    const shown = progress({
      kpi: 'apprenticeships',
      target: 3,
      measure: { value: 3, bases: [3] },
      suppress: false,
    });
    expect(shown).toMatchObject({ actual: 3, actualSuppressed: false, trafficLight: 'green' });
    // 0 and 5 are shown to everyone.
    expect(progress({ measure: { value: 0, bases: [0] }, suppress: true })).toMatchObject({
      actual: 0,
      actualSuppressed: false,
      trafficLight: 'red',
    });
    expect(progress({ measure: { value: 5, bases: [5] }, suppress: true }).actual).toBe(5);
  });

  it('hides a rate or median taken over 1-4 cases, and shows one over 5 or more', () => {
    const median = progress({
      kpi: 'median_days_to_first_proposal',
      target: 5,
      measure: { value: 4, bases: [3] },
      suppress: true,
    });
    expect(median).toMatchObject({ actual: null, actualSuppressed: true, trafficLight: 'green' });
    const rate = progress({
      kpi: 'retention_6',
      target: 75,
      measure: { value: 75, bases: [8, 6] },
      suppress: true,
    });
    expect(rate).toMatchObject({ actual: 75, actualSuppressed: false, trafficLight: 'green' });
  });

  it('measures nothing before the period begins: unknown, not suppressed', () => {
    const before = progress({ measure: { value: 0, bases: [0] }, suppress: true, today: '2025-12-01' });
    expect(before).toMatchObject({
      actual: null,
      actualSuppressed: false,
      started: false,
      elapsed: 0,
      expectedByNow: 0,
      trafficLight: 'unknown',
    });
  });

  it('is unknown when nothing could be measured (no hires due at 6 months yet)', () => {
    const none = progress({
      kpi: 'retention_6',
      target: 75,
      measure: { value: null, bases: [0, 0] },
      suppress: true,
    });
    expect(none).toMatchObject({ actual: null, actualSuppressed: false, trafficLight: 'unknown' });
  });
});
