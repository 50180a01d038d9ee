import { z } from 'zod';
import { ZUuid } from '../common.schema.ts';
import { OPENING_STATUSES } from '../opening.schema.ts';
import { ZOpeningType } from '../opening-types.ts';
import { PROPOSAL_STATUSES } from '../proposal.schema.ts';
import { EXCLUSION_CODES } from './hard-filters.ts';
import { SCORE_COMPONENTS, ZMatchSettings } from './matching-settings.ts';

// The matching API (issue 5 items 2-3, 8): candidates for an opening, openings for a resident,
// and a partnership's weights with a preview. Every rank carries its explanation; the admin's
// preview carries no person at all (pseudonymous rows), since the secretariat does not match.

export const ZScoredComponent = z.object({
  component: z.enum(SCORE_COMPONENTS),
  /** The component's Danish name ("Fag", "Nærhed"). */
  label: z.string(),
  /** 0-1, or null when it says nothing about this pair (left out of the mean). */
  value: z.number().nullable(),
  weight: z.number(),
  /** Its share of the total score. */
  contribution: z.number(),
  reason: z.string(),
});
export type TScoredComponentDto = z.infer<typeof ZScoredComponent>;

export const ZExclusionSummaryLine = z.object({
  code: z.enum(EXCLUSION_CODES),
  count: z.number().int(),
  /** "14 uden samtykke til virksomheder" */
  label: z.string(),
});

export const ZMatchWeightsDto = z.record(z.enum(SCORE_COMPONENTS), z.number());

export const ZCandidatesQuery = z.object({
  limit: z.coerce.number().int().min(1, { error: 'Mindst 1.' }).max(200, { error: 'Højst 200.' }).default(50),
  /** Also list the people already proposed (default yes). */
  includeProposed: z
    .enum(['true', 'false'], { error: 'Skal være true eller false.' })
    .default('true')
    .transform((v) => v === 'true'),
});

export const ZCandidate = z.object({
  residentId: ZUuid,
  firstName: z.string(),
  lastName: z.string(),
  housingAreaName: z.string().nullable(),
  /** 0-1. */
  score: z.number(),
  components: z.array(ZScoredComponent),
  /** The reasons, strongest first. */
  reasons: z.array(z.string()),
  /** Proposals now under way for the person. */
  activeProposals: z.number().int(),
});
export type TCandidate = z.infer<typeof ZCandidate>;

export const ZProposedCandidate = z.object({
  proposalId: ZUuid,
  residentId: ZUuid,
  firstName: z.string(),
  lastName: z.string(),
  status: z.enum(PROPOSAL_STATUSES),
  proposedAt: z.string(),
  score: z.number(),
});

export const ZOpeningCandidates = z.object({
  opening: z.object({
    id: ZUuid,
    title: z.string(),
    companyName: z.string(),
    type: ZOpeningType,
    status: z.enum(OPENING_STATUSES),
    /** Matching looks for people only while the opening is open. */
    matchable: z.boolean(),
    /** Proposals under way for the opening, and how many may be at once (n): full = no more now. */
    activeProposals: z.number().int(),
    maxActiveProposals: z.number().int(),
  }),
  weights: ZMatchWeightsDto,
  candidates: z.array(ZCandidate),
  /** Everyone the viewer may see who passed the hard filters (the list shows the best `limit`). */
  candidateCount: z.number().int(),
  excludedCount: z.number().int(),
  exclusionSummary: z.array(ZExclusionSummaryLine),
  /** Already proposed to this opening (people the viewer may see), newest first. */
  proposed: z.array(ZProposedCandidate),
});
export type TOpeningCandidates = z.infer<typeof ZOpeningCandidates>;

const ZOpeningRef = z.object({
  openingId: ZUuid,
  title: z.string(),
  companyName: z.string(),
  type: ZOpeningType,
  startDate: z.string(),
  hoursPerWeek: z.number(),
});

export const ZResidentOpenings = z.object({
  resident: z.object({ id: ZUuid, firstName: z.string(), lastName: z.string() }),
  openings: z.array(
    ZOpeningRef.extend({
      score: z.number(),
      components: z.array(ZScoredComponent),
      reasons: z.array(z.string()),
    }),
  ),
  /** Open openings the person does not fit, and why ("Hvorfor ikke?"). */
  excluded: z.array(
    ZOpeningRef.extend({
      exclusions: z.array(z.object({ code: z.enum(EXCLUSION_CODES), message: z.string() })),
    }),
  ),
});
export type TResidentOpenings = z.infer<typeof ZResidentOpenings>;

export const ZWeightsQuery = z.object({ partnershipId: ZUuid });

export const ZMatchingWeights = z.object({
  partnershipId: ZUuid,
  settings: ZMatchSettings,
  defaults: ZMatchSettings,
  labels: z.record(z.enum(SCORE_COMPONENTS), z.string()),
  /** null while the partnership uses the documented defaults. */
  updatedAt: z.string().nullable(),
  updatedByName: z.string().nullable(),
});
export type TMatchingWeights = z.infer<typeof ZMatchingWeights>;

export const ZWeightsUpdate = z.object({ partnershipId: ZUuid, settings: ZMatchSettings });
export type TWeightsUpdate = z.infer<typeof ZWeightsUpdate>;

export const ZWeightsPreviewRow = z.object({
  /** "Kandidat 1": pseudonymous, numbered by the current rank. */
  label: z.string(),
  /** null: outside the current (or proposed) top list. */
  oldRank: z.number().int().nullable(),
  newRank: z.number().int().nullable(),
  oldScore: z.number().nullable(),
  newScore: z.number().nullable(),
});

export const ZWeightsPreview = z.object({
  openings: z.array(
    z.object({
      openingId: ZUuid,
      title: z.string(),
      companyName: z.string(),
      candidateCount: z.number().int(),
      /** Places in the top 10 that another person takes under the proposed settings. */
      changedCount: z.number().int(),
      rows: z.array(ZWeightsPreviewRow),
    }),
  ),
});
export type TWeightsPreview = z.infer<typeof ZWeightsPreview>;
