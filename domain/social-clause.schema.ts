import { z } from 'zod';
import { optionalField, ZIsoDate, ZListQuery, ZOptionalText, ZUuid } from './common.schema.ts';
import { CLAUSE_STATUSES } from './rules/clause-progress.ts';

// A social clause (social klausul) in an assignment: what the company committed to (seeds 000 and
// 003; procurement act §176(2)). Fulfilment is counted from placements linked to the assignment.

export const CLAUSE_KINDS = ['apprentices', 'trainee_weeks', 'local_hires', 'other'] as const;
export type TClauseKind = (typeof CLAUSE_KINDS)[number];

export const CLAUSE_KIND_LABEL_DA: Record<TClauseKind, string> = {
  apprentices: 'Lærlinge og elever',
  trainee_weeks: 'Praktikuger',
  local_hires: 'Lokale ansættelser fra områderne',
  other: 'Andet',
};
/** The unit the target is counted in, for "2 af 3 lærlinge". */
export const CLAUSE_UNIT_LABEL_DA: Record<TClauseKind, string> = {
  apprentices: 'lærlinge/elever',
  trainee_weeks: 'praktikuger',
  local_hires: 'lokale ansættelser',
  other: 'stk.',
};
export const CLAUSE_STATUS_LABEL_DA: Record<(typeof CLAUSE_STATUSES)[number], string> = {
  not_started: 'Ikke startet',
  on_track: 'På sporet',
  behind: 'Bagud',
  met: 'Opfyldt',
};

export const ZClauseKind = z.enum(CLAUSE_KINDS, { error: 'Vælg en gyldig klausultype.' });

export const ZSocialClauseFields = z.object({
  assignmentId: ZUuid,
  kind: ZClauseKind,
  /** What "other" means, or the clause's wording from the contract. */
  description: ZOptionalText(2000),
  targetQuantity: z.coerce
    .number({ error: 'Skal være et tal.' })
    .int({ error: 'Skal være et helt tal.' })
    .min(1, { error: 'Mindst 1.' })
    .max(10_000, { error: 'Højst 10.000.' }),
  /** Omitted: the assignment's period. */
  periodStart: optionalField(ZIsoDate),
  periodEnd: optionalField(ZIsoDate),
  /** Housing staff of the assignment's organisation; omitted: the creating user. */
  responsibleUserId: ZUuid.nullish().transform((v) => v ?? null),
});

export const ZSocialClauseInput = ZSocialClauseFields.superRefine((c, ctx) => {
  if (c.periodStart && c.periodEnd && c.periodEnd < c.periodStart) {
    ctx.addIssue({
      code: 'custom',
      path: ['periodEnd'],
      message: 'Slutdatoen skal ligge efter startdatoen.',
    });
  }
  if (c.kind === 'other' && !c.description) {
    ctx.addIssue({ code: 'custom', path: ['description'], message: 'Beskriv klausulen.' });
  }
});
export type TSocialClauseInput = z.infer<typeof ZSocialClauseInput>;

export const ZClauseProgress = z.object({
  target: z.number(),
  fulfilled: z.number(),
  elapsedShare: z.number(),
  expectedByToday: z.number(),
  fulfilledShare: z.number(),
  status: z.enum(CLAUSE_STATUSES),
});

export const ZSocialClause = z.object({
  id: ZUuid,
  assignmentId: ZUuid,
  kind: ZClauseKind,
  description: z.string().nullable(),
  targetQuantity: z.number().int(),
  periodStart: z.string(),
  periodEnd: z.string(),
  responsibleUserId: ZUuid.nullable(),
  responsibleName: z.string().nullable(),
});
export type TSocialClause = z.infer<typeof ZSocialClause>;

/** A clause as lists show it: with its assignment, company and progress today. */
export const ZSocialClauseListItem = ZSocialClause.extend({
  assignmentTitle: z.string(),
  companyId: ZUuid,
  companyName: z.string(),
  housingOrganisationId: ZUuid,
  housingOrganisationName: z.string(),
  progress: ZClauseProgress,
});
export type TSocialClauseListItem = z.infer<typeof ZSocialClauseListItem>;

export const CLAUSE_SORTS = ['periodEnd', 'periodStart', 'companyName', 'assignmentTitle', 'kind'] as const;
export const ZSocialClauseListQuery = ZListQuery.extend({
  sort: z.enum(CLAUSE_SORTS).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  offset: z.coerce.number().int().min(0).optional(),
  assignmentId: ZUuid.optional(),
  companyId: ZUuid.optional(),
  housingOrganisationId: ZUuid.optional(),
  kind: ZClauseKind.optional(),
  status: z.enum(CLAUSE_STATUSES).optional(),
});
export type TSocialClauseListQuery = z.infer<typeof ZSocialClauseListQuery>;
