import { z } from 'zod';
import { ZIsoDate, ZListQuery, ZOptionalText, ZUuid } from './common.schema.ts';
import { type TOpeningType, ZOpeningType } from './opening-types.ts';

// A job dialogue (jobdialog): asking the company behind an assignment for jobs (issue 3 item 3).
// It is open until an outcome is recorded; "later" makes it due again on the reminder date.

/** What the housing organisation asked the company for. */
export const ASKED_KINDS = [
  'trainee',
  'apprentice',
  'ordinary_job',
  'part_time',
  'leisure_job',
  'work_trial',
  'site_trial',
] as const;
export type TAskedKind = (typeof ASKED_KINDS)[number];

export const ASKED_KIND_LABEL_DA: Record<TAskedKind, string> = {
  trainee: 'Elev',
  apprentice: 'Lærling',
  ordinary_job: 'Ordinært job',
  part_time: 'Deltidsjob',
  leisure_job: 'Fritidsjob',
  work_trial: 'Praktik',
  site_trial: 'Snusepraktik',
};

/** The opening type an "opening now" outcome starts the opening form with. */
export const ASKED_KIND_OPENING_TYPE: Record<TAskedKind, TOpeningType> = {
  trainee: 'trainee',
  apprentice: 'apprentice',
  ordinary_job: 'full_time',
  part_time: 'part_time',
  leisure_job: 'leisure_job',
  work_trial: 'work_trial',
  site_trial: 'site_trial',
};

export const DIALOGUE_OUTCOMES = ['opening_now', 'later', 'no'] as const;
export type TDialogueOutcome = (typeof DIALOGUE_OUTCOMES)[number];
export const DIALOGUE_OUTCOME_LABEL_DA: Record<TDialogueOutcome, string> = {
  opening_now: 'Jobåbning nu',
  later: 'Senere',
  no: 'Nej',
};

export const NO_REASONS = [
  'no_need',
  'no_supervisor',
  'fully_staffed',
  'seasonal',
  'requirements',
  'bad_experience',
  'other',
] as const;
export type TNoReason = (typeof NO_REASONS)[number];
export const NO_REASON_LABEL_DA: Record<TNoReason, string> = {
  no_need: 'Intet behov for arbejdskraft nu',
  no_supervisor: 'Ingen til at oplære eller vejlede',
  fully_staffed: 'Fuldt bemandet',
  seasonal: 'Sæsonbetonet – ikke nu',
  requirements: 'Kræver uddannelse eller certifikater, vi ikke kan finde',
  bad_experience: 'Dårlig erfaring tidligere',
  other: 'Andet',
};

/** Derived state shown in lists: open (no outcome yet or "later" come due), waiting, closed. */
export const DIALOGUE_STATES = ['open', 'overdue', 'waiting', 'opening_now', 'no'] as const;
export type TDialogueState = (typeof DIALOGUE_STATES)[number];
export const DIALOGUE_STATE_LABEL_DA: Record<TDialogueState, string> = {
  open: 'Åben',
  overdue: 'Overskredet',
  waiting: 'Venter (senere)',
  opening_now: 'Jobåbning',
  no: 'Nej',
};

/**
 * The state of a dialogue on a given day: with no outcome it is open, overdue after its due date;
 * "later" waits until the reminder date and is then open (due) again.
 */
export function dialogueState(
  d: { outcome: TDialogueOutcome | null; dueDate: string },
  today: string,
): TDialogueState {
  if (d.outcome === 'opening_now' || d.outcome === 'no') return d.outcome;
  if (d.outcome === 'later' && d.dueDate > today) return 'waiting';
  return d.dueDate < today ? 'overdue' : 'open';
}

export const ZAskedKind = z.enum(ASKED_KINDS, { error: 'Ukendt type.' });

/** Recording what was asked and the answer. */
export const ZDialogueOutcomeInput = z
  .object({
    askedKinds: z.array(ZAskedKind).min(1, { error: 'Vælg mindst én ting, der blev spurgt om.' }),
    outcome: z.enum(DIALOGUE_OUTCOMES, { error: 'Vælg et udfald.' }),
    /** For "later": the day to be reminded (in-app and e-mail at 07:00). */
    reminderDate: ZIsoDate.nullish().transform((v) => v ?? null),
    /** For "no". */
    noReason: z
      .enum(NO_REASONS, { error: 'Vælg en begrundelse.' })
      .nullish()
      .transform((v) => v ?? null),
    note: ZOptionalText(2000),
  })
  .superRefine((d, ctx) => {
    if (d.outcome === 'later' && !d.reminderDate) {
      ctx.addIssue({ code: 'custom', path: ['reminderDate'], message: 'Vælg en dato for påmindelsen.' });
    }
    if (d.outcome === 'no' && !d.noReason) {
      ctx.addIssue({ code: 'custom', path: ['noReason'], message: 'Vælg en begrundelse.' });
    }
    if (d.outcome === 'no' && d.noReason === 'other' && !d.note) {
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'Skriv kort hvorfor.' });
    }
  });
export type TDialogueOutcomeInput = z.infer<typeof ZDialogueOutcomeInput>;

/** Creating a dialogue by hand (an assignment's save creates one by itself). */
export const ZJobDialogueCreate = z.object({
  assignmentId: ZUuid,
  dueDate: ZIsoDate.nullish().transform((v) => v ?? null),
  assignedToUserId: ZUuid.nullish().transform((v) => v ?? null),
});
export type TJobDialogueCreate = z.infer<typeof ZJobDialogueCreate>;

export const ZJobDialogueReassign = z.object({ assignedToUserId: ZUuid });

export const ZJobDialogueEvent = z.object({
  at: z.string(),
  byName: z.string().nullable(),
  outcome: z.enum(DIALOGUE_OUTCOMES).nullable(),
  askedKinds: z.array(ZAskedKind),
  reminderDate: z.string().nullable(),
  noReason: z.enum(NO_REASONS).nullable(),
  note: z.string().nullable(),
  /** "created", "outcome", "reassigned". */
  kind: z.enum(['created', 'outcome', 'reassigned']),
});

export const ZJobDialogue = z.object({
  id: ZUuid,
  assignmentId: ZUuid,
  assignmentTitle: z.string(),
  companyId: ZUuid,
  companyName: z.string(),
  housingOrganisationId: ZUuid,
  housingOrganisationName: z.string(),
  dueDate: z.string(),
  assignedToUserId: ZUuid.nullable(),
  assignedToName: z.string().nullable(),
  askedKinds: z.array(ZAskedKind),
  outcome: z.enum(DIALOGUE_OUTCOMES).nullable(),
  reminderDate: z.string().nullable(),
  noReason: z.enum(NO_REASONS).nullable(),
  note: z.string().nullable(),
  openingId: ZUuid.nullable(),
  state: z.enum(DIALOGUE_STATES),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TJobDialogue = z.infer<typeof ZJobDialogue>;

export const ZJobDialogueDetail = ZJobDialogue.extend({ history: z.array(ZJobDialogueEvent) });
export type TJobDialogueDetail = z.infer<typeof ZJobDialogueDetail>;

/**
 * What the opening form starts from when a dialogue ends in "opening now": the assignment's
 * company, organisation and first area, the type of the first thing asked for.
 */
export const ZOpeningDraft = z.object({
  jobDialogueId: ZUuid,
  assignmentId: ZUuid,
  companyId: ZUuid,
  companyName: z.string(),
  partnershipId: ZUuid,
  housingAreaId: ZUuid.nullable(),
  type: ZOpeningType,
  title: z.string(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  startDate: z.string(),
  socialClauseId: ZUuid.nullable(),
});
export type TOpeningDraft = z.infer<typeof ZOpeningDraft>;

export const DIALOGUE_SORTS = ['dueDate', 'companyName', 'assignmentTitle', 'updatedAt'] as const;
export const ZJobDialogueListQuery = ZListQuery.extend({
  sort: z.enum(DIALOGUE_SORTS).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  offset: z.coerce.number().int().min(0).optional(),
  /** "Mine jobdialoger": only the caller's, open and overdue first. */
  mine: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  state: z.enum(DIALOGUE_STATES).optional(),
  assignmentId: ZUuid.optional(),
  companyId: ZUuid.optional(),
  housingOrganisationId: ZUuid.optional(),
});
export type TJobDialogueListQuery = z.infer<typeof ZJobDialogueListQuery>;
