import { z } from 'zod';
import { optionalField, ZIsoDate, ZListQuery, ZOptionalText, ZRequiredText, ZUuid } from './common.schema.ts';

// A partnership agreement (partnerskabsaftale): a company's standing commitment to one or more
// housing organisations, e.g. "two apprentices a year" (issue 3 item 4). Shown on both sides.

export const COMMITMENT_KINDS = [
  'apprentices',
  'trainees',
  'ordinary_jobs',
  'leisure_jobs',
  'work_trials',
  'site_trials',
  'trainee_weeks',
  'other',
] as const;
export type TCommitmentKind = (typeof COMMITMENT_KINDS)[number];
export const COMMITMENT_KIND_LABEL_DA: Record<TCommitmentKind, string> = {
  apprentices: 'Lærlinge',
  trainees: 'Elever',
  ordinary_jobs: 'Ordinære job',
  leisure_jobs: 'Fritidsjob',
  work_trials: 'Praktikforløb',
  site_trials: 'Snusepraktikker',
  trainee_weeks: 'Praktikuger',
  other: 'Andet',
};

export const COMMITMENT_PERIODS = ['month', 'quarter', 'half_year', 'year', 'agreement'] as const;
export type TCommitmentPeriod = (typeof COMMITMENT_PERIODS)[number];
export const COMMITMENT_PERIOD_LABEL_DA: Record<TCommitmentPeriod, string> = {
  month: 'om måneden',
  quarter: 'i kvartalet',
  half_year: 'i halvåret',
  year: 'om året',
  agreement: 'i aftaleperioden',
};

export const ZCommitmentInput = z.object({
  kind: z.enum(COMMITMENT_KINDS, { error: 'Vælg en gyldig type.' }),
  quantity: z.coerce
    .number({ error: 'Skal være et tal.' })
    .int({ error: 'Skal være et helt tal.' })
    .min(1, { error: 'Mindst 1.' })
    .max(1000, { error: 'Højst 1000.' }),
  per: z.enum(COMMITMENT_PERIODS, { error: 'Vælg en periode.' }),
  note: ZOptionalText(500),
});
export type TCommitmentInput = z.infer<typeof ZCommitmentInput>;

export const ZAgreementFields = z.object({
  companyId: ZUuid,
  housingOrganisationIds: z
    .array(ZUuid)
    .min(1, { error: 'Vælg mindst én boligorganisation.' })
    .max(20, { error: 'Højst 20 boligorganisationer.' }),
  title: ZRequiredText(200),
  periodStart: ZIsoDate,
  /** Omitted: until further notice. */
  periodEnd: optionalField(ZIsoDate),
  signedOn: optionalField(ZIsoDate),
  commitments: z.array(ZCommitmentInput).max(20, { error: 'Højst 20 forpligtelser.' }).default([]),
  note: ZOptionalText(4000),
});

export const ZAgreementInput = ZAgreementFields.superRefine((a, ctx) => {
  if (a.periodEnd && a.periodEnd < a.periodStart) {
    ctx.addIssue({
      code: 'custom',
      path: ['periodEnd'],
      message: 'Slutdatoen skal ligge efter startdatoen.',
    });
  }
  if (new Set(a.housingOrganisationIds).size !== a.housingOrganisationIds.length) {
    ctx.addIssue({
      code: 'custom',
      path: ['housingOrganisationIds'],
      message: 'Samme boligorganisation er valgt to gange.',
    });
  }
});
export type TAgreementInput = z.infer<typeof ZAgreementInput>;

/**
 * A partial update: only the fields sent change; commitments, when sent, replace the old ones
 * (`commitments` has no default here, so leaving it out keeps them).
 */
export const ZAgreementPatch = ZAgreementFields.partial().extend({
  commitments: ZAgreementFields.shape.commitments.unwrap().optional(),
});
export type TAgreementPatch = z.infer<typeof ZAgreementPatch>;

/** A stored commitment as the API returns it (plain output: responses are not parsed with transforms). */
export const ZCommitment = z.object({
  id: ZUuid,
  kind: z.enum(COMMITMENT_KINDS),
  quantity: z.number().int(),
  per: z.enum(COMMITMENT_PERIODS),
  note: z.string().nullable(),
});

export const AGREEMENT_STATES = ['draft', 'active', 'ended'] as const;
export type TAgreementState = (typeof AGREEMENT_STATES)[number];
export const AGREEMENT_STATE_LABEL_DA: Record<TAgreementState, string> = {
  draft: 'Ikke underskrevet',
  active: 'Aktiv',
  ended: 'Udløbet',
};

/** Unsigned is a draft; signed, it is active until its period ends. */
export function agreementState(a: { signedOn: string | null; periodEnd: string | null }, today: string) {
  if (!a.signedOn) return 'draft' as const;
  return a.periodEnd !== null && a.periodEnd < today ? ('ended' as const) : ('active' as const);
}

export const ZAgreement = z.object({
  id: ZUuid,
  companyId: ZUuid,
  companyName: z.string(),
  housingOrganisations: z.array(z.object({ id: ZUuid, name: z.string() })),
  title: z.string(),
  periodStart: z.string(),
  periodEnd: z.string().nullable(),
  signedOn: z.string().nullable(),
  commitments: z.array(ZCommitment),
  note: z.string().nullable(),
  state: z.enum(AGREEMENT_STATES),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TAgreement = z.infer<typeof ZAgreement>;

export const AGREEMENT_SORTS = ['title', 'companyName', 'periodStart', 'periodEnd', 'signedOn'] as const;
export const ZAgreementListQuery = ZListQuery.extend({
  sort: z.enum(AGREEMENT_SORTS).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  offset: z.coerce.number().int().min(0).optional(),
  companyId: ZUuid.optional(),
  housingOrganisationId: ZUuid.optional(),
  state: z.enum(AGREEMENT_STATES).optional(),
});
export type TAgreementListQuery = z.infer<typeof ZAgreementListQuery>;

/** A page of agreements; limit/offset echo the API's range (issue 3), page/pageSize the UI's. */
export const ZAgreementPage = z.object({
  items: z.array(ZAgreement),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});
export type TAgreementPage = z.infer<typeof ZAgreementPage>;
