import { activeScopes, CONSENT_SCOPES, isConsentActive } from '@domain/consent.schema.ts';
import {
  ageOn,
  type TConsent,
  type TResident,
  type TResidentNote,
  type TSupportNeed,
} from '@domain/resident.schema.ts';
import { RESIDENT_VIEW_FIELDS, type TResidentAccess, type TResidentView } from '@domain/resident-access.ts';
import type { TResidentCv } from '@domain/resident-cv.schema.ts';
import type { TScreening } from '@domain/screening.schema.ts';
import {
  consentState,
  type TConsentRow,
  type TResidentRow,
  type TScreeningRow,
} from './residents.repository.ts';

// The only way a resident leaves the server. The full profile is built first, then every field
// outside the actor's view is dropped (domain/resident-access.ts): a field added to the profile
// later stays hidden until a view names it.

export function presentConsent(c: TConsentRow, today: string): TConsent {
  const r = c.row;
  return {
    id: r.id,
    scope: r.scope,
    textVersion: r.textVersion,
    givenOn: r.givenOn,
    method: r.method,
    witnessName: r.witnessName,
    expiresOn: r.expiresOn,
    registeredByName: c.registeredByName,
    withdrawnOn: r.withdrawnOn,
    withdrawnByName: r.withdrawnOn ? c.withdrawnByName : null,
    active: isConsentActive(consentState(c), today),
  };
}

/** Keys a view carries besides its fields: what the view itself says about the person. */
const EXTRA_KEYS: Record<TResidentView, readonly (keyof TResident)[]> = {
  professional: [
    'view',
    'canEdit',
    'mayHandleRights',
    'age',
    'housingAreaName',
    'activeConsentScopes',
    'updatedAt',
  ],
  administrative: ['view', 'canEdit', 'mayHandleRights', 'age', 'housingAreaName', 'activeConsentScopes'],
  // An employer learns no age and no address: a name, occupations, experience, availability.
  candidate: ['view', 'canEdit'],
};

/**
 * The resident as this actor may see them today. `consents` is the history (newest first); it is
 * included only when `withConsentHistory` (the profile, not list rows) and the view allows it.
 * `cv` is the CV's metadata, given for the profile only (list rows leave it out).
 */
export function presentResident(
  r: TResidentRow,
  consents: TConsentRow[],
  access: TResidentAccess & { view: TResidentView },
  today: string,
  options: { withConsentHistory: boolean; cv?: TResidentCv | null },
): TResident {
  const p = r.row;
  const active = activeScopes(consents.map(consentState), today);
  const supportNeeds: TSupportNeed[] = access.showsHealthNeed
    ? p.supportNeeds
    : p.supportNeeds.filter((n) => n !== 'health');
  const full: Required<TResident> = {
    id: p.id,
    view: access.view,
    canEdit: access.canEdit,
    mayHandleRights: access.handlesRights,
    firstName: p.firstName,
    lastName: p.lastName,
    birthDate: p.birthDate,
    age: ageOn(p.birthDate, today),
    phone: p.phone,
    email: p.email,
    postalCode: p.postalCode,
    housingAreaId: p.housingAreaId,
    housingAreaName: r.housingAreaName,
    municipalityId: p.municipalityId,
    status: p.status,
    benefitGroup: p.benefitGroup,
    jobcenterCategory: p.jobcenterCategory,
    occupationIds: p.occupationIds,
    skills: p.skills,
    experiences: p.experiences,
    educationLevel: p.educationLevel,
    danishLevel: p.danishLevel,
    driverLicences: p.driverLicences,
    hoursPerWeek: p.hoursPerWeek,
    availableDay: p.availableDay,
    availableEvening: p.availableEvening,
    availableWeekend: p.availableWeekend,
    availableFrom: p.availableFrom,
    supportNeeds,
    healthNeedConsent: p.healthNeedConsent,
    gender: p.gender,
    responsibleSocialWorkerId: p.responsibleSocialWorkerId,
    responsibleJobConsultantId: p.responsibleJobConsultantId,
    activeConsentScopes: CONSENT_SCOPES.filter((s) => active.has(s)),
    consents: consents.map((c) => presentConsent(c, today)),
    targetGroup: r.targetGroup,
    cv: options.cv ?? null,
    updatedAt: p.updatedAt.toISOString(),
  };
  const keep = new Set<string>([...RESIDENT_VIEW_FIELDS[access.view], ...EXTRA_KEYS[access.view]]);
  if (!options.withConsentHistory) keep.delete('consents');
  if (options.cv === undefined) keep.delete('cv');
  // Fields of a view that are served elsewhere (notes, screenings, the CV file) have no key here.
  const shown = Object.fromEntries(Object.entries(full).filter(([key]) => keep.has(key)));
  return shown as TResident;
}

export function presentNote(n: {
  id: string;
  text: string;
  kind: TResidentNote['kind'];
  authorName: string | null;
  createdAt: Date;
}): TResidentNote {
  return {
    id: n.id,
    text: n.text,
    kind: n.kind,
    authorName: n.authorName,
    createdAt: n.createdAt.toISOString(),
  };
}

export function presentScreening(s: TScreeningRow): TScreening {
  const r = s.row;
  return {
    id: r.id,
    screenedOn: r.screenedOn,
    motivation: r.motivation,
    barriers: r.barriers,
    hoursPossible: r.hoursPossible,
    earlierWork: r.earlierWork,
    danishLevel: r.danishLevel,
    healthLimits: r.healthLimits,
    targetGroup: r.targetGroup === 1 ? 1 : 2,
    reasons: r.reasons,
    nextScreeningOn: r.nextScreeningOn,
    remark: r.remark,
    screenedByName: s.screenedByName,
  };
}
