import type { TMilestoneListQuery, TMilestoneStatus } from '@domain/steering.schema.ts';
import type { TDbOrTx } from '@server/db/client.ts';
import { milestones, partnerships, users } from '@server/db/schema/index.ts';
import { fetchPage, orderFor, searchAny, totalCount } from '@server/platform/crud/list-query.ts';
import { and, eq, isNull, or, sql } from 'drizzle-orm';

// The plan's milestones. Takes the db or a transaction; the service owns transactions.

const columns = {
  id: milestones.id,
  partnershipId: milestones.partnershipId,
  partnershipName: partnerships.name,
  title: milestones.title,
  description: milestones.description,
  dueDate: milestones.dueDate,
  ownerUserId: milestones.ownerUserId,
  ownerUserName: users.name,
  ownerName: milestones.ownerName,
  status: milestones.status,
  completedOn: milestones.completedOn,
  note: milestones.note,
  updatedAt: milestones.updatedAt,
};

export interface TMilestoneRow {
  id: string;
  partnershipId: string | null;
  partnershipName: string | null;
  title: string;
  description: string | null;
  dueDate: string;
  ownerUserId: string | null;
  ownerUserName: string | null;
  ownerName: string | null;
  status: TMilestoneStatus;
  completedOn: string | null;
  note: string | null;
  updatedAt: Date;
}

const select = (db: TDbOrTx) =>
  db
    .select({ ...columns, total: totalCount })
    .from(milestones)
    .leftJoin(partnerships, eq(partnerships.id, milestones.partnershipId))
    .leftJoin(users, eq(users.id, milestones.ownerUserId));

/** A partnership's milestones come with the programme's (they concern every partnership). */
export function listMilestones(db: TDbOrTx, query: TMilestoneListQuery) {
  const where = and(
    searchAny(query.q, [milestones.title, milestones.description, milestones.ownerName, users.name]),
    query.partnershipId
      ? or(eq(milestones.partnershipId, query.partnershipId), isNull(milestones.partnershipId))
      : undefined,
    query.status ? eq(milestones.status, query.status) : undefined,
  );
  const order = orderFor(
    query,
    {
      dueDate: { column: milestones.dueDate },
      title: { column: milestones.title, text: true },
      status: { column: milestones.status },
      owner: { column: sql`coalesce(${users.name}, ${milestones.ownerName})`, text: true },
    },
    'dueDate',
    milestones.id,
  );
  return fetchPage(query, (limit, offset) =>
    select(db)
      .where(where)
      .orderBy(...order)
      .limit(limit)
      .offset(offset),
  );
}

export async function findMilestone(db: TDbOrTx, id: string): Promise<TMilestoneRow | undefined> {
  const [row] = await select(db).where(eq(milestones.id, id));
  if (!row) return undefined;
  const { total: _total, ...rest } = row;
  return rest;
}

export interface TMilestoneWrite {
  title: string;
  description: string | null;
  dueDate: string;
  ownerName: string | null;
  ownerUserId: string | null;
  status: TMilestoneStatus;
  completedOn: string | null;
  note: string | null;
}

export async function insertMilestone(
  db: TDbOrTx,
  v: TMilestoneWrite & { partnershipId: string | null },
  now: Date,
): Promise<string> {
  const [row] = await db
    .insert(milestones)
    .values({ ...v, createdAt: now, updatedAt: now })
    .returning({ id: milestones.id });
  return row!.id;
}

export async function updateMilestone(db: TDbOrTx, id: string, v: TMilestoneWrite, now: Date): Promise<void> {
  await db
    .update(milestones)
    .set({ ...v, updatedAt: now })
    .where(eq(milestones.id, id));
}

export async function deleteMilestone(db: TDbOrTx, id: string): Promise<void> {
  await db.delete(milestones).where(eq(milestones.id, id));
}
