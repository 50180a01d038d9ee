import { z } from 'zod';
import { optionalField, ZIsoDate, ZListQuery, ZOptionalText, ZRequiredText, ZUuid } from './common.schema.ts';
import { ZClauseProgress, ZSocialClause } from './social-clause.schema.ts';

// An assignment (opgave): work a housing organisation buys from a company (issue 3 item 2).
// Saving one creates a job dialogue due now: buying work is the moment to ask for jobs (seed 001).

export const ASSIGNMENT_KINDS = [
  'daily_operations',
  'maintenance',
  'renovation',
  'new_build',
  'advisory',
  'supply',
  'other',
] as const;
export type TAssignmentKind = (typeof ASSIGNMENT_KINDS)[number];

export const ASSIGNMENT_KIND_LABEL_DA: Record<TAssignmentKind, string> = {
  daily_operations: 'Daglig drift',
  maintenance: 'Vedligehold',
  renovation: 'Renovering',
  new_build: 'Nybyggeri',
  advisory: 'Rådgivning',
  supply: 'Levering',
  other: 'Andet',
};
export const ZAssignmentKind = z.enum(ASSIGNMENT_KINDS, { error: 'Vælg en gyldig opgavetype.' });

/** Contract values in whole kroner; above 10 billion is a typing error, not a housing contract. */
export const ZValueDkk = z.coerce
  .number({ error: 'Skal være et beløb i kroner.' })
  .int({ error: 'Angiv hele kroner.' })
  .min(0, { error: 'Beløbet kan ikke være negativt.' })
  .max(10_000_000_000, { error: 'Beløbet er urealistisk stort.' });

export const ZAssignmentFields = z.object({
  companyId: ZUuid,
  /** Omitted: the creating housing staff member's organisation. */
  housingOrganisationId: ZUuid.nullish().transform((v) => v ?? null),
  /** The areas the work is done in; each must belong to the organisation. */
  housingAreaIds: z.array(ZUuid).max(50).default([]),
  kind: ZAssignmentKind,
  title: ZRequiredText(200),
  description: ZOptionalText(4000),
  valueDkk: optionalField(ZValueDkk),
  startDate: ZIsoDate,
  endDate: ZIsoDate,
  contractReference: ZOptionalText(100),
});

export const ZAssignmentInput = ZAssignmentFields.superRefine((a, ctx) => {
  if (a.endDate < a.startDate) {
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'Slutdatoen skal ligge efter startdatoen.' });
  }
});
export type TAssignmentInput = z.infer<typeof ZAssignmentInput>;

/**
 * A PATCH body: any of the fields, merged with the stored assignment and validated as a whole.
 * Areas have no default here, so leaving them out keeps them (company and organisation are fixed).
 */
export const ZAssignmentPatch = ZAssignmentFields.partial().extend({
  housingAreaIds: z.array(ZUuid).max(50).optional(),
});

export const ZAssignmentAreaRef = z.object({ id: ZUuid, name: z.string() });

export const ZAssignment = z.object({
  id: ZUuid,
  partnershipId: ZUuid,
  companyId: ZUuid,
  companyName: z.string(),
  housingOrganisationId: ZUuid,
  housingOrganisationName: z.string(),
  areas: z.array(ZAssignmentAreaRef),
  kind: ZAssignmentKind,
  title: z.string(),
  description: z.string().nullable(),
  valueDkk: z.number().nullable(),
  startDate: z.string(),
  endDate: z.string(),
  contractReference: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TAssignment = z.infer<typeof ZAssignment>;

/** A list row: the assignment with its clauses' worst status, so lists can flag clauses behind. */
export const ZAssignmentListItem = ZAssignment.extend({
  clauseCount: z.number().int(),
  clausesBehind: z.number().int(),
  /** Dialogues wanting action today (open or overdue); always 0 for a company contact. */
  openDialogues: z.number().int(),
});
export type TAssignmentListItem = z.infer<typeof ZAssignmentListItem>;

/** The assignment page: its clauses with progress, and how many openings came of it. */
export const ZAssignmentDetail = ZAssignment.extend({
  clauses: z.array(ZSocialClause.extend({ progress: ZClauseProgress })),
  openingCount: z.number().int(),
});
export type TAssignmentDetail = z.infer<typeof ZAssignmentDetail>;

export const ASSIGNMENT_SORTS = [
  'title',
  'companyName',
  'kind',
  'startDate',
  'endDate',
  'createdAt',
] as const;
export const ZAssignmentListQuery = ZListQuery.extend({
  sort: z.enum(ASSIGNMENT_SORTS).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  offset: z.coerce.number().int().min(0).optional(),
  companyId: ZUuid.optional(),
  housingOrganisationId: ZUuid.optional(),
  kind: ZAssignmentKind.optional(),
  /** Only assignments running on this date (yyyy-mm-dd). */
  activeOn: ZIsoDate.optional(),
});
export type TAssignmentListQuery = z.infer<typeof ZAssignmentListQuery>;

/** Saving an assignment starts the job dialogue about it: the client goes on to record it. */
export const ZAssignmentCreated = ZAssignmentDetail.extend({ jobDialogueId: ZUuid });
export type TAssignmentCreated = z.infer<typeof ZAssignmentCreated>;

/** Housing staff of the assignment's organisation: who a dialogue or a clause can be given to. */
export const ZStaffRef = z.object({ id: ZUuid, name: z.string() });
export type TStaffRef = z.infer<typeof ZStaffRef>;
