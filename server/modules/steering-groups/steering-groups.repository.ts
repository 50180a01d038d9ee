import type { TSteeringGroupListQuery } from '@domain/steering.schema.ts';
import type { TDbOrTx } from '@server/db/client.ts';
import {
  housingAreas,
  housingOrganisations,
  memberships,
  partnerships,
  steeringGroupMembers,
  steeringGroups,
  users,
} from '@server/db/schema/index.ts';
import { fetchPage, orderFor, searchAny, totalCount } from '@server/platform/crud/list-query.ts';
import { and, eq, inArray, sql } from 'drizzle-orm';

// Steering groups and their members. Takes the db or a transaction; the service owns transactions.

// Qualified by hand: drizzle leaves column names unqualified in a select without a join, and an
// unqualified "id" inside the subquery would not be the group's.
const memberCount = sql<number>`(select count(*)::int from steering_group_members m where m.steering_group_id = "steering_groups"."id")`;

const groupColumns = {
  id: steeringGroups.id,
  partnershipId: steeringGroups.partnershipId,
  partnershipName: partnerships.name,
  municipalityId: partnerships.municipalityId,
  name: steeringGroups.name,
  mandate: steeringGroups.mandate,
  memberCount,
  updatedAt: steeringGroups.updatedAt,
};

export interface TGroupRow {
  id: string;
  partnershipId: string;
  partnershipName: string;
  municipalityId: string;
  name: string;
  mandate: string | null;
  memberCount: number;
  updatedAt: Date;
}

export function listGroups(db: TDbOrTx, query: TSteeringGroupListQuery) {
  const where = and(
    searchAny(query.q, [steeringGroups.name, partnerships.name, steeringGroups.mandate]),
    query.partnershipId ? eq(steeringGroups.partnershipId, query.partnershipId) : undefined,
  );
  const order = orderFor(
    query,
    {
      name: { column: steeringGroups.name, text: true },
      partnershipName: { column: partnerships.name, text: true },
      updatedAt: { column: steeringGroups.updatedAt },
    },
    'name',
    steeringGroups.id,
  );
  return fetchPage(query, (limit, offset) =>
    db
      .select({ ...groupColumns, total: totalCount })
      .from(steeringGroups)
      .innerJoin(partnerships, eq(partnerships.id, steeringGroups.partnershipId))
      .where(where)
      .orderBy(...order)
      .limit(limit)
      .offset(offset),
  );
}

export async function findGroup(db: TDbOrTx, id: string): Promise<TGroupRow | undefined> {
  const [row] = await db
    .select(groupColumns)
    .from(steeringGroups)
    .innerJoin(partnerships, eq(partnerships.id, steeringGroups.partnershipId))
    .where(eq(steeringGroups.id, id));
  return row;
}

export async function findGroupOfPartnership(
  db: TDbOrTx,
  partnershipId: string,
): Promise<TGroupRow | undefined> {
  const [row] = await db
    .select(groupColumns)
    .from(steeringGroups)
    .innerJoin(partnerships, eq(partnerships.id, steeringGroups.partnershipId))
    .where(eq(steeringGroups.partnershipId, partnershipId));
  return row;
}

export async function insertGroup(
  db: TDbOrTx,
  v: { partnershipId: string; name: string; mandate: string | null },
  now: Date,
): Promise<string> {
  const [row] = await db
    .insert(steeringGroups)
    .values({ ...v, createdAt: now, updatedAt: now })
    .returning({ id: steeringGroups.id });
  return row!.id;
}

export async function updateGroup(
  db: TDbOrTx,
  id: string,
  v: { name: string; mandate: string | null },
  now: Date,
): Promise<void> {
  await db
    .update(steeringGroups)
    .set({ ...v, updatedAt: now })
    .where(eq(steeringGroups.id, id));
}

export interface TMemberRow {
  userId: string;
  name: string;
  title: string | null;
}

export function groupMembers(db: TDbOrTx, groupId: string): Promise<TMemberRow[]> {
  return db
    .select({ userId: users.id, name: users.name, title: steeringGroupMembers.title })
    .from(steeringGroupMembers)
    .innerJoin(users, eq(users.id, steeringGroupMembers.userId))
    .where(eq(steeringGroupMembers.steeringGroupId, groupId))
    .orderBy(sql`${steeringGroupMembers.createdAt} asc`, sql`${users.name} collate da_dk asc`);
}

/** Replaces the member list; members kept keep their place (created_at) in the order. */
export async function replaceMembers(
  db: TDbOrTx,
  groupId: string,
  members: readonly { userId: string; title: string | null }[],
  now: Date,
): Promise<void> {
  const before = await db
    .select({ userId: steeringGroupMembers.userId, createdAt: steeringGroupMembers.createdAt })
    .from(steeringGroupMembers)
    .where(eq(steeringGroupMembers.steeringGroupId, groupId));
  const since = new Map(before.map((b) => [b.userId, b.createdAt]));
  await db.delete(steeringGroupMembers).where(eq(steeringGroupMembers.steeringGroupId, groupId));
  if (members.length === 0) return;
  await db.insert(steeringGroupMembers).values(
    members.map((m, i) => ({
      steeringGroupId: groupId,
      userId: m.userId,
      title: m.title,
      // New members after the existing ones, in the order given.
      createdAt: since.get(m.userId) ?? new Date(now.getTime() + i),
    })),
  );
  await db.update(steeringGroups).set({ updatedAt: now }).where(eq(steeringGroups.id, groupId));
}

/** The users asked about with their name, and whether they hold the steering role in the partnership. */
export async function usersWithSteeringRole(
  db: TDbOrTx,
  partnershipId: string,
  userIds: readonly string[],
): Promise<{ id: string; name: string; disabled: boolean; steering: boolean }[]> {
  if (userIds.length === 0) return [];
  const ids = [...userIds];
  const [found, steering] = await Promise.all([
    db
      .select({ id: users.id, name: users.name, status: users.status })
      .from(users)
      .where(inArray(users.id, ids)),
    db
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(
        and(
          inArray(memberships.userId, ids),
          eq(memberships.role, 'steering'),
          eq(memberships.partnershipId, partnershipId),
        ),
      ),
  ]);
  const members = new Set(steering.map((m) => m.userId));
  return found.map((u) => ({
    id: u.id,
    name: u.name,
    disabled: u.status === 'disabled',
    steering: members.has(u.id),
  }));
}

/** The partnership's housing areas (an area-indicator goal names one). */
export function partnershipAreas(
  db: TDbOrTx,
  partnershipId: string,
): Promise<{ id: string; name: string }[]> {
  return db
    .select({ id: housingAreas.id, name: housingAreas.name })
    .from(housingAreas)
    .innerJoin(housingOrganisations, eq(housingOrganisations.id, housingAreas.housingOrganisationId))
    .where(eq(housingOrganisations.partnershipId, partnershipId))
    .orderBy(sql`${housingAreas.name} collate da_dk asc`);
}
