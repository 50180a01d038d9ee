import { z } from 'zod';

// The knobs of the matching (issue 5), per partnership. Defaults are documented here, where they
// live: a steering group may change them, and every candidate's explanation shows the weights
// that were used, so a rank can always be traced back to the numbers behind it.

export const SCORE_COMPONENTS = [
  'occupation',
  'skills',
  'hours',
  'proximity',
  'readiness',
  'startDate',
  'fairness',
] as const;
export type TScoreComponent = (typeof SCORE_COMPONENTS)[number];

export const SCORE_COMPONENT_LABEL_DA: Record<TScoreComponent, string> = {
  occupation: 'Fag',
  skills: 'Kompetencer',
  hours: 'Timer og tidspunkter',
  proximity: 'Nærhed',
  readiness: 'Parathed',
  startDate: 'Startdato',
  fairness: 'Ventetid',
};
export const SCORE_COMPONENT_LABEL_EN: Record<TScoreComponent, string> = {
  occupation: 'Occupation',
  skills: 'Skills',
  hours: 'Hours and schedule',
  proximity: 'Proximity',
  readiness: 'Readiness',
  startDate: 'Start date',
  fairness: 'Waiting time',
};

export type TMatchWeights = Record<TScoreComponent, number>;

/**
 * Default weights. Occupation fit leads (seed 001: residents who match the job); readiness and
 * hours follow because a wrong pace or too many hours is the commonest reason a placement fails;
 * waiting fairness is as heavy as those so that the same few people are not proposed again and
 * again; skills are light because most residents' skills are recorded sparsely; the start date
 * only separates otherwise equal people.
 */
export const DEFAULT_MATCH_WEIGHTS: TMatchWeights = {
  occupation: 0.3,
  skills: 0.1,
  hours: 0.15,
  proximity: 0.1,
  readiness: 0.15,
  startDate: 0.05,
  fairness: 0.15,
};

const ZWeight = z.coerce
  .number({ error: 'Skal være et tal.' })
  .min(0, { error: 'Mindst 0.' })
  .max(1, { error: 'Højst 1.' });

export const ZMatchWeights = z
  .object({
    occupation: ZWeight,
    skills: ZWeight,
    hours: ZWeight,
    proximity: ZWeight,
    readiness: ZWeight,
    startDate: ZWeight,
    fairness: ZWeight,
  })
  .refine((w) => Object.values(w).some((v) => v > 0), {
    error: 'Mindst én vægt skal være større end 0.',
    path: ['occupation'],
  });

export const ZMatchSettings = z.object({
  weights: ZMatchWeights,
  /** k: active proposals a resident may have at once (default 2). */
  maxActiveProposalsPerResident: z.coerce
    .number()
    .int({ error: 'Skal være et helt tal.' })
    .min(1, { error: 'Mindst 1.' })
    .max(10, { error: 'Højst 10.' }),
  /** n: active proposals an opening may have at once (default 3). */
  maxActiveProposalsPerOpening: z.coerce
    .number()
    .int({ error: 'Skal være et helt tal.' })
    .min(1, { error: 'Mindst 1.' })
    .max(20, { error: 'Højst 20.' }),
  /** A company's decline keeps the person from its openings in that occupation this long. */
  declineQuarantineMonths: z.coerce
    .number()
    .int({ error: 'Skal være et helt tal.' })
    .min(0, { error: 'Mindst 0.' })
    .max(24, { error: 'Højst 24.' }),
});
export type TMatchSettings = z.infer<typeof ZMatchSettings>;

export const DEFAULT_MATCH_SETTINGS: TMatchSettings = {
  weights: DEFAULT_MATCH_WEIGHTS,
  maxActiveProposalsPerResident: 2,
  maxActiveProposalsPerOpening: 3,
  declineQuarantineMonths: 6,
};
