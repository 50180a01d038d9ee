import { describe, expect, it } from 'vitest';
import { goalTrafficLight, KPI_CATALOGUE, KPI_KEYS, type TGoalProgressInput } from './kpi.ts';

const goal = (o: Partial<TGoalProgressInput>): TGoalProgressInput => ({
  kpi: 'hires',
  actual: 0,
  target: 12,
  baseline: null,
  elapsed: 1,
  ...o,
});

describe('goalTrafficLight', () => {
  it('judges a count half-way through its period against half the target', () => {
    // 12 hires a year; half-way, 6 is on track, 5.4 (within 10 % of 6) is close, less is behind.
    expect(goalTrafficLight(goal({ actual: 6, elapsed: 0.5 }))).toBe('green');
    expect(goalTrafficLight(goal({ actual: 7, elapsed: 0.5 }))).toBe('green');
    expect(goalTrafficLight(goal({ actual: 5.4, elapsed: 0.5 }))).toBe('yellow');
    expect(goalTrafficLight(goal({ actual: 5, elapsed: 0.5 }))).toBe('red');
    // The same 6 hires at the end of the period is far off 12.
    expect(goalTrafficLight(goal({ actual: 6, elapsed: 1 }))).toBe('red');
    expect(goalTrafficLight(goal({ actual: 11, elapsed: 1 }))).toBe('yellow');
    expect(goalTrafficLight(goal({ actual: 12, elapsed: 1 }))).toBe('green');
  });

  it('clamps the elapsed share, so a goal not yet begun asks nothing and an ended one the whole target', () => {
    expect(goalTrafficLight(goal({ actual: 0, elapsed: -0.5 }))).toBe('green');
    expect(goalTrafficLight(goal({ actual: 11, elapsed: 1.7 }))).toBe('yellow');
  });

  it('does not pro-rate a rate: 70 % retained is behind a 75 % target even early in the period', () => {
    expect(KPI_CATALOGUE.retention_6.accumulates).toBe(false);
    const retention = (actual: number) => goal({ kpi: 'retention_6', target: 75, actual, elapsed: 0.1 });
    expect(goalTrafficLight(retention(80))).toBe('green');
    expect(goalTrafficLight(retention(75))).toBe('green');
    expect(goalTrafficLight(retention(70))).toBe('yellow');
    expect(goalTrafficLight(retention(60))).toBe('red');
  });

  it("treats a median of days as 'down': fewer days than the target is green, a few more yellow", () => {
    const median = (actual: number) =>
      goal({ kpi: 'median_days_to_first_proposal', target: 5, actual, elapsed: 0.5 });
    expect(goalTrafficLight(median(3))).toBe('green');
    expect(goalTrafficLight(median(5))).toBe('green');
    expect(goalTrafficLight(median(5.5))).toBe('yellow');
    expect(goalTrafficLight(median(6))).toBe('red');
    expect(goalTrafficLight(goal({ kpi: 'median_days_to_referral', target: 1, actual: 0.2 }))).toBe('green');
  });

  it("takes an area indicator goal's direction from its baseline: up from 48 % or down from 44 %", () => {
    // Employment share: baseline 48.07 % (Houlkærvænget 2019), target 52 %: higher is better.
    const up = (actual: number) =>
      goal({ kpi: 'area_indicator', baseline: 48.07, target: 52, actual, elapsed: 0.3 });
    expect(goalTrafficLight(up(53))).toBe('green');
    expect(goalTrafficLight(up(48.07))).toBe('yellow');
    expect(goalTrafficLight(up(45))).toBe('red');
    // Public benefits: baseline 44 %, target 40 %: lower is better.
    const down = (actual: number) =>
      goal({ kpi: 'area_indicator', baseline: 44, target: 40, actual, elapsed: 0.3 });
    expect(goalTrafficLight(down(39))).toBe('green');
    expect(goalTrafficLight(down(43))).toBe('yellow');
    expect(goalTrafficLight(down(45))).toBe('red');
    // No baseline: up.
    expect(goalTrafficLight(goal({ kpi: 'area_indicator', target: 40, actual: 39 }))).toBe('yellow');
  });

  it('is unknown without an actual (nothing measured) or with one that is not a number', () => {
    expect(goalTrafficLight(goal({ actual: null }))).toBe('unknown');
    expect(goalTrafficLight(goal({ kpi: 'retention_12', target: 80, actual: null }))).toBe('unknown');
    expect(goalTrafficLight(goal({ actual: Number.NaN }))).toBe('unknown');
  });
});

describe('KPI_CATALOGUE', () => {
  it('describes every KPI key under its own key, with Danish and English labels', () => {
    for (const key of KPI_KEYS) {
      expect(KPI_CATALOGUE[key].key).toBe(key);
      expect(KPI_CATALOGUE[key].labelDa.length).toBeGreaterThan(0);
      expect(KPI_CATALOGUE[key].labelEn.length).toBeGreaterThan(0);
    }
  });
});
