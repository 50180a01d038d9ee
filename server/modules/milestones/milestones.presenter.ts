import type { TMilestone } from '@domain/steering.schema.ts';
import type { TMilestoneRow } from './milestones.repository.ts';

// The only way milestone rows leave the server, with the overdue flag computed for today.

/** Due before today and neither reached nor called off. */
export function isOverdue(m: Pick<TMilestoneRow, 'dueDate' | 'status'>, today: string): boolean {
  return m.dueDate < today && m.status !== 'done' && m.status !== 'cancelled';
}

export function presentMilestone(row: TMilestoneRow, today: string): TMilestone {
  return {
    id: row.id,
    partnershipId: row.partnershipId,
    partnershipName: row.partnershipName,
    title: row.title,
    description: row.description,
    dueDate: row.dueDate,
    ownerUserId: row.ownerUserId,
    ownerName: row.ownerUserName ?? row.ownerName,
    status: row.status,
    completedOn: row.completedOn,
    note: row.note,
    overdue: isOverdue(row, today),
    updatedAt: row.updatedAt.toISOString(),
  };
}
