import type { TDialogueState } from '@domain/job-dialogue.schema.ts';
import type { TActor, TResource } from '@domain/policy.ts';
import type { TDbOrTx } from '@server/db/client.ts';
import {
  assignments,
  companies,
  housingOrganisations,
  jobDialogueEvents,
  jobDialogues,
  partnerships,
  users,
} from '@server/db/schema/index.ts';
import { orgOwnedScope, type TListArgs } from '@server/modules/assignments/assignments.repository.ts';
import {
  fetchWindow,
  orderFor,
  searchAny,
  totalCount,
  withoutTotal,
} from '@server/platform/crud/list-query.ts';
import { and, asc, eq, isNull, lte, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';

// Drizzle queries of job dialogues and their history. A dialogue is scoped as its assignment,
// without company contacts: the conversation is the housing organisation's own.

export interface TDialogueFilters {
  /** Only the dialogues assigned to this user ("Mine jobdialoger"). */
  assignedTo?: string;
  state?: TDialogueState;
  assignmentId?: string;
  companyId?: string;
  housingOrganisationId?: string;
}

const assignee = alias(users, 'assignee');

const columns = {
  row: jobDialogues,
  assignmentTitle: assignments.title,
  assignmentStartDate: assignments.startDate,
  companyId: assignments.companyId,
  companyName: companies.name,
  companyPostalCode: companies.postalCode,
  companyCity: companies.city,
  housingOrganisationId: assignments.housingOrganisationId,
  housingOrganisationName: housingOrganisations.name,
  partnershipId: assignments.partnershipId,
  municipalityId: partnerships.municipalityId,
  assignedToName: assignee.name,
};

const base = (db: TDbOrTx) =>
  db
    .select({ ...columns, total: totalCount })
    .from(jobDialogues)
    .innerJoin(assignments, eq(assignments.id, jobDialogues.assignmentId))
    .innerJoin(companies, eq(companies.id, assignments.companyId))
    .innerJoin(housingOrganisations, eq(housingOrganisations.id, assignments.housingOrganisationId))
    .innerJoin(partnerships, eq(partnerships.id, assignments.partnershipId))
    .leftJoin(assignee, eq(assignee.id, jobDialogues.assignedTo))
    .$dynamic();

export type TDialogueRow = NonNullable<Awaited<ReturnType<typeof findDialogue>>>;

/** `dialogueState()` of domain/job-dialogue.schema.ts in SQL, so lists filter and sort by it. */
export function dialogueStateSql(today: string): SQL<TDialogueState> {
  return sql<TDialogueState>`(case
    when ${jobDialogues.outcome} in ('opening_now', 'no') then ${jobDialogues.outcome}
    when ${jobDialogues.outcome} = 'later' and ${jobDialogues.dueDate} > ${today}::date then 'waiting'
    when ${jobDialogues.dueDate} < ${today}::date then 'overdue'
    else 'open' end)`;
}

/** The policy's view of a dialogue: checked as the assignment it is about. */
export function dialogueResource(r: TDialogueRow): TResource {
  return {
    kind: 'job_dialogue',
    id: r.row.id,
    housingOrganisationId: r.housingOrganisationId,
    partnershipId: r.partnershipId,
    municipalityId: r.municipalityId,
    companyId: r.companyId,
  };
}

export async function findDialogue(db: TDbOrTx, id: string) {
  return withoutTotal(await base(db).where(eq(jobDialogues.id, id)));
}

/**
 * Without a chosen sort: overdue first, then open, then waiting, then closed; each by due date,
 * so "Mine jobdialoger" starts with what should have been done already.
 */
export function listDialogues(
  db: TDbOrTx,
  actor: TActor,
  args: TListArgs,
  filters: TDialogueFilters,
  today: string,
) {
  const state = dialogueStateSql(today);
  const where = and(
    orgOwnedScope(actor, { companyReads: false }),
    searchAny(args.q, [assignments.title, companies.name, assignments.contractReference]),
    filters.assignedTo ? eq(jobDialogues.assignedTo, filters.assignedTo) : undefined,
    filters.state ? sql`${state} = ${filters.state}` : undefined,
    filters.assignmentId ? eq(jobDialogues.assignmentId, filters.assignmentId) : undefined,
    filters.companyId ? eq(assignments.companyId, filters.companyId) : undefined,
    filters.housingOrganisationId
      ? eq(assignments.housingOrganisationId, filters.housingOrganisationId)
      : undefined,
  );
  const order = args.sort
    ? orderFor(
        args,
        {
          dueDate: { column: jobDialogues.dueDate },
          companyName: { column: companies.name, text: true },
          assignmentTitle: { column: assignments.title, text: true },
          updatedAt: { column: jobDialogues.updatedAt },
        },
        'dueDate',
        jobDialogues.id,
      )
    : [
        sql`(case ${state} when 'overdue' then 0 when 'open' then 1 when 'waiting' then 2 else 3 end)`,
        asc(jobDialogues.dueDate),
        asc(jobDialogues.createdAt),
        asc(jobDialogues.id),
      ];
  return fetchWindow(args, (limit, offset) =>
    base(db)
      .where(where)
      .orderBy(...order)
      .limit(limit)
      .offset(offset),
  );
}

/** The dialogue's history, oldest first. */
export async function eventsOf(db: TDbOrTx, jobDialogueId: string) {
  return db
    .select({
      at: jobDialogueEvents.at,
      byName: users.name,
      kind: jobDialogueEvents.kind,
      outcome: jobDialogueEvents.outcome,
      askedKinds: jobDialogueEvents.askedKinds,
      reminderDate: jobDialogueEvents.reminderDate,
      noReason: jobDialogueEvents.noReason,
      note: jobDialogueEvents.note,
    })
    .from(jobDialogueEvents)
    .leftJoin(users, eq(users.id, jobDialogueEvents.byUserId))
    .where(eq(jobDialogueEvents.jobDialogueId, jobDialogueId))
    .orderBy(asc(jobDialogueEvents.at), asc(jobDialogueEvents.id));
}

/** A new dialogue, open from `dueDate`, with its "created" event. */
export async function insertDialogue(
  tx: TDbOrTx,
  values: {
    assignmentId: string;
    dueDate: string;
    assignedTo: string | null;
    byUserId: string | null;
    at: Date;
  },
): Promise<string> {
  const [row] = await tx
    .insert(jobDialogues)
    .values({
      assignmentId: values.assignmentId,
      dueDate: values.dueDate,
      assignedTo: values.assignedTo,
      createdBy: values.byUserId,
      createdAt: values.at,
      updatedAt: values.at,
    })
    .returning({ id: jobDialogues.id });
  await insertEvent(tx, {
    jobDialogueId: row!.id,
    kind: 'created',
    byUserId: values.byUserId,
    at: values.at,
  });
  return row!.id;
}

export async function insertEvent(tx: TDbOrTx, values: typeof jobDialogueEvents.$inferInsert): Promise<void> {
  await tx.insert(jobDialogueEvents).values(values);
}

/** "Later" dialogues whose reminder day has come and whose reminder has not gone out. */
export async function dueReminders(db: TDbOrTx, today: string) {
  return withoutTotalAll(
    await base(db)
      .where(
        and(
          eq(jobDialogues.outcome, 'later'),
          lte(jobDialogues.reminderDate, today),
          isNull(jobDialogues.reminderSentAt),
        ),
      )
      .orderBy(asc(jobDialogues.reminderDate), asc(jobDialogues.id)),
  );
}

function withoutTotalAll<TRow extends { total: number }>(rows: TRow[]): Omit<TRow, 'total'>[] {
  return rows.map(({ total: _t, ...rest }) => rest);
}

/** Claims a reminder: answers false when it went out already (another run got there first). */
export async function markReminderSent(tx: TDbOrTx, id: string, at: Date): Promise<boolean> {
  const rows = await tx
    .update(jobDialogues)
    .set({ reminderSentAt: at })
    .where(and(eq(jobDialogues.id, id), isNull(jobDialogues.reminderSentAt)))
    .returning({ id: jobDialogues.id });
  return rows.length > 0;
}
