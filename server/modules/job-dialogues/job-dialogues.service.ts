import type { TPage } from '@domain/common.schema.ts';
import {
  ASKED_KIND_LABEL_DA,
  ASKED_KIND_OPENING_TYPE,
  type TDialogueOutcomeInput,
  type TJobDialogue,
  type TJobDialogueCreate,
  type TJobDialogueDetail,
  type TJobDialogueListQuery,
  type TOpeningDraft,
} from '@domain/job-dialogue.schema.ts';
import { danishDate, danishHour } from '@domain/time.ts';
import type { TDbOrTx } from '@server/db/client.ts';
import { jobDialogues } from '@server/db/schema/index.ts';
import {
  areasOf,
  assignmentResource,
  clausesOf,
  findAssignment,
  housingStaffOf,
  isHousingStaffOf,
  notificationRecipients,
} from '@server/modules/assignments/assignments.repository.ts';
import {
  createNotificationsService,
  type TPendingMails,
} from '@server/modules/notifications/notifications.service.ts';
import { recordAudit } from '@server/platform/audit.ts';
import { listWindow } from '@server/platform/crud/list-query.ts';
import { AppError, fieldError } from '@server/platform/errors.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import { requireActor, type TRequestContext } from '@server/platform/http/request-context.ts';
import { authorize } from '@server/platform/policy.ts';
import { and, eq, isNull } from 'drizzle-orm';
import { presentDialogue, presentDialogueDetail } from './job-dialogues.presenter.ts';
import {
  dialogueResource,
  dueReminders,
  eventsOf,
  findDialogue,
  insertDialogue,
  insertEvent,
  listDialogues,
  markReminderSent,
  type TDialogueRow,
} from './job-dialogues.repository.ts';

const NOT_STAFF = 'Vælg en medarbejder i boligorganisationen.';
export const DIALOGUE_HAS_OPENING = 'Jobdialogen har allerede ført til en jobåbning.';

/**
 * Job dialogues (issue 3 item 3): asking the company behind an assignment for jobs, recording
 * the answer, reminding the holder on the day a "later" comes due.
 */
export function createJobDialoguesService(deps: TAppDeps) {
  const { db, clock } = deps;
  const notifications = createNotificationsService(deps);
  const today = () => danishDate(clock.now());

  async function load(tx: TDbOrTx, id: string): Promise<TDialogueRow> {
    const row = await findDialogue(tx, id);
    if (!row) throw new AppError('NOT_FOUND');
    return row;
  }

  async function loadAuthorized(ctx: TRequestContext, action: 'read' | 'update', id: string) {
    const row = await load(db, id);
    await authorize(db, ctx, action, dialogueResource(row));
    return row;
  }

  async function detail(tx: TDbOrTx, id: string): Promise<TJobDialogueDetail> {
    return presentDialogueDetail(await load(tx, id), await eventsOf(tx, id), today());
  }

  return {
    /** Scoped to the actor; `mine` keeps the caller's own ("Mine jobdialoger"). */
    async list(ctx: TRequestContext, query: TJobDialogueListQuery): Promise<TPage<TJobDialogue>> {
      const actor = requireActor(ctx);
      const { q, sort, dir, page, pageSize, limit, offset, mine, ...filters } = query;
      const day = today();
      const result = await listDialogues(
        db,
        actor,
        { q, sort, dir, ...listWindow({ page, pageSize, limit, offset }) },
        { ...filters, assignedTo: mine ? actor.userId : undefined },
        day,
      );
      return { ...result, items: result.items.map((r) => presentDialogue(r, day)) };
    },

    /** The dialogue with its notes and history (free text that may name the company's people: logged). */
    async get(ctx: TRequestContext, id: string): Promise<TJobDialogueDetail> {
      await loadAuthorized(ctx, 'read', id);
      await recordAudit(db, ctx, { action: 'read', entityType: 'job_dialogue', entityId: id });
      return detail(db, id);
    },

    /** A further dialogue about an assignment (saving the assignment starts the first). */
    async create(ctx: TRequestContext, input: TJobDialogueCreate): Promise<TJobDialogueDetail> {
      const actor = requireActor(ctx);
      const assignment = await findAssignment(db, input.assignmentId);
      if (!assignment) throw fieldError('assignmentId', 'Ukendt opgave.');
      await authorize(db, ctx, 'create', assignmentResource(assignment, 'job_dialogue'));
      if (
        input.assignedToUserId &&
        !(await isHousingStaffOf(db, assignment.row.housingOrganisationId, input.assignedToUserId))
      ) {
        throw fieldError('assignedToUserId', NOT_STAFF);
      }
      const id = await db.transaction(async (tx) => {
        const newId = await insertDialogue(tx, {
          assignmentId: assignment.row.id,
          dueDate: input.dueDate ?? today(),
          assignedTo: input.assignedToUserId ?? actor.userId,
          byUserId: actor.userId,
          at: clock.now(),
        });
        await recordAudit(tx, ctx, { action: 'create', entityType: 'job_dialogue', entityId: newId });
        return newId;
      });
      return detail(db, id);
    },

    /**
     * What was asked and the answer. "Later" makes the dialogue due again on the reminder date
     * (and re-arms the reminder); once an opening came of it, the outcome stays.
     */
    async recordOutcome(
      ctx: TRequestContext,
      id: string,
      input: TDialogueOutcomeInput,
    ): Promise<TJobDialogueDetail> {
      const actor = requireActor(ctx);
      const current = await loadAuthorized(ctx, 'update', id);
      if (current.row.openingId) throw new AppError('CONFLICT', DIALOGUE_HAS_OPENING);
      const day = today();
      const later = input.outcome === 'later';
      if (later && input.reminderDate! < day) {
        throw fieldError('reminderDate', 'Påmindelsen skal være i dag eller senere.');
      }
      const values = {
        askedKinds: input.askedKinds,
        outcome: input.outcome,
        reminderDate: later ? input.reminderDate : null,
        noReason: input.outcome === 'no' ? input.noReason : null,
        note: input.note,
      };
      const now = clock.now();
      await db.transaction(async (tx) => {
        const updated = await tx
          .update(jobDialogues)
          .set({
            ...values,
            dueDate: later ? input.reminderDate! : current.row.dueDate,
            reminderSentAt: null,
            updatedAt: now,
          })
          .where(and(eq(jobDialogues.id, id), isNull(jobDialogues.openingId)))
          .returning({ id: jobDialogues.id });
        if (updated.length === 0) throw new AppError('CONFLICT', DIALOGUE_HAS_OPENING);
        await insertEvent(tx, {
          jobDialogueId: id,
          kind: 'outcome',
          ...values,
          byUserId: actor.userId,
          at: now,
        });
        await recordAudit(tx, ctx, {
          action: 'update',
          entityType: 'job_dialogue',
          entityId: id,
          details: { outcome: input.outcome },
        });
      });
      return detail(db, id);
    },

    /** Gives the dialogue to another staff member of the organisation, who is told in the app. */
    async reassign(ctx: TRequestContext, id: string, userId: string): Promise<TJobDialogueDetail> {
      const actor = requireActor(ctx);
      const current = await loadAuthorized(ctx, 'update', id);
      const [staff] = await housingStaffOf(db, current.housingOrganisationId, [userId]);
      if (!staff) throw fieldError('assignedToUserId', NOT_STAFF);
      if (current.row.assignedTo === userId) return detail(db, id);
      const now = clock.now();
      const pending = await db.transaction(async (tx): Promise<TPendingMails> => {
        await tx
          .update(jobDialogues)
          .set({ assignedTo: userId, updatedAt: now })
          .where(eq(jobDialogues.id, id));
        await insertEvent(tx, {
          jobDialogueId: id,
          kind: 'reassigned',
          note: `Givet videre til ${staff.name}.`,
          byUserId: actor.userId,
          at: now,
        });
        await recordAudit(tx, ctx, {
          action: 'update',
          entityType: 'job_dialogue',
          entityId: id,
          details: { assignedTo: userId },
        });
        if (userId === actor.userId) return { mailIds: [] };
        return notifications.notify(tx, {
          recipientIds: [userId],
          params: {
            kind: 'generic',
            title: `Du har fået en jobdialog med ${current.companyName}`,
            body: `Jobdialogen om opgaven "${current.assignmentTitle}" er givet videre til dig.`,
          },
          link: `/job-dialogues/${id}`,
          entity: { type: 'job_dialogue', id },
          email: false,
        });
      });
      await notifications.dispatch(pending);
      return detail(db, id);
    },

    /**
     * What the opening form starts from after "opening now": the assignment's company and first
     * area, the type of the first thing asked for, and the apprentice clause it would count for.
     */
    async openingDraft(ctx: TRequestContext, id: string): Promise<TOpeningDraft> {
      const d = await loadAuthorized(ctx, 'read', id);
      if (d.row.openingId) throw new AppError('CONFLICT', DIALOGUE_HAS_OPENING);
      const assignmentId = d.row.assignmentId;
      const firstKind = d.row.askedKinds[0] ?? 'apprentice';
      const type = ASKED_KIND_OPENING_TYPE[firstKind];
      const area = (await areasOf(db, [assignmentId])).get(assignmentId)?.[0] ?? null;
      // Areas carry a postal code but no town: the company's town only where the codes agree.
      const postalCode = area?.postalCode ?? d.companyPostalCode;
      const city = !area || area.postalCode === d.companyPostalCode ? d.companyCity : null;
      const clause =
        type === 'apprentice' || type === 'trainee'
          ? (await clausesOf(db, [assignmentId])).find((c) => c.kind === 'apprentices')
          : undefined;
      const day = today();
      return {
        jobDialogueId: d.row.id,
        assignmentId,
        companyId: d.companyId,
        companyName: d.companyName,
        partnershipId: d.partnershipId,
        housingAreaId: area?.id ?? null,
        type,
        title: `${ASKED_KIND_LABEL_DA[firstKind]} – ${d.assignmentTitle}`.slice(0, 150),
        postalCode,
        city,
        // The later of today and the assignment's start (ISO dates sort as text).
        startDate: [day, d.assignmentStartDate].sort().at(-1)!,
        socialClauseId: clause?.id ?? null,
      };
    },
  };
}

/**
 * The reminder job (every 15 minutes): a "later" dialogue whose reminder day has come tells its
 * holder in the app and by e-mail, from 07:00 Danish time on the day, once. Each reminder is
 * claimed and written in one transaction, so two runs never send it twice.
 */
export async function sendDueDialogueReminders(deps: TAppDeps): Promise<number> {
  const now = deps.clock.now();
  const today = danishDate(now);
  const morning = danishHour(now) >= 7;
  const notifications = createNotificationsService(deps);
  const due = (await dueReminders(deps.db, today)).filter((d) => morning || d.row.reminderDate! < today);
  let sent = 0;
  for (const d of due) {
    const pending = await deps.db.transaction(async (tx) => {
      if (!(await markReminderSent(tx, d.row.id, now))) return null;
      return notifications.notify(tx, {
        recipientIds: await notificationRecipients(tx, d.housingOrganisationId, d.row.assignedTo),
        params: {
          kind: 'job_dialogue_due',
          companyName: d.companyName,
          assignmentTitle: d.assignmentTitle,
          dueDate: d.row.reminderDate!,
        },
        link: `/job-dialogues/${d.row.id}`,
        entity: { type: 'job_dialogue', id: d.row.id },
      });
    });
    if (!pending) continue;
    await notifications.dispatch(pending);
    sent++;
  }
  return sent;
}
