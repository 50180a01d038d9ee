import type { TCaseState, TEvaluationEvent } from '@domain/reports/evaluation-export.ts';
import { TRIAL_TYPES } from '@domain/reports/retention.ts';
import type { TDbOrTx } from '@server/db/client.ts';
import {
  evaluationExportKeys,
  housingAreas,
  residentCaseChanges,
  residents,
  users,
} from '@server/db/schema/index.ts';
import { hasActiveConsent } from '@server/modules/residents/residents.repository.ts';
import { and, asc, desc, eq, isNull, or, sql } from 'drizzle-orm';

// Drizzle queries of the evaluation export: its keys, who is in an export (an active consent (c)
// today, as residents.repository's hasActiveConsent decides for every other consent check), the
// events of those people, and the audit events the export leaves in bulk.

/** One array parameter, however many ids: `= any(…)` instead of thousands of placeholders. */
const ids = (values: readonly string[]) => sql`${sql.param([...values])}::uuid[]`;

export type TKeyRow = typeof evaluationExportKeys.$inferSelect;

/** The keys without their secrets, newest first; `id`: that one only. */
export async function listKeys(db: TDbOrTx, id?: string) {
  return db
    .select({
      id: evaluationExportKeys.id,
      label: evaluationExportKeys.label,
      createdAt: evaluationExportKeys.createdAt,
      createdByName: users.name,
      revokedAt: evaluationExportKeys.revokedAt,
    })
    .from(evaluationExportKeys)
    .leftJoin(users, eq(users.id, evaluationExportKeys.createdBy))
    .where(id ? eq(evaluationExportKeys.id, id) : undefined)
    .orderBy(desc(evaluationExportKeys.createdAt), asc(evaluationExportKeys.id));
}
export type TKeyListRow = Awaited<ReturnType<typeof listKeys>>[number];

/**
 * The key with its secret. `lock`: held (FOR SHARE) to the end of the transaction, so a revocation
 * waits for an export under way and no export starts with a key revoked a moment before.
 */
export async function findKey(db: TDbOrTx, id: string, lock = false): Promise<TKeyRow | undefined> {
  const query = db.select().from(evaluationExportKeys).where(eq(evaluationExportKeys.id, id));
  const [row] = lock ? await query.for('share') : await query;
  return row;
}

export async function insertKey(
  db: TDbOrTx,
  values: { label: string; secret: Buffer; createdBy: string | null; createdAt: Date },
): Promise<TKeyRow> {
  const [row] = await db.insert(evaluationExportKeys).values(values).returning();
  return row!;
}

/** Revokes a key not yet revoked; undefined when it already was (or does not exist). */
export async function revokeKey(db: TDbOrTx, id: string, at: Date): Promise<TKeyRow | undefined> {
  const [row] = await db
    .update(evaluationExportKeys)
    .set({ revokedAt: at })
    .where(and(eq(evaluationExportKeys.id, id), isNull(evaluationExportKeys.revokedAt)))
    .returning();
  return row;
}

/**
 * Who is in the partnership's export: not anonymised, with an ACTIVE consent (c) on `today`
 * (given, not expired, not withdrawn: exactly the check every other consent goes through), and
 * the partnership's person: living in one of its housing organisations' areas now or at some
 * point before the period ended, or proposed to or placed in one of its openings.
 */
export async function exportPopulation(
  db: TDbOrTx,
  q: { partnershipId: string; today: string; to: string },
): Promise<{ id: string; birthDate: string }[]> {
  const periodEnd = sql`(${q.to}::date + 1)::timestamp at time zone 'Europe/Copenhagen'`;
  const partnershipAreas = sql`(select ha.id from housing_areas ha
    join housing_organisations ho on ho.id = ha.housing_organisation_id
    where ho.partnership_id = ${q.partnershipId})`;
  return db
    .select({ id: residents.id, birthDate: residents.birthDate })
    .from(residents)
    .where(
      and(
        isNull(residents.anonymisedAt),
        hasActiveConsent('evaluation', q.today),
        or(
          sql`${residents.housingAreaId} in ${partnershipAreas}`,
          sql`exists (select 1 from ${residentCaseChanges} cc where cc.resident_id = ${residents.id}
            and cc.changed_at < ${periodEnd} and cc.housing_area_id in ${partnershipAreas})`,
          sql`exists (select 1 from placements pl where pl.resident_id = ${residents.id}
            and pl.partnership_id = ${q.partnershipId})`,
          sql`exists (select 1 from proposals p where p.resident_id = ${residents.id}
            and p.partnership_id = ${q.partnershipId})`,
        ),
      ),
    );
}

/** The people's case histories up to the period's end, each oldest first. */
export async function caseHistories(
  db: TDbOrTx,
  residentIds: readonly string[],
  to: string,
): Promise<Map<string, TCaseState[]>> {
  const out = new Map<string, TCaseState[]>();
  if (residentIds.length === 0) return out;
  const rows = await db
    .select({
      residentId: residentCaseChanges.residentId,
      changedAt: residentCaseChanges.changedAt,
      status: residentCaseChanges.status,
      benefitGroup: residentCaseChanges.benefitGroup,
      housingAreaId: residentCaseChanges.housingAreaId,
    })
    .from(residentCaseChanges)
    .where(
      and(
        sql`${residentCaseChanges.residentId} = any(${ids(residentIds)})`,
        sql`${residentCaseChanges.changedAt} < (${to}::date + 1)::timestamp at time zone 'Europe/Copenhagen'`,
      ),
    )
    .orderBy(
      asc(residentCaseChanges.residentId),
      asc(residentCaseChanges.changedAt),
      asc(residentCaseChanges.id),
    );
  for (const r of rows) {
    const list = out.get(r.residentId) ?? [];
    list.push({
      changedAt: r.changedAt,
      status: r.status as TCaseState['status'],
      benefitGroup: r.benefitGroup as TCaseState['benefitGroup'],
      housingAreaId: r.housingAreaId,
    });
    out.set(r.residentId, list);
  }
  return out;
}

interface TEventDbRow extends Record<string, unknown> {
  resident_id: string;
  kind: TEvaluationEvent['kind'];
  day: string;
  at_ms: number | null;
  opening_type: TEvaluationEvent['openingType'];
  outcome: string | null;
  reason: TEvaluationEvent['reason'];
}

/**
 * The people's events in the period (Copenhagen days `from`..`to`, both included): screenings,
 * proposals, interviews held (not those still ahead of `now`), placements started (a hire, or a
 * trial), 6- and 12-month check-ins with a retention outcome, trial outcomes, and placements
 * ended. Only codes and dates leave the database: no notes, no names.
 */
export async function evaluationEvents(
  db: TDbOrTx,
  q: { residentIds: readonly string[]; from: string; to: string; now: Date },
): Promise<TEvaluationEvent[]> {
  if (q.residentIds.length === 0) return [];
  const start = sql`(${q.from}::date)::timestamp at time zone 'Europe/Copenhagen'`;
  const end = sql`(${q.to}::date + 1)::timestamp at time zone 'Europe/Copenhagen'`;
  const day = (column: string) => sql.raw(`(${column} at time zone 'Europe/Copenhagen')::date::text`);
  const ms = (column: string) => sql.raw(`(extract(epoch from ${column}) * 1000)::float8`);
  const inPeriod = (column: string) => sql`${sql.raw(column)} >= ${start} and ${sql.raw(column)} < ${end}`;
  const trialTypes = sql`${sql.param([...TRIAL_TYPES])}::text[]`;
  const result = await db.execute<TEventDbRow>(sql`
    with pop as (select unnest(${ids(q.residentIds)}) as id)
    select s.resident_id, 'screening' as kind, s.screened_on::text as day, null::float8 as at_ms,
      null::text as opening_type, s.target_group::text as outcome, null::text as reason
    from resident_screenings s join pop on pop.id = s.resident_id
    where s.screened_on between ${q.from}::date and ${q.to}::date
    union all
    select p.resident_id, 'proposal', ${day('p.proposed_at')}, ${ms('p.proposed_at')}, o.type, null, null
    from proposals p join pop on pop.id = p.resident_id join openings o on o.id = p.opening_id
    where ${inPeriod('p.proposed_at')}
    union all
    select p.resident_id, 'interview', ${day('p.interview_at')}, ${ms('p.interview_at')}, o.type,
      p.interview_outcome, null
    from proposals p join pop on pop.id = p.resident_id join openings o on o.id = p.opening_id
    where ${inPeriod('p.interview_at')} and p.interview_at <= ${q.now}
    union all
    select pl.resident_id, case when pl.type = any(${trialTypes}) then 'trial_started' else 'hired' end,
      pl.start_date::text, null, pl.type, null, null
    from placements pl join pop on pop.id = pl.resident_id
    where pl.start_date between ${q.from}::date and ${q.to}::date
    union all
    select pl.resident_id, f.measures, ${day('f.recorded_at')}, ${ms('f.recorded_at')}, pl.type,
      f.retention_outcome, null
    from follow_ups f join placements pl on pl.id = f.placement_id join pop on pop.id = pl.resident_id
    where f.measures in ('retention_6', 'retention_12') and f.retention_outcome is not null
      and ${inPeriod('f.recorded_at')}
    union all
    select pl.resident_id, 'trial_outcome', ${day('f.recorded_at')}, ${ms('f.recorded_at')}, pl.type,
      f.trial_outcome, null
    from follow_ups f join placements pl on pl.id = f.placement_id join pop on pop.id = pl.resident_id
    where f.trial_outcome is not null and ${inPeriod('f.recorded_at')}
    union all
    select pl.resident_id, 'placement_ended', pl.end_date::text, null, pl.type, pl.status, pl.end_reason
    from placements pl join pop on pop.id = pl.resident_id
    where pl.status <> 'active' and pl.end_date between ${q.from}::date and ${q.to}::date`);
  return result.rows.map((r) => ({
    residentId: r.resident_id,
    kind: r.kind,
    day: r.day,
    at: r.at_ms === null ? null : new Date(Number(r.at_ms)),
    openingType: r.opening_type,
    outcome: r.outcome,
    reason: r.reason,
  }));
}

export async function areaNames(db: TDbOrTx, areaIds: readonly string[]): Promise<Map<string, string>> {
  if (areaIds.length === 0) return new Map();
  const rows = await db
    .select({ id: housingAreas.id, name: housingAreas.name })
    .from(housingAreas)
    .where(sql`${housingAreas.id} = any(${ids(areaIds)})`);
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * One 'export' event per person exported, in one statement, so each person's access report and
 * history show that their data left Jobbro pseudonymised, when, by whom and under which key.
 */
export async function insertPersonExportEvents(
  tx: TDbOrTx,
  residentIds: readonly string[],
  event: { at: Date; userId: string | null; requestId: string | null; ip: string | null; keyId: string },
): Promise<void> {
  if (residentIds.length === 0) return;
  await tx.execute(sql`
    insert into audit_events (at, user_id, action, entity_type, entity_id, request_id, ip, details)
    select ${event.at}, ${event.userId}, 'export', 'resident', u.id, ${event.requestId}, ${event.ip}::inet,
      ${JSON.stringify({ keyId: event.keyId })}::jsonb
    from unnest(${sql.param([...residentIds])}::text[]) as u(id)`);
}
