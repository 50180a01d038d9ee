import type { TMatchSettings } from '@domain/matching/matching-settings.ts';
import type { TAllocationDetail, TAllocationListItem } from '@domain/proposal.schema.ts';
import type { TAllocationLineRow, TAllocationRow } from './allocations.repository.ts';

export function presentAllocationListItem(r: TAllocationRow): TAllocationListItem {
  const a = r.row;
  return {
    id: a.id,
    partnershipId: a.partnershipId,
    partnershipName: r.partnershipName,
    status: a.status,
    openingCount: a.openingCount,
    candidateCount: a.candidateCount,
    lineCount: r.lineCount,
    decidedCount: r.decidedCount,
    totalScore: a.totalScore,
    createdByName: r.createdByName,
    createdAt: a.createdAt.toISOString(),
    closedAt: a.closedAt?.toISOString() ?? null,
  };
}

/** The plan with the lines of the people the viewer sees; the others are only counted. */
export function presentAllocationDetail(
  r: TAllocationRow,
  lines: TAllocationLineRow[],
  canDecide: boolean,
): TAllocationDetail {
  const settings = r.row.settings as TMatchSettings;
  const visible = lines.filter((l) => l.visible);
  return {
    ...presentAllocationListItem(r),
    settings: {
      maxActiveProposalsPerResident: settings.maxActiveProposalsPerResident,
      maxActiveProposalsPerOpening: settings.maxActiveProposalsPerOpening,
    },
    lines: visible.map((l) => ({
      id: l.row.id,
      openingId: l.row.openingId,
      openingTitle: l.openingTitle,
      companyName: l.companyName,
      residentId: l.row.residentId,
      residentName: l.residentName,
      score: l.row.score,
      scoreSnapshot: l.row.scoreSnapshot,
      decision: l.row.decision,
      decidedByName: l.decidedByName,
      decidedAt: l.row.decidedAt?.toISOString() ?? null,
      proposalId: l.row.proposalId,
    })),
    hiddenLineCount: lines.length - visible.length,
    canDecide,
  };
}
