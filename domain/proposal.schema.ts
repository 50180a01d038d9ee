import { z } from 'zod';
import { ZListQuery, ZOptionalText, ZUuid } from './common.schema.ts';

// A proposal: a person puts a resident forward for an opening (issue 5 item 5). Nothing reaches
// a company until the resident has said yes: "awaiting the resident" → "resident agreed" → "sent
// to company". The company side (interview, decline, hire) is the placements issue's; its
// statuses are named here so the one status column covers the whole path.

export const PROPOSAL_STATUSES = [
  'awaiting_resident',
  'resident_agreed',
  'sent_to_company',
  'interview',
  'hired',
  'resident_declined',
  'company_declined',
  'withdrawn',
] as const;
export type TProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** Proposals still under way: they count against the per-resident and per-opening limits. */
export const ACTIVE_PROPOSAL_STATUSES: readonly TProposalStatus[] = [
  'awaiting_resident',
  'resident_agreed',
  'sent_to_company',
  'interview',
];

/** How the proposal came about: one at a time, or a line accepted from an allocation plan. */
export const PROPOSAL_SOURCES = ['manual', 'allocation'] as const;
export type TProposalSource = (typeof PROPOSAL_SOURCES)[number];

export const ALLOCATION_STATUSES = ['open', 'closed'] as const;
export const ALLOCATION_LINE_DECISIONS = ['pending', 'accepted', 'rejected'] as const;
export type TAllocationLineDecision = (typeof ALLOCATION_LINE_DECISIONS)[number];

// ---- Labels, the transition table and the API's schemas (issue 5 item 5) ----

/** Danish status labels, for the API's messages (the UI has its own in the locale files). */
export const PROPOSAL_STATUS_LABEL_DA: Record<TProposalStatus, string> = {
  awaiting_resident: 'Afventer beboeren',
  resident_agreed: 'Beboeren har sagt ja',
  sent_to_company: 'Sendt til virksomheden',
  interview: 'Til samtale',
  hired: 'Ansat',
  resident_declined: 'Beboeren har sagt nej',
  company_declined: 'Virksomheden har sagt nej',
  withdrawn: 'Trukket tilbage',
};

/** Who moves a proposal along: the job consultant or social worker, or the company (next issue). */
export type TProposalSide = 'professional' | 'company';

/**
 * The allowed moves and who makes each. The professionals record the resident's yes or no, send
 * to the company only after a yes, and may withdraw until the company has decided; the company's
 * moves (interview, hire, no) are named here so the company portal plugs into the same table.
 */
export const PROPOSAL_TRANSITIONS: Record<
  TProposalStatus,
  readonly { to: TProposalStatus; by: TProposalSide }[]
> = {
  awaiting_resident: [
    { to: 'resident_agreed', by: 'professional' },
    { to: 'resident_declined', by: 'professional' },
    { to: 'withdrawn', by: 'professional' },
  ],
  resident_agreed: [
    { to: 'sent_to_company', by: 'professional' },
    { to: 'withdrawn', by: 'professional' },
  ],
  sent_to_company: [
    { to: 'withdrawn', by: 'professional' },
    { to: 'interview', by: 'company' },
    { to: 'hired', by: 'company' },
    { to: 'company_declined', by: 'company' },
  ],
  interview: [
    { to: 'withdrawn', by: 'professional' },
    { to: 'hired', by: 'company' },
    { to: 'company_declined', by: 'company' },
  ],
  hired: [],
  resident_declined: [],
  company_declined: [],
  withdrawn: [],
};

/** The side that may make the move, or null when it is no move at all. */
export function proposalTransitionSide(from: TProposalStatus, to: TProposalStatus): TProposalSide | null {
  return PROPOSAL_TRANSITIONS[from].find((t) => t.to === to)?.by ?? null;
}

/** The moves one side may make from a status, in the table's order. */
export function nextProposalStatuses(from: TProposalStatus, side: TProposalSide): TProposalStatus[] {
  return PROPOSAL_TRANSITIONS[from].filter((t) => t.by === side).map((t) => t.to);
}

/** A proposal that can move no further. */
export function isFinalProposalStatus(status: TProposalStatus): boolean {
  return PROPOSAL_TRANSITIONS[status].length === 0;
}

/**
 * Statuses in which the company may see the consented candidate profile: sent to it and still
 * under way with it, or hired. A withdrawn proposal or the company's own no ends it.
 */
export const COMPANY_VISIBLE_PROPOSAL_STATUSES: readonly TProposalStatus[] = [
  'sent_to_company',
  'interview',
  'hired',
];

export const ZProposalStatus = z.enum(PROPOSAL_STATUSES, { error: 'Ukendt status.' });

/** A job consultant or social worker puts a resident forward for an opening. */
export const ZProposalCreate = z.object({
  openingId: ZUuid,
  residentId: ZUuid,
  /** Why it fits, in the proposer's words; no health or other sensitive data. */
  note: ZOptionalText(1000),
});
export type TProposalCreate = z.infer<typeof ZProposalCreate>;

export const ZProposalTransition = z.object({
  to: ZProposalStatus,
  note: ZOptionalText(1000),
});
export type TProposalTransition = z.infer<typeof ZProposalTransition>;

export const PROPOSAL_SORTS = [
  'proposedAt',
  'score',
  'status',
  'residentName',
  'openingTitle',
  'companyName',
] as const;

export const ZProposalFilters = z.object({
  openingId: ZUuid.optional(),
  residentId: ZUuid.optional(),
  status: ZProposalStatus.optional(),
  /** Only the proposals still under way (they count against the limits). */
  active: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true')),
});
export type TProposalFilters = z.infer<typeof ZProposalFilters>;

export const ZProposalListQuery = ZListQuery.extend({ sort: z.enum(PROPOSAL_SORTS).optional() }).extend(
  ZProposalFilters.shape,
);
export type TProposalListQuery = z.infer<typeof ZProposalListQuery>;

/** What the ranking said, and why, when the proposal was made (or the plan computed). */
export const ZScoreSnapshot = z.object({
  score: z.number(),
  components: z.array(
    z.object({ component: z.string(), value: z.number(), weight: z.number(), reason: z.string() }),
  ),
  reasons: z.array(z.string()),
});

export const ZProposalListItem = z.object({
  id: ZUuid,
  openingId: ZUuid,
  openingTitle: z.string(),
  companyId: ZUuid,
  companyName: z.string(),
  residentId: ZUuid,
  residentName: z.string(),
  status: ZProposalStatus,
  source: z.enum(PROPOSAL_SOURCES),
  score: z.number(),
  proposedByName: z.string().nullable(),
  proposedAt: z.string(),
  updatedAt: z.string(),
});
export type TProposalListItem = z.infer<typeof ZProposalListItem>;

export const ZProposalDetail = ZProposalListItem.extend({
  partnershipId: ZUuid,
  note: z.string().nullable(),
  scoreSnapshot: ZScoreSnapshot,
  allocationId: ZUuid.nullable(),
  residentAnsweredAt: z.string().nullable(),
  residentAnswerRecordedByName: z.string().nullable(),
  sentToCompanyAt: z.string().nullable(),
  sentByName: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** The company's answers (issue 6): the interview it invited to and how it went, or its no. */
  interviewAt: z.string().nullable(),
  interviewLocation: z.string().nullable(),
  interviewOutcome: z.enum(['positive', 'negative', 'no_show']).nullable(),
  interviewOutcomeNote: z.string().nullable(),
  companyDeclineReason: z.string().nullable(),
  companyDeclineText: z.string().nullable(),
  /** The moves the viewer may make now (the professional side's). */
  nextStatuses: z.array(ZProposalStatus),
  history: z.array(
    z.object({
      from: ZProposalStatus.nullable(),
      to: ZProposalStatus,
      at: z.string(),
      byName: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
});
export type TProposalDetail = z.infer<typeof ZProposalDetail>;

// ---- Allocation plans (issue 5 item 4) ----

export const ZAllocationCreate = z.object({ partnershipId: ZUuid });

export const ZAllocationLineDecision = z.object({
  decision: z.enum(['accepted', 'rejected'], { error: 'Vælg acceptér eller afvis.' }),
});

export const ZAllocationLineParams = z.object({ id: ZUuid, lineId: ZUuid });

export const ZAllocationListQuery = ZListQuery.extend({
  partnershipId: ZUuid.optional(),
  status: z.enum(ALLOCATION_STATUSES).optional(),
});

export const ZAllocationListItem = z.object({
  id: ZUuid,
  partnershipId: ZUuid,
  partnershipName: z.string(),
  status: z.enum(ALLOCATION_STATUSES),
  openingCount: z.number().int(),
  candidateCount: z.number().int(),
  lineCount: z.number().int(),
  decidedCount: z.number().int(),
  totalScore: z.number(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
});
export type TAllocationListItem = z.infer<typeof ZAllocationListItem>;

export const ZAllocationLine = z.object({
  id: ZUuid,
  openingId: ZUuid,
  openingTitle: z.string(),
  companyName: z.string(),
  residentId: ZUuid,
  residentName: z.string(),
  score: z.number(),
  scoreSnapshot: ZScoreSnapshot,
  decision: z.enum(ALLOCATION_LINE_DECISIONS),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  proposalId: ZUuid.nullable(),
});
export type TAllocationLine = z.infer<typeof ZAllocationLine>;

export const ZAllocationDetail = ZAllocationListItem.extend({
  settings: z.object({
    maxActiveProposalsPerResident: z.number().int(),
    maxActiveProposalsPerOpening: z.number().int(),
  }),
  /** The lines of people the viewer may see professionally, grouped by the client per opening. */
  lines: z.array(ZAllocationLine),
  /** Lines about people the viewer may not see (counted in the progress, not shown). */
  hiddenLineCount: z.number().int(),
  /** The viewer may decide lines (a job consultant of the partnership). */
  canDecide: z.boolean(),
});
export type TAllocationDetail = z.infer<typeof ZAllocationDetail>;

/** A partnership the user works in, and whether they may compute its plans. */
export const ZAllocationPartnership = z.object({ id: ZUuid, name: z.string(), canPlan: z.boolean() });
export type TAllocationPartnership = z.infer<typeof ZAllocationPartnership>;
