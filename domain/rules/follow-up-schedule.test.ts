import { describe, expect, it } from 'vitest';
import { OPENING_TYPES } from '../opening-types.ts';
import {
  checkInLabelDa,
  DEFAULT_FOLLOW_UP_SCHEDULES,
  followUpPlan,
  ZCheckInSchedule,
  ZFollowUpSettings,
} from './follow-up-schedule.ts';

const plan = (
  type: Parameters<typeof followUpPlan>[0]['type'],
  startDate: string,
  endDate: string | null = null,
) => followUpPlan({ type, startDate, endDate }).map((p) => [p.key, p.dueDate, p.measures]);

describe('follow-up plan at a hire', () => {
  it('an ordinary job: 1 week, 1, 3, 6 and 12 months, retention at 6 and 12', () => {
    expect(plan('full_time', '2026-03-02')).toEqual([
      ['week_1', '2026-03-09', null],
      ['month_1', '2026-04-02', null],
      ['month_3', '2026-06-02', null],
      ['month_6', '2026-09-02', 'retention_6'],
      ['month_12', '2027-03-02', 'retention_12'],
    ]);
  });

  it('months clamp to the end of a shorter month (31 August + 6 months = 28 February)', () => {
    const dates = Object.fromEntries(
      followUpPlan({ type: 'apprentice', startDate: '2026-08-31', endDate: null }).map((p) => [
        p.key,
        p.dueDate,
      ]),
    );
    expect(dates.month_1).toBe('2026-09-30');
    expect(dates.month_6).toBe('2027-02-28');
    expect(dates.month_12).toBe('2027-08-31');
  });

  it('a snusepraktik: weekly for four weeks, the outcome in the fourth', () => {
    expect(plan('site_trial', '2026-05-04')).toEqual([
      ['week_1', '2026-05-11', null],
      ['week_2', '2026-05-18', null],
      ['week_3', '2026-05-25', null],
      ['week_4', '2026-06-01', 'trial_outcome'],
    ]);
  });

  it('a trial with an end date asks its outcome on the last day, and nothing after it', () => {
    // A 17-day snusepraktik: weeks 1-2, then the outcome on the last day.
    expect(plan('site_trial', '2026-05-04', '2026-05-21')).toEqual([
      ['week_1', '2026-05-11', null],
      ['week_2', '2026-05-18', null],
      ['week_4', '2026-05-21', 'trial_outcome'],
    ]);
    // A 6-week virksomhedspraktik: 1 week, 1 month, the outcome after 6 weeks (not 13).
    expect(plan('work_trial', '2026-05-04', '2026-06-15')).toEqual([
      ['week_1', '2026-05-11', null],
      ['month_1', '2026-06-04', null],
      ['trial_end', '2026-06-15', 'trial_outcome'],
    ]);
  });

  it('youth jobs are followed for three months, without a retention measure', () => {
    expect(plan('leisure_job', '2026-01-05').map(([k]) => k)).toEqual(['week_1', 'month_1', 'month_3']);
    expect(
      followUpPlan({ type: 'pocket_money_job', startDate: '2026-01-05', endDate: null }).every(
        (p) => p.measures === null,
      ),
    ).toBe(true);
  });

  it("a partnership's own schedule replaces a type's default; other types keep theirs", () => {
    const settings = ZFollowUpSettings.parse({
      schedules: {
        full_time: [
          { key: 'week_2', after: { weeks: 2 }, measures: null },
          { key: 'month_6', after: { months: 6 }, measures: 'retention_6' },
        ],
      },
    });
    expect(
      followUpPlan({ type: 'full_time', startDate: '2026-01-01', endDate: null, settings }).map((p) => p.key),
    ).toEqual(['week_2', 'month_6']);
    expect(
      followUpPlan({ type: 'apprentice', startDate: '2026-01-01', endDate: null, settings }),
    ).toHaveLength(5);
  });

  it('every default schedule is valid and every type has one', () => {
    for (const type of OPENING_TYPES)
      expect(ZCheckInSchedule.safeParse(DEFAULT_FOLLOW_UP_SCHEDULES[type]).success).toBe(true);
  });

  it('refuses a schedule with a repeated key, a measure twice, or none at all', () => {
    const twice = ZCheckInSchedule.safeParse([
      { key: 'a', after: { weeks: 1 }, measures: 'retention_6' },
      { key: 'a', after: { weeks: 2 }, measures: 'retention_6' },
    ]);
    expect(twice.success).toBe(false);
    expect(twice.error?.issues.map((i) => i.message)).toEqual([
      'Nøglen er brugt før.',
      'Måles allerede i en anden opfølgning.',
    ]);
    expect(ZCheckInSchedule.safeParse([]).success).toBe(false);
  });

  it('labels check-ins in Danish', () => {
    expect(checkInLabelDa('week_1')).toBe('1 uge');
    expect(checkInLabelDa('week_3')).toBe('3 uger');
    expect(checkInLabelDa('month_1')).toBe('1 måned');
    expect(checkInLabelDa('month_12')).toBe('12 måneder');
    expect(checkInLabelDa('trial_end')).toBe('Afslutning af praktik');
  });
});
