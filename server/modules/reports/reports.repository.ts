import type { TCaseChange, TCounsellingSession, TTrialStart } from '@domain/reports/outcome-tables.ts';
import type { TReportFormat, TReportRunStatus, TReportStep } from '@domain/reports/report.schema.ts';
import { TRIAL_TYPES } from '@domain/reports/retention.ts';
import type { TDbOrTx } from '@server/db/client.ts';
import {
  housingAreas,
  housingOrganisations,
  partnerships,
  placements,
  reportRuns,
  residentCaseChanges,
  residentNotes,
  residentScreenings,
  residents,
} from '@server/db/schema/index.ts';
import { and, asc, count, desc, eq, gte, inArray, lt, lte, sql } from 'drizzle-orm';

// Report runs, and what a report is computed from: the partnership's areas, the residents' case
// history, counselling sessions and trial placements. Only what the tables count leaves here (ids,
// days, states), never a name. Takes the db or a transaction; the service owns transactions.

const runColumns = {
  id: reportRuns.id,
  partnershipId: reportRuns.partnershipId,
  partnershipName: partnerships.name,
  partnershipMunicipalityId: partnerships.municipalityId,
  periodFrom: reportRuns.periodFrom,
  periodTo: reportRuns.periodTo,
  format: reportRuns.format,
  suppressed: reportRuns.suppressed,
  status: reportRuns.status,
  progress: reportRuns.progress,
  step: reportRuns.step,
  fileName: reportRuns.fileName,
  hasFile: sql<boolean>`${reportRuns.content} is not null`,
  failureMessage: reportRuns.failureMessage,
  requestedBy: reportRuns.requestedBy,
  createdAt: reportRuns.createdAt,
  finishedAt: reportRuns.finishedAt,
};

/** A run without its file. */
export interface TRunRow {
  id: string;
  partnershipId: string;
  partnershipName: string;
  partnershipMunicipalityId: string;
  periodFrom: string;
  periodTo: string;
  format: TReportFormat;
  suppressed: boolean;
  status: TReportRunStatus;
  progress: number;
  step: string | null;
  fileName: string | null;
  hasFile: boolean;
  failureMessage: string | null;
  requestedBy: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

export async function insertRun(
  db: TDbOrTx,
  values: {
    partnershipId: string;
    periodFrom: string;
    periodTo: string;
    format: TReportFormat;
    suppressed: boolean;
    requestedBy: string;
    now: Date;
  },
): Promise<string> {
  const { now, ...rest } = values;
  const [row] = await db
    .insert(reportRuns)
    .values({ ...rest, status: 'queued', progress: 0, step: 'queued', createdAt: now, updatedAt: now })
    .returning({ id: reportRuns.id });
  return row!.id;
}

export async function findRun(db: TDbOrTx, id: string): Promise<TRunRow | undefined> {
  const [row] = await db
    .select(runColumns)
    .from(reportRuns)
    .innerJoin(partnerships, eq(partnerships.id, reportRuns.partnershipId))
    .where(eq(reportRuns.id, id));
  return row;
}

/** The requester's runs, newest first. */
export async function listRuns(
  db: TDbOrTx,
  userId: string,
  page: { page: number; pageSize: number },
): Promise<{ items: TRunRow[]; total: number }> {
  const where = eq(reportRuns.requestedBy, userId);
  const items = await db
    .select(runColumns)
    .from(reportRuns)
    .innerJoin(partnerships, eq(partnerships.id, reportRuns.partnershipId))
    .where(where)
    .orderBy(desc(reportRuns.createdAt), desc(reportRuns.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const [total] = await db.select({ n: count() }).from(reportRuns).where(where);
  return { items, total: total?.n ?? 0 };
}

/** How many of the user's runs are still queued or running. */
export async function unfinishedRuns(db: TDbOrTx, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(reportRuns)
    .where(and(eq(reportRuns.requestedBy, userId), inArray(reportRuns.status, ['queued', 'running'])));
  return row?.n ?? 0;
}

export async function runFile(
  db: TDbOrTx,
  id: string,
): Promise<{ fileName: string | null; content: Buffer | null } | undefined> {
  const [row] = await db
    .select({ fileName: reportRuns.fileName, content: reportRuns.content })
    .from(reportRuns)
    .where(eq(reportRuns.id, id));
  return row;
}

/** Updates a run that is in one of `from` (the job's guard against a finished run); false if none. */
export async function updateRun(
  db: TDbOrTx,
  id: string,
  set: Partial<{
    status: TReportRunStatus;
    progress: number;
    step: TReportStep;
    fileName: string;
    content: Buffer;
    failureMessage: string;
    finishedAt: Date;
    updatedAt: Date;
  }>,
  from: readonly TReportRunStatus[],
): Promise<boolean> {
  const rows = await db
    .update(reportRuns)
    .set(set)
    .where(and(eq(reportRuns.id, id), inArray(reportRuns.status, [...from])))
    .returning({ id: reportRuns.id });
  return rows.length > 0;
}

/** Deletes runs (file and row) created before `before`. */
export async function purgeRuns(db: TDbOrTx, before: Date): Promise<number> {
  const rows = await db
    .delete(reportRuns)
    .where(lt(reportRuns.createdAt, before))
    .returning({ id: reportRuns.id });
  return rows.length;
}

/** The partnership's housing areas (of its housing organisations), by name. */
export function partnershipAreas(
  db: TDbOrTx,
  partnershipId: string,
): Promise<{ id: string; name: string }[]> {
  return db
    .select({ id: housingAreas.id, name: housingAreas.name })
    .from(housingAreas)
    .innerJoin(housingOrganisations, eq(housingOrganisations.id, housingAreas.housingOrganisationId))
    .where(eq(housingOrganisations.partnershipId, partnershipId))
    .orderBy(sql`${housingAreas.name} collate da_dk`, asc(housingAreas.id));
}

/**
 * The whole case history, up to `before`, of every resident who has lived in one of the areas:
 * the states before, in and after their time there all matter to the tables.
 */
export async function caseChanges(
  db: TDbOrTx,
  areaIds: readonly string[],
  before: Date,
): Promise<TCaseChange[]> {
  if (areaIds.length === 0) return [];
  const ever = db
    .selectDistinct({ id: residentCaseChanges.residentId })
    .from(residentCaseChanges)
    .where(
      and(
        inArray(residentCaseChanges.housingAreaId, [...areaIds]),
        lt(residentCaseChanges.changedAt, before),
      ),
    );
  return db
    .select({
      residentId: residentCaseChanges.residentId,
      changedAt: residentCaseChanges.changedAt,
      status: residentCaseChanges.status,
      benefitGroup: residentCaseChanges.benefitGroup,
      housingAreaId: residentCaseChanges.housingAreaId,
    })
    .from(residentCaseChanges)
    .where(and(inArray(residentCaseChanges.residentId, ever), lt(residentCaseChanges.changedAt, before)))
    .orderBy(
      asc(residentCaseChanges.residentId),
      asc(residentCaseChanges.changedAt),
      asc(residentCaseChanges.id),
    );
}

const danishDay = (column: typeof residentNotes.createdAt) =>
  sql<string>`to_char(${column} at time zone 'Europe/Copenhagen', 'YYYY-MM-DD')`;

/**
 * Counselling sessions of the municipality's residents on Danish days `from`..`to`: notes recorded
 * as a counselling session, and screenings (each is a conversation with the person).
 */
export async function counsellingSessions(
  db: TDbOrTx,
  municipalityId: string,
  from: string,
  to: string,
): Promise<TCounsellingSession[]> {
  const day = danishDay(residentNotes.createdAt);
  const notes = await db
    .select({ residentId: residentNotes.residentId, day })
    .from(residentNotes)
    .innerJoin(residents, eq(residents.id, residentNotes.residentId))
    .where(
      and(
        eq(residents.municipalityId, municipalityId),
        eq(residentNotes.kind, 'counselling'),
        sql`${day} between ${from} and ${to}`,
      ),
    );
  const screenings = await db
    .select({ residentId: residentScreenings.residentId, day: residentScreenings.screenedOn })
    .from(residentScreenings)
    .innerJoin(residents, eq(residents.id, residentScreenings.residentId))
    .where(
      and(
        eq(residents.municipalityId, municipalityId),
        gte(residentScreenings.screenedOn, from),
        lte(residentScreenings.screenedOn, to),
      ),
    );
  return [...notes, ...screenings];
}

/** Trial placements (virksomhedspraktik, snusepraktik) of the partnership starting `from`..`to`. */
export async function trialStarts(
  db: TDbOrTx,
  partnershipId: string,
  from: string,
  to: string,
): Promise<TTrialStart[]> {
  const rows = await db
    .select({ id: placements.id, residentId: placements.residentId, startDate: placements.startDate })
    .from(placements)
    .where(
      and(
        eq(placements.partnershipId, partnershipId),
        inArray(placements.type, [...TRIAL_TYPES]),
        gte(placements.startDate, from),
        lte(placements.startDate, to),
      ),
    );
  return rows.map((r) => ({ personKey: r.residentId ?? r.id, startDate: r.startDate }));
}
