import type { TFollowUp } from '@domain/placement.schema.ts';
import { checkInLabelDa } from '@domain/rules/follow-up-schedule.ts';
import type { TFollowUpRow } from './follow-ups.repository.ts';

/**
 * The only shape a follow-up leaves the server in: to the professionals who see the person
 * (notes included). A company gets ZCompanyFollowUpDate instead (dates only), never this.
 * `today` is the Danish day: a planned check-in due before it is overdue.
 */
export function presentFollowUp(r: TFollowUpRow, today: string): TFollowUp {
  const f = r.row;
  return {
    id: f.id,
    placementId: f.placementId,
    key: f.key,
    label: checkInLabelDa(f.key),
    dueDate: f.dueDate,
    measures: f.measures,
    state: f.state,
    overdue: f.state === 'planned' && f.dueDate < today,
    residentId: r.residentId,
    residentName: r.residentName,
    companyName: r.companyName,
    openingTitle: r.openingTitle,
    assignedToId: f.assignedTo,
    assignedToName: r.assignedToName,
    recordedAt: f.recordedAt?.toISOString() ?? null,
    recordedByName: r.recordedByName,
    contactedWith: f.contactedWith,
    status: f.status,
    notes: f.notes,
    actionTaken: f.actionTaken,
    retentionOutcome: f.retentionOutcome,
    trialOutcome: f.trialOutcome,
  };
}
