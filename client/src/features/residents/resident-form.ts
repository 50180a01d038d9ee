import { CONSENT_METHODS, type TConsentScope, ZConsentInput } from '@domain/consent.schema.ts';
import { CURRENT_CONSENT_TEXT_VERSION } from '@domain/consent-texts.ts';
import {
  EDUCATION_LEVELS,
  REGISTERING_ROLES,
  RESIDENT_STATUSES,
  residentInputSchema,
  type TEducationLevel,
  type TResident,
  type TResidentStatus,
  type TResponsibleStaff,
  type TSupportNeed,
} from '@domain/resident.schema.ts';
import { z } from 'zod';

// The register/edit form's values (strings as the inputs hold them) and the one schema that turns
// them into the API's body: the domain's resident schema plus the consents given at registration.

/** The area select's value for "lives outside the partnership's areas" (null in the API). */
export const OUTSIDE_AREAS = 'outside';

/** At most this many experience entries (the domain schema's limit). */
export const MAX_EXPERIENCES = 20;

/** One experience entry as its inputs hold it; `key` keeps React's identity through a reorder. */
export interface TExperienceFormValues {
  key: string;
  title: string;
  employer: string;
  fromYear: string;
  toYear: string;
  description: string;
}

let experienceKeys = 0;
/** An empty entry for "Tilføj erfaring". */
export function emptyExperience(): TExperienceFormValues {
  experienceKeys += 1;
  return { key: `exp-${experienceKeys}`, title: '', employer: '', fromYear: '', toYear: '', description: '' };
}

export type TRegisteringRole = (typeof REGISTERING_ROLES)[number];

export interface TResidentFormValues {
  firstName: string;
  lastName: string;
  birthDate: string;
  phone: string;
  email: string;
  postalCode: string;
  /** '' not chosen yet, OUTSIDE_AREAS, or an area id. */
  housingAreaId: string;
  status: TResidentStatus;
  /** Ranked: the first is the one the person wants most. */
  occupationIds: string[];
  skills: string[];
  educationLevel: TEducationLevel;
  danishLevel: string;
  driverLicences: string[];
  hoursPerWeek: string;
  availableDay: boolean;
  availableEvening: boolean;
  availableWeekend: boolean;
  /** yyyy-mm-dd, or empty: can start now. */
  availableFrom: string;
  benefitGroup: string;
  jobcenterCategory: string;
  supportNeeds: TSupportNeed[];
  healthNeedConsent: boolean;
  gender: string;
  /** Short experience entries, in the order the person wants them shown. */
  experiences: TExperienceFormValues[];
  /** '' for nobody. */
  responsibleSocialWorkerId: string;
  responsibleJobConsultantId: string;
  /** Registration by someone who is both social worker and job consultant: which side ('' unset). */
  registeredAs: TRegisteringRole | '';
  /** Consents given at registration: one shared date, method and witness (one signed form). */
  consentScopes: TConsentScope[];
  consentGivenOn: string;
  consentMethod: string;
  consentWitnessName: string;
  consentExpiresOn: string;
}

export type TResidentFormField = keyof TResidentFormValues;

export function emptyResidentValues(today: string): TResidentFormValues {
  return {
    firstName: '',
    lastName: '',
    birthDate: '',
    phone: '',
    email: '',
    postalCode: '',
    housingAreaId: '',
    status: 'active',
    occupationIds: [],
    skills: [],
    educationLevel: 'unknown',
    danishLevel: '',
    driverLicences: [],
    hoursPerWeek: '',
    availableDay: true,
    availableEvening: false,
    availableWeekend: false,
    availableFrom: '',
    benefitGroup: '',
    jobcenterCategory: '',
    supportNeeds: [],
    healthNeedConsent: false,
    gender: '',
    experiences: [],
    responsibleSocialWorkerId: '',
    responsibleJobConsultantId: '',
    registeredAs: '',
    consentScopes: [],
    consentGivenOn: today,
    consentMethod: 'paper',
    consentWitnessName: '',
    consentExpiresOn: '',
  };
}

/** The form filled from a profile (edit mode); fields the view leaves out stay empty. */
export function valuesFromResident(r: TResident, today: string): TResidentFormValues {
  const empty = emptyResidentValues(today);
  const supportNeeds = r.supportNeeds ?? [];
  return {
    ...empty,
    firstName: r.firstName,
    lastName: r.lastName ?? '',
    birthDate: r.birthDate ?? '',
    phone: r.phone ?? '',
    email: r.email ?? '',
    postalCode: r.postalCode ?? '',
    housingAreaId:
      r.housingAreaId === undefined ? '' : r.housingAreaId === null ? OUTSIDE_AREAS : r.housingAreaId,
    status: r.status ?? 'active',
    occupationIds: r.occupationIds ?? [],
    skills: r.skills ?? [],
    educationLevel: r.educationLevel ?? 'unknown',
    danishLevel: r.danishLevel ? String(r.danishLevel) : '',
    driverLicences: r.driverLicences ?? [],
    hoursPerWeek: r.hoursPerWeek ? String(r.hoursPerWeek) : '',
    availableDay: r.availableDay ?? true,
    availableEvening: r.availableEvening ?? false,
    availableWeekend: r.availableWeekend ?? false,
    availableFrom: r.availableFrom ?? '',
    benefitGroup: r.benefitGroup ?? '',
    jobcenterCategory: r.jobcenterCategory ?? '',
    supportNeeds,
    healthNeedConsent: r.healthNeedConsent ?? supportNeeds.includes('health'),
    gender: r.gender ?? '',
    experiences: (r.experiences ?? []).map((e) => ({
      ...emptyExperience(),
      title: e.title,
      employer: e.employer ?? '',
      fromYear: e.fromYear === null ? '' : String(e.fromYear),
      toYear: e.toYear === null ? '' : String(e.toYear),
      description: e.description ?? '',
    })),
    responsibleSocialWorkerId: r.responsibleSocialWorkerId ?? '',
    responsibleJobConsultantId: r.responsibleJobConsultantId ?? '',
  };
}

/** Form values → the API's shape (before validation). */
export function toResidentBody(v: TResidentFormValues) {
  return {
    firstName: v.firstName,
    lastName: v.lastName,
    birthDate: v.birthDate,
    phone: v.phone,
    email: v.email,
    postalCode: v.postalCode,
    housingAreaId:
      v.housingAreaId === '' ? undefined : v.housingAreaId === OUTSIDE_AREAS ? null : v.housingAreaId,
    status: v.status,
    occupationIds: v.occupationIds,
    skills: v.skills,
    educationLevel: v.educationLevel,
    danishLevel: v.danishLevel,
    driverLicences: v.driverLicences,
    hoursPerWeek: v.hoursPerWeek.replace(',', '.'),
    availableDay: v.availableDay,
    availableEvening: v.availableEvening,
    availableWeekend: v.availableWeekend,
    availableFrom: v.availableFrom,
    benefitGroup: v.benefitGroup,
    jobcenterCategory: v.jobcenterCategory,
    supportNeeds: v.supportNeeds,
    healthNeedConsent: v.healthNeedConsent,
    gender: v.gender,
    experiences: v.experiences.map((e) => ({
      title: e.title,
      employer: e.employer,
      fromYear: e.fromYear.trim(),
      toYear: e.toYear.trim(),
      description: e.description,
    })),
    responsibleSocialWorkerId: v.responsibleSocialWorkerId || null,
    responsibleJobConsultantId: v.responsibleJobConsultantId || null,
    registeredAs: v.registeredAs || undefined,
    consents: v.consentScopes.map((scope) => ({
      scope,
      textVersion: CURRENT_CONSENT_TEXT_VERSION,
      givenOn: v.consentGivenOn,
      method: v.consentMethod,
      witnessName: v.consentMethod === 'verbal_witnessed' ? v.consentWitnessName : '',
      expiresOn: v.consentExpiresOn,
    })),
  };
}

const AREA_MESSAGE = 'Vælg et boligområde eller »Uden for boligområderne«.';
const REGISTERED_AS_MESSAGE = 'Vælg om du registrerer som boligsocial medarbejder eller jobkonsulent.';

/**
 * The form's schema: the domain's resident rules (birth date, health need, experiences, CPR
 * refusal …), an explicit area choice (so "outside the areas" is never a forgotten field), the
 * consents, and, for someone with both professional roles registering a person, which side.
 */
export function residentFormSchema(today: string, options: { requireRegisteredAs?: boolean } = {}) {
  const body = residentInputSchema(today)
    .safeExtend({
      housingAreaId: z.union([z.uuid(), z.null()], { error: AREA_MESSAGE }),
      consents: z.array(ZConsentInput).default([]),
      registeredAs: z.enum(REGISTERING_ROLES, { error: REGISTERED_AS_MESSAGE }).optional(),
    })
    .superRefine((r, ctx) => {
      if (options.requireRegisteredAs && !r.registeredAs) {
        ctx.addIssue({ code: 'custom', path: ['registeredAs'], message: REGISTERED_AS_MESSAGE });
      }
    });
  return z.preprocess((v) => toResidentBody(v as TResidentFormValues), body);
}

/** The professional roles a user holds (with a scope): more than one means "Registreret af" is asked. */
export function registeringRoles(memberships: readonly { role: string; scopeId?: string | null }[]) {
  return REGISTERING_ROLES.filter((role) => memberships.some((m) => m.role === role));
}
export type TResidentFormOutput = z.output<ReturnType<typeof residentFormSchema>>;

/** The consent section shares one date, method and witness: show a consent's error there. */
export function consentFieldError(
  errors: Record<string, string>,
  field: 'givenOn' | 'method' | 'witnessName' | 'expiresOn',
): string | undefined {
  const key = Object.keys(errors).find((k) => new RegExp(`^consents\\.\\d+\\.${field}$`).test(k));
  return key ? errors[key] : undefined;
}

export const isResidentStatus = (v: string | null): v is TResidentStatus =>
  (RESIDENT_STATUSES as readonly string[]).includes(v ?? '');
export const isEducationLevel = (v: string): v is TEducationLevel =>
  (EDUCATION_LEVELS as readonly string[]).includes(v);
export const isConsentMethod = (v: string): boolean => (CONSENT_METHODS as readonly string[]).includes(v);

/**
 * The options for one role: the staff of `municipalityId` (all the user's municipalities when it
 * is not known yet), each person once, and the current choice even if no longer offered.
 */
export function staffOptions(
  staff: readonly TResponsibleStaff[],
  role: TRegisteringRole,
  municipalityId: string | null,
  current: string,
  labels: { none: string; inactive: string },
): { value: string; label: string }[] {
  const seen = new Set<string>();
  const people = staff.filter((s) => {
    if (s.role !== role || (municipalityId && s.municipalityId !== municipalityId) || seen.has(s.id)) {
      return false;
    }
    seen.add(s.id);
    return true;
  });
  const options = [{ value: '', label: labels.none }, ...people.map((p) => ({ value: p.id, label: p.name }))];
  if (current && !seen.has(current)) options.push({ value: current, label: labels.inactive });
  return options;
}

/** Move one item of a ranked list up (-1) or down (+1). */
export function move<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (to < 0 || to >= list.length) return [...list];
  const next = [...list];
  [next[index], next[to]] = [next[to] as T, next[index] as T];
  return next;
}
