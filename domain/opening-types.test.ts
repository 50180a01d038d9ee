import { describe, expect, it } from 'vitest';
import { OPENING_TYPE_INFO, OPENING_TYPE_LIST, OPENING_TYPES, ZOpeningType } from './opening-types.ts';
import { youthBand, youthLimits, youthViolations } from './rules/youth-work.ts';

describe('opening types', () => {
  it('has every type from DOMAIN.md with Danish and English labels', () => {
    expect(OPENING_TYPE_LIST.map((t) => t.labelDa)).toEqual([
      'Elevplads',
      'Lærlingeplads',
      'Ordinært job, fuldtid',
      'Ordinært job, deltid',
      'Fritidsjob',
      'Lommepengejob',
      'Småjob',
      'Virksomhedspraktik',
      'Snusepraktik',
      'Løntilskud',
      'Fleksjob',
      'Fejedrengs-tjans',
    ]);
    expect(OPENING_TYPE_LIST.every((t) => t.labelEn.length > 0)).toBe(true);
  });

  it('validates the type with a Danish message', () => {
    expect(ZOpeningType.parse('leisure_job')).toBe('leisure_job');
    const bad = ZOpeningType.safeParse('circus');
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe('Ukendt type jobåbning.');
  });

  it('defaults the youth types to the ages of the seeds', () => {
    expect(OPENING_TYPE_INFO.leisure_job).toMatchObject({ minAge: 15, maxAge: 17, isYouth: true });
    expect(OPENING_TYPE_INFO.pocket_money_job).toMatchObject({ minAge: 13, maxAge: 14, isYouth: true });
    expect(OPENING_TYPE_INFO.site_trial.durationWeeks).toBe(4);
    expect(OPENING_TYPE_INFO.small_job.isSmall).toBe(true);
    expect(OPENING_TYPE_INFO.full_time).toMatchObject({ minAge: 18, isSmall: false, isYouth: false });
  });

  it('never defaults below the legal minimum age or to an inverted range', () => {
    for (const t of OPENING_TYPE_LIST) {
      expect(t.minAge, t.type).toBeGreaterThanOrEqual(13);
      if (t.maxAge !== null) expect(t.maxAge, t.type).toBeGreaterThanOrEqual(t.minAge);
      expect(t.hoursPerWeek.min, t.type).toBeGreaterThan(0);
      expect(t.hoursPerWeek.max, t.type).toBeGreaterThanOrEqual(t.hoursPerWeek.min);
    }
  });

  it('keeps every default within the youth-work rules for its youngest accepted age', () => {
    for (const type of OPENING_TYPES) {
      const t = OPENING_TYPE_INFO[type];
      const inCompulsorySchool = t.afterCompulsorySchool ? false : undefined;
      const violations = youthViolations({
        minAge: t.minAge,
        inCompulsorySchool,
        hoursPerWeek: t.hoursPerWeek.max,
        schedule: { day: true, evening: false, weekend: false },
      });
      expect(violations, type).toEqual([]);
      const limit = youthLimits(youthBand(t.minAge, inCompulsorySchool)).maxHoursSchoolWeek;
      if (limit !== null) expect(t.hoursPerWeek.max, type).toBeLessThanOrEqual(limit);
    }
  });
});
