import da from '@client/locales/da.json';
import en from '@client/locales/en.json';
import {
  CHECK_IN_CONTACT_LABEL_DA,
  CHECK_IN_CONTACTS,
  CHECK_IN_STATUS_LABEL_DA,
  CHECK_IN_STATUSES,
  RETENTION_OUTCOME_LABEL_DA,
  TRIAL_OUTCOME_LABEL_DA,
  ZCheckIn,
} from '@domain/placement.schema.ts';
import { RETENTION_OUTCOMES, TRIAL_OUTCOMES } from '@domain/reports/retention.ts';
import { followUpPlan } from '@domain/rules/follow-up-schedule.ts';
import { describe, expect, it } from 'vitest';
import {
  checkInBody,
  checkInLabel,
  EMPTY_CHECK_IN,
  FOLLOW_UP_BADGES,
  followUpBadge,
  outcomeFieldOf,
  outcomeKeyOf,
} from './follow-up-ui.ts';

const planned = (dueDate: string, overdue = false) => ({ state: 'planned' as const, overdue, dueDate });

describe('followUpBadge', () => {
  const today = '2026-03-10';

  it('calls a planned check-in overdue when the server says so, also if the browser is behind its clock', () => {
    // A moved test clock: the server's "today" is months ahead of the browser's.
    expect(followUpBadge(planned('2026-09-01', true), today)).toBe('overdue');
    expect(followUpBadge(planned('2026-03-01', true), today)).toBe('overdue');
  });

  it('calls a planned check-in due on or before today "due", a later one "planned"', () => {
    expect(followUpBadge(planned('2026-03-10'), today)).toBe('due');
    expect(followUpBadge(planned('2026-03-09'), today)).toBe('due');
    expect(followUpBadge(planned('2026-03-11'), today)).toBe('planned');
  });

  it('shows a recorded or cancelled check-in as such, whatever its date', () => {
    expect(followUpBadge({ state: 'done', overdue: false, dueDate: '2026-01-01' }, today)).toBe('done');
    expect(followUpBadge({ state: 'cancelled', overdue: false, dueDate: '2026-01-01' }, today)).toBe(
      'cancelled',
    );
  });

  it('has a Danish and an English word for every badge, "Overskredet" for overdue', () => {
    for (const b of FOLLOW_UP_BADGES) {
      expect(da.followUps.badge).toHaveProperty(b);
      expect(en.followUps.badge).toHaveProperty(b);
    }
    expect(da.followUps.badge.overdue).toBe('Overskredet');
  });
});

describe('checkInLabel', () => {
  it('names every check-in of the standard plan and a site trial in Danish and English', () => {
    const standard = followUpPlan({ type: 'full_time', startDate: '2026-01-05', endDate: null });
    expect(standard.map((p) => checkInLabel(p.key, 'da'))).toEqual([
      '1 uge',
      '1 måned',
      '3 måneder',
      '6 måneder',
      '12 måneder',
    ]);
    expect(standard.map((p) => checkInLabel(p.key, 'en'))).toEqual([
      '1 week',
      '1 month',
      '3 months',
      '6 months',
      '12 months',
    ]);
    const trial = followUpPlan({ type: 'site_trial', startDate: '2026-01-05', endDate: '2026-01-30' });
    expect(trial.map((p) => checkInLabel(p.key, 'en'))).toEqual(['1 week', '2 weeks', '3 weeks', '4 weeks']);
    expect(checkInLabel('trial_end', 'da')).toBe('Afslutning af praktik');
    expect(checkInLabel('trial_end', 'en')).toBe('End of trial');
    expect(checkInLabel('extra', 'en')).toBe('Extra check-in');
  });
});

describe('the check-in form', () => {
  it('asks for the retention outcome at 6 and 12 months, the trial outcome at a trial’s end, else none', () => {
    expect(outcomeFieldOf('retention_6')).toBe('retentionOutcome');
    expect(outcomeFieldOf('retention_12')).toBe('retentionOutcome');
    expect(outcomeFieldOf('trial_outcome')).toBe('trialOutcome');
    expect(outcomeFieldOf(null)).toBe(null);
  });

  it('sends only the outcome the check-in measures, and the schema accepts it', () => {
    const values = {
      ...EMPTY_CHECK_IN,
      contactedWith: 'both' as const,
      status: 'going_well' as const,
      notes: 'Trives på holdet.',
      retentionOutcome: 'in_job' as const,
      trialOutcome: 'job' as const,
    };
    const at6 = ZCheckIn.parse(checkInBody(values, 'retention_6'));
    expect(at6).toMatchObject({ retentionOutcome: 'in_job', trialOutcome: null, notes: 'Trives på holdet.' });
    const trialEnd = ZCheckIn.parse(checkInBody(values, 'trial_outcome'));
    expect(trialEnd).toMatchObject({ retentionOutcome: null, trialOutcome: 'job' });
    const week1 = ZCheckIn.parse(checkInBody(values, null));
    expect(week1).toMatchObject({ retentionOutcome: null, trialOutcome: null, actionTaken: null });
  });

  it('names the unanswered questions at their fields', () => {
    const result = ZCheckIn.safeParse(checkInBody(EMPTY_CHECK_IN, 'retention_6'));
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['contactedWith', 'status']));
    expect(result.error?.issues.find((i) => i.path[0] === 'status')?.message).toBe('Vælg, hvordan det går.');
  });

  it('shows a recorded outcome by its label', () => {
    expect(outcomeKeyOf({ retentionOutcome: 'in_education', trialOutcome: null })).toBe(
      'followUps.retentionOutcome.in_education',
    );
    expect(outcomeKeyOf({ retentionOutcome: null, trialOutcome: 'other' })).toBe(
      'followUps.trialOutcome.other',
    );
    expect(outcomeKeyOf({ retentionOutcome: null, trialOutcome: null })).toBe(null);
  });
});

describe('labels', () => {
  it('says in Danish what the domain (and the notifications) say, and has every English word', () => {
    for (const s of CHECK_IN_STATUSES) {
      expect(da.followUps.status[s]).toBe(CHECK_IN_STATUS_LABEL_DA[s]);
      expect(en.followUps.status).toHaveProperty(s);
    }
    for (const c of CHECK_IN_CONTACTS) {
      expect(da.followUps.contact[c]).toBe(CHECK_IN_CONTACT_LABEL_DA[c]);
      expect(en.followUps.contact).toHaveProperty(c);
    }
    for (const o of RETENTION_OUTCOMES) {
      expect(da.followUps.retentionOutcome[o]).toBe(RETENTION_OUTCOME_LABEL_DA[o]);
      expect(en.followUps.retentionOutcome).toHaveProperty(o);
    }
    for (const o of TRIAL_OUTCOMES) {
      expect(da.followUps.trialOutcome[o]).toBe(TRIAL_OUTCOME_LABEL_DA[o]);
      expect(en.followUps.trialOutcome).toHaveProperty(o);
    }
  });
});
