import type { THire } from '@domain/placement.schema.ts';
import type { TProposalStatus } from '@domain/proposal.schema.ts';
import { daysToHire, TRIAL_TYPES } from '@domain/reports/retention.ts';
import { followUpPlan, ZFollowUpSettings } from '@domain/rules/follow-up-schedule.ts';
import { danishDate, daysBetween, formatDanishDate } from '@domain/time.ts';
import type { TDbOrTx } from '@server/db/client.ts';
import {
  assignmentAreas,
  followUpSettings,
  followUps,
  placements,
  proposalStatusChanges,
  proposals,
  residents,
  socialClauses,
} from '@server/db/schema/index.ts';
import {
  createNotificationsService,
  type TPendingMails,
} from '@server/modules/notifications/notifications.service.ts';
import { findOpening } from '@server/modules/openings/openings.repository.ts';
import { advanceOpeningStatus } from '@server/modules/openings/openings.service.ts';
import { caseContacts } from '@server/modules/proposals/case-contacts.ts';
import { recordAudit } from '@server/platform/audit.ts';
import { AppError, fieldError } from '@server/platform/errors.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import { requireActor, type TRequestContext } from '@server/platform/http/request-context.ts';
import { and, count, eq } from 'drizzle-orm';

// A hire (issue 6 items 2-3): the company hires a proposed resident, or a professional records a
// hire Jobbro did not see as a proposal. One transaction writes the placement, its follow-up plan
// (efterværn, owned by the job consultant), the proposal's and the person's new status and the
// opening's, and tells the job consultant and the social worker. The caller has checked that the
// actor may do this; this function checks the hire against the facts.

export interface THireRequest {
  openingId: string;
  residentId: string;
  /** The proposal that led to the hire (its status becomes "hired"), or null. */
  proposalId: string | null;
  hire: THire;
}

/** Trainee weeks a placement gives a trainee-week clause: whole weeks of its period, at least one. */
function traineeWeeks(startDate: string, endDate: string | null): number | null {
  if (!endDate) return null;
  return Math.max(1, Math.round((daysBetween(startDate, endDate) + 1) / 7));
}

export async function recordHireInTx(
  tx: TDbOrTx,
  deps: TAppDeps,
  ctx: TRequestContext,
  request: THireRequest,
): Promise<{ placementId: string; pending: TPendingMails }> {
  const actor = requireActor(ctx);
  const { hire } = request;
  const now = deps.clock.now();
  const today = danishDate(now);

  const opening = await findOpening(tx, request.openingId);
  if (!opening) throw new AppError('NOT_FOUND', 'Jobåbningen findes ikke.');
  const [person] = await tx
    .select({
      housingAreaId: residents.housingAreaId,
      status: residents.status,
      anonymisedAt: residents.anonymisedAt,
      responsibleSocialWorkerId: residents.responsibleSocialWorkerId,
      responsibleJobConsultantId: residents.responsibleJobConsultantId,
    })
    .from(residents)
    .where(eq(residents.id, request.residentId))
    .for('update');
  if (!person || person.anonymisedAt) throw new AppError('NOT_FOUND', 'Beboeren findes ikke.');

  let proposalStatus: TProposalStatus | null = null;
  if (request.proposalId) {
    const [proposal] = await tx
      .select({ proposedAt: proposals.proposedAt, status: proposals.status })
      .from(proposals)
      .where(eq(proposals.id, request.proposalId));
    if (!proposal) throw new AppError('NOT_FOUND');
    proposalStatus = proposal.status;
    const proposedDay = danishDate(proposal.proposedAt);
    if (hire.startDate < proposedDay) {
      throw fieldError(
        'startDate',
        `Startdatoen kan ikke ligge før forslaget (${formatDanishDate(proposedDay)}).`,
      );
    }
  }

  // What the placement counts for: the opening's assignment and clause, a local hire when the
  // person lives in one of the assignment's areas, trainee weeks for a trainee-week clause.
  const { row } = opening;
  let isLocalHire = false;
  if (row.assignmentId && person.housingAreaId) {
    const [inArea] = await tx
      .select({ n: count() })
      .from(assignmentAreas)
      .where(
        and(
          eq(assignmentAreas.assignmentId, row.assignmentId),
          eq(assignmentAreas.housingAreaId, person.housingAreaId),
        ),
      );
    isLocalHire = (inArea?.n ?? 0) > 0;
  }
  let weeks: number | null = null;
  if (row.socialClauseId) {
    const [clause] = await tx
      .select({ kind: socialClauses.kind })
      .from(socialClauses)
      .where(eq(socialClauses.id, row.socialClauseId));
    if (clause?.kind === 'trainee_weeks') weeks = traineeWeeks(hire.startDate, hire.endDate);
  }

  // The follow-up belongs to the jobcenter: the person's job consultant, else the opening's.
  const contacts = await caseContacts(
    tx,
    { id: row.id, partnershipId: row.partnershipId, municipalityId: opening.municipalityId },
    { job_consultant: person.responsibleJobConsultantId, social_worker: person.responsibleSocialWorkerId },
  );
  const owner =
    person.responsibleJobConsultantId ??
    (actor.memberships.some((m) => m.role === 'job_consultant') &&
    contacts.job_consultant.includes(actor.userId)
      ? actor.userId
      : (contacts.job_consultant[0] ?? null));

  const [placement] = await tx
    .insert(placements)
    .values({
      partnershipId: row.partnershipId,
      companyId: row.companyId,
      openingId: row.id,
      residentId: request.residentId,
      proposalId: request.proposalId,
      assignmentId: row.assignmentId,
      socialClauseId: row.socialClauseId,
      type: hire.type,
      status: 'active',
      startDate: hire.startDate,
      endDate: hire.endDate,
      hoursPerWeek: hire.hoursPerWeek,
      wageSubsidy: hire.wageSubsidy,
      weeks,
      isLocalHire,
      followUpOwnerId: owner,
      hiredAt: now,
      hiredBy: actor.userId,
      daysToHire: daysToHire(danishDate(row.createdAt), today),
      note: hire.note,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: placements.id });
  const placementId = placement!.id;

  const [settingsRow] = await tx
    .select({ settings: followUpSettings.settings })
    .from(followUpSettings)
    .where(eq(followUpSettings.partnershipId, row.partnershipId));
  const settings = settingsRow ? ZFollowUpSettings.safeParse(settingsRow.settings).data : null;
  const plan = followUpPlan({ type: hire.type, startDate: hire.startDate, endDate: hire.endDate, settings });
  await tx.insert(followUps).values(
    plan.map((p) => ({
      placementId,
      key: p.key,
      dueDate: p.dueDate,
      measures: p.measures,
      state: 'planned' as const,
      assignedTo: owner,
      createdAt: now,
      updatedAt: now,
    })),
  );

  if (request.proposalId && proposalStatus) {
    const moved = await tx
      .update(proposals)
      .set({ status: 'hired', closedAt: now, updatedAt: now })
      .where(and(eq(proposals.id, request.proposalId), eq(proposals.status, proposalStatus)))
      .returning({ id: proposals.id });
    if (moved.length === 0) throw new AppError('CONFLICT', 'Forslaget blev ændret samtidig. Prøv igen.');
    await tx.insert(proposalStatusChanges).values({
      proposalId: request.proposalId,
      fromStatus: proposalStatus,
      toStatus: 'hired',
      byUserId: actor.userId,
      at: now,
      note: `Ansat fra ${formatDanishDate(hire.startDate)}.`,
    });
  }

  // A trial is not a job: the person stays available for matching while it runs.
  if (!TRIAL_TYPES.includes(hire.type) && person.status !== 'in_job') {
    await tx
      .update(residents)
      .set({ status: 'in_job', updatedAt: now })
      .where(eq(residents.id, request.residentId));
  }

  // The opening is filled once it has as many placements as positions.
  const [hired] = await tx.select({ n: count() }).from(placements).where(eq(placements.openingId, row.id));
  if ((hired?.n ?? 0) >= row.positions) {
    await advanceOpeningStatus(tx, ctx, row.id, row.status, 'filled', 'Alle stillinger er besat.');
  }

  await recordAudit(tx, ctx, {
    action: 'create',
    entityType: 'placement',
    entityId: placementId,
    details: {
      residentId: request.residentId,
      openingId: row.id,
      proposalId: request.proposalId,
      type: hire.type,
      startDate: hire.startDate,
      followUps: plan.length,
    },
  });

  const notifications = createNotificationsService(deps);
  const pending = await notifications.notify(tx, {
    recipientIds: [...new Set([...(owner ? [owner] : []), ...contacts.social_worker])].filter(
      (id) => id !== actor.userId,
    ),
    params: {
      kind: 'placement_hired',
      openingTitle: row.title,
      companyName: opening.companyName,
      startDate: hire.startDate,
    },
    link: `/placements/${placementId}`,
    entity: { type: 'placement', id: placementId },
  });
  return { placementId, pending };
}
