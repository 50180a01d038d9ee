import { activeScopes, type TConsentState } from './consent.schema.ts';
import type { TActor } from './policy.ts';

// Who may see which fields of a resident (issue 4 items 1-2, DOMAIN.md "Who uses it"). Pure and
// decided per request from the person's consents on the Copenhagen day, so a withdrawal or an
// expiry takes effect on the very next request. The repositories turn the same rules into SQL;
// the presenters keep exactly the fields of the view this returns.
//
// The two sides of the partnership:
// - the housing side: the social workers of the social housing plan the person lives in (or that
//   registered them);
// - the jobcenter side: the job consultants of the municipality the person lives in.
// The side that registered a person works with them on its own footing; the other side sees them
// only with an active consent (a) to share. A company sees a candidate only with an active
// consent (b) and only once proposed to it. Housing staff and steering groups see no person.

export const RESIDENT_VIEWS = ['professional', 'administrative', 'candidate'] as const;
export type TResidentView = (typeof RESIDENT_VIEWS)[number];

/** Where a resident belongs, as the rules need it. */
export interface TResidentScope {
  municipalityId: string;
  /** Social housing plan of the person's area; null outside the areas or in an area without a plan. */
  socialHousingPlanId: string | null;
  /** Who registered the person: a social housing plan, or a jobcenter (its list or a consultant). */
  registeredBy: { side: 'housing'; socialHousingPlanId: string } | { side: 'jobcenter'; jobcenterId: string };
  /** Companies the person has been proposed to (the matching issue fills this). */
  proposedToCompanyIds?: readonly string[];
  /** The person gave explicit consent to record a health-related support need. */
  healthNeedConsent?: boolean;
}

/** The fields of each view, in the order a profile shows them. */
const IDENTITY = [
  'id',
  'firstName',
  'lastName',
  'birthDate',
  'phone',
  'email',
  'postalCode',
  'housingAreaId',
  'municipalityId',
  'status',
] as const;
const WORK = [
  'occupationIds',
  'skills',
  'experiences',
  'educationLevel',
  'danishLevel',
  'driverLicences',
  'hoursPerWeek',
  'availableDay',
  'availableEvening',
  'availableWeekend',
  'availableFrom',
] as const;
/** Special-category or case data: the two professional roles only. */
const CASEWORK = [
  'benefitGroup',
  'jobcenterCategory',
  'supportNeeds',
  'healthNeedConsent',
  'gender',
  'notes',
  'screenings',
  'targetGroup',
  'cv',
  'responsibleSocialWorkerId',
  'responsibleJobConsultantId',
  'consents',
] as const;

export type TResidentField = (typeof IDENTITY)[number] | (typeof WORK)[number] | (typeof CASEWORK)[number];

export const RESIDENT_VIEW_FIELDS: Record<TResidentView, readonly TResidentField[]> = {
  professional: [...IDENTITY, ...WORK, ...CASEWORK],
  // The secretariat administers: who the person is, where, status, responsible people, consents.
  administrative: [...IDENTITY, 'responsibleSocialWorkerId', 'responsibleJobConsultantId', 'consents'],
  // What consent (b) lets an employer see (issue 4 item 2), nothing else.
  candidate: [
    'id',
    'firstName',
    'occupationIds',
    'experiences',
    'hoursPerWeek',
    'availableDay',
    'availableEvening',
    'availableWeekend',
  ],
};

/** Fields no company contact or steering member ever receives (tested as a field snapshot). */
export const NEVER_OUTSIDE_PROFESSIONALS: readonly TResidentField[] = [
  'benefitGroup',
  'jobcenterCategory',
  'supportNeeds',
  'gender',
  'notes',
];

export interface TResidentAccess {
  /** null: the person does not exist for this actor (answered 404, never 403, so nothing leaks). */
  view: TResidentView | null;
  /** May change the profile, its notes, screenings and consents. */
  canEdit: boolean;
  /** A health-related support need may be shown (professional view and explicit consent). */
  showsHealthNeed: boolean;
  /** Why, for the audit log. */
  basis: 'own_side' | 'consent_sharing' | 'consent_matching' | 'administration' | 'none';
  /** May handle the person's rights requests: the access export and the erasure (below). */
  handlesRights: boolean;
}

/** How the actor relates to the person through one membership: own side, other side or none. */
function relation(m: TActor['memberships'][number], r: TResidentScope): 'own' | 'other' | null {
  if (m.role === 'social_worker' && m.scopeId) {
    const ownPlan = r.registeredBy.side === 'housing' && r.registeredBy.socialHousingPlanId === m.scopeId;
    const livesInPlan = r.socialHousingPlanId === m.scopeId;
    if (r.registeredBy.side === 'housing') return ownPlan || livesInPlan ? 'own' : null;
    return livesInPlan ? 'other' : null;
  }
  if (m.role === 'job_consultant' && m.municipalityId) {
    if (r.municipalityId !== m.municipalityId) return null;
    return r.registeredBy.side === 'jobcenter' ? 'own' : 'other';
  }
  return null;
}

/** What the actor may see and do with this resident today. */
export function residentAccess(
  actor: TActor,
  resident: TResidentScope,
  consents: readonly TConsentState[],
  today: string,
): TResidentAccess {
  const scopes = activeScopes(consents, today);
  const relations = actor.memberships.map((m) => relation(m, resident));
  const handlesRights = mayHandleRightsRequest(actor, resident);
  const professional = (basis: TResidentAccess['basis']): TResidentAccess => ({
    view: 'professional',
    canEdit: true,
    showsHealthNeed: resident.healthNeedConsent === true,
    basis,
    handlesRights,
  });
  if (relations.includes('own')) return professional('own_side');
  if (relations.includes('other') && scopes.has('sharing')) return professional('consent_sharing');
  if (actor.memberships.some((m) => m.role === 'admin') && scopes.has('sharing')) {
    return {
      view: 'administrative',
      canEdit: false,
      showsHealthNeed: false,
      basis: 'administration',
      handlesRights,
    };
  }
  const ownCompanies = actor.memberships
    .filter((m) => m.role === 'company_contact' && m.scopeId)
    .map((m) => m.scopeId as string);
  if (scopes.has('matching') && ownCompanies.some((c) => (resident.proposedToCompanyIds ?? []).includes(c))) {
    return {
      view: 'candidate',
      canEdit: false,
      showsHealthNeed: false,
      basis: 'consent_matching',
      handlesRights,
    };
  }
  // The secretariat handles a rights request even for a person it may not otherwise see.
  return { view: null, canEdit: false, showsHealthNeed: false, basis: 'none', handlesRights };
}

/**
 * May the person be proposed to employers today? Only with an active consent (b); without it the
 * person is never a candidate (issue 4 item 2).
 */
export function isMatchable(consents: readonly TConsentState[], today: string): boolean {
  return activeScopes(consents, today).has('matching');
}

/**
 * The data subject's rights (access export, erasure) are handled by the side that holds the
 * person, or by the secretariat on the person's request, whatever the consents say.
 */
export function mayHandleRightsRequest(actor: TActor, resident: TResidentScope): boolean {
  if (actor.memberships.some((m) => m.role === 'admin')) return true;
  return actor.memberships.some((m) => relation(m, resident) === 'own');
}

/** Only the two professional roles register residents. */
export function mayRegisterResident(actor: TActor): boolean {
  return actor.memberships.some(
    (m) => (m.role === 'social_worker' || m.role === 'job_consultant') && m.scopeId !== null,
  );
}
