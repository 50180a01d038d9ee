import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  danishDate,
  danishHour,
  danishLocalToUtc,
  danishTime,
  daysBetween,
  formatDanishDate,
} from './time.ts';

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

describe('Danish wall-clock time to UTC (interview times)', () => {
  it('takes summer time (UTC+2) and winter time (UTC+1) into account', () => {
    expect(danishLocalToUtc('2026-06-15', '10:00').toISOString()).toBe('2026-06-15T08:00:00.000Z');
    expect(danishLocalToUtc('2026-01-15', '10:00').toISOString()).toBe('2026-01-15T09:00:00.000Z');
    // Just before midnight on New Year's Eve is still the same UTC day, an hour earlier.
    expect(danishLocalToUtc('2026-12-31', '23:30').toISOString()).toBe('2026-12-31T22:30:00.000Z');
    // Just after midnight in summer is the day before in UTC.
    expect(danishLocalToUtc('2026-07-01', '00:30').toISOString()).toBe('2026-06-30T22:30:00.000Z');
  });

  it('handles the days the clocks change', () => {
    // 29.03.2026: 02:00 becomes 03:00. Before is winter time, after is summer time.
    expect(danishLocalToUtc('2026-03-29', '01:30').toISOString()).toBe('2026-03-29T00:30:00.000Z');
    expect(danishLocalToUtc('2026-03-29', '03:00').toISOString()).toBe('2026-03-29T01:00:00.000Z');
    // 02:30 does not exist that night: it moves an hour on, to 03:30 summer time.
    expect(danishTime(danishLocalToUtc('2026-03-29', '02:30'))).toBe('03:30');
    // 25.10.2026: 03:00 becomes 02:00 again. 10:00 that day is winter time.
    expect(danishLocalToUtc('2026-10-25', '10:00').toISOString()).toBe('2026-10-25T09:00:00.000Z');
    expect(danishLocalToUtc('2026-10-25', '01:30').toISOString()).toBe('2026-10-24T23:30:00.000Z');
  });

  it('round-trips through the Copenhagen day and time of the instant', () => {
    for (const [date, time] of [
      ['2026-06-15', '10:00'],
      ['2026-11-25', '08:15'],
      ['2027-02-28', '23:59'],
    ] as const) {
      const at = danishLocalToUtc(date, time);
      expect(danishDate(at)).toBe(date);
      expect(danishTime(at)).toBe(time);
    }
  });
});
