import { clauseProgress } from '@domain/rules/clause-progress.ts';
import { describe, expect, it } from 'vitest';
import { formatCount, formatExpected, progressPercent } from './clause-format.ts';

describe('clause progress as shown', () => {
  it('shows the pro-rata expectation with one Danish decimal', () => {
    expect(formatExpected(1.2)).toBe('1,2');
    expect(formatExpected(0)).toBe('0,0');
    expect(formatExpected(1.25)).toBe('1,3');
    expect(formatExpected(1234.5)).toBe('1.234,5');
  });

  it('shows counts without needless decimals', () => {
    expect(formatCount(2)).toBe('2');
    expect(formatCount(2.5)).toBe('2,5');
  });

  it('turns the fulfilled share into a bar width, capped at 100 %', () => {
    expect(progressPercent(2 / 3)).toBe(67);
    expect(progressPercent(0)).toBe(0);
    expect(progressPercent(1.4)).toBe(100);
  });

  it('reads "Forventet i dag: 1,2" for 3 apprentices 40 % into the period', () => {
    // A 100-day period on day 40: 3 × 0.4 = 1.2 expected. One whole unit is due, one is there: on track.
    const p = clauseProgress({
      target: 3,
      fulfilled: 1,
      periodStart: '2026-01-01',
      periodEnd: '2026-04-10',
      today: '2026-02-09',
    });
    expect(formatExpected(p.expectedByToday)).toBe('1,2');
    expect(p.status).toBe('on_track');
    expect(progressPercent(p.fulfilledShare)).toBe(33);
  });
});
