import type { TPage } from '@domain/common.schema.ts';
import type {
  TMilestone,
  TMilestoneInput,
  TMilestoneListQuery,
  TMilestoneUpdate,
} from '@domain/steering.schema.ts';
import { danishDate } from '@domain/time.ts';
import { findPartnership } from '@server/modules/bias-report/bias-report.repository.ts';
import { recordAudit } from '@server/platform/audit.ts';
import { loadMemberships } from '@server/platform/auth/actor.repository.ts';
import { AppError, fieldError } from '@server/platform/errors.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import type { TRequestContext } from '@server/platform/http/request-context.ts';
import { authorize } from '@server/platform/policy.ts';
import { presentMilestone } from './milestones.presenter.ts';
import {
  deleteMilestone,
  findMilestone,
  insertMilestone,
  listMilestones,
  type TMilestoneRow,
  type TMilestoneWrite,
  updateMilestone,
} from './milestones.repository.ts';

/**
 * The plan's milestones (issue 7 item 7; seed 000's pilot milestones): date, owner, status. All
 * staff read them. A partnership's milestones are kept by its steering group and the
 * secretariat; the whole programme's (no partnership) by the secretariat alone (domain/policy.ts).
 */
export function createMilestonesService(deps: TAppDeps) {
  const { db, clock } = deps;
  const today = () => danishDate(clock.now());

  async function milestoneOr404(id: string): Promise<TMilestoneRow> {
    const found = await findMilestone(db, id);
    if (!found) throw new AppError('NOT_FOUND', 'Milepælen findes ikke.');
    return found;
  }

  /** Done: on the day given (not after today), or today. Any other status has no such day. */
  async function checked(input: TMilestoneUpdate, partnershipId: string | null): Promise<TMilestoneWrite> {
    const day = today();
    let completedOn: string | null = null;
    if (input.status === 'done') {
      completedOn = input.completedOn ?? day;
      if (completedOn > day) throw fieldError('completedOn', 'Datoen kan ikke ligge efter i dag.');
    }
    if (input.ownerUserId) {
      const memberships = (await loadMemberships(db, [input.ownerUserId])).get(input.ownerUserId) ?? [];
      const fits = memberships.some(
        (m) =>
          m.role === 'admin' ||
          (m.role !== 'company_contact' && (partnershipId === null || m.partnershipId === partnershipId)),
      );
      if (!fits) {
        throw fieldError(
          'ownerUserId',
          partnershipId === null
            ? 'Den ansvarlige skal være en bruger i Jobbro.'
            : 'Den ansvarlige skal være en bruger i partnerskabet.',
        );
      }
    }
    return {
      title: input.title,
      description: input.description,
      dueDate: input.dueDate,
      ownerName: input.ownerName,
      ownerUserId: input.ownerUserId,
      status: input.status,
      completedOn,
      note: input.note,
    };
  }

  return {
    async list(ctx: TRequestContext, query: TMilestoneListQuery): Promise<TPage<TMilestone>> {
      await authorize(db, ctx, 'list', { kind: 'milestone' });
      const page = await listMilestones(db, query);
      const day = today();
      return { ...page, items: page.items.map((m) => presentMilestone(m, day)) };
    },

    async create(ctx: TRequestContext, input: TMilestoneInput): Promise<TMilestone> {
      if (input.partnershipId && !(await findPartnership(db, input.partnershipId))) {
        throw fieldError('partnershipId', 'Partnerskabet findes ikke.');
      }
      await authorize(db, ctx, 'create', { kind: 'milestone', partnershipId: input.partnershipId });
      const write = await checked(input, input.partnershipId);
      const id = await db.transaction(async (tx) => {
        const created = await insertMilestone(
          tx,
          { ...write, partnershipId: input.partnershipId },
          clock.now(),
        );
        await recordAudit(tx, ctx, {
          action: 'create',
          entityType: 'milestone',
          entityId: created,
          details: { partnershipId: input.partnershipId, status: write.status },
        });
        return created;
      });
      return presentMilestone(await milestoneOr404(id), today());
    },

    async update(ctx: TRequestContext, id: string, input: TMilestoneUpdate): Promise<TMilestone> {
      const found = await milestoneOr404(id);
      await authorize(db, ctx, 'update', { kind: 'milestone', partnershipId: found.partnershipId });
      const write = await checked(input, found.partnershipId);
      await db.transaction(async (tx) => {
        await updateMilestone(tx, found.id, write, clock.now());
        await recordAudit(tx, ctx, {
          action: 'update',
          entityType: 'milestone',
          entityId: found.id,
          details: { status: write.status, from: found.status },
        });
      });
      return presentMilestone(await milestoneOr404(id), today());
    },

    async remove(ctx: TRequestContext, id: string): Promise<void> {
      const found = await milestoneOr404(id);
      await authorize(db, ctx, 'delete', { kind: 'milestone', partnershipId: found.partnershipId });
      await db.transaction(async (tx) => {
        await deleteMilestone(tx, found.id);
        await recordAudit(tx, ctx, {
          action: 'delete',
          entityType: 'milestone',
          entityId: found.id,
          details: { partnershipId: found.partnershipId, title: found.title },
        });
      });
    },
  };
}
