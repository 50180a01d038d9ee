import { z } from 'zod';
import {
  optionalField,
  patchOf,
  ZIsoDate,
  ZListQuery,
  ZOptionalEmail,
  ZOptionalPhone,
  ZOptionalText,
  ZPostalCode,
  ZRequiredText,
  ZUuid,
} from './common.schema.ts';
import { CONSENT_METHODS, CONSENT_SCOPES, ZConsentInput } from './consent.schema.ts';
import { ZOccupationId } from './occupations.ts';
import { DRIVER_LICENCES } from './opening.schema.ts';
import { RESIDENT_VIEWS } from './resident-access.ts';
import { ZResidentCv } from './resident-cv.schema.ts';

// A resident (beboer): a vulnerable person, so every field has a purpose (issue 4 item 1) and
// who sees which field is decided in resident-access.ts. Never a CPR number: free text refuses
// one (common.schema.ts), and the birth date is a date, nothing more.

export const RESIDENT_STATUSES = ['active', 'paused', 'in_job', 'in_education', 'moved', 'closed'] as const;
export type TResidentStatus = (typeof RESIDENT_STATUSES)[number];
export const RESIDENT_STATUS_LABEL_DA: Record<TResidentStatus, string> = {
  active: 'Aktiv',
  paused: 'På pause',
  in_job: 'I job',
  in_education: 'I uddannelse',
  moved: 'Fraflyttet',
  closed: 'Afsluttet',
};

/** DOMAIN.md "Benefit groups" (the Sundparken table in seed 002). */
export const BENEFIT_GROUPS = [
  'a_dagpenge',
  'kontanthjaelp',
  'uddannelseshjaelp',
  'overgangsydelse',
  'sygedagpenge',
  'jobafklaringsforloeb',
  'revalidering',
  'ressourceforloeb',
  'ledighedsydelse',
  'foertidspension',
  'fleksjob',
  'none',
] as const;
export type TBenefitGroup = (typeof BENEFIT_GROUPS)[number];
export const BENEFIT_GROUP_LABEL_DA: Record<TBenefitGroup, string> = {
  a_dagpenge: 'A-dagpenge',
  kontanthjaelp: 'Kontanthjælp',
  uddannelseshjaelp: 'Uddannelseshjælp',
  overgangsydelse: 'Overgangsydelse og S&H-ydelser',
  sygedagpenge: 'Sygedagpenge',
  jobafklaringsforloeb: 'Jobafklaringsforløb',
  revalidering: 'Revalidering',
  ressourceforloeb: 'Ressourceforløb',
  ledighedsydelse: 'Ledighedsydelse',
  foertidspension: 'Førtidspension',
  fleksjob: 'Fleksjob',
  none: 'Ingen ydelse (selvforsørget / familieforsørget)',
};

export const JOBCENTER_CATEGORIES = ['jobparat', 'aktivitetsparat', 'uddannelsesparat', 'other'] as const;
export type TJobcenterCategory = (typeof JOBCENTER_CATEGORIES)[number];
export const JOBCENTER_CATEGORY_LABEL_DA: Record<TJobcenterCategory, string> = {
  jobparat: 'Jobparat',
  aktivitetsparat: 'Aktivitetsparat',
  uddannelsesparat: 'Uddannelsesparat',
  other: 'Andet',
};

export const EDUCATION_LEVELS = [
  'grundskole',
  'gymnasial',
  'erhvervsuddannelse',
  'videregaaende',
  'unknown',
] as const;
export type TEducationLevel = (typeof EDUCATION_LEVELS)[number];
export const EDUCATION_LEVEL_LABEL_DA: Record<TEducationLevel, string> = {
  grundskole: 'Grundskole',
  gymnasial: 'Gymnasial uddannelse',
  erhvervsuddannelse: 'Erhvervsuddannelse',
  videregaaende: 'Videregående uddannelse',
  unknown: 'Ukendt',
};

/** Danish level 1-5, as the profile shows it. */
export const DANISH_LEVEL_LABEL_DA: Record<1 | 2 | 3 | 4 | 5, string> = {
  1: '1 – Forstår og siger få ord',
  2: '2 – Klarer enkle samtaler',
  3: '3 – Klarer hverdag og arbejde med lidt hjælp',
  4: '4 – Taler og skriver sikkert',
  5: '5 – Flydende / modersmål',
};

/** Categories only: never a description of a person's circumstances. */
export const SUPPORT_NEEDS = ['childcare', 'transport', 'language', 'health'] as const;
export type TSupportNeed = (typeof SUPPORT_NEEDS)[number];
export const SUPPORT_NEED_LABEL_DA: Record<TSupportNeed, string> = {
  childcare: 'Børnepasning',
  transport: 'Transport',
  language: 'Sprog',
  health: 'Helbredsrelateret',
};

/** Self-reported, optional; used only for the matching bias report, never as a matching input. */
export const GENDERS = ['woman', 'man', 'other'] as const;
export const GENDER_LABEL_DA: Record<(typeof GENDERS)[number], string> = {
  woman: 'Kvinde',
  man: 'Mand',
  other: 'Andet',
};

/** A year of an experience entry: four digits, 1950-2100, with a Danish message for anything else. */
const ZExperienceYear = optionalField(
  z.coerce
    .number({ error: 'Skriv et årstal, fx 2019.' })
    .int({ error: 'Skriv et årstal, fx 2019.' })
    .min(1950, { error: 'Ugyldigt år.' })
    .max(2100, { error: 'Ugyldigt år.' }),
);

/**
 * A short experience entry (issue 4 item 1): what, where, from-to years, a line about it. The
 * years' order is checked per entry, so it is reported even while another entry has errors.
 */
export const ZExperience = z
  .object({
    title: ZRequiredText(150),
    employer: ZOptionalText(150),
    fromYear: ZExperienceYear,
    toYear: ZExperienceYear,
    description: ZOptionalText(500),
  })
  .superRefine((e, ctx) => {
    if (e.fromYear && e.toYear && e.toYear < e.fromYear) {
      ctx.addIssue({ code: 'custom', path: ['toYear'], message: 'Slutåret ligger før startåret.' });
    }
  });

const MIN_AGE = 13;

/** Whole years between a birth date and a day (both yyyy-mm-dd). */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export const ZResidentFields = z.object({
  firstName: ZRequiredText(100),
  lastName: ZRequiredText(100),
  birthDate: ZIsoDate,
  phone: ZOptionalPhone,
  email: ZOptionalEmail,
  postalCode: ZPostalCode,
  /** null: lives outside the partnership's areas. */
  housingAreaId: ZUuid.nullish().transform((v) => v ?? null),
  status: z.enum(RESIDENT_STATUSES, { error: 'Vælg en status.' }).default('active'),
  benefitGroup: optionalField(z.enum(BENEFIT_GROUPS, { error: 'Vælg en ydelsesgruppe.' })),
  jobcenterCategory: optionalField(z.enum(JOBCENTER_CATEGORIES, { error: 'Vælg en kategori.' })),
  /** Ranked: the first is the one the person wants most. */
  occupationIds: z.array(ZOccupationId).max(5, { error: 'Højst 5 stillinger.' }).default([]),
  skills: z.array(ZRequiredText(50)).max(30, { error: 'Højst 30 kompetencer.' }).default([]),
  experiences: z.array(ZExperience).max(20, { error: 'Højst 20 erfaringer.' }).default([]),
  educationLevel: z.enum(EDUCATION_LEVELS, { error: 'Vælg et uddannelsesniveau.' }).default('unknown'),
  danishLevel: optionalField(
    z.coerce.number().int().min(1, { error: 'Niveau 1-5.' }).max(5, { error: 'Niveau 1-5.' }),
  ),
  driverLicences: z.array(z.enum(DRIVER_LICENCES, { error: 'Ukendt kørekortkategori.' })).default([]),
  hoursPerWeek: optionalField(
    z.coerce
      .number()
      .min(1, { error: 'Mindst 1 time om ugen.' })
      .max(48, { error: 'Højst 48 timer om ugen.' }),
  ),
  availableDay: z.boolean().default(true),
  availableEvening: z.boolean().default(false),
  availableWeekend: z.boolean().default(false),
  /** From when the person can start work (matching's start-date fit); empty = now. */
  availableFrom: optionalField(ZIsoDate),
  supportNeeds: z.array(z.enum(SUPPORT_NEEDS, { error: 'Ukendt støttebehov.' })).default([]),
  /** The person explicitly agreed to record a health-related support need. */
  healthNeedConsent: z.boolean().default(false),
  gender: optionalField(z.enum(GENDERS, { error: 'Ukendt køn.' })),
  responsibleSocialWorkerId: ZUuid.nullish().transform((v) => v ?? null),
  responsibleJobConsultantId: ZUuid.nullish().transform((v) => v ?? null),
});

/** Cross-field rules; `today` is the Copenhagen day (birth dates in the future are refused). */
export function residentInputSchema(today: string) {
  return ZResidentFields.superRefine((r, ctx) => {
    if (r.birthDate > today) {
      ctx.addIssue({ code: 'custom', path: ['birthDate'], message: 'Fødselsdatoen ligger i fremtiden.' });
    } else if (ageOn(r.birthDate, today) < MIN_AGE) {
      ctx.addIssue({
        code: 'custom',
        path: ['birthDate'],
        message: `Personen skal være mindst ${MIN_AGE} år.`,
      });
    } else if (ageOn(r.birthDate, today) > 120) {
      ctx.addIssue({ code: 'custom', path: ['birthDate'], message: 'Fødselsdatoen er urealistisk.' });
    }
    if (r.supportNeeds.includes('health') && !r.healthNeedConsent) {
      ctx.addIssue({
        code: 'custom',
        path: ['supportNeeds'],
        message: 'Et helbredsrelateret støttebehov kræver personens udtrykkelige samtykke.',
      });
    }
  });
}
export type TResidentInput = z.infer<ReturnType<typeof residentInputSchema>>;

/** A PATCH body: the same fields without defaults, so what is not sent stays as it is. */
export const ZResidentPatch = patchOf(ZResidentFields);

export const ZConsent = z.object({
  id: ZUuid,
  scope: z.enum(CONSENT_SCOPES),
  textVersion: z.string(),
  givenOn: z.string(),
  method: z.enum(CONSENT_METHODS),
  witnessName: z.string().nullable(),
  expiresOn: z.string().nullable(),
  registeredByName: z.string().nullable(),
  withdrawnOn: z.string().nullable(),
  withdrawnByName: z.string().nullable(),
  active: z.boolean(),
});
export type TConsent = z.infer<typeof ZConsent>;

/**
 * A resident as one actor may see them: every field optional, because the presenter keeps only
 * the fields of the actor's view (resident-access.ts); `view` says which.
 */
export const ZResident = z.object({
  id: ZUuid,
  view: z.enum(RESIDENT_VIEWS),
  firstName: z.string(),
  lastName: z.string().optional(),
  birthDate: z.string().optional(),
  age: z.number().int().optional(),
  phone: z.string().nullable().optional(),
  email: z.string().nullable().optional(),
  postalCode: z.string().optional(),
  housingAreaId: ZUuid.nullable().optional(),
  housingAreaName: z.string().nullable().optional(),
  municipalityId: ZUuid.optional(),
  status: z.enum(RESIDENT_STATUSES).optional(),
  benefitGroup: z.enum(BENEFIT_GROUPS).nullable().optional(),
  jobcenterCategory: z.enum(JOBCENTER_CATEGORIES).nullable().optional(),
  occupationIds: z.array(z.string()).optional(),
  skills: z.array(z.string()).optional(),
  experiences: z
    .array(
      z.object({
        title: z.string(),
        employer: z.string().nullable(),
        fromYear: z.number().nullable(),
        toYear: z.number().nullable(),
        description: z.string().nullable(),
      }),
    )
    .optional(),
  educationLevel: z.enum(EDUCATION_LEVELS).optional(),
  danishLevel: z.number().int().nullable().optional(),
  driverLicences: z.array(z.string()).optional(),
  hoursPerWeek: z.number().nullable().optional(),
  availableDay: z.boolean().optional(),
  availableEvening: z.boolean().optional(),
  availableWeekend: z.boolean().optional(),
  availableFrom: z.string().nullable().optional(),
  supportNeeds: z.array(z.enum(SUPPORT_NEEDS)).optional(),
  healthNeedConsent: z.boolean().optional(),
  gender: z.enum(GENDERS).nullable().optional(),
  responsibleSocialWorkerId: ZUuid.nullable().optional(),
  responsibleJobConsultantId: ZUuid.nullable().optional(),
  /** Scopes with an active consent today (shown as badges in lists). */
  activeConsentScopes: z.array(z.enum(CONSENT_SCOPES)).optional(),
  consents: z.array(ZConsent).optional(),
  /** The uploaded CV's metadata (the profile in the professional view; null when none). */
  cv: ZResidentCv.nullable().optional(),
  /** The Stepping Stones target group of the latest screening; null before the first one. */
  targetGroup: z
    .union([z.literal(1), z.literal(2)])
    .nullable()
    .optional(),
  canEdit: z.boolean(),
  /** May handle the person's rights requests (access export, erasure): resident-access.ts. */
  mayHandleRights: z.boolean().optional(),
  updatedAt: z.string().optional(),
});
export type TResident = z.infer<typeof ZResident>;

export const RESIDENT_SORTS = ['lastName', 'firstName', 'birthDate', 'status', 'updatedAt'] as const;
export const ZResidentListQuery = ZListQuery.extend({
  sort: z.enum(RESIDENT_SORTS).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  offset: z.coerce.number().int().min(0).optional(),
  housingAreaId: ZUuid.optional(),
  status: z.enum(RESIDENT_STATUSES).optional(),
  occupationId: z.string().max(60).optional(),
  /** Only people with an active consent of this scope. */
  consent: z.enum(CONSENT_SCOPES).optional(),
  /** Only people whose latest screening placed them in this target group. */
  targetGroup: z.coerce.number().int().min(1).max(2).optional(),
});
export type TResidentListQuery = z.infer<typeof ZResidentListQuery>;

/** The roles that register a person: which side holds them (resident-access.ts). */
export const REGISTERING_ROLES = ['social_worker', 'job_consultant'] as const;

/**
 * GET /api/residents/responsible-staff: a social worker or job consultant who may be made
 * responsible for a person living in `municipalityId` (the form offers those of the person's).
 */
export const ZResponsibleStaff = z.object({
  id: ZUuid,
  name: z.string(),
  role: z.enum(REGISTERING_ROLES),
  municipalityId: ZUuid,
});
export type TResponsibleStaff = z.infer<typeof ZResponsibleStaff>;

/**
 * POST /api/residents: the profile, optionally the consents given at the same meeting (stored in
 * the same transaction), and, for someone who is both social worker and job consultant, which
 * side registers the person.
 */
export const ZResidentCreate = ZResidentFields.extend({
  registeredAs: z.enum(REGISTERING_ROLES, { error: 'Vælg hvilken rolle du registrerer som.' }).optional(),
  consents: z.array(ZConsentInput).max(10).default([]),
});
export type TResidentCreate = z.infer<typeof ZResidentCreate>;

/** A plain case note, or the record of a counselling session (vejledningssamtale: the Greve table). */
export const RESIDENT_NOTE_KINDS = ['note', 'counselling'] as const;
export type TResidentNoteKind = (typeof RESIDENT_NOTE_KINDS)[number];

/** A case note (professional view only): the text, its kind, who wrote it and when. */
export const ZResidentNote = z.object({
  id: ZUuid,
  text: z.string(),
  kind: z.enum(RESIDENT_NOTE_KINDS),
  authorName: z.string().nullable(),
  createdAt: z.string(),
});
export type TResidentNote = z.infer<typeof ZResidentNote>;
export const ZResidentNoteInput = z.object({
  text: ZRequiredText(5000),
  kind: z.enum(RESIDENT_NOTE_KINDS, { error: 'Vælg notat eller vejledningssamtale.' }).default('note'),
});

/** GET /api/residents/consents/expiring: active consents that lapse within `days`. */
export const ZExpiringConsentsQuery = z.object({
  days: z.coerce.number().int().min(0).max(365, { error: 'Højst 365 dage.' }).default(30),
});
export const ZExpiringConsent = z.object({
  consentId: ZUuid,
  residentId: ZUuid,
  firstName: z.string(),
  lastName: z.string(),
  scope: z.enum(CONSENT_SCOPES),
  expiresOn: z.string(),
});
export type TExpiringConsent = z.infer<typeof ZExpiringConsent>;
