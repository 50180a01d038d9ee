import type { TListQuery } from '@domain/common.schema.ts';
import { ACTIVE_PROPOSAL_STATUSES } from '@domain/proposal.schema.ts';
import {
  ANONYMISED_FIRST_NAME,
  ANONYMISED_LAST_NAME,
  RESIDENT_ENTITY_TYPES,
  type TAnonymisationReason,
} from '@domain/resident-rights.schema.ts';
import type { TDbOrTx } from '@server/db/client.ts';
import {
  allocationLines,
  auditEvents,
  companies,
  escalations,
  followUps,
  jobcenters,
  municipalities,
  openings,
  placements,
  proposalStatusChanges,
  proposals,
  residentConsents,
  residentCvs,
  residentImports,
  residentNotes,
  residentScreenings,
  residents,
  socialHousingPlans,
  users,
} from '@server/db/schema/index.ts';
import { fetchPage, totalCount } from '@server/platform/crud/list-query.ts';
import { and, asc, desc, eq, inArray, isNull, ne, type SQL, sql } from 'drizzle-orm';

// Drizzle queries of the data subject's rights: anonymising a person in place, the audit events
// about them, and who the retention rule reaches next.

/**
 * Anonymises the person in place (erasure or retention). The row stays, so anonymised events
 * (screenings now, placements later) still count in statistics; every identifying field is
 * blanked, case notes and the CV are deleted, and the registering jobcenter's list files that
 * wait for a confirmation (and may hold the person) are dropped. Kept: municipality, area,
 * postal code, benefit group, category, education, occupations, who registered (statistics).
 * Undefined when there is no such person or they are anonymised already (idempotent).
 */
export async function anonymiseResident(
  tx: TDbOrTx,
  id: string,
  reason: TAnonymisationReason,
  now: Date,
  /** For an erasure request: how to fingerprint the jobcenter reference (kept so a list cannot bring the person back). */
  fingerprintRef?: (jobcenterRef: string) => string,
): Promise<{ id: string; anonymisedAt: Date; anonymisedReason: TAnonymisationReason } | undefined> {
  const [current] = await tx
    .select({ jobcenterRef: residents.jobcenterRef })
    .from(residents)
    .where(and(eq(residents.id, id), isNull(residents.anonymisedAt)))
    .for('update');
  if (!current) return undefined;
  const erasedRef =
    reason === 'erasure' && current.jobcenterRef && fingerprintRef
      ? fingerprintRef(current.jobcenterRef)
      : null;
  const [row] = await tx
    .update(residents)
    .set({
      firstName: ANONYMISED_FIRST_NAME,
      lastName: ANONYMISED_LAST_NAME,
      // 1 July of the birth year: age bands still work (anonymisedBirthDate in the domain).
      birthDate: sql`make_date(extract(year from ${residents.birthDate})::int, 7, 1)`,
      phone: null,
      email: null,
      jobcenterRef: null,
      erasedRefFingerprint: erasedRef,
      skills: [],
      experiences: [],
      driverLicences: [],
      gender: null,
      supportNeeds: [],
      healthNeedConsent: false,
      responsibleSocialWorkerId: null,
      responsibleJobConsultantId: null,
      status: 'closed',
      anonymisedAt: now,
      anonymisedReason: reason,
      updatedAt: now,
    })
    .where(and(eq(residents.id, id), isNull(residents.anonymisedAt)))
    .returning({
      id: residents.id,
      anonymisedAt: residents.anonymisedAt,
      registeredByJobcenterId: residents.registeredByJobcenterId,
    });
  if (!row) return undefined;
  await tx.delete(residentNotes).where(eq(residentNotes.residentId, id));
  await tx.delete(residentCvs).where(eq(residentCvs.residentId, id));
  // The consent's scope, dates and method stay (statistics of consent); the witness is a name.
  await tx.update(residentConsents).set({ witnessName: null }).where(eq(residentConsents.residentId, id));
  // The categories and the target group stay; the free-text remark goes.
  await tx.update(residentScreenings).set({ remark: null }).where(eq(residentScreenings.residentId, id));
  await anonymiseProposals(tx, id, now);
  await anonymisePlacements(tx, id, now);
  if (row.registeredByJobcenterId) {
    await tx
      .update(residentImports)
      .set({
        fileContent: null,
        status: sql`case when ${residentImports.status} in ('stored', 'failed') then ${residentImports.status} else 'discarded' end`,
        updatedAt: now,
      })
      .where(
        and(
          eq(residentImports.jobcenterId, row.registeredByJobcenterId),
          sql`(${residentImports.fileContent} is not null or ${residentImports.status} not in ('stored', 'failed', 'discarded'))`,
        ),
      );
  }
  return { id: row.id, anonymisedAt: row.anonymisedAt!, anonymisedReason: reason };
}

/**
 * Proposals stay as counts (proposal and hire rates, time to first proposal), but an anonymised
 * person is in no process any more: the ones under way are withdrawn, the free texts go, and the
 * score snapshot keeps its numbers without the reasons (they quote the person's skills and area).
 * Allocation plan lines are only suggestions: they go.
 */
async function anonymiseProposals(tx: TDbOrTx, residentId: string, now: Date): Promise<void> {
  const underWay = await tx
    .select({ id: proposals.id, status: proposals.status })
    .from(proposals)
    .where(
      and(eq(proposals.residentId, residentId), inArray(proposals.status, [...ACTIVE_PROPOSAL_STATUSES])),
    );
  if (underWay.length) {
    await tx
      .update(proposals)
      .set({ status: 'withdrawn', closedAt: now, updatedAt: now })
      .where(
        inArray(
          proposals.id,
          underWay.map((p) => p.id),
        ),
      );
    await tx.insert(proposalStatusChanges).values(
      underWay.map((p) => ({
        proposalId: p.id,
        fromStatus: p.status,
        toStatus: 'withdrawn' as const,
        at: now,
      })),
    );
  }
  await tx
    .update(proposals)
    .set({
      note: null,
      closeNote: null,
      companyDeclineText: null,
      interviewNote: null,
      interviewOutcomeNote: null,
      scoreSnapshot: sql`jsonb_build_object(
        'score', ${proposals.scoreSnapshot}->'score',
        'components', (select coalesce(jsonb_agg(c - 'reason'), '[]'::jsonb)
          from jsonb_array_elements(${proposals.scoreSnapshot}->'components') c),
        'reasons', '[]'::jsonb)`,
    })
    .where(eq(proposals.residentId, residentId));
  await tx
    .update(proposalStatusChanges)
    .set({ note: null })
    .where(
      inArray(
        proposalStatusChanges.proposalId,
        tx.select({ id: proposals.id }).from(proposals).where(eq(proposals.residentId, residentId)),
      ),
    );
  await tx.delete(allocationLines).where(eq(allocationLines.residentId, residentId));
}

/** What an erased person's escalations keep of their words: that there were some. */
export const ERASED_TEXT = '(slettet)';

/**
 * Placements stay as numbers (clause fulfilment, retention, time to hire), but every word about
 * the person goes: the hire's and the end's notes, the check-ins' notes and actions, and the
 * escalations' reasons and resolutions (NOT NULL: a fixed marker instead). An anonymised person
 * is followed up no more: planned check-ins are cancelled and open escalations closed.
 */
async function anonymisePlacements(tx: TDbOrTx, residentId: string, now: Date): Promise<void> {
  const own = tx.select({ id: placements.id }).from(placements).where(eq(placements.residentId, residentId));
  await tx
    .update(placements)
    .set({ note: null, endNote: null, updatedAt: now })
    .where(eq(placements.residentId, residentId));
  await tx
    .update(followUps)
    .set({ notes: null, actionTaken: null, updatedAt: now })
    .where(inArray(followUps.placementId, own));
  await tx
    .update(followUps)
    .set({ state: 'cancelled', updatedAt: now })
    .where(and(inArray(followUps.placementId, own), eq(followUps.state, 'planned')));
  await tx
    .update(escalations)
    .set({
      reason: ERASED_TEXT,
      resolution: ERASED_TEXT,
      resolvedAt: sql`coalesce(${escalations.resolvedAt}, ${now})`,
    })
    .where(inArray(escalations.placementId, own));
}

/** The person's proposals to openings, oldest first, for the access report. */
export async function proposalsOf(db: TDbOrTx, residentId: string) {
  return db
    .select({
      proposedAt: proposals.proposedAt,
      openingTitle: openings.title,
      companyName: companies.name,
      status: proposals.status,
      score: proposals.score,
      reasons: sql<string[]>`coalesce(${proposals.scoreSnapshot}->'reasons', '[]'::jsonb)`,
      note: proposals.note,
      sentToCompanyAt: proposals.sentToCompanyAt,
      interviewAt: proposals.interviewAt,
      interviewNote: proposals.interviewNote,
      interviewOutcome: proposals.interviewOutcome,
      interviewOutcomeNote: proposals.interviewOutcomeNote,
      companyDeclineReason: proposals.companyDeclineReason,
      companyDeclineText: proposals.companyDeclineText,
    })
    .from(proposals)
    .innerJoin(openings, eq(openings.id, proposals.openingId))
    .innerJoin(companies, eq(companies.id, proposals.companyId))
    .where(eq(proposals.residentId, residentId))
    .orderBy(asc(proposals.proposedAt));
}

/** The person's placements, oldest first, with their check-ins and escalations (the access report). */
export async function placementsOf(db: TDbOrTx, residentId: string) {
  const rows = await db
    .select({
      id: placements.id,
      companyName: companies.name,
      openingTitle: openings.title,
      type: placements.type,
      status: placements.status,
      startDate: placements.startDate,
      endDate: placements.endDate,
      hoursPerWeek: placements.hoursPerWeek,
      wageSubsidy: placements.wageSubsidy,
      note: placements.note,
      endReason: placements.endReason,
      endNote: placements.endNote,
    })
    .from(placements)
    .innerJoin(companies, eq(companies.id, placements.companyId))
    .leftJoin(openings, eq(openings.id, placements.openingId))
    .where(eq(placements.residentId, residentId))
    .orderBy(asc(placements.startDate), asc(placements.createdAt));
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return [];
  const [checkIns, alarms] = await Promise.all([
    db
      .select({
        placementId: followUps.placementId,
        key: followUps.key,
        dueDate: followUps.dueDate,
        state: followUps.state,
        recordedAt: followUps.recordedAt,
        contactedWith: followUps.contactedWith,
        status: followUps.status,
        notes: followUps.notes,
        actionTaken: followUps.actionTaken,
        retentionOutcome: followUps.retentionOutcome,
        trialOutcome: followUps.trialOutcome,
      })
      .from(followUps)
      .where(inArray(followUps.placementId, ids))
      .orderBy(asc(followUps.dueDate), asc(followUps.createdAt)),
    db
      .select({
        placementId: escalations.placementId,
        source: escalations.source,
        reason: escalations.reason,
        openedAt: escalations.openedAt,
        resolvedAt: escalations.resolvedAt,
        resolution: escalations.resolution,
      })
      .from(escalations)
      .where(inArray(escalations.placementId, ids))
      .orderBy(asc(escalations.openedAt)),
  ]);
  return rows.map((r) => ({
    ...r,
    followUps: checkIns.filter((f) => f.placementId === r.id),
    escalations: alarms.filter((e) => e.placementId === r.id),
  }));
}

/**
 * The ids audit events about the person may carry: the person and their consents, notes,
 * screenings, proposals, placements, and the check-ins and escalations of those placements.
 * One indexed query each, in parallel (the last two by a sub-select on the placements).
 */
export async function residentEntityIds(db: TDbOrTx, residentId: string): Promise<string[]> {
  const ownPlacements = db
    .select({ id: placements.id })
    .from(placements)
    .where(eq(placements.residentId, residentId));
  const [consents, notes, screenings, proposed, placed, checkIns, alarms] = await Promise.all([
    db
      .select({ id: residentConsents.id })
      .from(residentConsents)
      .where(eq(residentConsents.residentId, residentId)),
    db.select({ id: residentNotes.id }).from(residentNotes).where(eq(residentNotes.residentId, residentId)),
    db
      .select({ id: residentScreenings.id })
      .from(residentScreenings)
      .where(eq(residentScreenings.residentId, residentId)),
    db.select({ id: proposals.id }).from(proposals).where(eq(proposals.residentId, residentId)),
    db.select({ id: placements.id }).from(placements).where(eq(placements.residentId, residentId)),
    db.select({ id: followUps.id }).from(followUps).where(inArray(followUps.placementId, ownPlacements)),
    db
      .select({ id: escalations.id })
      .from(escalations)
      .where(inArray(escalations.placementId, ownPlacements)),
  ]);
  return [
    residentId,
    ...[consents, notes, screenings, proposed, placed, checkIns, alarms].flatMap((rows) =>
      rows.map((r) => r.id),
    ),
  ];
}

/** Audit events about the person: (entity type, entity id) on the audit log's index. */
function eventsWhere(entityIds: string[], options: { withDenied: boolean }): SQL | undefined {
  return and(
    inArray(auditEvents.entityType, [...RESIDENT_ENTITY_TYPES]),
    inArray(auditEvents.entityId, entityIds),
    options.withDenied ? undefined : ne(auditEvents.action, 'denied'),
  );
}

const eventColumns = {
  id: auditEvents.id,
  at: auditEvents.at,
  userId: auditEvents.userId,
  userName: users.name,
  action: auditEvents.action,
  entityType: auditEvents.entityType,
  details: auditEvents.details,
};
export type TEventRow = {
  id: bigint;
  at: Date;
  userId: string | null;
  userName: string | null;
  action: string;
  entityType: string | null;
  details: Record<string, unknown> | null;
};

/** One page of the person's history, newest first (the history tab). */
export function residentEventsPage(
  db: TDbOrTx,
  entityIds: string[],
  query: Pick<TListQuery, 'page' | 'pageSize'>,
) {
  return fetchPage(query, (limit, offset) =>
    db
      .select({ ...eventColumns, total: totalCount })
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.userId))
      .where(eventsWhere(entityIds, { withDenied: true }))
      .orderBy(desc(auditEvents.id))
      .limit(limit)
      .offset(offset),
  );
}

/** Every access to the person's data, oldest first (the export; refusals are no access). */
export function residentAccessEvents(db: TDbOrTx, entityIds: string[]): Promise<TEventRow[]> {
  return db
    .select(eventColumns)
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.userId))
    .where(eventsWhere(entityIds, { withDenied: false }))
    .orderBy(asc(auditEvents.id));
}

/** Names of what the export names: the municipality and the registering organisation. */
export async function placeNames(
  db: TDbOrTx,
  p: { municipalityId: string; registeredByPlanId: string | null; registeredByJobcenterId: string | null },
) {
  const [municipality] = await db
    .select({ name: municipalities.name })
    .from(municipalities)
    .where(eq(municipalities.id, p.municipalityId));
  const [plan] = p.registeredByPlanId
    ? await db
        .select({ name: socialHousingPlans.name })
        .from(socialHousingPlans)
        .where(eq(socialHousingPlans.id, p.registeredByPlanId))
    : [];
  const [jobcenter] = p.registeredByJobcenterId
    ? await db
        .select({ name: jobcenters.name })
        .from(jobcenters)
        .where(eq(jobcenters.id, p.registeredByJobcenterId))
    : [];
  return { municipality: municipality?.name ?? null, registeredBy: plan?.name ?? jobcenter?.name ?? null };
}

/** The jobcenter list imports named by the person's events (details.importId), oldest first. */
export async function importsByIds(db: TDbOrTx, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: residentImports.id,
      fileName: residentImports.fileName,
      createdAt: residentImports.createdAt,
      storedAt: residentImports.storedAt,
      jobcenterName: jobcenters.name,
    })
    .from(residentImports)
    .leftJoin(jobcenters, eq(jobcenters.id, residentImports.jobcenterId))
    .where(inArray(residentImports.id, ids))
    .orderBy(asc(residentImports.createdAt));
}

/**
 * The Copenhagen day the retention rule reaches the person: the day of their last activity plus
 * N months (PostgreSQL's month arithmetic: 31.01 + 1 month = 28/29.02, as addMonths in the domain).
 */
function dueOn(months: number): SQL<string> {
  return sql<string>`to_char((${residents.lastActivityAt} at time zone 'Europe/Copenhagen')::date + make_interval(months => ${months}::int), 'YYYY-MM-DD')`;
}

/**
 * The people due for anonymisation on or before `until` (yyyy-mm-dd), soonest first, with their
 * registering organisation; overdue people (the job has not run yet) included.
 */
export function retentionDuePage(
  db: TDbOrTx,
  months: number,
  until: string,
  query: Pick<TListQuery, 'page' | 'pageSize'>,
) {
  const due = dueOn(months);
  return fetchPage(query, (limit, offset) =>
    db
      .select({
        residentId: residents.id,
        firstName: residents.firstName,
        lastName: residents.lastName,
        registeredBy: sql<string | null>`coalesce(${socialHousingPlans.name}, ${jobcenters.name})`,
        lastActivityAt: residents.lastActivityAt,
        dueOn: due,
        total: totalCount,
      })
      .from(residents)
      .leftJoin(socialHousingPlans, eq(socialHousingPlans.id, residents.registeredByPlanId))
      .leftJoin(jobcenters, eq(jobcenters.id, residents.registeredByJobcenterId))
      .where(and(isNull(residents.anonymisedAt), sql`${due} <= ${until}`))
      .orderBy(
        sql`${due} asc`,
        sql`${residents.lastName} collate da_dk`,
        sql`${residents.firstName} collate da_dk`,
        asc(residents.id),
      )
      .limit(limit)
      .offset(offset),
  );
}

/** Ids of people whose anonymisation day has come (`today` or before), a batch at a time. */
export async function dueForAnonymisation(
  db: TDbOrTx,
  months: number,
  today: string,
  limit: number,
): Promise<string[]> {
  const rows = await db
    .select({ id: residents.id })
    .from(residents)
    .where(and(isNull(residents.anonymisedAt), sql`${dueOn(months)} <= ${today}`))
    .orderBy(asc(residents.lastActivityAt), asc(residents.id))
    .limit(limit);
  return rows.map((r) => r.id);
}
