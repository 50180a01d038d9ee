import type { TPage } from '@domain/common.schema.ts';
import { OPENING_STATUS_LABEL_DA, type TOpeningStatus } from '@domain/opening.schema.ts';
import {
  PLACEMENT_STATUS_LABEL_DA,
  type TPlacementCreate,
  type TPlacementDetail,
  type TPlacementEnd,
  type TPlacementListItem,
  type TPlacementListQuery,
  type TPlacementStatus,
} from '@domain/placement.schema.ts';
import { TRIAL_TYPES } from '@domain/reports/retention.ts';
import type { TResidentStatus } from '@domain/resident.schema.ts';
import { danishDate, formatDanishDate } from '@domain/time.ts';
import type { TDbOrTx } from '@server/db/client.ts';
import { placements, residents } from '@server/db/schema/index.ts';
import { escalationsOfPlacement } from '@server/modules/escalations/escalations.repository.ts';
import { openEscalationInTx } from '@server/modules/escalations/escalations.service.ts';
import { followUpsOfPlacement } from '@server/modules/follow-ups/follow-ups.repository.ts';
import { createNotificationsService } from '@server/modules/notifications/notifications.service.ts';
import { findOpening } from '@server/modules/openings/openings.repository.ts';
import { isProfessional, professionalRolesIn } from '@server/modules/proposals/proposals.policy.ts';
import { residentGate } from '@server/modules/residents/residents.policy.ts';
import { touchResidentActivity } from '@server/modules/residents/residents.repository.ts';
import { recordAudit } from '@server/platform/audit.ts';
import { AppError, fieldError } from '@server/platform/errors.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import { requireActor, type TRequestContext } from '@server/platform/http/request-context.ts';
import { auditedCriteria } from '@server/platform/search-fingerprint.ts';
import { and, eq, isNull, notInArray, sql } from 'drizzle-orm';
import { recordHireInTx } from './placement-hire.ts';
import { companyIdsOf, placementViewOf, type TPlacementView } from './placements.policy.ts';
import { presentPlacementDetail, presentPlacementListItem } from './placements.presenter.ts';
import {
  activePlacementOn,
  cancelFollowUpsAfter,
  findPlacement,
  listPlacements,
  lockPlacement,
  otherActiveJobs,
  type TPlacementRow,
} from './placements.repository.ts';

const OPENING_NOT_FOUND = 'Jobåbningen findes ikke, eller du har ikke adgang til den.';

/** Openings a hire can no longer be recorded on. */
const CLOSED_FOR_HIRES: readonly TOpeningStatus[] = ['cancelled', 'filled'];

/** A person the system no longer moves between statuses (they left the project). */
const SETTLED_STATUSES: readonly TResidentStatus[] = ['moved', 'closed'];

/**
 * Placements (issue 6 item 2): the professionals' list and detail of the hires of the people they
 * work with, and the company's view of its own; a hire recorded without a proposal, the end of a
 * placement, and the company's "noget går skævt". Every read, write and refusal is audit-logged.
 */
export function createPlacementsService(deps: TAppDeps) {
  const { db, clock } = deps;
  const gate = residentGate(deps);
  const notifications = createNotificationsService(deps);
  const today = () => danishDate(clock.now());

  async function deny(ctx: TRequestContext, id: string | undefined, details: Record<string, unknown>) {
    await recordAudit(db, ctx, { action: 'denied', entityType: 'placement', entityId: id, details });
  }

  /** The placement and how the actor sees it; 404 (audit-logged) when it does not exist for them. */
  async function load(ctx: TRequestContext, id: string, action: string) {
    const actor = requireActor(ctx);
    const day = today();
    const row = await findPlacement(db, id, day);
    const view = row ? await placementViewOf(db, actor, row.row, day) : null;
    if (!row || !view) {
      await deny(ctx, id, { action, reason: row ? 'no_access' : 'not_found' });
      throw new AppError('NOT_FOUND');
    }
    return { row, view, day };
  }

  /** As `load`, and only in the professional view: a company sees it but may not do this (403). */
  async function loadAsProfessional(ctx: TRequestContext, id: string, action: string) {
    const loaded = await load(ctx, id, action);
    if (loaded.view !== 'professional') {
      await deny(ctx, id, { action, reason: 'not_professional' });
      throw new AppError('FORBIDDEN');
    }
    return loaded;
  }

  async function present(
    ctx: TRequestContext,
    row: TPlacementRow,
    view: TPlacementView,
    day: string,
  ): Promise<TPlacementDetail> {
    const actor = requireActor(ctx);
    const p = row.row;
    const [followUps, escalations] = await Promise.all([
      followUpsOfPlacement(db, p.id),
      view === 'professional' ? escalationsOfPlacement(db, p.id) : Promise.resolve([]),
    ]);
    return presentPlacementDetail(row, view, {
      followUps,
      escalations,
      today: day,
      canFlag: p.status === 'active' && companyIdsOf(actor).includes(p.companyId),
    });
  }

  /** The placement as the actor sees it now (after a change: the change is the audit event). */
  async function fresh(ctx: TRequestContext, id: string): Promise<TPlacementDetail> {
    const actor = requireActor(ctx);
    const day = today();
    const row = await findPlacement(db, id, day);
    const view = row ? await placementViewOf(db, actor, row.row, day) : null;
    if (!row || !view) throw new AppError('NOT_FOUND');
    return present(ctx, row, view, day);
  }

  /**
   * The person's status after the end of a placement: converted → in job, into education → in
   * education, ended early → active again (unless another job keeps them in one). Completed
   * leaves it: a fixed term done says nothing of what comes next; the professional sets it.
   */
  async function settleResident(
    tx: TDbOrTx,
    ctx: TRequestContext,
    placementId: string,
    residentId: string,
    status: TPlacementEnd['status'],
    now: Date,
  ): Promise<TResidentStatus | null> {
    let target: TResidentStatus | null = null;
    let onlyFrom: TResidentStatus | null = null;
    switch (status) {
      case 'converted':
        target = 'in_job';
        break;
      case 'education':
        target = 'in_education';
        break;
      case 'ended_early':
        // Only the hire's own "in job" is undone; a paused person stays paused.
        if ((await otherActiveJobs(tx, residentId, placementId, TRIAL_TYPES)) === 0) {
          target = 'active';
          onlyFrom = 'in_job';
        }
        break;
      case 'completed':
        break;
      default: {
        const exhaustive: never = status;
        return exhaustive;
      }
    }
    await touchResidentActivity(tx, residentId, now);
    if (!target) return null;
    const changed = await tx
      .update(residents)
      .set({ status: target, updatedAt: now })
      .where(
        and(
          eq(residents.id, residentId),
          isNull(residents.anonymisedAt),
          onlyFrom
            ? eq(residents.status, onlyFrom)
            : and(sql`${residents.status} <> ${target}`, notInArray(residents.status, [...SETTLED_STATUSES])),
        ),
      )
      .returning({ id: residents.id });
    if (changed.length === 0) return null;
    await recordAudit(tx, ctx, {
      action: 'update',
      entityType: 'resident',
      entityId: residentId,
      details: { fields: ['status'], placementId },
    });
    return target;
  }

  return {
    /** The placements the actor may see; the search is logged (its text as a fingerprint). */
    async list(ctx: TRequestContext, query: TPlacementListQuery): Promise<TPage<TPlacementListItem>> {
      const actor = requireActor(ctx);
      const page = await listPlacements(db, actor, today(), query);
      const { status, type, companyId, residentId, openingId } = query;
      await recordAudit(db, ctx, {
        action: 'search',
        entityType: 'placement',
        details: {
          criteria: auditedCriteria(deps.config.sessionSecret, {
            q: query.q,
            status,
            type,
            companyId,
            residentId,
            openingId,
          }),
          resultCount: page.total,
        },
      });
      return { ...page, items: page.items.map(presentPlacementListItem) };
    },

    async get(ctx: TRequestContext, id: string): Promise<TPlacementDetail> {
      const { row, view, day } = await load(ctx, id, 'read');
      await recordAudit(db, ctx, {
        action: 'read',
        entityType: 'placement',
        entityId: id,
        details: { residentId: row.row.residentId, view },
      });
      return present(ctx, row, view, day);
    },

    /**
     * A professional records a hire Jobbro did not see as a proposal: for a person they see
     * professionally, on an opening of a partnership they work in. The hire itself (placement,
     * follow-up plan, statuses, notices) is recordHireInTx's.
     */
    async create(ctx: TRequestContext, input: TPlacementCreate): Promise<TPlacementDetail> {
      const actor = requireActor(ctx);
      if (!isProfessional(actor)) {
        await deny(ctx, undefined, { action: 'create', reason: 'not_professional' });
        throw new AppError('FORBIDDEN');
      }
      const opening = await findOpening(db, input.openingId);
      const roles = opening
        ? professionalRolesIn(actor, {
            partnershipId: opening.row.partnershipId,
            municipalityId: opening.municipalityId,
          })
        : [];
      if (!opening || roles.length === 0) {
        await deny(ctx, undefined, {
          action: 'create',
          openingId: input.openingId,
          reason: opening ? 'no_access' : 'not_found',
        });
        throw new AppError('NOT_FOUND', OPENING_NOT_FOUND);
      }
      await gate.seeAsProfessional(ctx, input.residentId, 'create_placement');
      const status = opening.row.status;
      if (CLOSED_FOR_HIRES.includes(status)) {
        throw new AppError(
          'CONFLICT',
          `Der kan ikke registreres en ansættelse på jobåbningen (status "${OPENING_STATUS_LABEL_DA[status]}").`,
        );
      }
      const { residentId, openingId, startDate, endDate, hoursPerWeek, type, wageSubsidy, note } = input;
      const { placementId, pending } = await db.transaction(async (tx) => {
        await tx.execute(sql`select 1 from ${residents} where ${residents.id} = ${residentId} for update`);
        if (await activePlacementOn(tx, residentId, openingId)) {
          throw new AppError('CONFLICT', 'Beboeren er allerede ansat i denne jobåbning.');
        }
        return recordHireInTx(tx, deps, ctx, {
          openingId,
          residentId,
          proposalId: null,
          hire: { startDate, endDate, hoursPerWeek, type, wageSubsidy, note },
        });
      });
      await notifications.dispatch(pending);
      return fresh(ctx, placementId);
    },

    /**
     * Ends a running placement: completed, ended early (with a reason), converted to an ordinary
     * job, or into education. Check-ins after the end that measure nothing are cancelled; the
     * retention and trial-outcome check-ins stay. The person's status follows (settleResident).
     */
    async end(ctx: TRequestContext, id: string, input: TPlacementEnd): Promise<TPlacementDetail> {
      const actor = requireActor(ctx);
      const { row, day } = await loadAsProfessional(ctx, id, 'end');
      const start = row.row.startDate;
      if (input.endDate < start) {
        throw fieldError('endDate', `Slutdatoen ligger før startdatoen (${formatDanishDate(start)}).`);
      }
      if (input.endDate > day) {
        throw fieldError(
          'endDate',
          'Slutdatoen kan ikke ligge i fremtiden. Afslut forløbet, når det er slut.',
        );
      }
      await db.transaction(async (tx) => {
        const now = clock.now();
        const current = await lockPlacement(tx, id);
        if (!current) throw new AppError('NOT_FOUND');
        if (current.status !== 'active') {
          throw new AppError(
            'CONFLICT',
            `Forløbet er allerede afsluttet (${PLACEMENT_STATUS_LABEL_DA[current.status].toLowerCase()}).`,
          );
        }
        const to: TPlacementStatus = input.status;
        await tx
          .update(placements)
          .set({
            status: to,
            endDate: input.endDate,
            endReason: input.reason,
            endNote: input.note,
            endedAt: now,
            endedBy: actor.userId,
            updatedAt: now,
          })
          .where(eq(placements.id, id));
        const cancelled = await cancelFollowUpsAfter(tx, id, input.endDate, now);
        const residentStatus = current.residentId
          ? await settleResident(tx, ctx, id, current.residentId, input.status, now)
          : null;
        await recordAudit(tx, ctx, {
          action: 'update',
          entityType: 'placement',
          entityId: id,
          details: {
            residentId: current.residentId,
            status: { from: current.status, to },
            endDate: input.endDate,
            ...(input.reason ? { reason: input.reason } : {}),
            cancelledFollowUps: cancelled,
            ...(residentStatus ? { residentStatus } : {}),
          },
        });
      });
      return fresh(ctx, id);
    },

    /**
     * The company's "noget går skævt": opens (or adds to) the placement's escalation and tells the
     * job consultant(s) and the social worker at once, in-app and by e-mail.
     */
    async flag(ctx: TRequestContext, id: string, text: string): Promise<TPlacementDetail> {
      const actor = requireActor(ctx);
      const day = today();
      const row = await findPlacement(db, id, day);
      if (!row || !companyIdsOf(actor).includes(row.row.companyId)) {
        const view = row ? await placementViewOf(db, actor, row.row, day) : null;
        await deny(ctx, id, {
          action: 'flag',
          reason: view ? 'not_company' : row ? 'no_access' : 'not_found',
        });
        throw new AppError(view ? 'FORBIDDEN' : 'NOT_FOUND');
      }
      if (row.row.status !== 'active') {
        throw new AppError(
          'CONFLICT',
          'Forløbet er afsluttet. Kontakt jobcentret direkte, hvis der er noget, de skal vide.',
        );
      }
      const { pending } = await db.transaction((tx) =>
        openEscalationInTx(tx, deps, ctx, {
          placementId: id,
          source: 'company',
          followUpId: null,
          reason: text,
        }),
      );
      await notifications.dispatch(pending);
      return fresh(ctx, id);
    },
  };
}
export type TPlacementsService = ReturnType<typeof createPlacementsService>;
