import type { TMatchSettings } from '@domain/matching/matching-settings.ts';
import type { TDbOrTx } from '@server/db/client.ts';
import {
  housingAreas,
  matchingSettings,
  partnerships,
  proposals,
  residents,
  users,
} from '@server/db/schema/index.ts';
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';

// What the matching API reads besides the index: names for the ids it returns (never for
// everyone), the proposals already made for an opening, and the saved weights.

export interface TResidentName {
  id: string;
  firstName: string;
  lastName: string;
  housingAreaName: string | null;
}

/** Names of exactly these residents (not anonymised ones). */
export async function residentNames(
  db: TDbOrTx,
  ids: readonly string[],
): Promise<Map<string, TResidentName>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: residents.id,
      firstName: residents.firstName,
      lastName: residents.lastName,
      housingAreaName: housingAreas.name,
    })
    .from(residents)
    .leftJoin(housingAreas, eq(housingAreas.id, residents.housingAreaId))
    .where(and(inArray(residents.id, [...ids]), isNull(residents.anonymisedAt)));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Every proposal made for the opening, newest first. */
export async function proposalsForOpening(db: TDbOrTx, openingId: string) {
  return db
    .select({
      id: proposals.id,
      residentId: proposals.residentId,
      status: proposals.status,
      proposedAt: proposals.proposedAt,
      score: proposals.score,
    })
    .from(proposals)
    .where(eq(proposals.openingId, openingId))
    .orderBy(desc(proposals.proposedAt));
}

export async function findPartnership(db: TDbOrTx, id: string) {
  const [row] = await db
    .select({ id: partnerships.id, name: partnerships.name, municipalityId: partnerships.municipalityId })
    .from(partnerships)
    .where(eq(partnerships.id, id));
  return row;
}

/** When and by whom the partnership's settings were saved; undefined while it uses the defaults. */
export async function settingsStamp(db: TDbOrTx, partnershipId: string) {
  const [row] = await db
    .select({ updatedAt: matchingSettings.updatedAt, updatedByName: users.name })
    .from(matchingSettings)
    .leftJoin(users, eq(users.id, matchingSettings.updatedBy))
    .where(eq(matchingSettings.partnershipId, partnershipId));
  return row;
}

export async function upsertSettings(
  db: TDbOrTx,
  partnershipId: string,
  settings: TMatchSettings,
  by: string,
  at: Date,
): Promise<void> {
  await db
    .insert(matchingSettings)
    .values({ partnershipId, settings, updatedBy: by, updatedAt: at })
    .onConflictDoUpdate({
      target: matchingSettings.partnershipId,
      set: { settings, updatedBy: by, updatedAt: at },
    });
}
