import { z } from 'zod';
import { ZIsoDate, ZOptionalText } from './common.schema.ts';
import { ageOn } from './resident.schema.ts';
import { addDays } from './time.ts';

// Stepping Stones screening (seed 003, Viborg): a structured look at a resident's job readiness
// that places them in target group 1 (ready for the labour market now) or 2 (gradual attachment
// through small jobs). The rule is explainable: every screening says why it landed where it did.
// The person's own words belong in case notes, not here; the form holds categories only.

export const BARRIERS = [
  'childcare',
  'transport',
  'language',
  'health',
  'economy_or_housing',
  'no_work_experience',
  'confidence',
  'other',
] as const;
export type TBarrier = (typeof BARRIERS)[number];
export const BARRIER_LABEL_DA: Record<TBarrier, string> = {
  childcare: 'Børnepasning',
  transport: 'Transport',
  language: 'Sprog',
  health: 'Helbred',
  economy_or_housing: 'Økonomi eller bolig',
  no_work_experience: 'Ingen erfaring fra arbejdsmarkedet',
  confidence: 'Selvtillid eller overskud',
  other: 'Andet',
};

export const EARLIER_WORK = ['none', 'under_1_year', '1_to_5_years', 'over_5_years'] as const;
export type TEarlierWork = (typeof EARLIER_WORK)[number];
export const EARLIER_WORK_LABEL_DA: Record<TEarlierWork, string> = {
  none: 'Ingen',
  under_1_year: 'Under 1 år',
  '1_to_5_years': '1-5 år',
  over_5_years: 'Over 5 år',
};

/** Health limits as a category only, never a diagnosis. */
export const HEALTH_LIMITS = ['none', 'some', 'major'] as const;
export type THealthLimits = (typeof HEALTH_LIMITS)[number];
export const HEALTH_LIMITS_LABEL_DA: Record<THealthLimits, string> = {
  none: 'Ingen',
  some: 'Nogle begrænsninger',
  major: 'Store begrænsninger',
};

export const MOTIVATION_LABEL_DA: Record<1 | 2 | 3 | 4 | 5, string> = {
  1: '1 – Ikke motiveret nu',
  2: '2 – Lidt motiveret',
  3: '3 – Motiveret',
  4: '4 – Meget motiveret',
  5: '5 – Vil i job med det samme',
};

export const TARGET_GROUP_LABEL_DA: Record<1 | 2, string> = {
  1: 'Målgruppe 1 – klar til arbejdsmarkedet nu',
  2: 'Målgruppe 2 – gradvis tilknytning gennem småjob',
};

export const ZScreeningInput = z.object({
  screenedOn: ZIsoDate,
  motivation: z.coerce
    .number({ error: 'Vælg motivation 1-5.' })
    .int()
    .min(1, { error: 'Vælg motivation 1-5.' })
    .max(5, { error: 'Vælg motivation 1-5.' }),
  barriers: z.array(z.enum(BARRIERS, { error: 'Ukendt barriere.' })).default([]),
  hoursPossible: z.coerce
    .number({ error: 'Skal være et tal.' })
    .min(0, { error: 'Kan ikke være negativt.' })
    .max(48, { error: 'Højst 48 timer om ugen.' }),
  earlierWork: z.enum(EARLIER_WORK, { error: 'Vælg erfaring.' }),
  danishLevel: z.coerce
    .number({ error: 'Vælg niveau 1-5.' })
    .int()
    .min(1, { error: 'Vælg niveau 1-5.' })
    .max(5, { error: 'Vælg niveau 1-5.' }),
  healthLimits: z.enum(HEALTH_LIMITS, { error: 'Vælg helbredsbegrænsninger.' }),
  /** Omitted: 6 months on for group 1, 3 months for group 2. */
  nextScreeningOn: ZIsoDate.nullish().transform((v) => v ?? null),
  /** A short professional remark on the assessment; the person's story goes in case notes. */
  remark: ZOptionalText(500),
});
export type TScreeningInput = z.infer<typeof ZScreeningInput>;

export interface TScreeningResult {
  targetGroup: 1 | 2;
  /** Why, in Danish, one line per deciding fact (shown with the result). */
  reasons: string[];
}

/**
 * Target group 1 when the person is motivated (3+), can work at least 20 hours a week, has no
 * major health limits, at most one barrier and enough Danish to manage at work (2+); otherwise
 * group 2, with each unmet condition as a reason. Earlier work does not decide the group (it
 * shapes the plan), so people without experience are not held back by it alone.
 */
export function screeningResult(
  s: Pick<TScreeningInput, 'motivation' | 'barriers' | 'hoursPossible' | 'danishLevel' | 'healthLimits'>,
): TScreeningResult {
  const reasons: string[] = [];
  if (s.motivation < 3) reasons.push('Motivationen er under 3.');
  if (s.hoursPossible < 20) reasons.push('Kan arbejde under 20 timer om ugen.');
  if (s.healthLimits === 'major') reasons.push('Store helbredsbegrænsninger.');
  if (s.barriers.length > 1) reasons.push(`${s.barriers.length} barrierer.`);
  if (s.danishLevel < 2) reasons.push('Dansk på niveau 1.');
  if (reasons.length === 0) {
    return { targetGroup: 1, reasons: ['Motiveret, kan arbejde mindst 20 timer og har højst én barriere.'] };
  }
  return { targetGroup: 2, reasons };
}

/** The default next screening: group 1 in 6 months, group 2 in 3 months (seed 003: ongoing overview). */
export function defaultNextScreening(screenedOn: string, targetGroup: 1 | 2): string {
  return addDays(screenedOn, targetGroup === 1 ? 182 : 91);
}

/** Stepping Stones is for 18-64-year-olds (seed 003); null when the person may be screened. */
export function screeningAgeProblem(birthDate: string, on: string): string | null {
  const age = ageOn(birthDate, on);
  return age < 18 || age > 64 ? 'Stepping Stones-screening gælder 18-64-årige.' : null;
}

export const ZScreening = z.object({
  id: z.string(),
  screenedOn: z.string(),
  motivation: z.number().int(),
  barriers: z.array(z.enum(BARRIERS)),
  hoursPossible: z.number(),
  earlierWork: z.enum(EARLIER_WORK),
  danishLevel: z.number().int(),
  healthLimits: z.enum(HEALTH_LIMITS),
  targetGroup: z.union([z.literal(1), z.literal(2)]),
  reasons: z.array(z.string()),
  nextScreeningOn: z.string(),
  remark: z.string().nullable(),
  screenedByName: z.string().nullable(),
});
export type TScreening = z.infer<typeof ZScreening>;

/** GET /api/residents/screenings/due: people whose next screening falls within `days` (or is past). */
export const ZScreeningsDueQuery = z.object({
  days: z.coerce.number().int().min(0).max(365, { error: 'Højst 365 dage.' }).default(0),
});
export const ZScreeningDue = z.object({
  residentId: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  targetGroup: z.union([z.literal(1), z.literal(2)]),
  nextScreeningOn: z.string(),
});
export type TScreeningDue = z.infer<typeof ZScreeningDue>;
