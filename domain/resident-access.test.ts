import { describe, expect, it } from 'vitest';
import type { TConsentState } from './consent.schema.ts';
import type { TActor, TActorMembership } from './policy.ts';
import {
  isMatchable,
  mayHandleRightsRequest,
  mayRegisterResident,
  NEVER_OUTSIDE_PROFESSIONALS,
  RESIDENT_VIEW_FIELDS,
  residentAccess,
  type TResidentScope,
  type TResidentView,
} from './resident-access.ts';

const TODAY = '2026-11-24';

const member = (
  role: TActorMembership['role'],
  scopeId: string | null,
  extra: Partial<TActorMembership> = {},
): TActor => ({
  userId: 'u',
  memberships: [{ role, scopeType: 'global', scopeId, municipalityId: null, partnershipId: null, ...extra }],
});

// Viborg: plan P1 and a jobcenter in municipality M1. Elsewhere: plan P2, municipality M2.
const ACTORS = {
  admin: member('admin', null),
  housing_staff: member('housing_staff', 'org-1', { partnershipId: 'part-1' }),
  social_worker_same: member('social_worker', 'P1', { partnershipId: 'part-1', municipalityId: 'M1' }),
  social_worker_other: member('social_worker', 'P2', { partnershipId: 'part-2', municipalityId: 'M2' }),
  job_consultant_same: member('job_consultant', 'JC1', { municipalityId: 'M1' }),
  job_consultant_other: member('job_consultant', 'JC2', { municipalityId: 'M2' }),
  company_proposed: member('company_contact', 'C1'),
  company_other: member('company_contact', 'C2'),
  steering: member('steering', 'part-1', { partnershipId: 'part-1', municipalityId: 'M1' }),
} as const;
type TActorKey = keyof typeof ACTORS;

const given = (scope: TConsentState['scope'], over: Partial<TConsentState> = {}): TConsentState => ({
  scope,
  givenOn: '2026-01-10',
  expiresOn: '2028-01-09',
  withdrawnOn: null,
  ...over,
});
const CONSENTS = {
  none: [],
  a: [given('sharing')],
  ab: [given('sharing'), given('matching')],
  abc: [given('sharing'), given('matching'), given('evaluation')],
  a_withdrawn: [given('sharing', { withdrawnOn: '2026-11-24' }), given('matching')],
  a_expired: [given('sharing', { expiresOn: '2026-11-23' }), given('matching')],
} satisfies Record<string, TConsentState[]>;
type TConsentKey = keyof typeof CONSENTS;

const byHousing: TResidentScope = {
  municipalityId: 'M1',
  socialHousingPlanId: 'P1',
  registeredBy: { side: 'housing', socialHousingPlanId: 'P1' },
  proposedToCompanyIds: ['C1'],
};
const byJobcenter: TResidentScope = {
  ...byHousing,
  registeredBy: { side: 'jobcenter', jobcenterId: 'JC1' },
};

type TRow = Record<TConsentKey, TResidentView | null>;
const P = 'professional' as const;
const A = 'administrative' as const;
const C = 'candidate' as const;
const all = (v: TResidentView | null): TRow => ({
  none: v,
  a: v,
  ab: v,
  abc: v,
  a_withdrawn: v,
  a_expired: v,
});
/** Needs an active (a): withdrawn and expired (a) are as good as none. */
const withSharing = (v: TResidentView): TRow => ({
  none: null,
  a: v,
  ab: v,
  abc: v,
  a_withdrawn: null,
  a_expired: null,
});
/** Needs an active (b) (and, for companies, a proposal). */
const withMatching = (v: TResidentView): TRow => ({
  none: null,
  a: null,
  ab: v,
  abc: v,
  a_withdrawn: v,
  a_expired: v,
});

// The consent matrix (issue 4 "Tests"): every role × consent state × registering side.
const MATRIX: Record<'housing' | 'jobcenter', Record<TActorKey, TRow>> = {
  housing: {
    admin: withSharing(A),
    housing_staff: all(null),
    social_worker_same: all(P),
    social_worker_other: all(null),
    job_consultant_same: withSharing(P),
    job_consultant_other: all(null),
    company_proposed: withMatching(C),
    company_other: all(null),
    steering: all(null),
  },
  jobcenter: {
    admin: withSharing(A),
    housing_staff: all(null),
    social_worker_same: withSharing(P),
    social_worker_other: all(null),
    job_consultant_same: all(P),
    job_consultant_other: all(null),
    company_proposed: withMatching(C),
    company_other: all(null),
    steering: all(null),
  },
};

describe('residentAccess: the consent matrix', () => {
  for (const [side, rows] of Object.entries(MATRIX)) {
    const resident = side === 'housing' ? byHousing : byJobcenter;
    for (const [actorKey, row] of Object.entries(rows)) {
      for (const [consentKey, expected] of Object.entries(row)) {
        it(`registered by the ${side} side: ${actorKey} with consent ${consentKey} → ${expected ?? 'nothing'}`, () => {
          const access = residentAccess(
            ACTORS[actorKey as TActorKey],
            resident,
            CONSENTS[consentKey as TConsentKey],
            TODAY,
          );
          expect(access.view).toBe(expected);
          expect(access.canEdit).toBe(expected === 'professional');
        });
      }
    }
  }
});

describe('residentAccess: details', () => {
  it('takes a withdrawal or an expiry into account on the very day', () => {
    const expiresToday = [given('sharing', { expiresOn: TODAY })];
    expect(residentAccess(ACTORS.job_consultant_same, byHousing, expiresToday, TODAY).view).toBe(P);
    expect(residentAccess(ACTORS.job_consultant_same, byHousing, expiresToday, '2026-11-25').view).toBeNull();
    const notYet = [given('sharing', { givenOn: '2026-11-25' })];
    expect(residentAccess(ACTORS.job_consultant_same, byHousing, notYet, TODAY).view).toBeNull();
  });

  it('keeps a social worker to the plan the person lives in or was registered by', () => {
    const moved: TResidentScope = { ...byHousing, socialHousingPlanId: 'P2' };
    expect(residentAccess(ACTORS.social_worker_same, moved, [], TODAY).view).toBe(P);
    expect(residentAccess(ACTORS.social_worker_other, moved, [], TODAY).view).toBe(P);
    const outside: TResidentScope = { ...byJobcenter, socialHousingPlanId: null };
    expect(residentAccess(ACTORS.social_worker_same, outside, CONSENTS.abc, TODAY).view).toBeNull();
  });

  it('shows a health-related support need only with its explicit consent, and only to professionals', () => {
    const explicit = { ...byHousing, healthNeedConsent: true };
    expect(residentAccess(ACTORS.social_worker_same, explicit, [], TODAY).showsHealthNeed).toBe(true);
    expect(residentAccess(ACTORS.social_worker_same, byHousing, [], TODAY).showsHealthNeed).toBe(false);
    expect(residentAccess(ACTORS.admin, explicit, CONSENTS.abc, TODAY).showsHealthNeed).toBe(false);
  });

  it('never gives a company or steering the special-category fields', () => {
    for (const field of NEVER_OUTSIDE_PROFESSIONALS) {
      expect(RESIDENT_VIEW_FIELDS.candidate).not.toContain(field);
      expect(RESIDENT_VIEW_FIELDS.administrative).not.toContain(field);
    }
    expect(RESIDENT_VIEW_FIELDS.candidate).not.toContain('lastName');
    expect(RESIDENT_VIEW_FIELDS.candidate).not.toContain('birthDate');
  });

  it('makes a person a candidate only with an active consent (b)', () => {
    expect(isMatchable(CONSENTS.a, TODAY)).toBe(false);
    expect(isMatchable(CONSENTS.ab, TODAY)).toBe(true);
    expect(isMatchable([given('matching', { withdrawnOn: '2026-11-01' })], TODAY)).toBe(false);
  });

  it('lets the holding side and the secretariat handle rights requests; only professionals register', () => {
    expect(mayHandleRightsRequest(ACTORS.admin, byHousing)).toBe(true);
    expect(mayHandleRightsRequest(ACTORS.social_worker_same, byHousing)).toBe(true);
    expect(mayHandleRightsRequest(ACTORS.job_consultant_same, byHousing)).toBe(false);
    expect(mayHandleRightsRequest(ACTORS.company_proposed, byHousing)).toBe(false);
    // The access answer carries it: the secretariat even without a view, the other side never.
    expect(residentAccess(ACTORS.admin, byHousing, CONSENTS.none, TODAY)).toMatchObject({
      view: null,
      handlesRights: true,
    });
    expect(residentAccess(ACTORS.job_consultant_same, byHousing, CONSENTS.a, TODAY)).toMatchObject({
      view: 'professional',
      handlesRights: false,
    });
    expect(residentAccess(ACTORS.job_consultant_same, byJobcenter, CONSENTS.none, TODAY).handlesRights).toBe(
      true,
    );
    expect(mayRegisterResident(ACTORS.social_worker_same)).toBe(true);
    expect(mayRegisterResident(ACTORS.job_consultant_same)).toBe(true);
    expect(mayRegisterResident(ACTORS.admin)).toBe(false);
    expect(mayRegisterResident(ACTORS.housing_staff)).toBe(false);
  });
});
