import type { TMe } from '@domain/auth.schema.ts';
import type { TRole } from '@domain/roles.ts';
import { ROLE_SCOPE } from '@domain/roles.ts';
import type { TGoal, TMilestone, TSteeringGroup } from '@domain/steering.schema.ts';
import { ZGoalInput } from '@domain/steering.schema.ts';
import { describe, expect, it } from 'vitest';
import {
  canOnSteering,
  defaultGroupId,
  formatGoalValue,
  goalFormValues,
  goalPayload,
  milestoneWithStatus,
} from './steering-ui.ts';

const VIBORG = '00000000-0000-4000-8000-0000000000a1';
const SILKEBORG = '00000000-0000-4000-8000-0000000000b2';
const GROUP = '00000000-0000-4000-8000-0000000000c3';

function meWith(role: TRole, scopeId: string | null = VIBORG): TMe {
  return {
    user: { id: '00000000-0000-4000-8000-000000000001', email: 'x@jobbro.test', name: 'X', locale: 'da' },
    memberships: [
      {
        id: '00000000-0000-4000-8000-000000000002',
        role,
        scopeType: ROLE_SCOPE[role],
        scopeId: role === 'admin' ? null : scopeId,
        scopeName: null,
      },
    ],
    roles: [role],
    csrfToken: 't',
    demo: true,
  };
}

const group = (id: string, partnershipId: string): TSteeringGroup => ({
  id,
  partnershipId,
  partnershipName: 'P',
  name: 'G',
  mandate: null,
  memberCount: 0,
  updatedAt: '2026-01-01T00:00:00Z',
});

describe('canOnSteering', () => {
  it("lets a steering member write its own partnership's goals and milestones, not another's nor the programme's", () => {
    const steering = meWith('steering');
    expect(canOnSteering(steering, 'create', 'goal', VIBORG)).toBe(true);
    expect(canOnSteering(steering, 'update', 'milestone', VIBORG)).toBe(true);
    expect(canOnSteering(steering, 'create', 'goal', SILKEBORG)).toBe(false);
    expect(canOnSteering(steering, 'update', 'milestone', null)).toBe(false);
  });

  it('lets the secretariat write everything and the other staff roles nothing', () => {
    expect(canOnSteering(meWith('admin'), 'create', 'milestone', null)).toBe(true);
    expect(canOnSteering(meWith('admin'), 'delete', 'goal', SILKEBORG)).toBe(true);
    for (const role of ['housing_staff', 'social_worker', 'job_consultant'] as const) {
      expect(canOnSteering(meWith(role), 'create', 'goal', VIBORG)).toBe(false);
      expect(canOnSteering(meWith(role), 'list', 'goal', VIBORG)).toBe(true);
    }
    expect(canOnSteering(meWith('company_contact'), 'list', 'goal', VIBORG)).toBe(false);
    expect(canOnSteering(null, 'list', 'goal', VIBORG)).toBe(false);
  });
});

describe('defaultGroupId', () => {
  it("opens the steering member's own group, else the first in the list", () => {
    const groups = [group('g-silkeborg', SILKEBORG), group('g-viborg', VIBORG)];
    expect(defaultGroupId(meWith('steering'), groups)).toBe('g-viborg');
    expect(defaultGroupId(meWith('housing_staff'), groups)).toBe('g-silkeborg');
    expect(defaultGroupId(meWith('steering'), [])).toBeNull();
  });
});

describe('formatGoalValue', () => {
  it('writes Danish numbers with the unit', () => {
    expect(formatGoalValue(75, { unit: 'percent', indicatorUnit: null }, 'dage')).toBe('75 %');
    expect(formatGoalValue(48.07, { unit: 'indicator', indicatorUnit: 'percent' }, 'dage')).toBe('48,1 %');
    expect(formatGoalValue(4.5, { unit: 'days', indicatorUnit: null }, 'dage')).toBe('4,5 dage');
    expect(formatGoalValue(1400, { unit: 'count', indicatorUnit: null }, 'dage')).toBe('1.400');
    expect(formatGoalValue(1400, { unit: 'indicator', indicatorUnit: 'count' }, 'dage')).toBe('1.400');
  });
});

describe('goal form values', () => {
  it('turn into a body the domain schema accepts, with a decimal comma', () => {
    const values = {
      ...goalFormValues(null, { periodFrom: '2026-01-01', periodTo: '2026-12-31' }),
      title: 'Fastholdelse',
      kpi: 'retention_6',
      target: '75,5',
      ownerName: 'Jobcenter Viborg',
    };
    const parsed = ZGoalInput.parse({ ...goalPayload(values), steeringGroupId: GROUP });
    expect(parsed).toMatchObject({
      kpi: 'retention_6',
      target: 75.5,
      periodTo: '2026-12-31',
      ownerUserId: null,
    });
  });

  it('leave an empty KPI and period out, so the schema names them', () => {
    const empty = goalFormValues(null, { periodFrom: '', periodTo: '' });
    const r = ZGoalInput.safeParse({
      ...goalPayload({ ...empty, title: 'X', target: '3', ownerName: 'Y' }),
      steeringGroupId: GROUP,
    });
    const fields = Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
    expect(fields).toEqual({
      kpi: 'Vælg et nøgletal.',
      periodFrom: 'Vælg startdatoen.',
      periodTo: 'Vælg slutdatoen.',
    });
  });

  it("show a user-owned goal's owner as the user, not as a typed name", () => {
    const goal = { ownerUserId: GROUP, ownerName: 'Stine Styregruppe', target: 12, baseline: 48.07 } as TGoal;
    const v = goalFormValues(goal, { periodFrom: '', periodTo: '' });
    expect(v).toMatchObject({ ownerUserId: GROUP, ownerName: '', target: '12', baseline: '48,07' });
  });
});

describe('milestoneWithStatus', () => {
  it('keeps the milestone and changes its status, leaving the completion day to the server', () => {
    const m = {
      title: 'Workshop',
      description: null,
      dueDate: '2020-05-15',
      ownerUserId: null,
      ownerName: 'Projektledelsen',
      status: 'planned',
      completedOn: null,
      note: null,
    } as TMilestone;
    expect(milestoneWithStatus(m, 'done')).toEqual({
      title: 'Workshop',
      description: null,
      dueDate: '2020-05-15',
      ownerUserId: null,
      ownerName: 'Projektledelsen',
      status: 'done',
      completedOn: null,
      note: null,
    });
  });
});
