import { z } from 'zod';
import { ZIsoDate, ZListQuery, ZOptionalText, ZRequiredText, ZUuid } from './common.schema.ts';
import { OPENING_STATUSES } from './opening.schema.ts';
import { type OPENING_TYPES, ZOpeningType } from './opening-types.ts';
import { ZProposalStatus } from './proposal.schema.ts';
import { RETENTION_OUTCOMES, TRIAL_OUTCOMES } from './reports/retention.ts';
import { CHECK_IN_MEASURES, ZCheckInSpec, ZFollowUpSettings } from './rules/follow-up-schedule.ts';

// From proposal to hire to 12 months (issue 6): the company's moves on a proposal sent to it,
// the placement a hire creates, its follow-up plan (efterværn), check-ins, escalations and the
// retention they add up to. These schemas are the API's contract, shared by server and client.

// ---- The company's side of a proposal (item 1) ----

/** Why a company says no: structured, so declines can be counted and feed the matching rule. */
export const COMPANY_DECLINE_REASONS = [
  'skills',
  'experience',
  'language',
  'availability',
  'position_filled',
  'no_show',
  'other',
] as const;
export type TCompanyDeclineReason = (typeof COMPANY_DECLINE_REASONS)[number];

export const COMPANY_DECLINE_REASON_LABEL_DA: Record<TCompanyDeclineReason, string> = {
  skills: 'Mangler faglige kompetencer',
  experience: 'For lidt erfaring',
  language: 'Sprogkundskaber',
  availability: 'Tider eller timer passer ikke',
  position_filled: 'Stillingen er besat',
  no_show: 'Mødte ikke op',
  other: 'Andet',
};

export const INTERVIEW_OUTCOMES = ['positive', 'negative', 'no_show'] as const;
export type TInterviewOutcome = (typeof INTERVIEW_OUTCOMES)[number];

export const INTERVIEW_OUTCOME_LABEL_DA: Record<TInterviewOutcome, string> = {
  positive: 'Gik godt',
  negative: 'Gik ikke godt',
  no_show: 'Mødte ikke op',
};

/** A time of day as HH:MM (shown as HH.MM in the UI, DOMAIN.md). */
export const ZTimeOfDay = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'Skriv tidspunktet som tt:mm.' });

/** Invite the proposed resident to an interview (Danish local date and time). */
export const ZInterviewInvite = z.object({
  date: ZIsoDate,
  time: ZTimeOfDay,
  location: ZOptionalText(200),
  note: ZOptionalText(1000),
});
export type TInterviewInvite = z.infer<typeof ZInterviewInvite>;

export const ZInterviewOutcome = z.object({
  outcome: z.enum(INTERVIEW_OUTCOMES, { error: 'Vælg, hvordan samtalen gik.' }),
  note: ZOptionalText(1000),
});
export type TInterviewOutcomeInput = z.infer<typeof ZInterviewOutcome>;

export const ZCompanyDecline = z
  .object({
    reason: z.enum(COMPANY_DECLINE_REASONS, { error: 'Vælg en begrundelse.' }),
    text: ZOptionalText(1000),
  })
  .superRefine((v, ctx) => {
    if (v.reason === 'other' && !v.text)
      ctx.addIssue({ code: 'custom', path: ['text'], message: 'Skriv begrundelsen, når du vælger "Andet".' });
  });
export type TCompanyDecline = z.infer<typeof ZCompanyDecline>;

/** Kinds of wage subsidy a hire may carry. */
export const WAGE_SUBSIDY_KINDS = ['none', 'private', 'public', 'flex', 'other'] as const;
export type TWageSubsidyKind = (typeof WAGE_SUBSIDY_KINDS)[number];

export const WAGE_SUBSIDY_LABEL_DA: Record<TWageSubsidyKind, string> = {
  none: 'Ingen',
  private: 'Løntilskud, privat',
  public: 'Løntilskud, offentlig',
  flex: 'Fleksjob',
  other: 'Andet tilskud',
};

/** Types whose hire must have an end date: fixed-term trials and subsidised periods. */
export const TYPES_WITH_END_DATE: readonly (typeof OPENING_TYPES)[number][] = [
  'work_trial',
  'site_trial',
  'wage_subsidy',
];

/** The company hires the proposed resident (or a professional records a hire). */
export const ZHire = z
  .object({
    startDate: ZIsoDate,
    endDate: ZIsoDate.nullish().transform((v) => v ?? null),
    hoursPerWeek: z
      .number({ error: 'Skriv timer pr. uge.' })
      .min(1, { error: 'Mindst 1 time.' })
      .max(48, { error: 'Højst 48 timer.' }),
    type: ZOpeningType,
    wageSubsidy: z.enum(WAGE_SUBSIDY_KINDS).default('none'),
    note: ZOptionalText(1000),
  })
  .superRefine((v, ctx) => {
    if (v.endDate && v.endDate < v.startDate)
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'Slutdatoen ligger før startdatoen.' });
    if (!v.endDate && TYPES_WITH_END_DATE.includes(v.type))
      ctx.addIssue({
        code: 'custom',
        path: ['endDate'],
        message: 'Skriv slutdatoen for en tidsbegrænset ansættelse.',
      });
  });
export type THire = z.infer<typeof ZHire>;

/** What a company sees of a candidate: consent (b)'s fields only (resident-access "candidate"). */
export const ZCandidateProfile = z.object({
  firstName: z.string(),
  occupationIds: z.array(z.string()),
  experiences: z.array(
    z.object({
      title: z.string(),
      employer: z.string().nullable(),
      fromYear: z.number().nullable(),
      toYear: z.number().nullable(),
      description: z.string().nullable(),
    }),
  ),
  hoursPerWeek: z.number().nullable(),
  availableDay: z.boolean(),
  availableEvening: z.boolean(),
  availableWeekend: z.boolean(),
});
export type TCandidateProfile = z.infer<typeof ZCandidateProfile>;

/** The company moves that can follow now. */
export const COMPANY_ACTIONS = ['invite', 'record_interview', 'hire', 'decline'] as const;
export type TCompanyAction = (typeof COMPANY_ACTIONS)[number];

export const ZCompanyProposal = z.object({
  id: ZUuid,
  openingId: ZUuid,
  openingTitle: z.string(),
  openingType: ZOpeningType,
  status: ZProposalStatus,
  sentToCompanyAt: z.string().nullable(),
  /** Null once the person's consent (b) is gone: the company then sees no profile. */
  candidate: ZCandidateProfile.nullable(),
  interviewAt: z.string().nullable(),
  interviewLocation: z.string().nullable(),
  interviewOutcome: z.enum(INTERVIEW_OUTCOMES).nullable(),
  declineReason: z.enum(COMPANY_DECLINE_REASONS).nullable(),
  placementId: ZUuid.nullable(),
  actions: z.array(z.enum(COMPANY_ACTIONS)),
});
export type TCompanyProposal = z.infer<typeof ZCompanyProposal>;

export const ZCompanyProposalListQuery = ZListQuery.extend({
  sort: z.enum(['sentToCompanyAt', 'openingTitle', 'status']).optional(),
  openingId: ZUuid.optional(),
  status: ZProposalStatus.optional(),
});
export type TCompanyProposalListQuery = z.infer<typeof ZCompanyProposalListQuery>;

/** A company's opening with its pipeline (how far its proposals have come). */
export const ZCompanyOpening = z.object({
  id: ZUuid,
  title: z.string(),
  type: ZOpeningType,
  status: z.string(),
  createdAt: z.string(),
  pipeline: z.object({
    /** Proposals sent to the company and still waiting for its answer. */
    sent: z.number().int(),
    interview: z.number().int(),
    hired: z.number().int(),
    declined: z.number().int(),
  }),
});
export type TCompanyOpening = z.infer<typeof ZCompanyOpening>;

export const ZCompanyOpeningListQuery = ZListQuery.extend({
  sort: z.enum(['createdAt', 'title', 'status']).optional(),
  status: z.enum(OPENING_STATUSES, { error: 'Ukendt status.' }).optional(),
  type: ZOpeningType.optional(),
});
export type TCompanyOpeningListQuery = z.infer<typeof ZCompanyOpeningListQuery>;

// ---- Placements (item 2) ----

export const PLACEMENT_STATUSES = ['active', 'completed', 'ended_early', 'converted', 'education'] as const;
export type TPlacementStatus = (typeof PLACEMENT_STATUSES)[number];

export const PLACEMENT_STATUS_LABEL_DA: Record<TPlacementStatus, string> = {
  active: 'I gang',
  completed: 'Gennemført',
  ended_early: 'Stoppet før tid',
  converted: 'Overgået til ordinært job',
  education: 'Overgået til uddannelse',
};

/** Why a placement ended early. No health details: "personal reasons" covers them. */
export const PLACEMENT_END_REASONS = [
  'resident_quit',
  'dismissed',
  'personal_reasons',
  'moved',
  'mutual',
  'company_closed',
  'other',
] as const;
export type TPlacementEndReason = (typeof PLACEMENT_END_REASONS)[number];

export const PLACEMENT_END_REASON_LABEL_DA: Record<TPlacementEndReason, string> = {
  resident_quit: 'Beboeren sagde op',
  dismissed: 'Afskediget',
  personal_reasons: 'Personlige forhold',
  moved: 'Flyttet',
  mutual: 'Efter fælles aftale',
  company_closed: 'Virksomheden lukkede',
  other: 'Andet',
};

/** Close a placement: completed, ended early (with a reason), converted to a job, into education. */
export const ZPlacementEnd = z
  .object({
    status: z.enum(['completed', 'ended_early', 'converted', 'education'], {
      error: 'Vælg, hvordan forløbet sluttede.',
    }),
    endDate: ZIsoDate,
    reason: z
      .enum(PLACEMENT_END_REASONS)
      .nullish()
      .transform((v) => v ?? null),
    note: ZOptionalText(1000),
  })
  .superRefine((v, ctx) => {
    if (v.status === 'ended_early' && !v.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Vælg, hvorfor forløbet stoppede.' });
    if (v.reason === 'other' && !v.note)
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'Skriv begrundelsen, når du vælger "Andet".' });
  });
export type TPlacementEnd = z.infer<typeof ZPlacementEnd>;

/** A professional records a hire Jobbro did not see as a proposal (e.g. found by the person). */
export const ZPlacementCreate = z.object({ residentId: ZUuid, openingId: ZUuid }).and(ZHire);
export type TPlacementCreate = z.infer<typeof ZPlacementCreate>;

/** The company's "noget går skævt" on a placement. */
export const ZPlacementFlag = z.object({ text: ZRequiredText(1000) });

export const PLACEMENT_SORTS = ['startDate', 'residentName', 'companyName', 'status', 'nextDueDate'] as const;

export const ZPlacementListQuery = ZListQuery.extend({
  sort: z.enum(PLACEMENT_SORTS).optional(),
  status: z.enum(PLACEMENT_STATUSES).optional(),
  type: ZOpeningType.optional(),
  companyId: ZUuid.optional(),
  residentId: ZUuid.optional(),
  openingId: ZUuid.optional(),
});
export type TPlacementListQuery = z.infer<typeof ZPlacementListQuery>;

export const ZPlacementListItem = z.object({
  id: ZUuid,
  residentId: ZUuid.nullable(),
  /** Full name for professionals, first name for the company. */
  residentName: z.string().nullable(),
  companyId: ZUuid,
  companyName: z.string(),
  openingId: ZUuid.nullable(),
  openingTitle: z.string().nullable(),
  type: ZOpeningType,
  status: z.enum(PLACEMENT_STATUSES),
  startDate: z.string(),
  endDate: z.string().nullable(),
  hoursPerWeek: z.number().nullable(),
  nextDueDate: z.string().nullable(),
  openEscalations: z.number().int(),
});
export type TPlacementListItem = z.infer<typeof ZPlacementListItem>;

// ---- Follow-ups (item 3) ----

export const FOLLOW_UP_STATES = ['planned', 'done', 'cancelled'] as const;
export type TFollowUpState = (typeof FOLLOW_UP_STATES)[number];

/** How things are going, as the check-in found them. */
export const CHECK_IN_STATUSES = ['going_well', 'at_risk', 'ended'] as const;
export type TCheckInStatus = (typeof CHECK_IN_STATUSES)[number];

export const CHECK_IN_STATUS_LABEL_DA: Record<TCheckInStatus, string> = {
  going_well: 'Går godt',
  at_risk: 'I risiko',
  ended: 'Stoppet',
};

export const CHECK_IN_CONTACTS = ['resident', 'company', 'both', 'other'] as const;
export type TCheckInContact = (typeof CHECK_IN_CONTACTS)[number];

export const CHECK_IN_CONTACT_LABEL_DA: Record<TCheckInContact, string> = {
  resident: 'Beboeren',
  company: 'Virksomheden',
  both: 'Beboeren og virksomheden',
  other: 'Andre',
};

export const RETENTION_OUTCOME_LABEL_DA: Record<(typeof RETENTION_OUTCOMES)[number], string> = {
  in_job: 'I job',
  in_education: 'I uddannelse',
  neither: 'Hverken job eller uddannelse',
  unknown: 'Ukendt',
};

export const TRIAL_OUTCOME_LABEL_DA: Record<(typeof TRIAL_OUTCOMES)[number], string> = {
  job: 'Job',
  education: 'Uddannelse',
  other: 'Andet',
};

/**
 * A check-in. The outcome is asked only where the check-in measures something: a retention
 * outcome at 6 and 12 months, a trial outcome at the end of a trial (the server checks which).
 */
export const ZCheckIn = z.object({
  contactedWith: z.enum(CHECK_IN_CONTACTS, { error: 'Vælg, hvem du talte med.' }),
  status: z.enum(CHECK_IN_STATUSES, { error: 'Vælg, hvordan det går.' }),
  notes: ZOptionalText(4000),
  actionTaken: ZOptionalText(1000),
  retentionOutcome: z
    .enum(RETENTION_OUTCOMES)
    .nullish()
    .transform((v) => v ?? null),
  trialOutcome: z
    .enum(TRIAL_OUTCOMES)
    .nullish()
    .transform((v) => v ?? null),
});
export type TCheckIn = z.infer<typeof ZCheckIn>;

/** Move a planned check-in (e.g. the person is on holiday that week). */
export const ZFollowUpReschedule = z.object({ dueDate: ZIsoDate });

/** An extra check-in on a placement, beside the plan (e.g. after a worrying call). */
export const ZFollowUpCreate = z.object({ placementId: ZUuid, dueDate: ZIsoDate });
export type TFollowUpCreate = z.infer<typeof ZFollowUpCreate>;

/** A partnership's follow-up schedules as stored, with the documented defaults beside them. */
export const ZFollowUpSettingsView = z.object({
  partnershipId: ZUuid,
  settings: ZFollowUpSettings,
  defaults: z.record(ZOpeningType, z.array(ZCheckInSpec)),
  updatedAt: z.string().nullable(),
  updatedByName: z.string().nullable(),
});
export type TFollowUpSettingsView = z.infer<typeof ZFollowUpSettingsView>;

export const FOLLOW_UP_SCOPES = ['mine', 'all'] as const;

export const ZFollowUpListQuery = ZListQuery.extend({
  sort: z.enum(['dueDate', 'residentName', 'companyName']).optional(),
  /** 'mine' (default): assigned to me; 'all': every follow-up of the people I work with. */
  scope: z.enum(FOLLOW_UP_SCOPES).default('mine'),
  state: z.enum(FOLLOW_UP_STATES).default('planned'),
  /** Only those due today or earlier. */
  due: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
  placementId: ZUuid.optional(),
});
export type TFollowUpListQuery = z.infer<typeof ZFollowUpListQuery>;

export const ZFollowUp = z.object({
  id: ZUuid,
  placementId: ZUuid,
  key: z.string(),
  /** "1 uge", "6 måneder" … */
  label: z.string(),
  dueDate: z.string(),
  measures: z.enum(CHECK_IN_MEASURES).nullable(),
  state: z.enum(FOLLOW_UP_STATES),
  overdue: z.boolean(),
  residentId: ZUuid.nullable(),
  residentName: z.string().nullable(),
  companyName: z.string(),
  openingTitle: z.string().nullable(),
  assignedToId: ZUuid.nullable(),
  assignedToName: z.string().nullable(),
  recordedAt: z.string().nullable(),
  recordedByName: z.string().nullable(),
  contactedWith: z.enum(CHECK_IN_CONTACTS).nullable(),
  status: z.enum(CHECK_IN_STATUSES).nullable(),
  notes: z.string().nullable(),
  actionTaken: z.string().nullable(),
  retentionOutcome: z.enum(RETENTION_OUTCOMES).nullable(),
  trialOutcome: z.enum(TRIAL_OUTCOMES).nullable(),
});
export type TFollowUp = z.infer<typeof ZFollowUp>;

/** What the company sees of the follow-up: the dates, never the notes (item 1). */
export const ZCompanyFollowUpDate = z.object({
  label: z.string(),
  dueDate: z.string(),
  state: z.enum(FOLLOW_UP_STATES),
});

// ---- Escalations (item 3) ----

export const ESCALATION_SOURCES = ['check_in', 'company'] as const;
export type TEscalationSource = (typeof ESCALATION_SOURCES)[number];

export const ZEscalationResolve = z.object({ resolution: ZRequiredText(1000) });

export const ZEscalationListQuery = ZListQuery.extend({
  sort: z.enum(['openedAt', 'residentName', 'companyName']).optional(),
  state: z.enum(['open', 'resolved', 'all']).default('open'),
  placementId: ZUuid.optional(),
});
export type TEscalationListQuery = z.infer<typeof ZEscalationListQuery>;

export const ZEscalation = z.object({
  id: ZUuid,
  placementId: ZUuid,
  source: z.enum(ESCALATION_SOURCES),
  reason: z.string(),
  residentId: ZUuid.nullable(),
  residentName: z.string().nullable(),
  companyName: z.string(),
  openingTitle: z.string().nullable(),
  openedAt: z.string(),
  openedByName: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  resolvedByName: z.string().nullable(),
  resolution: z.string().nullable(),
});
export type TEscalation = z.infer<typeof ZEscalation>;

// ---- Placement detail (professional and company views) ----

export const ZPlacementDetail = ZPlacementListItem.extend({
  partnershipId: ZUuid.nullable(),
  proposalId: ZUuid.nullable(),
  assignmentId: ZUuid.nullable(),
  assignmentTitle: z.string().nullable(),
  socialClauseId: ZUuid.nullable(),
  wageSubsidy: z.enum(WAGE_SUBSIDY_KINDS),
  hiredAt: z.string(),
  daysToHire: z.number().int().nullable(),
  endReason: z.enum(PLACEMENT_END_REASONS).nullable(),
  /** Professionals only: the end note and the check-ins with their notes. */
  endNote: z.string().nullable(),
  followUps: z.array(ZFollowUp),
  /** The company's view: follow-up dates only. */
  followUpDates: z.array(ZCompanyFollowUpDate),
  escalations: z.array(ZEscalation),
  /** The viewer may record check-ins and end the placement (a professional). */
  canFollowUp: z.boolean(),
  /** The viewer may flag "noget går skævt" (the company). */
  canFlag: z.boolean(),
});
export type TPlacementDetail = z.infer<typeof ZPlacementDetail>;

// ---- Retention (item 4) ----

export const ZRetentionQuery = z.object({
  partnershipId: ZUuid.optional(),
  /** Placements started in [from, to]; defaults: the last 24 months up to today. */
  from: ZIsoDate.optional(),
  to: ZIsoDate.optional(),
});
export type TRetentionQuery = z.infer<typeof ZRetentionQuery>;

/** A count, or null where it is suppressed (< 5 for aggregate-only viewers). */
const ZCount = z.number().int().nullable();

export const ZRetentionMilestone = z.object({
  due: ZCount,
  retained: ZCount,
  inJob: ZCount,
  inEducation: ZCount,
  missing: ZCount,
  /** null when nothing is due or a count behind it is suppressed. */
  rate: z.number().nullable(),
});

export const ZRetentionFigures = z.object({
  hires: ZCount,
  at6: ZRetentionMilestone,
  at12: ZRetentionMilestone,
  trials: z.object({ total: ZCount, job: ZCount, education: ZCount, other: ZCount, pending: ZCount }),
  medianDaysToHire: z.number().nullable(),
});
export type TRetentionFiguresOut = z.infer<typeof ZRetentionFigures>;

export const ZRetentionRow = z.object({ key: z.string(), label: z.string(), figures: ZRetentionFigures });

export const ZRetentionReport = z.object({
  from: z.string(),
  to: z.string(),
  today: z.string(),
  /** Counts under 5 are shown as "< 5" (null here) for aggregate-only viewers. */
  suppressed: z.boolean(),
  total: ZRetentionFigures,
  byPartnership: z.array(ZRetentionRow),
  byCompany: z.array(ZRetentionRow),
  byType: z.array(ZRetentionRow),
});
export type TRetentionReport = z.infer<typeof ZRetentionReport>;
