import { describe, expect, it } from 'vitest';
import { addDays, danishDate, danishHour } from './time.ts';

describe('Danish time', () => {
  it('gives the Copenhagen day, not the UTC day, around midnight', () => {
    // 23:30 UTC on 24 Nov is 00:30 on 25 Nov in Copenhagen (CET, UTC+1).
    expect(danishDate(new Date('2026-11-24T23:30:00Z'))).toBe('2026-11-25');
    // Summer time: 22:30 UTC on 30 Jun is 00:30 on 1 Jul (CEST, UTC+2).
    expect(danishDate(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
  });

  it('gives the Copenhagen hour across daylight saving time', () => {
    expect(danishHour(new Date('2026-01-15T06:00:00Z'))).toBe(7);
    expect(danishHour(new Date('2026-07-15T05:00:00Z'))).toBe(7);
    expect(danishHour(new Date('2026-07-15T22:00:00Z'))).toBe(0);
  });

  it('adds calendar days across month and year ends', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
