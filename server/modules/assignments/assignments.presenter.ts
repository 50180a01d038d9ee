import type { TAssignment, TAssignmentDetail, TAssignmentListItem } from '@domain/assignment.schema.ts';
import type { TClauseProgress } from '@domain/rules/clause-progress.ts';
import type { TSocialClause } from '@domain/social-clause.schema.ts';
import type { TAssignmentRow } from './assignments.repository.ts';

/** The only shape an assignment leaves the server in. */
export function presentAssignment(r: TAssignmentRow, areas: { id: string; name: string }[]): TAssignment {
  const a = r.row;
  return {
    id: a.id,
    partnershipId: a.partnershipId,
    companyId: a.companyId,
    companyName: r.companyName,
    housingOrganisationId: a.housingOrganisationId,
    housingOrganisationName: r.housingOrganisationName,
    areas: areas.map(({ id, name }) => ({ id, name })),
    kind: a.kind,
    title: a.title,
    description: a.description,
    valueDkk: a.valueDkk,
    startDate: a.startDate,
    endDate: a.endDate,
    contractReference: a.contractReference,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}

export function presentAssignmentListItem(
  r: TAssignmentRow,
  areas: { id: string; name: string }[],
  counts: { clauseCount: number; clausesBehind: number; openDialogues: number },
): TAssignmentListItem {
  return { ...presentAssignment(r, areas), ...counts };
}

export function presentClause(c: TSocialClause): TSocialClause {
  return {
    id: c.id,
    assignmentId: c.assignmentId,
    kind: c.kind,
    description: c.description,
    targetQuantity: c.targetQuantity,
    periodStart: c.periodStart,
    periodEnd: c.periodEnd,
    responsibleUserId: c.responsibleUserId,
    responsibleName: c.responsibleName,
  };
}

export function presentAssignmentDetail(
  r: TAssignmentRow,
  areas: { id: string; name: string }[],
  clauses: (TSocialClause & { progress: TClauseProgress })[],
  openingCount: number,
): TAssignmentDetail {
  return {
    ...presentAssignment(r, areas),
    clauses: clauses.map((c) => ({ ...presentClause(c), progress: c.progress })),
    openingCount,
  };
}
