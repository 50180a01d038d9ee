import type { TOpeningType } from '@domain/opening-types.ts';
import type { TKpiKey } from '@domain/reports/kpi.ts';
import type { TDbOrTx } from '@server/db/client.ts';
import { goals, housingAreas, partnerships, steeringGroups, users } from '@server/db/schema/index.ts';
import { and, asc, eq } from 'drizzle-orm';

// Goals of the steering groups. Takes the db or a transaction; the service owns transactions.

const goalColumns = {
  id: goals.id,
  steeringGroupId: goals.steeringGroupId,
  partnershipId: steeringGroups.partnershipId,
  partnershipName: partnerships.name,
  municipalityId: partnerships.municipalityId,
  title: goals.title,
  kpi: goals.kpi,
  indicator: goals.indicator,
  housingAreaId: goals.housingAreaId,
  housingAreaName: housingAreas.name,
  openingType: goals.openingType,
  baseline: goals.baseline,
  target: goals.target,
  periodFrom: goals.periodFrom,
  periodTo: goals.periodTo,
  ownerUserId: goals.ownerUserId,
  ownerUserName: users.name,
  ownerName: goals.ownerName,
  note: goals.note,
  updatedAt: goals.updatedAt,
};

export interface TGoalRow {
  id: string;
  steeringGroupId: string;
  partnershipId: string;
  partnershipName: string;
  municipalityId: string;
  title: string;
  kpi: TKpiKey;
  indicator: string | null;
  housingAreaId: string | null;
  housingAreaName: string | null;
  openingType: TOpeningType | null;
  baseline: number | null;
  target: number;
  periodFrom: string;
  periodTo: string;
  ownerUserId: string | null;
  ownerUserName: string | null;
  ownerName: string | null;
  note: string | null;
  updatedAt: Date;
}

function selectGoals(db: TDbOrTx) {
  return db
    .select(goalColumns)
    .from(goals)
    .innerJoin(steeringGroups, eq(steeringGroups.id, goals.steeringGroupId))
    .innerJoin(partnerships, eq(partnerships.id, steeringGroups.partnershipId))
    .leftJoin(housingAreas, eq(housingAreas.id, goals.housingAreaId))
    .leftJoin(users, eq(users.id, goals.ownerUserId));
}

// The KPI and opening type are checked against their catalogues when stored.
const typed = (rows: Awaited<ReturnType<typeof selectGoals>>): TGoalRow[] =>
  rows.map((r) => ({ ...r, kpi: r.kpi as TKpiKey, openingType: r.openingType as TOpeningType | null }));

/** The goals of a steering group or a partnership (or all), in period order. */
export async function goalRows(
  db: TDbOrTx,
  filter: { steeringGroupId?: string; partnershipId?: string },
): Promise<TGoalRow[]> {
  const rows = await selectGoals(db)
    .where(
      and(
        filter.steeringGroupId ? eq(goals.steeringGroupId, filter.steeringGroupId) : undefined,
        filter.partnershipId ? eq(steeringGroups.partnershipId, filter.partnershipId) : undefined,
      ),
    )
    .orderBy(asc(goals.periodFrom), asc(goals.title), asc(goals.id));
  return typed(rows);
}

export async function findGoalRow(db: TDbOrTx, id: string): Promise<TGoalRow | undefined> {
  return typed(await selectGoals(db).where(eq(goals.id, id)))[0];
}

export interface TGoalWrite {
  title: string;
  kpi: TKpiKey;
  indicator: string | null;
  housingAreaId: string | null;
  openingType: TOpeningType | null;
  baseline: number | null;
  target: number;
  periodFrom: string;
  periodTo: string;
  ownerUserId: string | null;
  ownerName: string | null;
  note: string | null;
}

export async function insertGoal(
  db: TDbOrTx,
  v: TGoalWrite & { steeringGroupId: string; createdBy: string | null },
  now: Date,
): Promise<string> {
  const [row] = await db
    .insert(goals)
    .values({ ...v, createdAt: now, updatedAt: now })
    .returning({ id: goals.id });
  return row!.id;
}

export async function updateGoal(db: TDbOrTx, id: string, v: TGoalWrite, now: Date): Promise<void> {
  await db
    .update(goals)
    .set({ ...v, updatedAt: now })
    .where(eq(goals.id, id));
}

export async function deleteGoal(db: TDbOrTx, id: string): Promise<void> {
  await db.delete(goals).where(eq(goals.id, id));
}
