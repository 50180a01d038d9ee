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
      // The retention list names people of every partnership: the secretariat's alone.
      expect(can(a, 'list', { kind: 'resident_retention' })).toBe(false);
    }
    expect(can(actor(m('admin', null)), 'list', { kind: 'resident_retention' })).toBe(true);
    expect(can(actor(m('company_contact', null)), 'list', { kind: 'housing_area' })).toBe(false);
  });

  it('gives a user with no memberships nothing', () => {
    expect(can(actor(), 'read', { kind: 'partnership' })).toBe(false);
  });

  describe('companies', () => {
    const scoped = (role: TActorMembership['role'], o: Partial<TActorMembership> = {}): TActorMembership => ({
      ...m(role, 'scope'),
      ...o,
    });
    const company = { kind: 'company', id: 'c1', partnershipIds: ['p1'], municipalityIds: ['mu1'] } as const;
    const elsewhere = {
      kind: 'company',
      id: 'c2',
      partnershipIds: ['p2'],
      municipalityIds: ['mu2'],
    } as const;

    it('lets housing staff list, read, create and update companies of their partnership only', () => {
      const staff = actor(scoped('housing_staff', { partnershipId: 'p1' }));
      for (const action of ['list', 'read', 'update'] as const) {
        expect(can(staff, action, company)).toBe(true);
        expect(can(staff, action, elsewhere)).toBe(false);
      }
      expect(can(staff, 'create', { kind: 'company', partnershipIds: ['p1'] })).toBe(true);
      expect(can(staff, 'create', { kind: 'company', partnershipIds: [] })).toBe(false);
      expect(can(staff, 'delete', company)).toBe(false);
    });

    it('lets job consultants (by municipality) and social workers (by partnership) read only', () => {
      const jc = actor(scoped('job_consultant', { municipalityId: 'mu1' }));
      const sw = actor(scoped('social_worker', { partnershipId: 'p1' }));
      for (const a of [jc, sw]) {
        expect(can(a, 'read', company)).toBe(true);
        expect(can(a, 'read', elsewhere)).toBe(false);
        expect(can(a, 'update', company)).toBe(false);
        expect(can(a, 'create', { kind: 'company' })).toBe(false);
      }
    });

    it('lets a company contact read and update its own company only', () => {
      const cc = actor(m('company_contact', 'c1'));
      expect(can(cc, 'read', company)).toBe(true);
      expect(can(cc, 'update', company)).toBe(true);
      expect(can(cc, 'read', elsewhere)).toBe(false);
      expect(can(cc, 'create', { kind: 'company' })).toBe(false);
      expect(can(cc, 'delete', company)).toBe(false);
      expect(can(actor(m('company_contact', null)), 'list', { kind: 'company' })).toBe(false);
    });

    it('gives steering nothing and admins everything', () => {
      const steering = actor(scoped('steering', { partnershipId: 'p1', municipalityId: 'mu1' }));
      expect(can(steering, 'list', { kind: 'company' })).toBe(false);
      expect(can(steering, 'read', company)).toBe(false);
      expect(can(actor(m('admin', null)), 'delete', company)).toBe(true);
    });
  });
});

describe('can on occupations', () => {
  it('lets every logged-in role list and read the occupation list, and nobody change it', () => {
    for (const role of [
      'admin',
      'housing_staff',
      'social_worker',
      'job_consultant',
      'company_contact',
      'steering',
    ] as const) {
      const a = actor(m(role, 'x'));
      expect(can(a, 'list', { kind: 'occupation' })).toBe(true);
      expect(can(a, 'read', { kind: 'occupation', id: 'toemrer' })).toBe(true);
      if (role !== 'admin') {
        for (const action of ['create', 'update', 'delete', 'export'] as const) {
          expect(can(a, action, { kind: 'occupation' })).toBe(false);
        }
      }
    }
  });

  it('gives a user with no memberships no occupations', () => {
    expect(can(actor(), 'list', { kind: 'occupation' })).toBe(false);
  });

  it('scopes openings: staff by organisation, consultants by municipality, companies by company', () => {
    const o = {
      kind: 'opening' as const,
      id: 'o',
      partnershipId: 'p1',
      municipalityId: 'm1',
      companyId: 'c1',
      housingOrganisationId: 'org1',
    };
    const withIds = (role: TActorMembership['role'], scopeId: string, extra: Partial<TActorMembership>) =>
      actor({ ...m(role, scopeId), ...extra });
    expect(can(withIds('housing_staff', 'org1', {}), 'update', o)).toBe(true);
    expect(can(withIds('housing_staff', 'org2', {}), 'read', o)).toBe(false);
    expect(can(withIds('job_consultant', 'jc', { municipalityId: 'm1' }), 'create', o)).toBe(true);
    expect(can(withIds('job_consultant', 'jc', { municipalityId: 'm2' }), 'read', o)).toBe(false);
    expect(can(withIds('social_worker', 'plan', { partnershipId: 'p1' }), 'create', o)).toBe(false);
    expect(can(withIds('social_worker', 'plan', { partnershipId: 'p1' }), 'update', o)).toBe(true);
    expect(can(withIds('company_contact', 'c1', {}), 'update', o)).toBe(true);
    expect(can(withIds('company_contact', 'c2', {}), 'read', o)).toBe(false);
    expect(can(withIds('steering', 'p1', { partnershipId: 'p1' }), 'list', { kind: 'opening' })).toBe(false);
    expect(can(actor(m('admin', null)), 'delete', o)).toBe(true);
    expect(can(withIds('housing_staff', 'org1', {}), 'delete', o)).toBe(false);
  });
  it('scopes assignments, dialogues and clauses to the buying organisation and the supplier', () => {
    const res = {
      id: 'a1',
      housingOrganisationId: 'org-1',
      partnershipId: 'p1',
      municipalityId: 'mun-1',
      companyId: 'c1',
    };
    const staff = actor(m('housing_staff', 'org-1'));
    const otherStaff = actor(m('housing_staff', 'org-2'));
    const supplier = actor(m('company_contact', 'c1'));
    const otherCompany = actor(m('company_contact', 'c2'));
    const consultant = actor({ ...m('job_consultant', 'jc'), municipalityId: 'mun-1' });
    const steering = actor({ ...m('steering', 'p1'), partnershipId: 'p1' });
    for (const kind of ['assignment', 'job_dialogue', 'social_clause'] as const) {
      expect(can(staff, 'update', { kind, ...res })).toBe(true);
      expect(can(otherStaff, 'read', { kind, ...res })).toBe(false);
      expect(can(consultant, 'read', { kind, ...res })).toBe(true);
      expect(can(consultant, 'update', { kind, ...res })).toBe(false);
      expect(can(steering, 'read', { kind, ...res })).toBe(false);
      expect(can(otherCompany, 'read', { kind, ...res })).toBe(false);
    }
    expect(can(supplier, 'read', { kind: 'assignment', ...res })).toBe(true);
    expect(can(supplier, 'read', { kind: 'social_clause', ...res })).toBe(true);
    // The organisation's notes on its dialogue with the company stay internal.
    expect(can(supplier, 'read', { kind: 'job_dialogue', ...res })).toBe(false);
    expect(can(supplier, 'update', { kind: 'assignment', ...res })).toBe(false);
  });

  it('shows an agreement to every organisation in it and to the company', () => {
    const res = {
      kind: 'agreement' as const,
      id: 'ag',
      companyId: 'c1',
      housingOrganisationIds: ['org-1', 'org-3'],
      partnershipIds: ['p1'],
      municipalityIds: ['mun-1'],
    };
    expect(can(actor(m('housing_staff', 'org-3')), 'update', res)).toBe(true);
    expect(can(actor(m('housing_staff', 'org-2')), 'read', res)).toBe(false);
    expect(can(actor(m('company_contact', 'c1')), 'read', res)).toBe(true);
    expect(can(actor(m('company_contact', 'c1')), 'update', res)).toBe(false);
    expect(can(actor({ ...m('social_worker', 'plan'), partnershipId: 'p1' }), 'read', res)).toBe(true);
  });
  it("lets a partnership's housing staff see an opening that belongs to no organisation yet", () => {
    const staff = actor({ ...m('housing_staff', 'org-1'), partnershipId: 'p1' });
    const unowned = { kind: 'opening' as const, id: 'o', partnershipId: 'p1', housingOrganisationId: null };
    expect(can(staff, 'read', unowned)).toBe(true);
    expect(can(staff, 'read', { ...unowned, partnershipId: 'p2' })).toBe(false);
    expect(can(staff, 'read', { ...unowned, housingOrganisationId: 'org-2' })).toBe(false);
  });
});

describe('the bias report', () => {
  const scoped = (
    role: TActorMembership['role'],
    ids: { partnershipId?: string; municipalityId?: string },
  ): TActor => actor({ ...m(role, 'scope'), partnershipId: null, municipalityId: null, ...ids });
  const own = { kind: 'bias_report', partnershipId: 'p1', municipalityId: 'mun1' } as const;
  const other = { kind: 'bias_report', partnershipId: 'p2', municipalityId: 'mun2' } as const;

  it("lets the partnership's social workers, job consultants and steering read and export their own", () => {
    for (const a of [
      scoped('social_worker', { partnershipId: 'p1' }),
      scoped('steering', { partnershipId: 'p1', municipalityId: 'mun1' }),
      scoped('job_consultant', { municipalityId: 'mun1' }),
    ]) {
      expect(can(a, 'read', own)).toBe(true);
      expect(can(a, 'export', own)).toBe(true);
      expect(can(a, 'read', other)).toBe(false);
      expect(can(a, 'update', own)).toBe(false);
      // The route-level question, as the client asks it (no ids known there).
      expect(can(actor(m(a.memberships[0]!.role, 'x')), 'read', { kind: 'bias_report' })).toBe(true);
    }
  });

  it('keeps housing staff and company contacts out, lets the secretariat see every partnership', () => {
    for (const role of ['housing_staff', 'company_contact'] as const) {
      expect(can(scoped(role, { partnershipId: 'p1', municipalityId: 'mun1' }), 'read', own)).toBe(false);
      expect(can(actor(m(role, 'x')), 'read', { kind: 'bias_report' })).toBe(false);
    }
    expect(can(actor(m('admin', null)), 'read', other)).toBe(true);
  });
});
