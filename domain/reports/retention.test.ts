import { describe, expect, it } from 'vitest';
import { daysToHire, median, retentionBy, retentionFigures, type TRetentionPlacement } from './retention.ts';

const base: TRetentionPlacement = {
  partnershipId: 'p1',
  companyId: 'c1',
  type: 'full_time',
  startDate: '2025-01-01',
  outcome6: null,
  outcome12: null,
  trialOutcome: null,
  daysToHire: null,
};
const hire = (o: Partial<TRetentionPlacement>): TRetentionPlacement => ({ ...base, ...o });

// A fixture with known answers, in the spirit of Aabenraa's 200 → 100 → 80 (seed 002), scaled down:
// ten hires a year ago or more, six reached 6 months in work or education, and so on.
const TODAY = '2026-03-01';
const FIXTURE: TRetentionPlacement[] = [
  // Started over 12 months ago: due at 6 and 12.
  hire({ startDate: '2025-01-10', outcome6: 'in_job', outcome12: 'in_job', daysToHire: 10 }),
  hire({ startDate: '2025-02-01', outcome6: 'in_job', outcome12: 'in_education', daysToHire: 20 }),
  hire({ startDate: '2025-02-15', outcome6: 'in_education', outcome12: 'neither', daysToHire: 30 }),
  hire({ startDate: '2025-03-01', outcome6: 'neither', outcome12: 'unknown', companyId: 'c2' }),
  hire({ startDate: '2025-03-01', outcome6: 'unknown', outcome12: null, companyId: 'c2' }),
  // Started 6-12 months ago: due at 6 only.
  hire({ startDate: '2025-06-01', outcome6: 'in_job', type: 'apprentice', daysToHire: 40 }),
  hire({ startDate: '2025-09-01', outcome6: 'in_job', type: 'apprentice' }),
  hire({ startDate: '2025-08-15', outcome6: null, type: 'apprentice' }),
  // Not yet due: started less than 6 months ago (6 months = 2026-03-02, one day after today).
  hire({ startDate: '2025-09-02', daysToHire: 5 }),
  // Trials count by outcome, not by retention.
  hire({ type: 'site_trial', startDate: '2025-01-01', trialOutcome: 'job' }),
  hire({ type: 'site_trial', startDate: '2025-02-01', trialOutcome: 'education' }),
  hire({ type: 'work_trial', startDate: '2025-11-01', trialOutcome: null, outcome6: 'in_job' }),
];

describe('retention at 6 and 12 months', () => {
  it('counts due, retained (job or education), missing and the rate on a known fixture', () => {
    const f = retentionFigures(FIXTURE, TODAY);
    expect(f.hires).toBe(9);
    expect(f.at6).toEqual({ due: 8, retained: 5, inJob: 4, inEducation: 1, missing: 1, rate: 5 / 8 });
    expect(f.at12).toEqual({ due: 5, retained: 2, inJob: 1, inEducation: 1, missing: 1, rate: 2 / 5 });
    expect(f.trials).toEqual({ total: 3, job: 1, education: 1, other: 0, pending: 1 });
    // Days to hire 10, 20, 30, 40, 5 → median 20.
    expect(f.medianDaysToHire).toBe(20);
  });

  it('a placement is due on the day its 6 months are up, not the day before', () => {
    const one = [hire({ startDate: '2025-09-01', outcome6: 'in_job' })];
    expect(retentionFigures(one, '2026-02-28').at6.due).toBe(0);
    expect(retentionFigures(one, '2026-03-01').at6.due).toBe(1);
  });

  it('has no rate when nothing is due', () => {
    expect(retentionFigures([], TODAY).at6.rate).toBeNull();
    expect(retentionFigures([], TODAY).medianDaysToHire).toBeNull();
  });

  it('groups by company and by type with the same maths', () => {
    const byCompany = retentionBy(FIXTURE, TODAY, 'company');
    expect(byCompany.map((r) => r.key)).toEqual(['c1', 'c2']);
    expect(byCompany[1]!.figures.at6).toMatchObject({ due: 2, retained: 0 });
    const byType = retentionBy(FIXTURE, TODAY, 'type');
    expect(byType.find((r) => r.key === 'apprentice')!.figures.at6).toMatchObject({
      due: 3,
      retained: 2,
      missing: 1,
    });
    expect(byType.find((r) => r.key === 'site_trial')!.figures.trials).toMatchObject({ total: 2, job: 1 });
  });

  it('medians and days to hire', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(daysToHire('2026-01-01', '2026-01-15')).toBe(14);
    expect(daysToHire('2026-01-15', '2026-01-01')).toBe(0);
  });
});
