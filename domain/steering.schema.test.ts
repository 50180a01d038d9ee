import { describe, expect, it } from 'vitest';
import { ZGoalInput, ZMilestoneInput, ZSteeringMembersInput } from './steering.schema.ts';

const GROUP = '6f1c1a52-2b59-4c0e-9f68-1f5a1f0f2a11';
const AREA = '1b7c0a3e-0f6f-4b5e-8d2a-7d9f3c2b1a00';

const goal = (o: Record<string, unknown> = {}) => ({
  steeringGroupId: GROUP,
  title: 'Flere ansættelser',
  kpi: 'hires',
  target: 12,
  periodFrom: '2026-01-01',
  periodTo: '2026-12-31',
  ownerName: 'Projektledelsen',
  ...o,
});

const fieldErrors = (input: unknown) => {
  const r = ZGoalInput.safeParse(input);
  if (r.success) return {};
  return Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
};

describe('ZGoalInput', () => {
  it('accepts a goal, reading a Danish decimal comma in the target', () => {
    const r = ZGoalInput.parse(goal({ kpi: 'retention_6', target: '75,5' }));
    expect(r).toMatchObject({ kpi: 'retention_6', target: 75.5, baseline: null, openingType: null });
  });

  it('names the missing KPI and the backwards period at the same time, in Danish', () => {
    expect(fieldErrors(goal({ kpi: undefined, periodFrom: '2026-06-01', periodTo: '2026-01-01' }))).toEqual({
      kpi: 'Vælg et nøgletal.',
      periodTo: 'Slutdatoen skal ligge på eller efter startdatoen.',
    });
    expect(fieldErrors(goal({ kpi: 'lykke' })).kpi).toBe('Vælg et nøgletal.');
  });

  it('asks for both ends of the period and a target', () => {
    expect(fieldErrors(goal({ periodFrom: '', periodTo: undefined, target: '' }))).toEqual({
      periodFrom: 'Vælg startdatoen.',
      periodTo: 'Vælg slutdatoen.',
      target: 'Angiv målet.',
    });
    expect(fieldErrors(goal({ target: 'mange' })).target).toBe('Målet skal være et tal.');
    expect(fieldErrors(goal({ target: -1 })).target).toBe('Målet skal være 0 eller mere.');
  });

  it('keeps a percent target within 0-100 % and a count target whole', () => {
    expect(fieldErrors(goal({ kpi: 'retention_12', target: 120 })).target).toBe(
      'Målet skal ligge mellem 0 og 100 %.',
    );
    expect(fieldErrors(goal({ kpi: 'clause_fulfilment', target: 100 }))).toEqual({});
    expect(fieldErrors(goal({ target: 12.5 })).target).toBe('Målet skal være et helt tal.');
    expect(fieldErrors(goal({ kpi: 'median_days_to_referral', target: 1.5 }))).toEqual({});
  });

  it('needs an opening type for hires by type, and an indicator and area for an area indicator', () => {
    expect(fieldErrors(goal({ kpi: 'hires_by_type' })).openingType).toBe('Vælg typen af jobåbning.');
    expect(fieldErrors(goal({ kpi: 'area_indicator' }))).toEqual({
      indicator: 'Vælg en indikator.',
      housingAreaId: 'Vælg et boligområde.',
    });
    expect(
      fieldErrors(
        goal({
          kpi: 'area_indicator',
          indicator: 'employment_share_18_64',
          housingAreaId: AREA,
          target: 101,
        }),
      ).target,
    ).toBe('Målet skal ligge mellem 0 og 100 %.');
    // A partnership's own indicator's bounds are the server's to check.
    expect(
      fieldErrors(
        goal({ kpi: 'area_indicator', indicator: 'fritidsjob_15_17', housingAreaId: AREA, target: 101 }),
      ),
    ).toEqual({});
  });

  it('drops the fields the KPI does not use, so an old opening type does not stick to a new KPI', () => {
    const r = ZGoalInput.parse(
      goal({ openingType: 'apprentice', indicator: 'residents', housingAreaId: AREA }),
    );
    expect(r).toMatchObject({ kpi: 'hires', openingType: null, indicator: null, housingAreaId: null });
  });

  it('needs an owner: a user or a name', () => {
    expect(fieldErrors(goal({ ownerName: '' })).ownerName).toBe(
      'Angiv hvem der er ansvarlig: en bruger eller et navn.',
    );
    expect(fieldErrors(goal({ ownerName: null, ownerUserId: AREA }))).toEqual({});
  });
});

describe('ZMilestoneInput', () => {
  it("is planned by default and the programme's without a partnership", () => {
    expect(ZMilestoneInput.parse({ title: 'Workshop afholdt', dueDate: '2020-05-15' })).toMatchObject({
      partnershipId: null,
      status: 'planned',
      completedOn: null,
    });
  });

  it('refuses a completion date on a milestone that is not done, and a missing due date', () => {
    const r = ZMilestoneInput.safeParse({
      title: 'X',
      dueDate: '2020-05-15',
      status: 'planned',
      completedOn: '2020-05-01',
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({ path: ['completedOn'] });
    const due = ZMilestoneInput.safeParse({ title: 'X', dueDate: '' });
    expect(due.error?.issues[0]?.message).toBe('Vælg datoen.');
  });
});

describe('ZSteeringMembersInput', () => {
  it('refuses the same person twice', () => {
    const r = ZSteeringMembersInput.safeParse({
      members: [
        { userId: GROUP, title: 'Formand' },
        { userId: GROUP, title: null },
      ],
    });
    expect(r.error?.issues[0]).toMatchObject({
      path: ['members', 1, 'userId'],
      message: 'Samme person står der to gange.',
    });
  });
});
