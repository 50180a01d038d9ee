import { describe, expect, it } from 'vitest';
import da from './da.json';
import en from './en.json';

function keys(obj: unknown, prefix = ''): string[] {
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return [prefix];
  return Object.entries(obj).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('locales', () => {
  it('Danish and English have the same keys', () => {
    expect(keys(en).sort()).toEqual(keys(da).sort());
  });
  it('has no empty texts', () => {
    const empty = (o: unknown): boolean =>
      typeof o === 'string' ? o.trim() === '' : Object.values(o as object).some(empty);
    expect(empty(da)).toBe(false);
    expect(empty(en)).toBe(false);
  });
});
