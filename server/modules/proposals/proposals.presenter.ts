import {
  nextProposalStatuses,
  type TProposalDetail,
  type TProposalListItem,
} from '@domain/proposal.schema.ts';
import type { proposalHistory, TProposalRow } from './proposals.repository.ts';

type TListRow = Pick<
  TProposalRow,
  'row' | 'openingTitle' | 'companyName' | 'residentName' | 'proposedByName'
>;

/** The only shape a proposal leaves the server in (to the professionals who see the person). */
export function presentProposalListItem(r: TListRow): TProposalListItem {
  const p = r.row;
  return {
    id: p.id,
    openingId: p.openingId,
    openingTitle: r.openingTitle,
    companyId: p.companyId,
    companyName: r.companyName,
    residentId: p.residentId,
    residentName: r.residentName,
    status: p.status,
    source: p.source,
    score: p.score,
    proposedByName: r.proposedByName,
    proposedAt: p.proposedAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

export function presentProposalDetail(
  r: TProposalRow,
  history: Awaited<ReturnType<typeof proposalHistory>>,
): TProposalDetail {
  const p = r.row;
  return {
    ...presentProposalListItem(r),
    partnershipId: p.partnershipId,
    note: p.note,
    scoreSnapshot: p.scoreSnapshot,
    allocationId: r.allocationId,
    residentAnsweredAt: p.residentAnsweredAt?.toISOString() ?? null,
    residentAnswerRecordedByName: r.answerRecordedByName,
    sentToCompanyAt: p.sentToCompanyAt?.toISOString() ?? null,
    sentByName: r.sentByName,
    closedAt: p.closedAt?.toISOString() ?? null,
    interviewAt: p.interviewAt?.toISOString() ?? null,
    interviewLocation: p.interviewLocation,
    interviewOutcome: p.interviewOutcome,
    interviewOutcomeNote: p.interviewOutcomeNote,
    companyDeclineReason: p.companyDeclineReason,
    companyDeclineText: p.companyDeclineText,
    nextStatuses: nextProposalStatuses(p.status, 'professional'),
    history: history.map((h) => ({ ...h, at: h.at.toISOString() })),
  };
}
