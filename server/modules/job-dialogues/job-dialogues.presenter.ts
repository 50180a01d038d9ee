import { dialogueState, type TJobDialogue, type TJobDialogueDetail } from '@domain/job-dialogue.schema.ts';
import type { eventsOf, TDialogueRow } from './job-dialogues.repository.ts';

/** The only shape a job dialogue leaves the server in; `state` is derived for `today`. */
export function presentDialogue(r: TDialogueRow, today: string): TJobDialogue {
  const d = r.row;
  return {
    id: d.id,
    assignmentId: d.assignmentId,
    assignmentTitle: r.assignmentTitle,
    companyId: r.companyId,
    companyName: r.companyName,
    housingOrganisationId: r.housingOrganisationId,
    housingOrganisationName: r.housingOrganisationName,
    dueDate: d.dueDate,
    assignedToUserId: d.assignedTo,
    assignedToName: r.assignedToName,
    askedKinds: d.askedKinds,
    outcome: d.outcome,
    reminderDate: d.reminderDate,
    noReason: d.noReason,
    note: d.note,
    openingId: d.openingId,
    state: dialogueState(d, today),
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
  };
}

export function presentDialogueDetail(
  r: TDialogueRow,
  events: Awaited<ReturnType<typeof eventsOf>>,
  today: string,
): TJobDialogueDetail {
  return {
    ...presentDialogue(r, today),
    history: events.map((e) => ({ ...e, at: e.at.toISOString() })),
  };
}
