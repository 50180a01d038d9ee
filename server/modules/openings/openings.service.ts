import type { TListQuery, TPage } from '@domain/common.schema.ts';
import {
  canTransition,
  isFinalStatus,
  OPENING_STATUS_LABEL_DA,
  type TOpening,
  type TOpeningDetail,
  type TOpeningInput,
  type TOpeningListItem,
  type TOpeningStatus,
  ZOpeningCreate,
  ZOpeningFields,
  ZOpeningInput,
} from '@domain/opening.schema.ts';
import { OPENING_TYPE_INFO } from '@domain/opening-types.ts';
import { can, type TActor, type TResource } from '@domain/policy.ts';
import type { TDbOrTx } from '@server/db/client.ts';
import {
  companyPartnerships,
  housingAreas,
  jobDialogues,
  openingReferrals,
  openingStatusChanges,
  openings,
  partnerships,
} from '@server/db/schema/index.ts';
import {
  assignmentResource,
  findAssignment,
  type TAssignmentRow,
} from '@server/modules/assignments/assignments.repository.ts';
import { findCompany } from '@server/modules/companies/companies.repository.ts';
import {
  dialogueResource,
  findDialogue,
  insertEvent,
  type TDialogueRow,
} from '@server/modules/job-dialogues/job-dialogues.repository.ts';
import { DIALOGUE_HAS_OPENING } from '@server/modules/job-dialogues/job-dialogues.service.ts';
import {
  createNotificationsService,
  type TPendingMails,
} from '@server/modules/notifications/notifications.service.ts';
import { clauseResource, findClause } from '@server/modules/social-clauses/social-clauses.repository.ts';
import { recordAudit } from '@server/platform/audit.ts';
import { AppError, fieldError, fieldsFromIssues } from '@server/platform/errors.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import type { TRequestContext } from '@server/platform/http/request-context.ts';
import { authorize } from '@server/platform/policy.ts';
import { and, eq, isNull } from 'drizzle-orm';
import { presentOpening, presentOpeningDetail, presentOpeningListItem } from './openings.presenter.ts';
import {
  findOpening,
  listOpenings,
  referralRecipients,
  referralsOf,
  statusHistory,
  type TOpeningFilters,
  type TOpeningRow,
} from './openings.repository.ts';

function resourceOf(r: TOpeningRow): Extract<TResource, { kind: 'opening' }> {
  return {
    kind: 'opening',
    id: r.row.id,
    partnershipId: r.row.partnershipId,
    municipalityId: r.municipalityId,
    companyId: r.row.companyId,
    housingOrganisationId: r.row.housingOrganisationId,
  };
}

/** One step of an opening's status history, by the acting user, at the request's time. */
export async function recordOpeningStatus(
  tx: TDbOrTx,
  ctx: TRequestContext,
  openingId: string,
  from: TOpeningStatus | null,
  to: TOpeningStatus,
  note: string | null,
): Promise<void> {
  await tx.insert(openingStatusChanges).values({
    openingId,
    fromStatus: from,
    toStatus: to,
    byUserId: ctx.actor?.userId ?? null,
    at: ctx.clock.now(),
    note,
  });
}

/**
 * Moves an opening along as a consequence of other work (its first proposal moves it from
 * "referred" to "proposals"), recorded and audited like a manual change; nothing happens when
 * the transition table does not allow the move from the current status.
 */
export async function advanceOpeningStatus(
  tx: TDbOrTx,
  ctx: TRequestContext,
  openingId: string,
  from: TOpeningStatus,
  to: TOpeningStatus,
  note: string,
): Promise<boolean> {
  if (!canTransition(from, to)) return false;
  const updated = await tx
    .update(openings)
    .set({ status: to, updatedAt: ctx.clock.now() })
    .where(and(eq(openings.id, openingId), eq(openings.status, from)))
    .returning({ id: openings.id });
  if (updated.length === 0) return false;
  await recordOpeningStatus(tx, ctx, openingId, from, to, note);
  await recordAudit(tx, ctx, {
    action: 'update',
    entityType: 'opening',
    entityId: openingId,
    details: { status: { from, to } },
  });
  return true;
}

/**
 * Openings and the instant dual referral (seed 001): creating an opening notifies the job
 * consultant(s) and housing social worker(s) of its partnership in the same transaction.
 */
export function createOpeningsService(deps: TAppDeps) {
  const { db, clock } = deps;
  const notifications = createNotificationsService(deps);

  async function load(tx: TDbOrTx, id: string): Promise<TOpeningRow> {
    const row = await findOpening(tx, id);
    if (!row) throw new AppError('NOT_FOUND');
    return row;
  }

  /**
   * The assignment, clause and job dialogue an opening comes of, checked against its company and
   * what the actor may see: a clause names its assignment, and so does a dialogue.
   */
  async function resolveLinks(
    tx: TDbOrTx,
    actor: TActor,
    companyId: string,
    want: { assignmentId: string | null; socialClauseId: string | null; jobDialogueId?: string | null },
  ): Promise<{ assignment: TAssignmentRow | null; dialogue: TDialogueRow | null }> {
    let assignmentId = want.assignmentId;
    // The field to blame when the assignment turns out wrong: the one it came from.
    let source = 'assignmentId';
    let dialogue: TDialogueRow | null = null;
    if (want.jobDialogueId) {
      dialogue = (await findDialogue(tx, want.jobDialogueId)) ?? null;
      if (!dialogue || !can(actor, 'read', dialogueResource(dialogue))) {
        throw fieldError('jobDialogueId', 'Ukendt jobdialog.');
      }
      if (dialogue.companyId !== companyId) {
        throw fieldError('jobDialogueId', 'Jobdialogen handler om en anden virksomhed.');
      }
      if (dialogue.row.openingId) {
        throw new AppError('CONFLICT', DIALOGUE_HAS_OPENING, { jobDialogueId: DIALOGUE_HAS_OPENING });
      }
      if (assignmentId && assignmentId !== dialogue.row.assignmentId) {
        throw fieldError('assignmentId', 'Jobdialogen handler om en anden opgave.');
      }
      assignmentId = dialogue.row.assignmentId;
      source = 'jobDialogueId';
    }
    if (want.socialClauseId) {
      const clause = await findClause(tx, want.socialClauseId);
      if (!clause || !can(actor, 'read', clauseResource(clause))) {
        throw fieldError('socialClauseId', 'Ukendt social klausul.');
      }
      if (assignmentId && clause.assignmentId !== assignmentId) {
        throw fieldError('socialClauseId', 'Klausulen hører til en anden opgave.');
      }
      if (!assignmentId) source = 'socialClauseId';
      assignmentId = clause.assignmentId;
    }
    if (!assignmentId) return { assignment: null, dialogue };
    const assignment = (await findAssignment(tx, assignmentId)) ?? null;
    if (!assignment || !can(actor, 'read', assignmentResource(assignment))) {
      throw fieldError(source, 'Ukendt opgave.');
    }
    if (assignment.row.companyId !== companyId) {
      throw fieldError(source, 'Opgaven er købt hos en anden virksomhed.');
    }
    return { assignment, dialogue };
  }

  /** The opening's partnership: its assignment's, else given, else the creator's, else the company's only one. */
  async function resolvePartnership(
    tx: TDbOrTx,
    actor: TActor,
    input: TOpeningInput,
    assignment: TAssignmentRow | null,
  ) {
    if (assignment) {
      if (input.partnershipId && input.partnershipId !== assignment.row.partnershipId) {
        throw fieldError('partnershipId', 'Opgaven hører til et andet partnerskab.');
      }
      return { id: assignment.row.partnershipId, municipalityId: assignment.municipalityId };
    }
    const linked = await tx
      .select({ id: partnerships.id, municipalityId: partnerships.municipalityId })
      .from(companyPartnerships)
      .innerJoin(partnerships, eq(partnerships.id, companyPartnerships.partnershipId))
      .where(eq(companyPartnerships.companyId, input.companyId));
    const own = actor.memberships.map((m) => m.partnershipId).filter((p): p is string => p !== null);
    const ownMunicipalities = actor.memberships
      .map((m) => m.municipalityId)
      .filter((p): p is string => p !== null);
    const candidates = input.partnershipId
      ? linked.filter((p) => p.id === input.partnershipId)
      : linked.filter((p) => own.includes(p.id) || ownMunicipalities.includes(p.municipalityId));
    const chosen =
      candidates.length === 1
        ? candidates[0]
        : !input.partnershipId && linked.length === 1
          ? linked[0]
          : undefined;
    if (!chosen) {
      throw fieldError(
        'partnershipId',
        input.partnershipId
          ? 'Virksomheden er ikke tilknyttet det valgte partnerskab.'
          : 'Vælg hvilket partnerskab jobåbningen hører til.',
      );
    }
    return chosen;
  }

  /** The dialogue an opening came of: "opening now", linked to the opening. */
  async function closeDialogue(tx: TDbOrTx, ctx: TRequestContext, dialogue: TDialogueRow, openingId: string) {
    const now = clock.now();
    const linked = await tx
      .update(jobDialogues)
      .set({ openingId, outcome: 'opening_now', reminderDate: null, noReason: null, updatedAt: now })
      .where(and(eq(jobDialogues.id, dialogue.row.id), isNull(jobDialogues.openingId)))
      .returning({ id: jobDialogues.id });
    if (linked.length === 0) {
      throw new AppError('CONFLICT', DIALOGUE_HAS_OPENING, { jobDialogueId: DIALOGUE_HAS_OPENING });
    }
    if (dialogue.row.outcome !== 'opening_now') {
      await insertEvent(tx, {
        jobDialogueId: dialogue.row.id,
        kind: 'outcome',
        outcome: 'opening_now',
        askedKinds: dialogue.row.askedKinds,
        byUserId: ctx.actor?.userId ?? null,
        at: now,
      });
    }
    await recordAudit(tx, ctx, {
      action: 'update',
      entityType: 'job_dialogue',
      entityId: dialogue.row.id,
      details: { openingId },
    });
  }

  const recordStatus = recordOpeningStatus;

  return {
    async list(
      ctx: TRequestContext,
      query: TListQuery,
      filters: TOpeningFilters,
    ): Promise<TPage<TOpeningListItem>> {
      const page = await listOpenings(db, ctx.actor!, query, filters);
      return { ...page, items: page.items.map(presentOpeningListItem) };
    },

    /** The opening with its referrals and history; the company's contact person is personal data. */
    async get(ctx: TRequestContext, id: string): Promise<TOpeningDetail> {
      const row = await load(db, id);
      await authorize(db, ctx, 'read', resourceOf(row));
      await recordAudit(db, ctx, { action: 'read', entityType: 'opening', entityId: id });
      return presentOpeningDetail(row, await referralsOf(db, id), await statusHistory(db, id));
    },

    /**
     * Creates and refers the opening. Coming of a job dialogue, it links the dialogue to itself
     * ("opening now") in the same transaction, and takes the dialogue's assignment.
     */
    async create(ctx: TRequestContext, body: unknown): Promise<TOpeningDetail> {
      const input = ZOpeningInput.parse(body);
      const jobDialogueId = ZOpeningCreate.shape.jobDialogueId.parse(
        (body as { jobDialogueId?: unknown }).jobDialogueId,
      );
      const actor = ctx.actor!;
      const company = await findCompany(db, input.companyId);
      if (!company) throw fieldError('companyId', 'Ukendt virksomhed.');
      const now = clock.now();
      const { id, pending } = await db.transaction(async (tx) => {
        const { assignment, dialogue } = await resolveLinks(tx, actor, input.companyId, {
          assignmentId: input.assignmentId,
          socialClauseId: input.socialClauseId,
          jobDialogueId,
        });
        const partnership = await resolvePartnership(tx, actor, input, assignment);
        // The buying organisation follows the opening that came of its assignment.
        let housingOrganisationId: string | null = assignment?.row.housingOrganisationId ?? null;
        if (input.housingAreaId) {
          const [area] = await tx.select().from(housingAreas).where(eq(housingAreas.id, input.housingAreaId));
          if (!area || area.municipalityId !== partnership.municipalityId) {
            throw fieldError('housingAreaId', 'Boligområdet hører ikke til partnerskabets kommune.');
          }
          housingOrganisationId ??= area.housingOrganisationId;
        }
        housingOrganisationId ??=
          actor.memberships.find((m) => m.role === 'housing_staff' && m.partnershipId === partnership.id)
            ?.scopeId ?? null;
        const resource = {
          kind: 'opening' as const,
          partnershipId: partnership.id,
          municipalityId: partnership.municipalityId,
          companyId: input.companyId,
          housingOrganisationId,
        };
        await authorize(db, ctx, 'create', resource);

        const info = OPENING_TYPE_INFO[input.type];
        const { partnershipId: _p, ...fields } = input;
        const [created] = await tx
          .insert(openings)
          .values({
            ...fields,
            assignmentId: assignment?.row.id ?? null,
            partnershipId: partnership.id,
            housingOrganisationId,
            minAge: input.minAge ?? info.minAge,
            maxAge: input.maxAge ?? info.maxAge,
            status: 'new',
            createdBy: actor.userId,
            createdAt: now,
            updatedAt: now,
          })
          .returning({ id: openings.id });
        const openingId = created!.id;
        await recordStatus(tx, ctx, openingId, null, 'new', null);
        await recordAudit(tx, ctx, { action: 'create', entityType: 'opening', entityId: openingId });
        if (dialogue) await closeDialogue(tx, ctx, dialogue, openingId);

        // The referral goes out in the same transaction: an opening never exists unreferred
        // because a mail server was slow.
        const recipients = await referralRecipients(tx, partnership, input.housingAreaId);
        let pendingMails: TPendingMails = { mailIds: [] };
        if (recipients.length > 0) {
          pendingMails = await notifications.notify(tx, {
            recipientIds: recipients.map((r) => r.userId),
            params: {
              kind: 'opening_referred',
              openingTitle: input.title,
              companyName: company.name,
              openingTypeLabel: info.labelDa,
              positions: input.positions,
              workplace: `${input.postalCode} ${input.city}`,
              startDate: input.startDate,
            },
            link: `/openings/${openingId}`,
            entity: { type: 'opening', id: openingId },
          });
          const sent = await notifications.forEntity(tx, 'opening', openingId);
          for (const r of recipients) {
            const n = sent.find((s) => s.userId === r.userId);
            await tx
              .insert(openingReferrals)
              .values({
                openingId,
                userId: r.userId,
                role: r.role,
                notifiedAt: now,
                notificationId: n?.id ?? null,
                mailId: n?.mailId ?? null,
              })
              .onConflictDoNothing();
          }
          await tx
            .update(openings)
            .set({ status: 'referred', referredAt: now })
            .where(eq(openings.id, openingId));
          await recordStatus(
            tx,
            ctx,
            openingId,
            'new',
            'referred',
            'Henvist automatisk til jobkonsulent og boligsocial medarbejder.',
          );
        }
        return { id: openingId, pending: pendingMails };
      });
      await notifications.dispatch(pending);
      const row = await load(db, id);
      return presentOpeningDetail(row, await referralsOf(db, id), await statusHistory(db, id));
    },

    /** Partial update, validated as a whole; a closed opening is not edited any more. */
    async update(ctx: TRequestContext, id: string, patch: Record<string, unknown>): Promise<TOpening> {
      await db.transaction(async (tx) => {
        const current = await load(tx, id);
        await authorize(db, ctx, 'update', resourceOf(current));
        if (isFinalStatus(current.row.status))
          throw new AppError('CONFLICT', 'En afsluttet jobåbning kan ikke ændres.');
        const keys = Object.keys(ZOpeningFields.shape) as (keyof typeof current.row)[];
        const merged = ZOpeningInput.safeParse({
          ...Object.fromEntries(keys.map((k) => [k, current.row[k]])),
          ...patch,
          companyId: current.row.companyId,
          partnershipId: current.row.partnershipId,
        });
        if (!merged.success)
          throw new AppError('VALIDATION_FAILED', undefined, fieldsFromIssues(merged.error.issues));
        const { partnershipId: _p, companyId: _c, housingAreaId: _a, ...fields } = merged.data;
        if (
          fields.assignmentId !== current.row.assignmentId ||
          fields.socialClauseId !== current.row.socialClauseId
        ) {
          const { assignment } = await resolveLinks(tx, ctx.actor!, current.row.companyId, fields);
          if (assignment && assignment.row.partnershipId !== current.row.partnershipId) {
            throw fieldError('assignmentId', 'Opgaven hører til et andet partnerskab.');
          }
          fields.assignmentId = assignment?.row.id ?? null;
        }
        const info = OPENING_TYPE_INFO[fields.type];
        await tx
          .update(openings)
          .set({
            ...fields,
            minAge: fields.minAge ?? info.minAge,
            maxAge: fields.maxAge ?? info.maxAge,
            updatedAt: clock.now(),
          })
          .where(eq(openings.id, id));
        await recordAudit(tx, ctx, {
          action: 'update',
          entityType: 'opening',
          entityId: id,
          details: { fields: Object.keys(patch) },
        });
      });
      return presentOpening(await load(db, id));
    },

    async changeStatus(
      ctx: TRequestContext,
      id: string,
      to: TOpeningStatus,
      note: string | null,
    ): Promise<TOpeningDetail> {
      await db.transaction(async (tx) => {
        const current = await load(tx, id);
        await authorize(db, ctx, 'update', resourceOf(current));
        const from = current.row.status;
        if (!canTransition(from, to)) {
          throw new AppError(
            'CONFLICT',
            `Status kan ikke skifte fra "${OPENING_STATUS_LABEL_DA[from]}" til "${OPENING_STATUS_LABEL_DA[to]}".`,
            { status: 'Ikke tilladt fra den nuværende status.' },
          );
        }
        const updated = await tx
          .update(openings)
          .set({ status: to, updatedAt: clock.now() })
          .where(and(eq(openings.id, id), eq(openings.status, from)))
          .returning({ id: openings.id });
        if (updated.length === 0)
          throw new AppError('CONFLICT', 'Jobåbningen blev ændret samtidig. Prøv igen.');
        await recordStatus(tx, ctx, id, from, to, note);
        await recordAudit(tx, ctx, {
          action: 'update',
          entityType: 'opening',
          entityId: id,
          details: { status: { from, to } },
        });
      });
      const row = await load(db, id);
      return presentOpeningDetail(row, await referralsOf(db, id), await statusHistory(db, id));
    },
  };
}
