import type { TFollowUpListQuery } from '@domain/placement.schema.ts';
import type { TActor } from '@domain/policy.ts';
import type { TFollowUpSettings } from '@domain/rules/follow-up-schedule.ts';
import type { TDbOrTx } from '@server/db/client.ts';
import {
  companies,
  followUpSettings,
  followUps,
  housingAreas,
  openings,
  partnerships,
  placements,
  residents,
  users,
} from '@server/db/schema/index.ts';
import {
  placementContextColumns,
  placementResidentName,
  placementResidentSortName,
  selectPlacements,
} from '@server/modules/placements/placements.repository.ts';
import { residentScope } from '@server/modules/residents/residents.repository.ts';
import { fetchPage, searchAny, totalCount } from '@server/platform/crud/list-query.ts';
import { and, asc, eq, lte, type SQL, sql } from 'drizzle-orm';
import { alias, type SelectedFields } from 'drizzle-orm/pg-core';

// Drizzle queries of follow-ups (efterværn). A list shows only follow-ups of people the actor
// sees professionally (residentScope as SQL), also those assigned to the actor, so no list or
// digest ever counts someone the actor could not open.

const assignee = alias(users, 'follow_up_assignee');
const recorder = alias(users, 'follow_up_recorder');
const settingsEditor = alias(users, 'follow_up_settings_editor');

/** The columns a ZFollowUp is presented from (see follow-ups.presenter.ts). */
export const followUpColumns = {
  row: followUps,
  ...placementContextColumns,
  assignedToName: assignee.name,
  recordedByName: recorder.name,
};

const base = <T extends SelectedFields>(db: TDbOrTx, extra: T) =>
  selectPlacements(db, { ...followUpColumns, ...extra })
    .innerJoin(followUps, eq(followUps.placementId, placements.id))
    .leftJoin(assignee, eq(assignee.id, followUps.assignedTo))
    .leftJoin(recorder, eq(recorder.id, followUps.recordedBy));

/** Overdue first, then due today, then the rest (a planned check-in only). */
function urgency(today: string): SQL {
  return sql`case when ${followUps.state} = 'planned' and ${followUps.dueDate} < ${today} then 0
    when ${followUps.state} = 'planned' and ${followUps.dueDate} = ${today} then 1 else 2 end`;
}

/**
 * "Mine opfølgninger" and every follow-up of the people the actor works with. Default order:
 * overdue first, then due, by due date, then the person's name (Danish collation).
 */
export function listFollowUps(db: TDbOrTx, actor: TActor, today: string, query: TFollowUpListQuery) {
  const where = and(
    residentScope(actor, today, { professionalOnly: true }),
    query.scope === 'mine' ? eq(followUps.assignedTo, actor.userId) : undefined,
    eq(followUps.state, query.state),
    query.due ? lte(followUps.dueDate, today) : undefined,
    query.placementId ? eq(followUps.placementId, query.placementId) : undefined,
    searchAny(query.q, [placementResidentName, companies.name, openings.title]),
  );
  const dir = query.dir === 'desc' ? sql`desc nulls last` : sql`asc nulls last`;
  const byName = sql`${placementResidentSortName} collate da_dk asc nulls last`;
  const order: SQL[] = (() => {
    switch (query.sort) {
      case 'dueDate':
        return [sql`${followUps.dueDate} ${dir}`, byName];
      case 'residentName':
        return [sql`${placementResidentSortName} collate da_dk ${dir}`, sql`${followUps.dueDate} asc`];
      case 'companyName':
        return [sql`${companies.name} collate da_dk ${dir}`, sql`${followUps.dueDate} asc`, byName];
      case undefined:
        return [sql`${urgency(today)} asc`, sql`${followUps.dueDate} asc`, byName];
      default: {
        const exhaustive: never = query.sort;
        return exhaustive;
      }
    }
  })();
  return fetchPage(query, (limit, offset) =>
    base(db, { total: totalCount })
      .where(where)
      .orderBy(...order, asc(followUps.id))
      .limit(limit)
      .offset(offset),
  );
}

/** One follow-up with its placement's scope (partnership, municipality, status, start). */
export async function findFollowUp(db: TDbOrTx, id: string) {
  const [row] = await base(db, {
    partnershipId: placements.partnershipId,
    municipalityId: partnerships.municipalityId,
    placementStatus: placements.status,
    placementStartDate: placements.startDate,
    followUpOwnerId: placements.followUpOwnerId,
  })
    .leftJoin(partnerships, eq(partnerships.id, placements.partnershipId))
    .where(eq(followUps.id, id));
  return row;
}
export type TFollowUpRow = Pick<
  NonNullable<Awaited<ReturnType<typeof findFollowUp>>>,
  keyof typeof followUpColumns
>;

/** Every check-in of a placement in date order (the placement detail shows them). */
export async function followUpsOfPlacement(db: TDbOrTx, placementId: string): Promise<TFollowUpRow[]> {
  return base(db, {})
    .where(eq(followUps.placementId, placementId))
    .orderBy(asc(followUps.dueDate), asc(followUps.createdAt), asc(followUps.id));
}

/** The placement an extra check-in is added to, with what its scope check needs. */
export async function findPlacementForFollowUp(db: TDbOrTx, placementId: string) {
  const [row] = await db
    .select({
      id: placements.id,
      residentId: placements.residentId,
      partnershipId: placements.partnershipId,
      municipalityId: partnerships.municipalityId,
      startDate: placements.startDate,
      status: placements.status,
      followUpOwnerId: placements.followUpOwnerId,
    })
    .from(placements)
    .leftJoin(partnerships, eq(partnerships.id, placements.partnershipId))
    .where(eq(placements.id, placementId));
  return row;
}

/** Locks the follow-up for the rest of the transaction, so two check-ins cannot both record it. */
export async function lockFollowUp(tx: TDbOrTx, id: string) {
  const [row] = await tx
    .select({ state: followUps.state, dueDate: followUps.dueDate, measures: followUps.measures })
    .from(followUps)
    .where(eq(followUps.id, id))
    .for('update');
  return row;
}

/** A partnership's own schedules, or null when it keeps the documented defaults. */
export async function loadFollowUpSettings(db: TDbOrTx, partnershipId: string) {
  const [row] = await db
    .select({
      settings: followUpSettings.settings,
      updatedAt: followUpSettings.updatedAt,
      updatedByName: settingsEditor.name,
    })
    .from(followUpSettings)
    .leftJoin(settingsEditor, eq(settingsEditor.id, followUpSettings.updatedBy))
    .where(eq(followUpSettings.partnershipId, partnershipId));
  return row ?? null;
}

export async function upsertFollowUpSettings(
  tx: TDbOrTx,
  partnershipId: string,
  settings: TFollowUpSettings,
  userId: string,
  now: Date,
): Promise<void> {
  await tx
    .insert(followUpSettings)
    .values({ partnershipId, settings, updatedBy: userId, updatedAt: now })
    .onConflictDoUpdate({
      target: followUpSettings.partnershipId,
      set: { settings, updatedBy: userId, updatedAt: now },
    });
}

// ---- The daily digest ----

/** Users with a planned check-in due today or earlier assigned to them (active accounts only). */
export async function digestRecipients(db: TDbOrTx, today: string) {
  return db
    .selectDistinct({ id: users.id, email: users.email, locale: users.locale })
    .from(followUps)
    .innerJoin(users, eq(users.id, followUps.assignedTo))
    .where(and(eq(followUps.state, 'planned'), lte(followUps.dueDate, today), eq(users.status, 'active')))
    .orderBy(asc(users.id));
}

/**
 * A user's due and overdue planned check-ins for the digest: no person in them, only the
 * check-in, its date, the company and the opening (the mail names nobody).
 */
export async function digestItems(db: TDbOrTx, actor: TActor, today: string) {
  return db
    .select({
      key: followUps.key,
      dueDate: followUps.dueDate,
      companyName: companies.name,
      openingTitle: openings.title,
    })
    .from(followUps)
    .innerJoin(placements, eq(placements.id, followUps.placementId))
    .innerJoin(companies, eq(companies.id, placements.companyId))
    .leftJoin(openings, eq(openings.id, placements.openingId))
    .innerJoin(residents, eq(residents.id, placements.residentId))
    .leftJoin(housingAreas, eq(housingAreas.id, residents.housingAreaId))
    .where(
      and(
        eq(followUps.assignedTo, actor.userId),
        eq(followUps.state, 'planned'),
        lte(followUps.dueDate, today),
        residentScope(actor, today, { professionalOnly: true }),
      ),
    )
    .orderBy(
      asc(followUps.dueDate),
      sql`${companies.name} collate da_dk asc`,
      sql`${openings.title} collate da_dk asc nulls last`,
      asc(followUps.id),
    );
}
