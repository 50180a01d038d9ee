import { describe, expect, it } from 'vitest';
import { containsCprLike } from './cpr.ts';

describe('containsCprLike', () => {
  it('finds ddmmyy-nnnn and 10 digits that start with a calendar date', () => {
    expect(containsCprLike('010190-1234')).toBe(true);
    expect(containsCprLike('CPR 0101901234 står her')).toBe(true);
    expect(containsCprLike('290200 1234')).toBe(true); // 29 Feb 2000
    expect(containsCprLike('311299-0000')).toBe(true);
  });
  it('leaves other numbers alone', () => {
    expect(containsCprLike('3202991234')).toBe(false); // day 32
    expect(containsCprLike('0113901234')).toBe(false); // month 13
    expect(containsCprLike('290201-1234')).toBe(false); // 29 Feb in neither 1901 nor 2001
    expect(containsCprLike('29189919')).toBe(false); // a CVR number
    expect(containsCprLike('+4587874049')).toBe(false);
    expect(containsCprLike('01019012345')).toBe(false); // 11 digits
  });
});
