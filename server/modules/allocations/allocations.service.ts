import type { TPage } from '@domain/common.schema.ts';
import { allocateProposals, type TAllocationEdge } from '@domain/matching/allocation.ts';
import { scoreSnapshotOf, type TMatch } from '@domain/matching/match.ts';
import { pairKey } from '@domain/matching/match-inputs.ts';
import type { TAllocationDetail, TAllocationListItem } from '@domain/proposal.schema.ts';
import { danishDate } from '@domain/time.ts';
import { allocationLines, allocations, partnerships } from '@server/db/schema/index.ts';
import { loadMatchSettings } from '@server/modules/matching/match-data.repository.ts';
import type { TPendingMails } from '@server/modules/notifications/notifications.service.ts';
import { createNotificationsService } from '@server/modules/notifications/notifications.service.ts';
import { professionalRolesIn } from '@server/modules/proposals/proposals.policy.ts';
import { createProposalsService } from '@server/modules/proposals/proposals.service.ts';
import { recordAudit } from '@server/platform/audit.ts';
import { AppError } from '@server/platform/errors.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import { requireActor, type TRequestContext } from '@server/platform/http/request-context.ts';
import { and, eq } from 'drizzle-orm';
import { presentAllocationDetail, presentAllocationListItem } from './allocations.presenter.ts';
import {
  allocationLinesOf,
  findAllocation,
  listAllocations,
  lockLine,
  pendingLineCount,
  professionalPartnerships,
  type TAllocationRow,
} from './allocations.repository.ts';

/** Candidates per opening that enter the plan: the best of each, as the Kandidater tab shows them. */
export const PLAN_CANDIDATES_PER_OPENING = 50;

/**
 * Allocation plans (issue 5 item 4): for a partnership's open openings, the proposals with the
 * largest total score within the limits (k per person, n per opening, minus what is under way),
 * among the people the job consultant sees. A person decides each line; an accepted line becomes
 * a proposal through the very same function as a single proposal, with all its checks.
 */
export function createAllocationsService(deps: TAppDeps) {
  const { db, clock, matchIndex } = deps;
  const proposalsService = createProposalsService(deps);
  const notifications = createNotificationsService(deps);
  const today = () => danishDate(clock.now());

  async function deny(ctx: TRequestContext, details: Record<string, unknown>, entityId?: string) {
    await recordAudit(db, ctx, { action: 'denied', entityType: 'allocation', entityId, details });
  }

  /** The plan, if the actor works with its partnership (404 otherwise, logged). */
  async function load(ctx: TRequestContext, id: string, action: string): Promise<TAllocationRow> {
    const actor = requireActor(ctx);
    const row = await findAllocation(db, id);
    if (
      !row ||
      professionalRolesIn(actor, { partnershipId: row.row.partnershipId, municipalityId: row.municipalityId })
        .length === 0
    ) {
      await deny(ctx, { action, reason: row ? 'no_access' : 'not_found' }, id);
      throw new AppError('NOT_FOUND');
    }
    return row;
  }

  const mayDecide = (ctx: TRequestContext, row: TAllocationRow) =>
    professionalRolesIn(requireActor(ctx), {
      partnershipId: row.row.partnershipId,
      municipalityId: row.municipalityId,
    }).includes('job_consultant');

  async function detail(ctx: TRequestContext, id: string): Promise<TAllocationDetail> {
    const row = await load(ctx, id, 'read');
    const lines = await allocationLinesOf(db, requireActor(ctx), today(), id);
    return presentAllocationDetail(row, lines, mayDecide(ctx, row) && row.row.status === 'open');
  }

  return {
    /** Computes and stores a plan; only a job consultant of the partnership does. */
    async create(ctx: TRequestContext, partnershipId: string): Promise<TAllocationDetail> {
      const actor = requireActor(ctx);
      const [partnership] = await db
        .select({ id: partnerships.id, municipalityId: partnerships.municipalityId })
        .from(partnerships)
        .where(eq(partnerships.id, partnershipId));
      const roles = partnership
        ? professionalRolesIn(actor, { partnershipId, municipalityId: partnership.municipalityId })
        : [];
      if (!partnership || roles.length === 0) {
        await deny(ctx, { action: 'create', partnershipId, reason: partnership ? 'no_access' : 'not_found' });
        throw new AppError('NOT_FOUND', 'Partnerskabet findes ikke, eller du har ikke adgang til det.');
      }
      if (!roles.includes('job_consultant')) {
        await deny(ctx, { action: 'create', partnershipId, reason: 'not_job_consultant' });
        throw new AppError('FORBIDDEN', 'Kun partnerskabets jobkonsulenter beregner en fordelingsplan.');
      }

      await matchIndex.refresh();
      const settings = await loadMatchSettings(db, partnershipId);
      const openOpenings = matchIndex.openOpenings(partnershipId);
      const edges: TAllocationEdge[] = [];
      const matches = new Map<string, TMatch>();
      const openingCapacity = new Map<string, number>();
      const residentCapacity = new Map<string, number>();
      for (const opening of openOpenings) {
        openingCapacity.set(
          opening.match.id,
          Math.max(0, settings.maxActiveProposalsPerOpening - opening.match.activeProposals),
        );
        const context = await matchIndex.contextForOpening(opening);
        const ranked = matchIndex.rankForViewer(actor, opening.match, context, PLAN_CANDIDATES_PER_OPENING);
        for (const m of ranked.candidates) {
          edges.push({ residentId: m.residentId, openingId: m.openingId, score: m.score });
          matches.set(pairKey(m.residentId, m.openingId), m);
          if (!residentCapacity.has(m.residentId)) {
            const active = matchIndex.resident(m.residentId)?.match.activeProposals ?? 0;
            residentCapacity.set(m.residentId, Math.max(0, settings.maxActiveProposalsPerResident - active));
          }
        }
      }
      const plan = allocateProposals({ edges, residentCapacity, openingCapacity });
      const now = clock.now();
      const id = await db.transaction(async (tx) => {
        const [created] = await tx
          .insert(allocations)
          .values({
            partnershipId,
            status: plan.lines.length === 0 ? 'closed' : 'open',
            settings,
            openingCount: openOpenings.length,
            candidateCount: residentCapacity.size,
            totalScore: plan.totalScore,
            createdBy: actor.userId,
            createdAt: now,
            closedAt: plan.lines.length === 0 ? now : null,
          })
          .returning({ id: allocations.id });
        const allocationId = created!.id;
        if (plan.lines.length > 0) {
          await tx.insert(allocationLines).values(
            plan.lines.map((l) => {
              const m = matches.get(pairKey(l.residentId, l.openingId))!;
              return {
                allocationId,
                openingId: l.openingId,
                residentId: l.residentId,
                score: l.score,
                scoreSnapshot: scoreSnapshotOf(m),
              };
            }),
          );
        }
        await recordAudit(tx, ctx, {
          action: 'create',
          entityType: 'allocation',
          entityId: allocationId,
          details: {
            partnershipId,
            lineCount: plan.lines.length,
            residentIds: [...new Set(plan.lines.map((l) => l.residentId))],
          },
        });
        return allocationId;
      });
      return detail(ctx, id);
    },

    /** The partnerships the actor may plan in (job consultant) or view plans of (social worker). */
    async partnerships(ctx: TRequestContext) {
      const actor = requireActor(ctx);
      const rows = await professionalPartnerships(db, actor);
      return rows.map((p) => ({
        id: p.id,
        name: p.name,
        canPlan: professionalRolesIn(actor, {
          partnershipId: p.id,
          municipalityId: p.municipalityId,
        }).includes('job_consultant'),
      }));
    },

    async list(
      ctx: TRequestContext,
      query: Parameters<typeof listAllocations>[2],
      filters: Parameters<typeof listAllocations>[3],
    ): Promise<TPage<TAllocationListItem>> {
      const page = await listAllocations(db, requireActor(ctx), query, filters);
      return { ...page, items: page.items.map(presentAllocationListItem) };
    },

    /** The plan with the lines about people the viewer sees; the read is logged. */
    async get(ctx: TRequestContext, id: string): Promise<TAllocationDetail> {
      const result = await detail(ctx, id);
      await recordAudit(db, ctx, {
        action: 'read',
        entityType: 'allocation',
        entityId: id,
        details: { residentIds: result.lines.map((l) => l.residentId) },
      });
      return result;
    },

    /**
     * Accepts or rejects one line. Accepting proposes the person exactly as POST /api/proposals
     * would; when the line has gone stale (consent withdrawn, limit reached, already proposed)
     * that answers 409 with the reason and the line stays pending. The plan closes when every
     * line is decided.
     */
    async decide(
      ctx: TRequestContext,
      id: string,
      lineId: string,
      decision: 'accepted' | 'rejected',
    ): Promise<TAllocationDetail> {
      const actor = requireActor(ctx);
      const row = await load(ctx, id, 'update');
      if (!mayDecide(ctx, row)) {
        await deny(ctx, { action: 'decide', reason: 'not_job_consultant' }, id);
        throw new AppError('FORBIDDEN', 'Kun partnerskabets jobkonsulenter beslutter planens linjer.');
      }
      if (row.row.status !== 'open') throw new AppError('CONFLICT', 'Fordelingsplanen er afsluttet.');
      let pending: TPendingMails = { mailIds: [] };
      await db.transaction(async (tx) => {
        const line = await lockLine(tx, id, lineId);
        if (!line) throw new AppError('NOT_FOUND');
        if (line.decision !== 'pending') throw new AppError('CONFLICT', 'Linjen er allerede besluttet.');
        const now = clock.now();
        let proposalId: string | null = null;
        if (decision === 'accepted') {
          const made = await proposalsService.proposeInTx(
            tx,
            ctx,
            { openingId: line.openingId, residentId: line.residentId, note: null },
            { source: 'allocation', allocationLineId: line.id },
          );
          proposalId = made.id;
          pending = made.pending;
        }
        await tx
          .update(allocationLines)
          .set({ decision, decidedBy: actor.userId, decidedAt: now, proposalId })
          .where(eq(allocationLines.id, line.id));
        await recordAudit(tx, ctx, {
          action: 'update',
          entityType: 'allocation_line',
          entityId: line.id,
          details: { allocationId: id, residentId: line.residentId, decision, proposalId },
        });
        if ((await pendingLineCount(tx, id)) === 0) {
          await tx
            .update(allocations)
            .set({ status: 'closed', closedAt: now })
            .where(and(eq(allocations.id, id), eq(allocations.status, 'open')));
        }
      });
      await notifications.dispatch(pending);
      return detail(ctx, id);
    },
  };
}
