import { describe, expect, it } from 'vitest';
import {
  formatAmount,
  formatDate,
  formatDateTime,
  formatFileSize,
  formatNumber,
  formatTime,
  parseDateInput,
} from './format.ts';

describe('formatDate', () => {
  it('shows a calendar date as dd.mm.yyyy without shifting it', () => {
    expect(formatDate('2026-11-24')).toBe('24.11.2026');
    expect(formatDate('2026-01-01')).toBe('01.01.2026');
  });
  it('shows an instant in Danish time (winter: UTC+1)', () => {
    expect(formatDate('2026-11-24T23:30:00.000Z')).toBe('25.11.2026');
  });
  it('is empty for nothing or garbage', () => {
    expect(formatDate(null)).toBe('');
    expect(formatDate(undefined)).toBe('');
    expect(formatDate('not a date')).toBe('');
  });
});

describe('formatTime', () => {
  it('shows HH.MM in Danish time, summer and winter', () => {
    expect(formatTime('2026-11-24T07:05:00Z')).toBe('08.05');
    expect(formatTime('2026-07-01T07:05:00Z')).toBe('09.05');
  });
  it('combines date and time', () => {
    expect(formatDateTime('2026-11-24T13:45:00Z')).toBe('24.11.2026 14.45');
    expect(formatDateTime(null)).toBe('');
  });
});

describe('formatNumber', () => {
  it('groups thousands with a dot', () => {
    expect(formatNumber(1234)).toBe('1.234');
    expect(formatNumber(1234567)).toBe('1.234.567');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(null)).toBe('');
  });
  it('shows amounts with a decimal comma', () => {
    expect(formatAmount(1234.5)).toBe('1.234,50');
  });
});

describe('formatFileSize', () => {
  it('shows bytes, kB and MB with a decimal comma, in binary units like the 5 MB limit', () => {
    expect(formatFileSize(830)).toBe('830 byte');
    expect(formatFileSize(12_800)).toBe('12,5 kB');
    expect(formatFileSize(5 * 1024 * 1024)).toBe('5 MB');
    expect(formatFileSize(1_258_291)).toBe('1,2 MB');
  });
});

describe('parseDateInput', () => {
  it('reads Danish dd.mm.yyyy, with dots, dashes or slashes', () => {
    expect(parseDateInput('24.11.2026')).toBe('2026-11-24');
    expect(parseDateInput('24-11-2026')).toBe('2026-11-24');
    expect(parseDateInput('24/11/2026')).toBe('2026-11-24');
    expect(parseDateInput(' 24. 11. 2026 ')).toBe('2026-11-24');
  });
  it('reads days and months without leading zeros', () => {
    expect(parseDateInput('1.2.2027')).toBe('2027-02-01');
    expect(parseDateInput('01.02.2027')).toBe('2027-02-01');
  });
  it('reads ISO yyyy-mm-dd (pasted from elsewhere)', () => {
    expect(parseDateInput('2027-02-01')).toBe('2027-02-01');
  });
  it('knows the length of months and leap years', () => {
    expect(parseDateInput('29.02.2028')).toBe('2028-02-29');
    expect(parseDateInput('29.02.2027')).toBeNull();
    expect(parseDateInput('31.04.2027')).toBeNull();
    expect(parseDateInput('31.12.2027')).toBe('2027-12-31');
  });
  it('refuses nonsense and half-typed dates', () => {
    for (const text of [
      '',
      '   ',
      'i morgen',
      '24.11',
      '24.11.26',
      '24.11.202',
      '24.13.2026',
      '0.11.2026',
      '32.01.2026',
      '24.11-2026',
      '24.11.2026x',
      '2026-13-01',
      '2026-02-30',
      '01.01.0202',
      '1e1.2.2027',
    ]) {
      expect(parseDateInput(text), text).toBeNull();
    }
  });
});
