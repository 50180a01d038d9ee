import { describe, expect, it } from 'vitest';
import { clauseProgress } from './clause-progress.ts';

// The Houlkærvænget renovation: three apprentices over calendar year 2026 (365 days).
const year = { target: 3, periodStart: '2026-01-01', periodEnd: '2026-12-31' };

describe('clauseProgress', () => {
  it('expects nothing before the period starts and calls it not started', () => {
    const p = clauseProgress({ ...year, fulfilled: 0, today: '2025-12-15' });
    expect(p.elapsedShare).toBe(0);
    expect(p.expectedByToday).toBe(0);
    expect(p.status).toBe('not_started');
  });

  it('is on track early on when less than one whole unit is due', () => {
    // 1 Jan - 28 Feb = 59 of 365 days → 0.48 expected.
    const p = clauseProgress({ ...year, fulfilled: 0, today: '2026-02-28' });
    expect(p.expectedByToday).toBeCloseTo(0.48, 2);
    expect(p.status).toBe('on_track');
  });

  it('is behind once a whole unit due pro rata is missing', () => {
    // 1 Jan - 31 May = 151 days → 1.24 expected; none placed.
    const p = clauseProgress({ ...year, fulfilled: 0, today: '2026-05-31' });
    expect(p.expectedByToday).toBeCloseTo(1.24, 2);
    expect(p.status).toBe('behind');
    expect(clauseProgress({ ...year, fulfilled: 1, today: '2026-05-31' }).status).toBe('on_track');
  });

  it('is met when the target is reached, even before the period ends', () => {
    const p = clauseProgress({ ...year, fulfilled: 3, today: '2026-03-01' });
    expect(p.status).toBe('met');
    expect(p.fulfilledShare).toBe(1);
    expect(clauseProgress({ ...year, fulfilled: 4, today: '2026-03-01' }).fulfilledShare).toBe(1);
  });

  it('expects the whole target on the last day and after the period', () => {
    expect(clauseProgress({ ...year, fulfilled: 2, today: '2026-12-31' }).expectedByToday).toBe(3);
    const after = clauseProgress({ ...year, fulfilled: 2, today: '2027-02-01' });
    expect(after.elapsedShare).toBe(1);
    expect(after.status).toBe('behind');
  });

  it('counts a one-day period as fully elapsed on that day', () => {
    const p = clauseProgress({
      target: 1,
      fulfilled: 0,
      periodStart: '2026-06-01',
      periodEnd: '2026-06-01',
      today: '2026-06-01',
    });
    expect(p.elapsedShare).toBe(1);
    expect(p.status).toBe('behind');
  });

  it('treats trainee weeks like any other quantity', () => {
    // 40 trainee weeks over 2026; at the end of June ~ 19.8 expected, 12 done → behind.
    const p = clauseProgress({ ...year, target: 40, fulfilled: 12, today: '2026-06-30' });
    expect(p.expectedByToday).toBeCloseTo(19.84, 1);
    expect(p.status).toBe('behind');
    expect(p.fulfilledShare).toBeCloseTo(0.3, 5);
  });
});
