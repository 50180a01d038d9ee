import type { TRetentionOutcome, TTrialOutcome } from '@domain/reports/retention.ts';
import type { TDbOrTx } from '@server/db/client.ts';
import { companies, followUps, partnerships, placements } from '@server/db/schema/index.ts';
import { and, asc, between, eq, inArray, sql } from 'drizzle-orm';

// The rows the retention report is computed from (domain/reports/retention.ts): one per
// placement of the partnerships that started in the period, with the outcomes its check-ins
// recorded. Only ids, types, dates and outcomes leave the database; never a person.

/** The latest outcome a check-in of the placement in the query recorded for what it measures. */
function outcomeOf(measures: 'retention_6' | 'retention_12') {
  return sql<TRetentionOutcome | null>`(select f.retention_outcome from ${followUps} f
    where f.placement_id = ${placements.id} and f.measures = ${measures} and f.retention_outcome is not null
    order by f.recorded_at desc nulls last limit 1)`;
}

/**
 * A trial's outcome: its outcome check-in, else what its end said (converted to a job, into
 * education). A trial that ended otherwise without an outcome stays pending.
 */
const trialOutcome = sql<TTrialOutcome | null>`coalesce((select f.trial_outcome from ${followUps} f
    where f.placement_id = ${placements.id} and f.trial_outcome is not null
    order by f.recorded_at desc nulls last limit 1),
  case ${placements.status} when 'converted' then 'job' when 'education' then 'education' end)`;

export async function retentionPlacements(
  db: TDbOrTx,
  partnershipIds: readonly string[],
  from: string,
  to: string,
) {
  if (partnershipIds.length === 0) return [];
  return db
    .select({
      id: placements.id,
      partnershipId: sql<string>`${placements.partnershipId}`,
      companyId: placements.companyId,
      companyName: companies.name,
      type: placements.type,
      startDate: placements.startDate,
      daysToHire: placements.daysToHire,
      outcome6: outcomeOf('retention_6'),
      outcome12: outcomeOf('retention_12'),
      trialOutcome,
    })
    .from(placements)
    .innerJoin(companies, eq(companies.id, placements.companyId))
    .where(
      and(inArray(placements.partnershipId, [...partnershipIds]), between(placements.startDate, from, to)),
    )
    .orderBy(asc(placements.startDate), asc(placements.id));
}

/** Every partnership (the secretariat's report without a choice). */
export async function allPartnerships(db: TDbOrTx) {
  return db
    .select({ id: partnerships.id, name: partnerships.name, municipalityId: partnerships.municipalityId })
    .from(partnerships)
    .orderBy(sql`${partnerships.name} collate da_dk`);
}
