import type { TPlacementDetail, TPlacementListItem } from '@domain/placement.schema.ts';
import { checkInLabelDa } from '@domain/rules/follow-up-schedule.ts';
import { presentEscalation } from '@server/modules/escalations/escalations.presenter.ts';
import type { TEscalationRow } from '@server/modules/escalations/escalations.repository.ts';
import { presentFollowUp } from '@server/modules/follow-ups/follow-ups.presenter.ts';
import type { TFollowUpRow } from '@server/modules/follow-ups/follow-ups.repository.ts';
import type { TPlacementView } from './placements.policy.ts';
import type { TPlacementListRow, TPlacementRow } from './placements.repository.ts';

// The only shapes a placement leaves the server in. Professionals get everything; the company
// gets its own record with the person's first name (only while consent (b) holds), the follow-up
// dates and its own open flags — never a check-in's notes, an escalation, or the end's words.

/** What every viewer of a placement sees of it, in a list row and in the detail alike. */
function placementFacts(
  r: Pick<
    TPlacementRow,
    'row' | 'companyName' | 'openingTitle' | 'nextDueDate' | 'openEscalations' | 'openCompanyEscalations'
  >,
  professional: boolean,
) {
  const p = r.row;
  return {
    companyId: p.companyId,
    companyName: r.companyName,
    openingId: p.openingId,
    openingTitle: r.openingTitle,
    type: p.type,
    status: p.status,
    startDate: p.startDate,
    endDate: p.endDate,
    hoursPerWeek: p.hoursPerWeek,
    nextDueDate: r.nextDueDate,
    // The company counts its own flags only: a check-in's "at risk" is the professionals' assessment.
    openEscalations: professional ? r.openEscalations : r.openCompanyEscalations,
  };
}

/** A list row; the view (and the name the viewer may see) was decided per row in SQL. */
export function presentPlacementListItem(r: TPlacementListRow): TPlacementListItem {
  const p = r.row;
  return {
    id: p.id,
    residentId: r.professional || r.consented ? p.residentId : null,
    residentName: r.residentName,
    ...placementFacts(r, r.professional),
  };
}

export interface TPlacementDetailParts {
  followUps: TFollowUpRow[];
  escalations: TEscalationRow[];
  /** The Danish day: a planned check-in due before it is overdue. */
  today: string;
  /** The viewer is a contact of the placement's company and it is still running. */
  canFlag: boolean;
}

export function presentPlacementDetail(
  r: TPlacementRow,
  view: TPlacementView,
  parts: TPlacementDetailParts,
): TPlacementDetail {
  const p = r.row;
  const professional = view === 'professional';
  const known = r.consented && !r.residentAnonymised;
  return {
    id: p.id,
    residentId: professional || known ? p.residentId : null,
    residentName: professional
      ? `${r.residentFirstName} ${r.residentLastName}`
      : known
        ? r.residentFirstName
        : null,
    ...placementFacts(r, professional),
    partnershipId: p.partnershipId,
    proposalId: p.proposalId,
    assignmentId: p.assignmentId,
    assignmentTitle: r.assignmentTitle,
    socialClauseId: p.socialClauseId,
    wageSubsidy: p.wageSubsidy,
    hiredAt: (p.hiredAt ?? p.createdAt).toISOString(),
    daysToHire: p.daysToHire,
    // Why it ended may be personal ("personlige forhold"): the professionals' only.
    endReason: professional ? p.endReason : null,
    endNote: professional ? p.endNote : null,
    followUps: professional ? parts.followUps.map((f) => presentFollowUp(f, parts.today)) : [],
    followUpDates: parts.followUps.map((f) => ({
      label: checkInLabelDa(f.row.key),
      dueDate: f.row.dueDate,
      state: f.row.state,
    })),
    escalations: professional ? parts.escalations.map(presentEscalation) : [],
    canFollowUp: professional,
    canFlag: parts.canFlag,
  };
}
