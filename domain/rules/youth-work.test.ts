import { describe, expect, it } from 'vitest';
import {
  ageOn,
  bandForInput,
  isChildBand,
  type TYouthWorkInput,
  YOUTH_RULE_SETS,
  youthBand,
  youthLimits,
  youthRuleSet,
  youthViolations,
} from './youth-work.ts';

const DAY = { day: true, evening: false, weekend: false };
const EVENING = { day: false, evening: true, weekend: false };
const WEEKEND = { day: false, evening: false, weekend: true };
const check = (input: Partial<TYouthWorkInput>) =>
  youthViolations({ hoursPerWeek: 5, schedule: DAY, ...input });

describe('the rule set', () => {
  it('names its source and the date of the order', () => {
    const set = youthRuleSet('2026-01-01');
    expect(set.name).toBe('Bekendtgørelse nr. 239 af 6. april 2005 om unges arbejde');
    expect(set.issued).toBe('2005-04-06');
    expect(YOUTH_RULE_SETS.every((s) => s.bands.child.sections.length > 0)).toBe(true);
  });
});

describe('ageOn', () => {
  it('counts a birthday on the day itself', () => {
    expect(ageOn('2012-05-10', '2025-05-09')).toBe(12);
    expect(ageOn('2012-05-10', '2025-05-10')).toBe(13);
    expect(ageOn('2007-12-31', '2025-12-31')).toBe(18);
    expect(ageOn('2007-12-31', '2025-12-30')).toBe(17);
  });
  it('makes someone born 29 February older on 1 March in a non-leap year', () => {
    expect(ageOn('2008-02-29', '2023-02-28')).toBe(14);
    expect(ageOn('2008-02-29', '2023-03-01')).toBe(15);
    expect(ageOn('2008-02-29', '2024-02-29')).toBe(16);
  });
  it('refuses anything that is not a date', () => {
    expect(() => ageOn('010203-1234', '2025-01-01')).toThrow(RangeError);
  });
});

describe('youthBand', () => {
  it('puts the edges in the right band', () => {
    expect(youthBand(12)).toBe('under_13');
    expect(youthBand(13)).toBe('child');
    expect(youthBand(14, false)).toBe('child');
    expect(youthBand(15, false)).toBe('young');
    expect(youthBand(15, true)).toBe('pupil');
    expect(youthBand(17, false)).toBe('young');
    expect(youthBand(18, true)).toBe('adult');
  });
  it('treats a 15-17-year-old with unknown school status as still in compulsory school', () => {
    expect(youthBand(16)).toBe('pupil');
    expect(isChildBand('pupil')).toBe(true);
    expect(isChildBand('young')).toBe(false);
  });
  it('takes the band from the youngest accepted age', () => {
    expect(bandForInput({ minAge: 13 })).toBe('child');
    expect(bandForInput({ minAge: 15, inCompulsorySchool: false })).toBe('young');
    expect(bandForInput({ minAge: 18 })).toBe('adult');
    expect(bandForInput({})).toBe('adult');
  });
});

describe('youthLimits', () => {
  it('encodes the published hour limits per band', () => {
    expect(youthLimits('under_13').mayWork).toBe(false);
    expect(youthLimits('child')).toMatchObject({
      maxHoursSchoolDay: 2,
      maxHoursNonSchoolDay: 7,
      maxHoursSchoolWeek: 12,
      maxHoursNonSchoolWeek: 35,
      latestEnd: '20:00',
      earliestStart: '06:00',
      lightWorkOnly: true,
    });
    expect(youthLimits('pupil')).toMatchObject({ maxHoursNonSchoolDay: 8, maxHoursNonSchoolWeek: 40 });
    expect(youthLimits('young')).toMatchObject({ maxHoursNonSchoolDay: 8, maxHoursSchoolWeek: 40 });
    expect(youthLimits('adult').maxHoursSchoolWeek).toBeNull();
  });
});

describe('youthViolations', () => {
  it('refuses any work for children under 13', () => {
    expect(check({ band: 'under_13', hoursPerWeek: 1 })).toEqual(['Børn under 13 år må ikke ansættes.']);
  });

  it('keeps 13-14-year-olds within 12 hours in a school week and 35 in a holiday week', () => {
    expect(check({ band: 'child', hoursPerWeek: 12 })).toEqual([]);
    expect(check({ band: 'child', hoursPerWeek: 13 })).toEqual([
      'Unge under 15 må højst arbejde 12 timer i en skoleuge.',
    ]);
    expect(check({ band: 'child', hoursPerWeek: 35, period: 'school_holiday' })).toEqual([]);
    expect(check({ band: 'child', hoursPerWeek: 36, period: 'school_holiday' })).toEqual([
      'Unge under 15 må højst arbejde 35 timer i en skolefri uge.',
    ]);
  });

  it('checks unknown periods against the school-week limit', () => {
    expect(check({ minAge: 13, hoursPerWeek: 20, period: 'unknown' })).toHaveLength(1);
  });

  it('keeps 13-14-year-olds within 2 hours on a school day and 7 on a school-free day', () => {
    expect(check({ band: 'child', hoursPerDay: 2 })).toEqual([]);
    expect(check({ band: 'child', hoursPerDay: 3 })).toEqual([
      'Unge under 15 må højst arbejde 2 timer på en skoledag.',
    ]);
    expect(check({ band: 'child', schedule: WEEKEND, hoursPerDay: 7 })).toEqual([]);
    expect(check({ band: 'child', schedule: WEEKEND, hoursPerDay: 8 })).toEqual([
      'Unge under 15 må højst arbejde 7 timer på en skolefri dag.',
    ]);
  });

  it('lets pupils of 15-17 work 8 hours on a school-free day but still only 12 in a school week', () => {
    expect(check({ minAge: 16, schedule: WEEKEND, hoursPerDay: 8, hoursPerWeek: 12 })).toEqual([]);
    expect(check({ minAge: 16, hoursPerWeek: 15 })).toEqual([
      'Undervisningspligtige unge må højst arbejde 12 timer i en skoleuge.',
    ]);
  });

  it('keeps 15-17-year-olds out of school within 8 hours a day and 40 a week', () => {
    const young = { band: 'young' as const };
    expect(check({ ...young, hoursPerWeek: 37, hoursPerDay: 7.4 })).toEqual([]);
    expect(check({ ...young, hoursPerWeek: 41, hoursPerDay: 8.5 })).toEqual([
      'Unge under 18 må højst arbejde 40 timer om ugen.',
      'Unge under 18 må højst arbejde 8 timer om dagen.',
    ]);
  });

  it('refuses evening work for 13-14-year-olds that runs past 20.00', () => {
    expect(check({ band: 'child', schedule: EVENING, startTime: '18:00', endTime: '20:00' })).toEqual([]);
    expect(check({ band: 'child', schedule: EVENING, startTime: '18:00', endTime: '21:00' })).toEqual([
      'Unge under 15 må ikke arbejde mellem kl. 20.00 og kl. 06.00.',
    ]);
    expect(check({ band: 'child', schedule: DAY, startTime: '05:30', endTime: '07:00' })).toEqual([
      'Unge under 15 må ikke arbejde mellem kl. 20.00 og kl. 06.00.',
    ]);
  });

  it('asks for an end time when minors work in the evening without one', () => {
    expect(check({ band: 'child', schedule: EVENING })).toEqual([
      'Unge under 15 må ikke arbejde efter kl. 20.00: angiv et sluttidspunkt for aftenarbejdet.',
    ]);
    expect(check({ band: 'adult', schedule: EVENING })).toEqual([]);
  });

  it('lets 15-17-year-olds out of school work later only with a sector exception', () => {
    const late = { band: 'young' as const, schedule: EVENING, startTime: '17:00', endTime: '22:00' };
    expect(check(late)).toEqual(['Unge under 18 må ikke arbejde mellem kl. 20.00 og kl. 06.00.']);
    expect(check({ ...late, nightException: 'office_shop' })).toEqual([]);
    expect(check({ ...late, endTime: '23:00', nightException: 'office_shop' })).toHaveLength(1);
    expect(check({ ...late, endTime: '24:00', nightException: 'hospitality_culture' })).toEqual([]);
    // A pupil may not use a sector exception.
    expect(check({ ...late, band: 'pupil', nightException: 'office_shop' })).toHaveLength(1);
    // A shift past midnight is night work.
    expect(check({ ...late, endTime: '01:00', nightException: 'hospitality_culture' })).toHaveLength(1);
  });

  it('finds nothing for adults', () => {
    expect(check({ minAge: 18, hoursPerWeek: 60, hoursPerDay: 12, endTime: '23:00' })).toEqual([]);
  });
});
