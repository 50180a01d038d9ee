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
