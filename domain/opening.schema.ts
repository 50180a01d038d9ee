import { z } from 'zod';
import {
  optionalField,
  ZIsoDate,
  ZOptionalEmail,
  ZOptionalPhone,
  ZOptionalText,
  ZPostalCode,
  ZRequiredText,
  ZUuid,
} from './common.schema.ts';
import { ZOccupationId } from './occupations.ts';
import { OPENING_TYPE_INFO, ZOpeningType } from './opening-types.ts';
import { youthViolations } from './rules/youth-work.ts';

// A job opening (jobåbning) at a company. Creating one refers it at once to the job consultants
// and housing social workers of its partnership (seed 001: "straks").

export const OPENING_STATUSES = [
  'new',
  'referred',
  'proposals',
  'interviewing',
  'filled',
  'partly_filled',
  'closed_unfilled',
  'cancelled',
] as const;
export type TOpeningStatus = (typeof OPENING_STATUSES)[number];

export const OPENING_STATUS_LABEL_DA: Record<TOpeningStatus, string> = {
  new: 'Ny',
  referred: 'Henvist',
  proposals: 'Kandidater foreslået',
  interviewing: 'Samtaler',
  filled: 'Besat',
  partly_filled: 'Delvist besat',
  closed_unfilled: 'Lukket uden besættelse',
  cancelled: 'Annulleret',
};

const FINAL: readonly TOpeningStatus[] = ['filled', 'partly_filled', 'closed_unfilled', 'cancelled'];

/** Which status may follow which; every change is recorded with who and when. */
export const OPENING_TRANSITIONS: Record<TOpeningStatus, readonly TOpeningStatus[]> = {
  new: ['referred', 'cancelled'],
  referred: ['proposals', 'interviewing', 'closed_unfilled', 'cancelled'],
  proposals: ['interviewing', 'filled', 'partly_filled', 'closed_unfilled', 'cancelled'],
  interviewing: ['filled', 'partly_filled', 'closed_unfilled', 'cancelled'],
  filled: [],
  partly_filled: ['filled', 'closed_unfilled'],
  closed_unfilled: [],
  cancelled: [],
};

export function canTransition(from: TOpeningStatus, to: TOpeningStatus): boolean {
  return OPENING_TRANSITIONS[from].includes(to);
}
export function isFinalStatus(status: TOpeningStatus): boolean {
  return FINAL.includes(status);
}

export const DRIVER_LICENCES = ['B', 'BE', 'C1', 'C', 'CE', 'D'] as const;

const ZTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'Klokkeslæt som TT:MM.' });

/** Skill tags ("Murerarbejde", "Truckcertifikat"): up to 20, each at most 60 characters, no repeats. */
export const ZOpeningSkills = z
  .array(ZRequiredText(60))
  .max(20, { error: 'Højst 20 kompetencer.' })
  .refine((tags) => new Set(tags.map((t) => t.toLocaleLowerCase('da'))).size === tags.length, {
    error: 'Den samme kompetence står to gange.',
  });

export const ZOpeningFields = z.object({
  companyId: ZUuid,
  /** Omitted: the creator's partnership, or the company's only one. */
  partnershipId: ZUuid.nullish().transform((v) => v ?? null),
  housingAreaId: ZUuid.nullish().transform((v) => v ?? null),
  /** The assignment the opening comes of, and the social clause it helps fulfil (same company). */
  assignmentId: ZUuid.nullish().transform((v) => v ?? null),
  socialClauseId: ZUuid.nullish().transform((v) => v ?? null),
  type: ZOpeningType,
  title: ZRequiredText(150),
  occupationId: ZOccupationId,
  description: ZOptionalText(4000),
  hoursPerWeek: z.coerce
    .number({ error: 'Skal være et tal.' })
    .min(1, { error: 'Mindst 1 time om ugen.' })
    .max(48, { error: 'Højst 48 timer om ugen (arbejdstidsreglerne).' }),
  /** The fewest hours a week the job can be done with (matching's hours filter); empty = the type's default. */
  minHoursPerWeek: optionalField(
    z.coerce
      .number({ error: 'Skal være et tal.' })
      .min(1, { error: 'Mindst 1 time om ugen.' })
      .max(48, { error: 'Højst 48 timer om ugen.' }),
  ),
  /** Skill tags the job asks for (matching's skills coverage). */
  skills: ZOpeningSkills.default([]),
  scheduleDay: z.boolean().default(true),
  scheduleEvening: z.boolean().default(false),
  scheduleWeekend: z.boolean().default(false),
  /** When evening work ends; required for evening work by people under 18. */
  endTime: optionalField(ZTime),
  startDate: ZIsoDate,
  endDate: optionalField(ZIsoDate),
  positions: z.coerce
    .number()
    .int({ error: 'Skal være et helt tal.' })
    .min(1, { error: 'Mindst 1.' })
    .max(50, { error: 'Højst 50.' }),
  postalCode: ZPostalCode,
  city: ZRequiredText(100),
  driverLicence: optionalField(z.enum(DRIVER_LICENCES, { error: 'Ukendt kørekortkategori.' })),
  minDanishLevel: optionalField(
    z.coerce.number().int().min(1, { error: 'Niveau 1-5.' }).max(5, { error: 'Niveau 1-5.' }),
  ),
  certificates: ZOptionalText(500),
  /** Omitted: the type's default (opening-types.ts). */
  minAge: optionalField(z.coerce.number().int().min(13, { error: 'Ingen under 13 år må ansættes.' }).max(70)),
  maxAge: optionalField(z.coerce.number().int().min(13).max(70)),
  applicationDeadline: optionalField(ZIsoDate),
  contactName: ZOptionalText(150),
  contactEmail: ZOptionalEmail,
  contactPhone: ZOptionalPhone,
});

/** Cross-field rules: dates in order, ages in order, and the youth-work rules for minors. */
export const ZOpeningInput = ZOpeningFields.superRefine((o, ctx) => {
  if (!o.scheduleDay && !o.scheduleEvening && !o.scheduleWeekend) {
    ctx.addIssue({
      code: 'custom',
      path: ['scheduleDay'],
      message: 'Vælg mindst ét tidspunkt (dag, aften eller weekend).',
    });
  }
  if (o.minHoursPerWeek !== null && o.minHoursPerWeek > o.hoursPerWeek) {
    ctx.addIssue({
      code: 'custom',
      path: ['minHoursPerWeek'],
      message: `Det mindste timetal kan højst være jobbets timetal (${String(o.hoursPerWeek).replace('.', ',')}).`,
    });
  }
  if (o.endDate && o.endDate < o.startDate) {
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'Slutdatoen skal ligge efter startdatoen.' });
  }
  if (o.applicationDeadline && o.applicationDeadline > o.startDate) {
    ctx.addIssue({
      code: 'custom',
      path: ['applicationDeadline'],
      message: 'Ansøgningsfristen skal ligge før start.',
    });
  }
  const info = OPENING_TYPE_INFO[o.type];
  const minAge = o.minAge ?? info.minAge;
  const maxAge = o.maxAge ?? info.maxAge;
  if (maxAge !== null && maxAge < minAge) {
    ctx.addIssue({
      code: 'custom',
      path: ['maxAge'],
      message: 'Maksimumsalderen skal være mindst minimumsalderen.',
    });
  }
  if (minAge < 18) {
    const input = {
      minAge,
      inCompulsorySchool: info.afterCompulsorySchool ? false : undefined,
      hoursPerWeek: o.hoursPerWeek,
      on: o.startDate,
    };
    const violations = youthViolations({
      ...input,
      schedule: { day: o.scheduleDay, evening: o.scheduleEvening, weekend: o.scheduleWeekend },
      endTime: o.endTime,
    });
    // The same check for day work only leaves the limits on hours; the rest is about the time of
    // day, which the user fixes at the end time.
    const hourLimits = youthViolations({ ...input, schedule: { day: true, evening: false, weekend: false } });
    for (const message of violations) {
      const path = hourLimits.includes(message) ? 'hoursPerWeek' : 'endTime';
      ctx.addIssue({ code: 'custom', path: [path], message });
    }
  }
});
export type TOpeningInput = z.infer<typeof ZOpeningInput>;

/** Creating an opening may close the job dialogue it came of ("opening now"). */
export const ZOpeningCreate = ZOpeningFields.extend({
  jobDialogueId: ZUuid.nullish().transform((v) => v ?? null),
});

export const ZOpeningStatusChange = z.object({
  status: z.enum(OPENING_STATUSES, { error: 'Ukendt status.' }),
  note: ZOptionalText(1000),
});

export const ZOpeningReferral = z.object({
  userId: ZUuid,
  name: z.string(),
  role: z.enum(['job_consultant', 'social_worker']),
  notifiedAt: z.string(),
  mailSentAt: z.string().nullable(),
});

export const ZOpening = z.object({
  id: ZUuid,
  partnershipId: ZUuid,
  partnershipName: z.string(),
  companyId: ZUuid,
  companyName: z.string(),
  housingOrganisationId: ZUuid.nullable(),
  housingAreaId: ZUuid.nullable(),
  assignmentId: ZUuid.nullable(),
  socialClauseId: ZUuid.nullable(),
  type: ZOpeningType,
  title: z.string(),
  occupationId: z.string(),
  description: z.string().nullable(),
  hoursPerWeek: z.number(),
  minHoursPerWeek: z.number().nullable(),
  skills: z.array(z.string()),
  scheduleDay: z.boolean(),
  scheduleEvening: z.boolean(),
  scheduleWeekend: z.boolean(),
  endTime: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  positions: z.number().int(),
  postalCode: z.string(),
  city: z.string(),
  driverLicence: z.string().nullable(),
  minDanishLevel: z.number().int().nullable(),
  certificates: z.string().nullable(),
  minAge: z.number().int(),
  maxAge: z.number().int().nullable(),
  applicationDeadline: z.string().nullable(),
  contactName: z.string().nullable(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  status: z.enum(OPENING_STATUSES),
  createdAt: z.string(),
  referredAt: z.string().nullable(),
});
export type TOpening = z.infer<typeof ZOpening>;

/** A row of the openings list: without the company's contact person (personal data, read on the detail page, audited). */
export const ZOpeningListItem = ZOpening.omit({ contactName: true, contactEmail: true, contactPhone: true });
export type TOpeningListItem = z.infer<typeof ZOpeningListItem>;

export const ZOpeningDetail = ZOpening.extend({
  /** When the first resident was proposed (issue 5: time to first proposal); null before. */
  firstProposalAt: z.string().nullable(),
  /** Hours from the opening's creation to its first proposal, one decimal; null before. */
  hoursToFirstProposal: z.number().nullable(),
  referrals: z.array(ZOpeningReferral),
  history: z.array(
    z.object({
      from: z.enum(OPENING_STATUSES).nullable(),
      to: z.enum(OPENING_STATUSES),
      at: z.string(),
      byName: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
});
export type TOpeningDetail = z.infer<typeof ZOpeningDetail>;

export const OPENING_SORTS = ['createdAt', 'startDate', 'title', 'companyName', 'status'] as const;
export const ZOpeningFilters = z.object({
  status: z.enum(OPENING_STATUSES).optional(),
  type: ZOpeningType.optional(),
  companyId: ZUuid.optional(),
  partnershipId: ZUuid.optional(),
  assignmentId: ZUuid.optional(),
});
