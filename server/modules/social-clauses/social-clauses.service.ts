import type { TPage } from '@domain/common.schema.ts';
import {
  CLAUSE_KIND_LABEL_DA,
  type TSocialClauseListItem,
  type TSocialClauseListQuery,
  ZSocialClauseFields,
  ZSocialClauseInput,
} from '@domain/social-clause.schema.ts';
import { danishDate } from '@domain/time.ts';
import type { TDbOrTx } from '@server/db/client.ts';
import { socialClauses } from '@server/db/schema/index.ts';
import {
  assignmentResource,
  findAssignment,
  isHousingStaffOf,
  notificationRecipients,
} from '@server/modules/assignments/assignments.repository.ts';
import { createNotificationsService } from '@server/modules/notifications/notifications.service.ts';
import { recordAudit } from '@server/platform/audit.ts';
import { listWindow } from '@server/platform/crud/list-query.ts';
import { AppError, fieldError, fieldsFromIssues } from '@server/platform/errors.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import { requireActor, type TRequestContext } from '@server/platform/http/request-context.ts';
import { authorize } from '@server/platform/policy.ts';
import { eq } from 'drizzle-orm';
import { withProgress } from './clause-fulfilment.ts';
import { presentClauseListItem } from './social-clauses.presenter.ts';
import {
  clauseInUse,
  clauseResource,
  clearBehindNotified,
  findClause,
  listClauses,
  markBehindNotified,
  startedClauses,
  type TClauseRow,
} from './social-clauses.repository.ts';

const NOT_STAFF = 'Vælg en medarbejder i boligorganisationen.';

/**
 * Social clauses (issue 3 item 5): what a company committed to in an assignment, with progress
 * counted from placements (clause-fulfilment.ts) against the pro-rata expectation for today.
 */
export function createSocialClausesService(deps: TAppDeps) {
  const { db, clock } = deps;
  const today = () => danishDate(clock.now());

  async function load(tx: TDbOrTx, id: string): Promise<TClauseRow> {
    const row = await findClause(tx, id);
    if (!row) throw new AppError('NOT_FOUND');
    return row;
  }

  async function loadAuthorized(ctx: TRequestContext, action: 'read' | 'update' | 'delete', id: string) {
    const row = await load(db, id);
    await authorize(db, ctx, action, clauseResource(row));
    return row;
  }

  async function detail(tx: TDbOrTx, id: string): Promise<TSocialClauseListItem> {
    const [withIt] = await withProgress(tx, [await load(tx, id)], today());
    return presentClauseListItem(withIt!);
  }

  /** The responsible person must be active housing staff of the assignment's organisation. */
  async function checkResponsible(housingOrganisationId: string, userId: string | null) {
    if (userId && !(await isHousingStaffOf(db, housingOrganisationId, userId))) {
      throw fieldError('responsibleUserId', NOT_STAFF);
    }
  }

  return {
    /**
     * Scoped to the actor. The status is computed from placements, not stored: with a status
     * filter every matching clause is assessed and the page cut afterwards (clauses are few).
     */
    async list(ctx: TRequestContext, query: TSocialClauseListQuery): Promise<TPage<TSocialClauseListItem>> {
      const actor = requireActor(ctx);
      const { q, sort, dir, page, pageSize, limit, offset, status, ...filters } = query;
      const window = listWindow({ page, pageSize, limit, offset });
      const day = today();
      const pageOf = { page: Math.floor(window.offset / window.limit) + 1, pageSize: window.limit };
      if (status) {
        const { rows } = await listClauses(db, actor, { q, sort, dir }, filters, null);
        const matching = (await withProgress(db, rows, day)).filter((c) => c.progress.status === status);
        return {
          items: matching.slice(window.offset, window.offset + window.limit).map(presentClauseListItem),
          total: matching.length,
          ...pageOf,
        };
      }
      const { rows, total } = await listClauses(db, actor, { q, sort, dir }, filters, window);
      return { items: (await withProgress(db, rows, day)).map(presentClauseListItem), total, ...pageOf };
    },

    async get(ctx: TRequestContext, id: string): Promise<TSocialClauseListItem> {
      await loadAuthorized(ctx, 'read', id);
      return detail(db, id);
    },

    /** Period defaults to the assignment's; the responsible person to the creator (if staff there). */
    async create(ctx: TRequestContext, body: unknown): Promise<TSocialClauseListItem> {
      const actor = requireActor(ctx);
      const input = ZSocialClauseInput.parse(body);
      const assignment = await findAssignment(db, input.assignmentId);
      if (!assignment) throw fieldError('assignmentId', 'Ukendt opgave.');
      await authorize(db, ctx, 'create', assignmentResource(assignment, 'social_clause'));
      const orgId = assignment.row.housingOrganisationId;
      const periodStart = input.periodStart ?? assignment.row.startDate;
      const periodEnd = input.periodEnd ?? assignment.row.endDate;
      if (periodEnd < periodStart) {
        throw input.periodEnd
          ? fieldError('periodEnd', 'Slutdatoen skal ligge efter startdatoen.')
          : fieldError('periodStart', 'Startdatoen skal ligge før opgavens slutdato.');
      }
      await checkResponsible(orgId, input.responsibleUserId);
      const responsibleUserId =
        input.responsibleUserId ?? ((await isHousingStaffOf(db, orgId, actor.userId)) ? actor.userId : null);
      const now = clock.now();
      const id = await db.transaction(async (tx) => {
        const [created] = await tx
          .insert(socialClauses)
          .values({
            assignmentId: assignment.row.id,
            kind: input.kind,
            description: input.description,
            targetQuantity: input.targetQuantity,
            periodStart,
            periodEnd,
            responsibleUserId,
            createdBy: actor.userId,
            createdAt: now,
            updatedAt: now,
          })
          .returning({ id: socialClauses.id });
        await recordAudit(tx, ctx, { action: 'create', entityType: 'social_clause', entityId: created!.id });
        return created!.id;
      });
      return detail(db, id);
    },

    /** Partial update merged with the stored clause and validated as a whole; it stays on its assignment. */
    async update(
      ctx: TRequestContext,
      id: string,
      patch: Record<string, unknown>,
    ): Promise<TSocialClauseListItem> {
      const current = await loadAuthorized(ctx, 'update', id);
      if (patch.assignmentId !== undefined && patch.assignmentId !== current.assignmentId) {
        throw fieldError('assignmentId', 'En klausul kan ikke flyttes til en anden opgave.');
      }
      const stored: Record<string, unknown> = { ...current };
      const merged = ZSocialClauseInput.safeParse({
        ...Object.fromEntries(Object.keys(ZSocialClauseFields.shape).map((k) => [k, stored[k]])),
        ...patch,
        assignmentId: current.assignmentId,
      });
      if (!merged.success) {
        throw new AppError('VALIDATION_FAILED', undefined, fieldsFromIssues(merged.error.issues));
      }
      const { assignmentId: _a, ...fields } = merged.data;
      if (fields.responsibleUserId !== current.responsibleUserId) {
        await checkResponsible(current.housingOrganisationId, fields.responsibleUserId);
      }
      await db.transaction(async (tx) => {
        await tx
          .update(socialClauses)
          .set({
            ...fields,
            // Both ends are stored; a patch that clears one falls back to the stored value.
            periodStart: fields.periodStart ?? current.periodStart,
            periodEnd: fields.periodEnd ?? current.periodEnd,
            updatedAt: clock.now(),
          })
          .where(eq(socialClauses.id, id));
        await recordAudit(tx, ctx, {
          action: 'update',
          entityType: 'social_clause',
          entityId: id,
          details: { fields: Object.keys(patch) },
        });
      });
      return detail(db, id);
    },

    /** Refused while placements or openings count on the clause. */
    async remove(ctx: TRequestContext, id: string): Promise<void> {
      await loadAuthorized(ctx, 'delete', id);
      await db.transaction(async (tx) => {
        if (await clauseInUse(tx, id)) {
          throw new AppError(
            'IN_USE',
            'Klausulen kan ikke slettes, fordi ansættelser eller jobåbninger tæller med i den.',
          );
        }
        await tx.delete(socialClauses).where(eq(socialClauses.id, id));
        await recordAudit(tx, ctx, { action: 'delete', entityType: 'social_clause', entityId: id });
      });
    },
  };
}

/**
 * The daily check (07:00 Danish time): a clause that has fallen behind tells its responsible
 * person (or, without an active one, the organisation's housing staff) once; a clause back on
 * track is re-armed, so falling behind again tells them again.
 */
export async function notifyClausesBehind(deps: TAppDeps): Promise<number> {
  const now = deps.clock.now();
  const today = danishDate(now);
  const notifications = createNotificationsService(deps);
  const clauses = await withProgress(deps.db, await startedClauses(deps.db, today), today);
  let notified = 0;
  for (const c of clauses) {
    const behind = c.progress.status === 'behind';
    if (!behind) {
      if (c.behindNotifiedAt) await clearBehindNotified(deps.db, c.id);
      continue;
    }
    if (c.behindNotifiedAt) continue;
    const pending = await deps.db.transaction(async (tx) => {
      if (!(await markBehindNotified(tx, c.id, now))) return null;
      return notifications.notify(tx, {
        recipientIds: await notificationRecipients(tx, c.housingOrganisationId, c.responsibleUserId),
        params: {
          kind: 'clause_behind',
          assignmentTitle: c.assignmentTitle,
          clauseLabel: CLAUSE_KIND_LABEL_DA[c.kind],
          expected: Math.round(c.progress.expectedByToday * 10) / 10,
          actual: c.progress.fulfilled,
        },
        link: `/assignments/${c.assignmentId}`,
        entity: { type: 'social_clause', id: c.id },
      });
    });
    if (!pending) continue;
    await notifications.dispatch(pending);
    notified++;
  }
  return notified;
}
