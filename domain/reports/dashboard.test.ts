import { describe, expect, it } from 'vitest';
import {
  assembleFunnel,
  clauseFulfilment,
  funnelBy,
  hiresByType,
  medianDays,
  monthLabelDa,
  monthsOf,
  percentOf,
  type TDashboardPlacement,
  type TFactDims,
  type TFunnelFact,
} from './dashboard.ts';

// A small partnership year with known answers: two cities, two companies, one housing
// organisation (and openings without one), facts in January and March, five placements.

const TODAY = '2026-12-31';
const dims = (o: Partial<TFactDims> = {}): TFactDims => ({
  partnershipId: 'p1',
  municipalityId: 'm1',
  housingOrganisationId: 'h1',
  companyId: 'c1',
  openingType: 'full_time',
  month: '2026-01',
  ...o,
});
const fact = (measure: TFunnelFact['measure'], count: number, o: Partial<TFactDims> = {}): TFunnelFact => ({
  measure,
  count,
  ...dims(o),
});

const FACTS: TFunnelFact[] = [
  fact('openings', 10),
  fact('openings', 4, { companyId: 'c2', housingOrganisationId: null, month: '2026-03' }),
  fact('referrals', 9),
  fact('referrals', 4, { companyId: 'c2', housingOrganisationId: null, month: '2026-03' }),
  fact('proposals', 20),
  fact('proposals', 6, { companyId: 'c2', housingOrganisationId: null, month: '2026-03' }),
  fact('interviews', 8),
  fact('interviews', 2, { companyId: 'c2', housingOrganisationId: null, month: '2026-03' }),
  fact('hires', 3, { openingType: 'apprentice' }),
  fact('hires', 1, { openingType: 'trainee', municipalityId: 'm2' }),
  fact('hires', 1, { openingType: 'leisure_job', companyId: 'c2', month: '2026-03' }),
];

const placement = (
  startDate: string,
  outcome6: TDashboardPlacement['outcome6'],
  outcome12: TDashboardPlacement['outcome12'],
  o: Partial<TFactDims> = {},
): TDashboardPlacement => ({
  partnershipId: 'p1',
  companyId: o.companyId ?? 'c1',
  type: o.openingType ?? 'apprentice',
  startDate,
  outcome6,
  outcome12,
  trialOutcome: null,
  daysToHire: null,
  dims: dims({ month: startDate.slice(0, 7), ...o }),
});

// Due at 6 months by 31.12.2026: started by 30.06.2026. Due at 12: none (started in 2026).
const PLACEMENTS: TDashboardPlacement[] = [
  placement('2026-01-05', 'in_job', null),
  placement('2026-01-10', 'in_education', null),
  placement('2026-01-20', 'neither', null),
  placement('2026-01-25', 'in_job', null, { openingType: 'trainee', municipalityId: 'm2' }),
  placement('2026-03-01', null, null, { openingType: 'leisure_job', companyId: 'c2' }),
];

describe('the funnel', () => {
  it('adds up the facts and takes retention from the placements', () => {
    expect(assembleFunnel(FACTS, PLACEMENTS, TODAY)).toEqual({
      openings: 14,
      referrals: 13,
      proposals: 26,
      interviews: 10,
      hires: 5,
      retained6: 3,
      retained12: 0,
      due6: 5,
      due12: 0,
    });
  });

  it('counts a placement as due at 12 months only a year after its start', () => {
    const funnel = assembleFunnel([], [placement('2025-06-30', 'in_job', 'in_job')], '2026-06-29');
    expect([funnel.due6, funnel.retained6, funnel.due12, funnel.retained12]).toEqual([1, 1, 0, 0]);
    const later = assembleFunnel([], [placement('2025-06-30', 'in_job', 'in_job')], '2026-06-30');
    expect([later.due12, later.retained12]).toEqual([1, 1]);
  });

  it('breaks the funnel down by company, housing organisation, city and month', () => {
    const byCompany = funnelBy(FACTS, PLACEMENTS, TODAY, 'company');
    expect(byCompany.map((r) => [r.key, r.funnel.openings, r.funnel.hires, r.funnel.retained6])).toEqual([
      ['c1', 10, 4, 3],
      ['c2', 4, 1, 0],
    ]);
    const byOrganisation = funnelBy(FACTS, PLACEMENTS, TODAY, 'housing_organisation');
    // '' is "no housing organisation".
    expect(byOrganisation.map((r) => [r.key, r.funnel.openings, r.funnel.proposals])).toEqual([
      ['', 4, 6],
      ['h1', 10, 20],
    ]);
    const byCity = funnelBy(FACTS, PLACEMENTS, TODAY, 'municipality');
    expect(byCity.map((r) => [r.key, r.funnel.hires, r.funnel.due6, r.funnel.retained6])).toEqual([
      ['m1', 4, 4, 2],
      ['m2', 1, 1, 1],
    ]);
    const byMonth = funnelBy(FACTS, PLACEMENTS, TODAY, 'month');
    expect(byMonth.map((r) => [r.key, r.funnel.openings, r.funnel.interviews, r.funnel.hires])).toEqual([
      ['2026-01', 10, 8, 4],
      ['2026-03', 4, 2, 1],
    ]);
  });

  it('sums every breakdown to the total', () => {
    const total = assembleFunnel(FACTS, PLACEMENTS, TODAY);
    for (const dimension of ['partnership', 'opening_type', 'company', 'month'] as const) {
      const rows = funnelBy(FACTS, PLACEMENTS, TODAY, dimension);
      expect(rows.reduce((s, r) => s + r.funnel.hires, 0)).toBe(total.hires);
      expect(rows.reduce((s, r) => s + r.funnel.retained6, 0)).toBe(total.retained6);
    }
  });
});

describe('hires by type', () => {
  it('has every type, apprentices and trainees apart', () => {
    const byType = hiresByType(FACTS);
    expect(byType.apprentice).toBe(3);
    expect(byType.trainee).toBe(1);
    expect(byType.leisure_job).toBe(1);
    expect(byType.flex_job).toBe(0);
    expect(Object.keys(byType)).toHaveLength(12);
  });
});

describe('medians of durations', () => {
  it('takes the median over the timed openings only', () => {
    expect(medianDays([0.5, null, 2, 1, null])).toEqual({ median: 1, count: 3 });
    expect(medianDays([3, 1, 2, 10])).toEqual({ median: 2.5, count: 4 });
    expect(medianDays([null, null])).toEqual({ median: null, count: 0 });
  });
});

describe('clause fulfilment', () => {
  it('caps each clause at its target, so one over-fulfilled clause does not hide a behind one', () => {
    // 3 of 3, 5 of 2 (counts 2), 0 of 5: 5 of 10.
    const f = clauseFulfilment([
      { target: 3, fulfilled: 3 },
      { target: 2, fulfilled: 5 },
      { target: 5, fulfilled: 0 },
    ]);
    expect(f).toEqual({ target: 10, actual: 5, percent: 50 });
  });

  it('is null without clauses', () => {
    expect(clauseFulfilment([])).toEqual({ target: 0, actual: 0, percent: null });
  });
});

describe('helpers', () => {
  it('lists every month of a period, across a new year', () => {
    expect(monthsOf('2025-11-15', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsOf('2026-03-01', '2026-03-31')).toEqual(['2026-03']);
  });

  it('gives a rate as percent, null over nothing', () => {
    expect(percentOf(3, 4)).toBe(75);
    expect(percentOf(0, 0)).toBeNull();
  });
});

describe('month labels', () => {
  it('names a month the Danish way', () => {
    expect(monthLabelDa('2026-03')).toBe('marts 2026');
    expect(monthLabelDa('2025-12')).toBe('december 2025');
  });
});
