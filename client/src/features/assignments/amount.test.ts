import { ZValueDkk } from '@domain/assignment.schema.ts';
import { describe, expect, it } from 'vitest';
import { parseDanishAmount } from './amount.ts';

describe('parseDanishAmount', () => {
  it.each([
    ['1.250.000', 1_250_000],
    ['1 250 000 kr.', 1_250_000],
    ['1250000', 1_250_000],
    ['850.000 kr', 850_000],
    ['  42 ', 42],
    ['0', 0],
    ['2.500.000 DKK', 2_500_000],
  ])('reads %s as %d', (text, value) => {
    expect(parseDanishAmount(text)).toBe(value);
  });

  it('gives null for an empty field (the value is optional)', () => {
    expect(parseDanishAmount('')).toBeNull();
    expect(parseDanishAmount('   ')).toBeNull();
  });

  it('keeps decimals, so the schema can ask for whole kroner', () => {
    expect(parseDanishAmount('1.250,50')).toBe(1250.5);
    expect(ZValueDkk.safeParse(parseDanishAmount('1.250,50')).error?.issues[0]?.message).toBe(
      'Angiv hele kroner.',
    );
  });

  it('does not read a lone dot as a thousands separator', () => {
    expect(parseDanishAmount('1.5')).toBe(1.5);
  });

  it('passes text that is no amount on, for the schema to refuse', () => {
    expect(parseDanishAmount('en million')).toBe('en million');
    expect(ZValueDkk.safeParse(parseDanishAmount('en million')).error?.issues[0]?.message).toBe(
      'Skal være et beløb i kroner.',
    );
    expect(ZValueDkk.safeParse(parseDanishAmount('-5')).error?.issues[0]?.message).toBe(
      'Beløbet kan ikke være negativt.',
    );
  });
});
