import { findOccupation } from '@domain/occupations.ts';
import { describe, expect, it } from 'vitest';
import { searchTerm, toOccupationOptions } from './occupation-options.ts';

const toemrer = findOccupation('toemrer')!;
const kok = findOccupation('kok')!;
const maler = findOccupation('maler')!;

describe('toOccupationOptions', () => {
  it('groups "Tømrer (7115)" style options in the fixed group order', () => {
    const groups = toOccupationOptions([kok, toemrer, maler], (g) => `G:${g}`);
    expect(groups).toEqual([
      {
        group: 'G:building',
        items: [
          { value: 'toemrer', label: 'Tømrer (7115)' },
          { value: 'maler', label: 'Maler (7131)' },
        ],
      },
      { group: 'G:kitchen', items: [{ value: 'kok', label: 'Kok (5120)' }] },
    ]);
  });

  it('keeps the selected occupation among the options, once', () => {
    const withSelected = toOccupationOptions([kok], (g) => g, toemrer);
    expect(withSelected.flatMap((g) => g.items.map((i) => i.value))).toEqual(['toemrer', 'kok']);
    const already = toOccupationOptions([toemrer], (g) => g, toemrer);
    expect(already.flatMap((g) => g.items)).toHaveLength(1);
  });
});

describe('searchTerm', () => {
  it('ignores the label of the chosen occupation, not other text', () => {
    expect(searchTerm('Tømrer (7115)', toemrer)).toBe('');
    expect(searchTerm('  tømr ', toemrer)).toBe('tømr');
    expect(searchTerm('Tømrer (7115)', null)).toBe('Tømrer (7115)');
  });
});
