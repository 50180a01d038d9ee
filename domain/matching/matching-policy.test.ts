import { describe, expect, it } from 'vitest';
import { can, type TActor, type TActorMembership } from '../policy.ts';

// Who may see candidate lists and the weights (issue 5): casework for the partnership's job
// consultants (by municipality) and social workers (by partnership); the secretariat sets the
// weights but gets no candidate list; nobody else sees either.

const m = (role: TActorMembership['role'], over: Partial<TActorMembership> = {}): TActorMembership => ({
  role,
  scopeType: 'partnership',
  scopeId: 'scope',
  municipalityId: 'mun-1',
  partnershipId: 'p-1',
  ...over,
});
const actor = (...memberships: TActorMembership[]): TActor => ({ userId: 'u', memberships });
const own = { partnershipId: 'p-1', municipalityId: 'mun-1' };
const other = { partnershipId: 'p-2', municipalityId: 'mun-2' };

describe('matching policy', () => {
  it('gives candidate lists to the partnership’s caseworkers only, not even to admins', () => {
    expect(can(actor(m('job_consultant')), 'read', { kind: 'candidates', ...own })).toBe(true);
    expect(can(actor(m('social_worker')), 'read', { kind: 'candidates', ...own })).toBe(true);
    expect(can(actor(m('job_consultant')), 'read', { kind: 'candidates', ...other })).toBe(false);
    expect(can(actor(m('social_worker')), 'read', { kind: 'candidates', ...other })).toBe(false);
    for (const role of ['admin', 'housing_staff', 'company_contact', 'steering'] as const) {
      expect(can(actor(m(role)), 'read', { kind: 'candidates' }), role).toBe(false);
    }
  });

  it('lets the caseworkers read the weights of their partnership and only admins change them', () => {
    expect(can(actor(m('admin')), 'update', { kind: 'matching_settings', ...other })).toBe(true);
    expect(can(actor(m('job_consultant')), 'read', { kind: 'matching_settings', ...own })).toBe(true);
    expect(can(actor(m('job_consultant')), 'read', { kind: 'matching_settings', ...other })).toBe(false);
    expect(can(actor(m('social_worker')), 'update', { kind: 'matching_settings', ...own })).toBe(false);
    expect(can(actor(m('steering')), 'read', { kind: 'matching_settings', ...own })).toBe(false);
  });
});
