import { describe, expect, it } from 'vitest';
import { isValidCvr } from './cvr.ts';

describe('isValidCvr', () => {
  it('accepts real CVR numbers (modulus 11 with weights 2,7,6,5,4,3,2,1)', () => {
    // Danish public bodies' published CVR numbers.
    for (const cvr of ['29189919', '29189846', '25052943', '10103940']) expect(isValidCvr(cvr)).toBe(true);
    expect(isValidCvr('29 18 99 19')).toBe(true);
  });
  it('rejects wrong check digits, wrong length, letters and a leading zero', () => {
    for (const cvr of ['29189918', '12345678', '1234567', '123456789', '2918991a', '', '01234567']) {
      expect(isValidCvr(cvr)).toBe(false);
    }
  });
});
