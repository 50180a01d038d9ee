import type { TPage } from '@domain/common.schema.ts';
import { OPENING_TYPE_INFO } from '@domain/opening-types.ts';
import type { TEscalation, TEscalationListQuery, TEscalationSource } from '@domain/placement.schema.ts';
import { danishDate, formatDanishDate } from '@domain/time.ts';
import type { TDbOrTx } from '@server/db/client.ts';
import { escalations } from '@server/db/schema/index.ts';
import {
  createNotificationsService,
  type TPendingMails,
} from '@server/modules/notifications/notifications.service.ts';
import { professionalResident } from '@server/modules/placements/placements.policy.ts';
import { caseContacts } from '@server/modules/proposals/case-contacts.ts';
import { recordAudit } from '@server/platform/audit.ts';
import { AppError } from '@server/platform/errors.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import { requireActor, type TRequestContext } from '@server/platform/http/request-context.ts';
import { auditedCriteria } from '@server/platform/search-fingerprint.ts';
import { and, eq, isNull } from 'drizzle-orm';
import { presentEscalation } from './escalations.presenter.ts';
import {
  findEscalation,
  listEscalations,
  lockPlacementForEscalation,
  openEscalationOf,
} from './escalations.repository.ts';

const SOURCE_LABEL_DA: Record<TEscalationSource, string> = {
  check_in: 'Opfølgning',
  company: 'Virksomheden',
};

export interface TOpenEscalation {
  placementId: string;
  source: TEscalationSource;
  /** The check-in that found the risk (source 'check_in'), else null. */
  followUpId: string | null;
  /** What is going wrong, in words (professionals only; erased with the person). */
  reason: string;
}

/**
 * Opens an escalation on a placement inside the caller's transaction and tells the job
 * consultant(s) and the social worker at once, in-app and by e-mail ('placement_at_risk'). The
 * caller has checked that the actor may raise it, and dispatches the returned mails after commit.
 *
 * A placement has at most one open escalation: it "stays visible until someone resolves it", and
 * a second alarm about the same trouble is the same case. So a new at-risk check-in or company
 * flag while one is open does not open another; its words are added to the open one (dated, with
 * where they came from: nothing the company or the consultant wrote is lost) and the people are
 * told again, since a second alarm is news. The placement row is locked first, so two alarms at
 * once cannot both open one.
 *
 * Recipients: the placement's follow-up owner and the person's responsible social worker and job
 * consultant; a side without anyone falls back to the opening's referral contacts, then the
 * partnership's role holders (caseContacts, as proposals and hires). Never the actor.
 */
export async function openEscalationInTx(
  tx: TDbOrTx,
  deps: TAppDeps,
  ctx: TRequestContext,
  input: TOpenEscalation,
): Promise<{ escalationId: string; created: boolean; pending: TPendingMails }> {
  const actor = requireActor(ctx);
  const now = deps.clock.now();
  const p = await lockPlacementForEscalation(tx, input.placementId);
  if (!p) throw new AppError('NOT_FOUND');

  const open = await openEscalationOf(tx, input.placementId);
  let escalationId: string;
  if (open) {
    escalationId = open.id;
    const added = `${formatDanishDate(danishDate(now))} (${SOURCE_LABEL_DA[input.source]}): ${input.reason}`;
    await tx
      .update(escalations)
      .set({ reason: `${open.reason}\n\n${added}` })
      .where(eq(escalations.id, open.id));
  } else {
    const [created] = await tx
      .insert(escalations)
      .values({
        placementId: input.placementId,
        source: input.source,
        followUpId: input.followUpId,
        reason: input.reason,
        openedBy: actor.userId,
        openedAt: now,
      })
      .returning({ id: escalations.id });
    escalationId = created!.id;
  }
  // Ids and the source only: the reason is the person's data and stays out of the audit log.
  await recordAudit(tx, ctx, {
    action: open ? 'update' : 'create',
    entityType: 'escalation',
    entityId: escalationId,
    details: {
      placementId: input.placementId,
      residentId: p.residentId,
      source: input.source,
      ...(input.followUpId ? { followUpId: input.followUpId } : {}),
      ...(open ? { repeated: true } : {}),
    },
  });

  const responsible = {
    job_consultant: p.responsibleJobConsultantId ?? p.followUpOwnerId,
    social_worker: p.responsibleSocialWorkerId,
  };
  const contacts =
    p.openingId && p.partnershipId && p.municipalityId
      ? await caseContacts(
          tx,
          { id: p.openingId, partnershipId: p.partnershipId, municipalityId: p.municipalityId },
          responsible,
        )
      : {
          job_consultant: responsible.job_consultant ? [responsible.job_consultant] : [],
          social_worker: responsible.social_worker ? [responsible.social_worker] : [],
        };
  const recipients = [
    ...new Set([
      ...(p.followUpOwnerId ? [p.followUpOwnerId] : []),
      ...contacts.job_consultant,
      ...contacts.social_worker,
    ]),
  ].filter((id) => id !== actor.userId);
  const pending = await createNotificationsService(deps).notify(tx, {
    recipientIds: recipients,
    params: {
      kind: 'placement_at_risk',
      companyName: p.companyName,
      openingTitle: p.openingTitle ?? OPENING_TYPE_INFO[p.type].labelDa,
      source: input.source,
    },
    link: `/placements/${input.placementId}`,
    entity: { type: 'placement', id: input.placementId },
  });
  return { escalationId, created: !open, pending };
}

/**
 * Escalations (issue 6 item 3): the professionals' list of what is going wrong, and resolving
 * one. Each is checked by its placement's person (the professional view), as a placement is.
 */
export function createEscalationsService(deps: TAppDeps) {
  const { db, clock } = deps;
  const today = () => danishDate(clock.now());

  async function deny(ctx: TRequestContext, id: string, details: Record<string, unknown>) {
    await recordAudit(db, ctx, { action: 'denied', entityType: 'escalation', entityId: id, details });
  }

  return {
    /** The escalations of the people the actor sees professionally; the search is logged. */
    async list(ctx: TRequestContext, query: TEscalationListQuery): Promise<TPage<TEscalation>> {
      const actor = requireActor(ctx);
      const page = await listEscalations(db, actor, today(), query);
      await recordAudit(db, ctx, {
        action: 'search',
        entityType: 'escalation',
        details: {
          criteria: auditedCriteria(deps.config.sessionSecret, {
            q: query.q,
            state: query.state,
            placementId: query.placementId,
          }),
          resultCount: page.total,
        },
      });
      return { ...page, items: page.items.map(presentEscalation) };
    },

    /** Resolves an open escalation with what was done; one already resolved answers 409. */
    async resolve(ctx: TRequestContext, id: string, resolution: string): Promise<TEscalation> {
      const actor = requireActor(ctx);
      const found = await findEscalation(db, id);
      const sees = found && (await professionalResident(db, actor, found.residentId, today()));
      if (!found || !sees) {
        await deny(ctx, id, { action: 'resolve', reason: found ? 'no_access' : 'not_found' });
        throw new AppError('NOT_FOUND');
      }
      await db.transaction(async (tx) => {
        const now = clock.now();
        const done = await tx
          .update(escalations)
          .set({ resolvedAt: now, resolvedBy: actor.userId, resolution })
          .where(and(eq(escalations.id, id), isNull(escalations.resolvedAt)))
          .returning({ id: escalations.id });
        if (done.length === 0) throw new AppError('CONFLICT', 'Eskaleringen er allerede løst.');
        await recordAudit(tx, ctx, {
          action: 'update',
          entityType: 'escalation',
          entityId: id,
          details: { placementId: found.row.placementId, residentId: found.residentId, resolved: true },
        });
      });
      const resolved = await findEscalation(db, id);
      if (!resolved) throw new AppError('NOT_FOUND');
      return presentEscalation(resolved);
    },
  };
}
export type TEscalationsService = ReturnType<typeof createEscalationsService>;
