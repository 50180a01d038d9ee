import type { TClauseProgress } from '@domain/rules/clause-progress.ts';
import type { TSocialClauseListItem } from '@domain/social-clause.schema.ts';
import type { TClauseRow } from './social-clauses.repository.ts';

/** The only shape a social clause leaves the server in: with its assignment and progress today. */
export function presentClauseListItem(c: TClauseRow & { progress: TClauseProgress }): TSocialClauseListItem {
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
    assignmentTitle: c.assignmentTitle,
    companyId: c.companyId,
    companyName: c.companyName,
    housingOrganisationId: c.housingOrganisationId,
    housingOrganisationName: c.housingOrganisationName,
    progress: c.progress,
  };
}
