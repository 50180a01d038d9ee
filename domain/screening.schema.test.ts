import { describe, expect, it } from 'vitest';
import {
  defaultNextScreening,
  screeningAgeProblem,
  screeningResult,
  ZScreeningInput,
} from './screening.schema.ts';

const ready = {
  motivation: 4,
  barriers: ['transport' as const],
  hoursPossible: 30,
  danishLevel: 3,
  healthLimits: 'none' as const,
};

describe('Stepping Stones screening', () => {
  it('places a motivated person with 20+ hours and at most one barrier in target group 1', () => {
    expect(screeningResult(ready).targetGroup).toBe(1);
    expect(screeningResult({ ...ready, hoursPossible: 20 }).targetGroup).toBe(1);
  });

  it('places everyone else in target group 2, saying why', () => {
    expect(screeningResult({ ...ready, hoursPossible: 12 })).toEqual({
      targetGroup: 2,
      reasons: ['Kan arbejde under 20 timer om ugen.'],
    });
    const many = screeningResult({
      motivation: 2,
      barriers: ['childcare', 'language'],
      hoursPossible: 8,
      danishLevel: 1,
      healthLimits: 'major',
    });
    expect(many.targetGroup).toBe(2);
    expect(many.reasons).toHaveLength(5);
  });

  it('plans the next screening after 6 months for group 1 and 3 months for group 2', () => {
    expect(defaultNextScreening('2026-11-24', 1)).toBe('2027-05-25');
    expect(defaultNextScreening('2026-11-24', 2)).toBe('2027-02-23');
  });

  it('screens 18-64-year-olds only', () => {
    expect(screeningAgeProblem('2010-01-01', '2026-11-24')).toBe(
      'Stepping Stones-screening gælder 18-64-årige.',
    );
    expect(screeningAgeProblem('1990-01-01', '2026-11-24')).toBeNull();
    expect(screeningAgeProblem('1960-01-01', '2026-11-24')).not.toBeNull();
  });

  it('validates the form in Danish', () => {
    const r = ZScreeningInput.safeParse({ screenedOn: '2026-11-24', motivation: 7, hoursPossible: -1 });
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['motivation', 'Vælg motivation 1-5.'],
      ['hoursPossible', 'Kan ikke være negativt.'],
      ['earlierWork', 'Vælg erfaring.'],
      ['danishLevel', 'Vælg niveau 1-5.'],
      ['healthLimits', 'Vælg helbredsbegrænsninger.'],
    ]);
  });
});
