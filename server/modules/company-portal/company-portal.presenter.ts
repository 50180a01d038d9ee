import {
  COMPANY_DECLINE_REASONS,
  type TCandidateProfile,
  type TCompanyAction,
  type TCompanyDeclineReason,
  type TCompanyOpening,
  type TCompanyProposal,
} from '@domain/placement.schema.ts';
import { COMPANY_VISIBLE_PROPOSAL_STATUSES, type TProposalStatus } from '@domain/proposal.schema.ts';
import { RESIDENT_VIEW_FIELDS } from '@domain/resident-access.ts';
import type { TCompanyOpeningRow, TCompanyProposalRow } from './company-portal.repository.ts';

// The only shapes the company portal answers in. The candidate is the 'candidate' view of
// resident-access.ts (consent (b)'s fields, without the person's id) and only while the person's
// consent (b) holds and the proposal is still with the company; otherwise null.

/** The candidate view's fields the portal shows: all of them but the person's id. */
export const CANDIDATE_FIELDS = RESIDENT_VIEW_FIELDS.candidate.filter((f) => f !== 'id');

/** Whether the company may see the person behind the proposal today. */
export function showsCandidate(
  r: Pick<TCompanyProposalRow, 'row' | 'anonymised' | 'consentToMatch'>,
): boolean {
  return (
    COMPANY_VISIBLE_PROPOSAL_STATUSES.includes(r.row.status) && r.consentToMatch === true && !r.anonymised
  );
}

function presentCandidate(p: TCompanyProposalRow['person']): TCandidateProfile {
  const full: TCandidateProfile = {
    firstName: p.firstName,
    occupationIds: p.occupationIds,
    experiences: p.experiences.map((e) => ({
      title: e.title,
      employer: e.employer ?? null,
      fromYear: e.fromYear ?? null,
      toYear: e.toYear ?? null,
      description: e.description ?? null,
    })),
    hoursPerWeek: p.hoursPerWeek,
    availableDay: p.availableDay,
    availableEvening: p.availableEvening,
    availableWeekend: p.availableWeekend,
  };
  // Keep exactly the view's fields, should the profile shape and the view ever drift apart.
  const keep = new Set<string>(CANDIDATE_FIELDS);
  return Object.fromEntries(Object.entries(full).filter(([k]) => keep.has(k))) as TCandidateProfile;
}

/** The moves the company may make from a status (inviting needs the person still visible). */
export function companyActions(status: TProposalStatus, candidateVisible: boolean): TCompanyAction[] {
  switch (status) {
    case 'sent_to_company':
      return candidateVisible ? ['invite', 'hire', 'decline'] : ['hire', 'decline'];
    case 'interview':
      return candidateVisible
        ? ['invite', 'record_interview', 'hire', 'decline']
        : ['record_interview', 'hire', 'decline'];
    default:
      return [];
  }
}

function declineReason(value: string | null): TCompanyDeclineReason | null {
  return (COMPANY_DECLINE_REASONS as readonly string[]).includes(value ?? '')
    ? (value as TCompanyDeclineReason)
    : null;
}

export function presentCompanyProposal(r: TCompanyProposalRow): TCompanyProposal {
  const p = r.row;
  const visible = showsCandidate(r);
  return {
    id: p.id,
    openingId: p.openingId,
    openingTitle: r.openingTitle,
    openingType: r.openingType,
    status: p.status,
    sentToCompanyAt: p.sentToCompanyAt?.toISOString() ?? null,
    candidate: visible ? presentCandidate(r.person) : null,
    interviewAt: p.interviewAt?.toISOString() ?? null,
    interviewLocation: p.interviewLocation,
    interviewOutcome: p.interviewOutcome,
    declineReason: declineReason(p.companyDeclineReason),
    placementId: r.placementId,
    actions: companyActions(p.status, visible),
  };
}

export function presentCompanyOpening(r: TCompanyOpeningRow): TCompanyOpening {
  return {
    id: r.id,
    title: r.title,
    type: r.type,
    status: r.status,
    createdAt: r.createdAt.toISOString(),
    pipeline: { sent: r.sent, interview: r.interview, hired: r.hired, declined: r.declined },
  };
}
