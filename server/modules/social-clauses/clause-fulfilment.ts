import { clauseProgress, type TClauseProgress } from '@domain/rules/clause-progress.ts';
import type { TClauseKind } from '@domain/social-clause.schema.ts';
import type { TDbOrTx } from '@server/db/client.ts';
import { sql } from 'drizzle-orm';

// How much of each social clause is fulfilled, counted from placements (issue 3 item 5). A
// placement counts for a clause when it is linked to the clause itself, or when it is linked only
// to the clause's assignment and is of the clause's kind: an apprentice or trainee opening for an
// apprentice clause, a local hire for a local-hire clause, its weeks for a trainee-week clause.
// Only placements that started within the clause's period and by today count.

export interface TClauseForProgress {
  id: string;
  assignmentId: string;
  kind: TClauseKind;
  targetQuantity: number;
  periodStart: string;
  periodEnd: string;
}

/** Fulfilled quantity per clause id (0 for a clause with no placements). */
export async function clauseFulfilment(
  db: TDbOrTx,
  clauses: readonly TClauseForProgress[],
  today: string,
): Promise<Map<string, number>> {
  const result = new Map(clauses.map((c) => [c.id, 0]));
  if (clauses.length === 0) return result;
  const ids = clauses.map((c) => c.id);
  const rows = await db.execute<{ clause_id: string; fulfilled: string | number }>(sql`
    select c.id as clause_id,
      coalesce(sum(case
        when c.kind = 'trainee_weeks' then coalesce(p.weeks, 0)
        else 1
      end), 0) as fulfilled
    from social_clauses c
    join placements p
      on (p.social_clause_id = c.id
          or (p.social_clause_id is null and p.assignment_id = c.assignment_id and (
                (c.kind = 'apprentices' and exists (
                  select 1 from openings o where o.id = p.opening_id and o.type in ('apprentice', 'trainee')))
             or (c.kind = 'local_hires' and p.is_local_hire)
             or (c.kind = 'trainee_weeks' and p.weeks is not null))))
     and p.start_date between c.period_start and c.period_end
     and p.start_date <= ${today}::date
    where c.id in (${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})
    group by c.id
  `);
  for (const r of rows.rows) result.set(r.clause_id, Number(r.fulfilled));
  return result;
}

/** Each clause with its progress today. */
export async function withProgress<T extends TClauseForProgress>(
  db: TDbOrTx,
  clauses: readonly T[],
  today: string,
): Promise<(T & { progress: TClauseProgress })[]> {
  const fulfilled = await clauseFulfilment(db, clauses, today);
  return clauses.map((c) => ({
    ...c,
    progress: clauseProgress({
      target: c.targetQuantity,
      fulfilled: fulfilled.get(c.id) ?? 0,
      periodStart: c.periodStart,
      periodEnd: c.periodEnd,
      today,
    }),
  }));
}
