import { describe, expect, it } from 'vitest';
import {
  canTransition,
  isFinalStatus,
  OPENING_STATUSES,
  OPENING_TRANSITIONS,
  ZOpeningInput,
} from './opening.schema.ts';

const base = {
  companyId: '00000000-0000-4000-8000-000000000001',
  type: 'full_time',
  title: 'Ejendomsservicetekniker',
  occupationId: 'toemrer',
  hoursPerWeek: 37,
  startDate: '2027-01-04',
  positions: 1,
  postalCode: '8800',
  city: 'Viborg',
};

describe('opening statuses', () => {
  it('only lets an opening move forward, and closed ones not at all', () => {
    expect(canTransition('new', 'referred')).toBe(true);
    expect(canTransition('referred', 'filled')).toBe(false);
    expect(canTransition('interviewing', 'filled')).toBe(true);
    for (const s of OPENING_STATUSES) {
      if (isFinalStatus(s) && s !== 'partly_filled') expect(OPENING_TRANSITIONS[s]).toEqual([]);
      expect(OPENING_TRANSITIONS[s]).not.toContain(s);
    }
  });
});

describe('ZOpeningInput', () => {
  it('accepts an ordinary full-time job and defaults the schedule to daytime', () => {
    const parsed = ZOpeningInput.parse(base);
    expect(parsed).toMatchObject({
      scheduleDay: true,
      scheduleEvening: false,
      partnershipId: null,
      minAge: null,
    });
  });
  it('checks dates, ages and that some time of day is chosen', () => {
    const r = ZOpeningInput.safeParse({
      ...base,
      endDate: '2026-01-01',
      minAge: 30,
      maxAge: 20,
      scheduleDay: false,
    });
    const paths = r.error?.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['endDate', 'maxAge', 'scheduleDay']));
  });
  it('applies the youth-work rules from the type default age', () => {
    const r = ZOpeningInput.safeParse({ ...base, type: 'pocket_money_job', hoursPerWeek: 20 });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['hoursPerWeek']);
    expect(ZOpeningInput.safeParse({ ...base, type: 'pocket_money_job', hoursPerWeek: 6 }).success).toBe(
      true,
    );
  });
  it('reports a youth night-rest violation at the end time, where the user fixes it', () => {
    const evening = { ...base, type: 'leisure_job', hoursPerWeek: 8, scheduleEvening: true };
    const late = ZOpeningInput.safeParse({ ...evening, endTime: '22:00' });
    expect(late.error?.issues.map((i) => i.path.join('.'))).toEqual(['endTime']);
    expect(late.error?.issues[0]?.message).toMatch(/må ikke arbejde mellem kl\. 20\.00/);
    expect(ZOpeningInput.safeParse({ ...evening, endTime: '19:30' }).success).toBe(true);
  });
  it('refuses hours beyond the working-time rules and an unknown occupation', () => {
    expect(ZOpeningInput.safeParse({ ...base, hoursPerWeek: 60 }).error?.issues[0]?.message).toContain('48');
    expect(ZOpeningInput.safeParse({ ...base, occupationId: 'astronaut' }).error?.issues[0]?.message).toBe(
      'Ukendt stilling.',
    );
  });
});
