import {
  type TAssignmentCreated,
  type TAssignmentDetail,
  type TAssignmentListItem,
  type TAssignmentListQuery,
  type TStaffRef,
  ZAssignmentFields,
  ZAssignmentInput,
} from '@domain/assignment.schema.ts';
import type { TPage } from '@domain/common.schema.ts';
import { can, type TActor } from '@domain/policy.ts';
import { danishDate } from '@domain/time.ts';
import type { TDbOrTx } from '@server/db/client.ts';
import { assignmentAreas, assignments } from '@server/db/schema/index.ts';
import { findCompany } from '@server/modules/companies/companies.repository.ts';
import { insertDialogue } from '@server/modules/job-dialogues/job-dialogues.repository.ts';
import { withProgress } from '@server/modules/social-clauses/clause-fulfilment.ts';
import { recordAudit } from '@server/platform/audit.ts';
import { listWindow } from '@server/platform/crud/list-query.ts';
import { AppError, fieldError, fieldsFromIssues } from '@server/platform/errors.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import { requireActor, type TRequestContext } from '@server/platform/http/request-context.ts';
import { authorize } from '@server/platform/policy.ts';
import { eq } from 'drizzle-orm';
import { presentAssignmentDetail, presentAssignmentListItem } from './assignments.presenter.ts';
import {
  areasOf,
  assignmentInUse,
  assignmentResource,
  clausesOf,
  companyWorksIn,
  findAssignment,
  findOrganisation,
  housingStaffOf,
  linkAreas,
  listAssignments,
  openDialogueCounts,
  openingCount,
  type TAssignmentRow,
} from './assignments.repository.ts';

const FOREIGN_AREA = 'Et af boligområderne hører ikke til boligorganisationen.';

/**
 * Assignments (issue 3 item 2): work a housing organisation buys. Saving one starts the job
 * dialogue about it, due today and held by the person who saved it (seed 001's method).
 */
export function createAssignmentsService(deps: TAppDeps) {
  const { db, clock } = deps;
  const today = () => danishDate(clock.now());

  async function load(tx: TDbOrTx, id: string): Promise<TAssignmentRow> {
    const row = await findAssignment(tx, id);
    if (!row) throw new AppError('NOT_FOUND');
    return row;
  }

  async function loadAuthorized(ctx: TRequestContext, action: 'read' | 'update' | 'delete', id: string) {
    const row = await load(db, id);
    await authorize(db, ctx, action, assignmentResource(row));
    return row;
  }

  async function detail(tx: TDbOrTx, id: string): Promise<TAssignmentDetail> {
    const row = await load(tx, id);
    const areas = (await areasOf(tx, [id])).get(id) ?? [];
    const clauses = await withProgress(tx, await clausesOf(tx, [id]), today());
    return presentAssignmentDetail(row, areas, clauses, await openingCount(tx, id));
  }

  /** The organisation given, else the creator's own (when it has exactly one). */
  async function organisationFor(actor: TActor, requested: string | null) {
    const own = [
      ...new Set(
        actor.memberships.filter((m) => m.role === 'housing_staff' && m.scopeId).map((m) => m.scopeId!),
      ),
    ];
    const id = requested ?? (own.length === 1 ? own[0]! : null);
    if (!id) throw fieldError('housingOrganisationId', 'Vælg boligorganisationen.');
    const org = await findOrganisation(db, id);
    if (!org) throw fieldError('housingOrganisationId', 'Ukendt boligorganisation.');
    return org;
  }

  return {
    /** Scoped to the actor, with each row's clauses behind and dialogues wanting action. */
    async list(ctx: TRequestContext, query: TAssignmentListQuery): Promise<TPage<TAssignmentListItem>> {
      const actor = requireActor(ctx);
      const { q, sort, dir, page, pageSize, limit, offset, ...filters } = query;
      const result = await listAssignments(
        db,
        actor,
        { q, sort, dir, ...listWindow({ page, pageSize, limit, offset }) },
        filters,
      );
      const ids = result.items.map((r) => r.row.id);
      const day = today();
      const areas = await areasOf(db, ids);
      const clauses = await withProgress(db, await clausesOf(db, ids), day);
      const open = await openDialogueCounts(db, ids, day);
      return {
        ...result,
        items: result.items.map((r) => {
          const own = clauses.filter((c) => c.assignmentId === r.row.id);
          // Dialogues are the organisation's own: a company contact does not learn of them.
          const seesDialogues = can(actor, 'read', assignmentResource(r, 'job_dialogue'));
          return presentAssignmentListItem(r, areas.get(r.row.id) ?? [], {
            clauseCount: own.length,
            clausesBehind: own.filter((c) => c.progress.status === 'behind').length,
            openDialogues: seesDialogues ? (open.get(r.row.id) ?? 0) : 0,
          });
        }),
      };
    },

    async get(ctx: TRequestContext, id: string): Promise<TAssignmentDetail> {
      await loadAuthorized(ctx, 'read', id);
      return detail(db, id);
    },

    /**
     * The assignment, its areas and its first job dialogue (due today, held by the creator) in
     * one transaction: a refused area stores nothing.
     */
    async create(ctx: TRequestContext, body: unknown): Promise<TAssignmentCreated> {
      const actor = requireActor(ctx);
      const input = ZAssignmentInput.parse(body);
      const org = await organisationFor(actor, input.housingOrganisationId);
      await authorize(db, ctx, 'create', {
        kind: 'assignment',
        housingOrganisationId: org.id,
        partnershipId: org.partnershipId,
        municipalityId: org.municipalityId,
        companyId: input.companyId,
      });
      const company = await findCompany(db, input.companyId);
      if (!company) throw fieldError('companyId', 'Ukendt virksomhed.');
      if (!(await companyWorksIn(db, company.id, org.partnershipId))) {
        throw fieldError('companyId', 'Virksomheden arbejder ikke i boligorganisationens partnerskab.');
      }
      const now = clock.now();
      const { id, jobDialogueId } = await db.transaction(async (tx) => {
        const { housingAreaIds, housingOrganisationId: _o, ...fields } = input;
        const [created] = await tx
          .insert(assignments)
          .values({
            ...fields,
            partnershipId: org.partnershipId,
            housingOrganisationId: org.id,
            createdBy: actor.userId,
            createdAt: now,
            updatedAt: now,
          })
          .returning({ id: assignments.id });
        const assignmentId = created!.id;
        if (!(await linkAreas(tx, assignmentId, org.id, housingAreaIds))) {
          throw fieldError('housingAreaIds', FOREIGN_AREA);
        }
        const dialogueId = await insertDialogue(tx, {
          assignmentId,
          dueDate: danishDate(now),
          assignedTo: actor.userId,
          byUserId: actor.userId,
          at: now,
        });
        await recordAudit(tx, ctx, { action: 'create', entityType: 'assignment', entityId: assignmentId });
        await recordAudit(tx, ctx, { action: 'create', entityType: 'job_dialogue', entityId: dialogueId });
        return { id: assignmentId, jobDialogueId: dialogueId };
      });
      return { ...(await detail(db, id)), jobDialogueId };
    },

    /** Partial update merged with the stored assignment and validated as a whole. */
    async update(
      ctx: TRequestContext,
      id: string,
      patch: Record<string, unknown>,
    ): Promise<TAssignmentDetail> {
      const current = await loadAuthorized(ctx, 'update', id);
      const a = current.row;
      if (patch.companyId !== undefined && patch.companyId !== a.companyId) {
        throw fieldError('companyId', 'Virksomheden kan ikke ændres på en opgave.');
      }
      if (
        patch.housingOrganisationId !== undefined &&
        patch.housingOrganisationId !== null &&
        patch.housingOrganisationId !== a.housingOrganisationId
      ) {
        throw fieldError('housingOrganisationId', 'Boligorganisationen kan ikke ændres på en opgave.');
      }
      const areaIds = ((await areasOf(db, [id])).get(id) ?? []).map((x) => x.id);
      const stored: Record<string, unknown> = { ...a, housingAreaIds: areaIds };
      const merged = ZAssignmentInput.safeParse({
        ...Object.fromEntries(Object.keys(ZAssignmentFields.shape).map((k) => [k, stored[k]])),
        ...patch,
        companyId: a.companyId,
        housingOrganisationId: a.housingOrganisationId,
      });
      if (!merged.success) {
        throw new AppError('VALIDATION_FAILED', undefined, fieldsFromIssues(merged.error.issues));
      }
      const { housingAreaIds, companyId: _c, housingOrganisationId: _o, ...fields } = merged.data;
      await db.transaction(async (tx) => {
        await tx
          .update(assignments)
          .set({ ...fields, updatedAt: clock.now() })
          .where(eq(assignments.id, id));
        if (patch.housingAreaIds !== undefined) {
          await tx.delete(assignmentAreas).where(eq(assignmentAreas.assignmentId, id));
          if (!(await linkAreas(tx, id, a.housingOrganisationId, housingAreaIds))) {
            throw fieldError('housingAreaIds', FOREIGN_AREA);
          }
        }
        await recordAudit(tx, ctx, {
          action: 'update',
          entityType: 'assignment',
          entityId: id,
          details: { fields: Object.keys(patch) },
        });
      });
      return detail(db, id);
    },

    /** Deleting takes its dialogues and clauses along; refused while openings or placements count on it. */
    async remove(ctx: TRequestContext, id: string): Promise<void> {
      await loadAuthorized(ctx, 'delete', id);
      await db.transaction(async (tx) => {
        if (await assignmentInUse(tx, id)) {
          throw new AppError(
            'IN_USE',
            'Opgaven kan ikke slettes, fordi jobåbninger eller ansættelser hører til den.',
          );
        }
        await tx.delete(assignments).where(eq(assignments.id, id));
        await recordAudit(tx, ctx, { action: 'delete', entityType: 'assignment', entityId: id });
      });
    },

    /** Who a dialogue or a clause can be given to: the organisation's active housing staff. */
    async staff(ctx: TRequestContext, id: string): Promise<TStaffRef[]> {
      const row = await loadAuthorized(ctx, 'read', id);
      // Names of the organisation's staff are for the organisation's partners, not the company.
      await authorize(db, ctx, 'read', assignmentResource(row, 'job_dialogue'));
      const staff = await housingStaffOf(db, row.row.housingOrganisationId);
      // A list of people: logged like every read of user data.
      await recordAudit(db, ctx, {
        action: 'read',
        entityType: 'user',
        details: { housingOrganisationId: row.row.housingOrganisationId, resultCount: staff.length },
      });
      return staff.map(({ id: userId, name }) => ({ id: userId, name }));
    },
  };
}
