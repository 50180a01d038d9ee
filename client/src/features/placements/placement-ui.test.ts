import da from '@client/locales/da.json';
import en from '@client/locales/en.json';
import {
  PLACEMENT_END_REASON_LABEL_DA,
  PLACEMENT_END_REASONS,
  PLACEMENT_STATUS_LABEL_DA,
  PLACEMENT_STATUSES,
  WAGE_SUBSIDY_KINDS,
  WAGE_SUBSIDY_LABEL_DA,
  ZPlacementEnd,
} from '@domain/placement.schema.ts';
import { describe, expect, it } from 'vitest';
import { END_STATUSES, endBody, isCompanyOnly, notBefore, suggestedEndDate } from './placement-ui.ts';

describe('"Afslut forløb"', () => {
  it('offers every way a placement can end, but not "active"', () => {
    expect([...END_STATUSES].sort()).toEqual(PLACEMENT_STATUSES.filter((s) => s !== 'active').sort());
  });

  it('sends a reason only when the placement stopped early', () => {
    const converted = endBody({ status: 'converted', endDate: '2026-09-30', reason: 'moved', note: '' });
    expect(ZPlacementEnd.parse(converted)).toEqual({
      status: 'converted',
      endDate: '2026-09-30',
      reason: null,
      note: null,
    });
    const early = endBody({ status: 'ended_early', endDate: '2026-09-30', reason: 'moved', note: '' });
    expect(ZPlacementEnd.parse(early).reason).toBe('moved');
  });

  it('asks for the reason of an early end, and for a note when the reason is "other"', () => {
    const noReason = ZPlacementEnd.safeParse(
      endBody({ status: 'ended_early', endDate: '2026-09-30', reason: '', note: '' }),
    );
    expect(noReason.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['reason', 'Vælg, hvorfor forløbet stoppede.'],
    ]);
    const other = ZPlacementEnd.safeParse(
      endBody({ status: 'ended_early', endDate: '2026-09-30', reason: 'other', note: ' ' }),
    );
    expect(other.error?.issues.map((i) => i.path.join('.'))).toEqual(['note']);
    const noStatus = ZPlacementEnd.safeParse(
      endBody({ status: '', endDate: '2026-09-30', reason: '', note: '' }),
    );
    expect(noStatus.error?.issues[0]?.message).toBe('Vælg, hvordan forløbet sluttede.');
  });

  it('suggests the planned end once it has come, else today, never before the start', () => {
    expect(suggestedEndDate({ startDate: '2026-01-05', endDate: '2026-01-30' }, '2026-03-01')).toBe(
      '2026-01-30',
    );
    expect(suggestedEndDate({ startDate: '2026-01-05', endDate: '2026-06-30' }, '2026-03-01')).toBe(
      '2026-03-01',
    );
    expect(suggestedEndDate({ startDate: '2026-01-05', endDate: null }, '2026-03-01')).toBe('2026-03-01');
    // Recorded ahead of a start in the future: the start day.
    expect(suggestedEndDate({ startDate: '2026-04-01', endDate: null }, '2026-03-01')).toBe('2026-04-01');
    expect(notBefore('2026-12-31', '2027-01-01')).toBe('2027-01-01');
    expect(notBefore('2027-01-02', '2027-01-01')).toBe('2027-01-02');
  });
});

describe('who sees the company view', () => {
  it('is a user who is only a company contact', () => {
    expect(isCompanyOnly({ memberships: [{ role: 'company_contact' }] })).toBe(true);
    expect(isCompanyOnly({ memberships: [{ role: 'company_contact' }, { role: 'job_consultant' }] })).toBe(
      false,
    );
    expect(isCompanyOnly({ memberships: [] })).toBe(false);
  });
});

describe('labels', () => {
  it('says in Danish what the domain says, and has every English word', () => {
    for (const s of PLACEMENT_STATUSES) {
      expect(da.placements.status[s]).toBe(PLACEMENT_STATUS_LABEL_DA[s]);
      expect(en.placements.status).toHaveProperty(s);
    }
    for (const r of PLACEMENT_END_REASONS) {
      expect(da.placements.endReason[r]).toBe(PLACEMENT_END_REASON_LABEL_DA[r]);
      expect(en.placements.endReason).toHaveProperty(r);
    }
    for (const w of WAGE_SUBSIDY_KINDS) {
      expect(da.placements.wageSubsidy[w]).toBe(WAGE_SUBSIDY_LABEL_DA[w]);
      expect(en.placements.wageSubsidy).toHaveProperty(w);
    }
  });
});
