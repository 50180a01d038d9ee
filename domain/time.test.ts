import { describe, expect, it } from 'vitest';
import { addDays, addMonths, danishDate, danishHour, daysBetween, formatDanishDate } from './time.ts';

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

  it('adds months, ending on the month’s last day when the day is missing', () => {
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-11-25', -6)).toBe('2026-05-25');
    expect(addMonths('2026-01-15', -13)).toBe('2024-12-15');
  });

  it('counts whole days between dates, across daylight saving time', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-11-25', '2026-11-01')).toBe(-24);
  });

  it('writes dates the Danish way', () => {
    expect(formatDanishDate('2027-01-04')).toBe('04.01.2027');
    expect(formatDanishDate('2027-01-04T10:00:00Z')).toBe('04.01.2027');
  });
});
