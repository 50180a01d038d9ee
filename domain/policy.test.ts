import { describe, expect, it } from 'vitest';
import { can, type TActor, type TActorMembership } from './policy.ts';

const m = (role: TActorMembership['role'], scopeId: string | null): TActorMembership => ({
  role,
  scopeType: 'global',
  scopeId,
  municipalityId: null,
  partnershipId: null,
});
const actor = (...memberships: TActorMembership[]): TActor => ({ userId: 'u', memberships });

describe('can', () => {
  it('lets admins do everything', () => {
    expect(can(actor(m('admin', null)), 'delete', { kind: 'user', id: 'x' })).toBe(true);
    expect(can(actor(m('admin', null)), 'export', { kind: 'audit_log' })).toBe(true);
  });

  it('lets housing staff update their own organisation and its areas only', () => {
    const staff = actor(m('housing_staff', 'org-1'));
    expect(can(staff, 'update', { kind: 'housing_organisation', id: 'org-1' })).toBe(true);
    expect(can(staff, 'update', { kind: 'housing_organisation', id: 'org-2' })).toBe(false);
    expect(can(staff, 'update', { kind: 'housing_area', id: 'a', housingOrganisationId: 'org-1' })).toBe(
      true,
    );
    expect(can(staff, 'update', { kind: 'housing_area', id: 'a', housingOrganisationId: 'org-2' })).toBe(
      false,
    );
    expect(can(staff, 'delete', { kind: 'housing_area', id: 'a', housingOrganisationId: 'org-1' })).toBe(
      false,
    );
  });

  it('lets a social worker update areas of their plan, never an area without a plan', () => {
    const sw = actor(m('social_worker', 'plan-1'));
    expect(can(sw, 'update', { kind: 'housing_area', id: 'a', socialHousingPlanId: 'plan-1' })).toBe(true);
    expect(can(sw, 'update', { kind: 'housing_area', id: 'a', socialHousingPlanId: null })).toBe(false);
    expect(can(sw, 'update', { kind: 'social_housing_plan', id: 'plan-2' })).toBe(false);
  });

  it('answers the route-level question "on some instance" from the role alone', () => {
    expect(can(actor(m('job_consultant', 'jc')), 'update', { kind: 'jobcenter' })).toBe(true);
    expect(can(actor(m('steering', 'p')), 'update', { kind: 'jobcenter' })).toBe(false);
  });

  it('keeps company contacts and steering out of user data and the audit log', () => {
    for (const role of [
      'company_contact',
      'steering',
      'housing_staff',
      'social_worker',
      'job_consultant',
    ] as const) {
      const a = actor(m(role, 'x'));
      expect(can(a, 'list', { kind: 'user' })).toBe(false);
      expect(can(a, 'list', { kind: 'audit_log' })).toBe(false);
    }
    expect(can(actor(m('company_contact', null)), 'list', { kind: 'housing_area' })).toBe(false);
  });

  it('gives a user with no memberships nothing', () => {
    expect(can(actor(), 'read', { kind: 'partnership' })).toBe(false);
  });
});
