import { describe, expect, it } from 'vitest';
import { defaultReportPeriod, isUnfinished, POLL_MS, pollInterval } from './reports-ui.ts';

describe('reports page helpers', () => {
  it('proposes this year up to today', () => {
    expect(defaultReportPeriod('2026-12-04')).toEqual({ from: '2026-01-01', to: '2026-12-04' });
    expect(defaultReportPeriod('2027-01-01')).toEqual({ from: '2027-01-01', to: '2027-01-01' });
  });

  it('polls a run every second until it is done or has failed', () => {
    expect(pollInterval(undefined)).toBe(POLL_MS);
    expect(pollInterval({ status: 'queued' })).toBe(1000);
    expect(pollInterval({ status: 'running' })).toBe(1000);
    expect(pollInterval({ status: 'done' })).toBe(false);
    expect(pollInterval({ status: 'failed' })).toBe(false);
    expect(isUnfinished({ status: 'done' })).toBe(false);
  });
});
