import { scopeIdsOf, type TActor } from '@domain/policy.ts';
import type { TBiasCell } from '@domain/reports/bias.ts';
import type { GENDERS } from '@domain/resident.schema.ts';
import type { TDbOrTx } from '@server/db/client.ts';
import { housingAreas, partnerships } from '@server/db/schema/index.ts';
import { eq, inArray, or, sql } from 'drizzle-orm';

// The bias report's counts. Only counts leave the database: one row per (area, gender, birth
// date) with how many people of the population were proposed and hired. Who counts is defined in
// domain/reports/bias.ts (and shown on the page); this is its SQL.

export interface TPartnershipRow {
  id: string;
  name: string;
  municipalityId: string;
}

const partnershipColumns = {
  id: partnerships.id,
  name: partnerships.name,
  municipalityId: partnerships.municipalityId,
};

export async function findPartnership(db: TDbOrTx, id: string): Promise<TPartnershipRow | undefined> {
  const [row] = await db.select(partnershipColumns).from(partnerships).where(eq(partnerships.id, id));
  return row;
}

/**
 * A non-admin's own partnerships: those it is a social worker or steering group member of, and
 * those of the municipalities it is a job consultant in.
 */
export async function ownPartnerships(db: TDbOrTx, actor: TActor): Promise<TPartnershipRow[]> {
  const scope = scopeIdsOf(actor);
  const steering = actor.memberships
    .filter((m) => m.role === 'steering' && m.partnershipId !== null)
    .map((m) => m.partnershipId as string);
  const ids = [...scope.socialWorkerPartnershipIds, ...steering];
  const municipalityIds = scope.consultantMunicipalityIds;
  if (ids.length === 0 && municipalityIds.length === 0) return [];
  return db
    .select(partnershipColumns)
    .from(partnerships)
    .where(
      or(
        ids.length ? inArray(partnerships.id, ids) : undefined,
        municipalityIds.length ? inArray(partnerships.municipalityId, [...municipalityIds]) : undefined,
      ),
    );
}

/** The housing areas in the partnership's municipality, and any other area a person lives in. */
export async function areasFor(
  db: TDbOrTx,
  municipalityId: string,
  extraIds: readonly string[],
): Promise<{ id: string; name: string }[]> {
  return db
    .select({ id: housingAreas.id, name: housingAreas.name })
    .from(housingAreas)
    .where(
      or(
        eq(housingAreas.municipalityId, municipalityId),
        extraIds.length ? inArray(housingAreas.id, [...extraIds]) : undefined,
      ),
    );
}

interface TCellDbRow extends Record<string, unknown> {
  area_id: string | null;
  gender: (typeof GENDERS)[number] | null;
  birth_date: string;
  population: number;
  proposed: number;
  hired: number;
}

/**
 * The population of a partnership's municipality in a period (Copenhagen days `from`..`to`, both
 * included), counted per area, gender and birth date:
 * - population: status not closed/moved, not anonymised before the period, and a consent (b)
 *   that covered part of the period (given by its end, not withdrawn or expired before its start);
 * - proposed: with a proposal made in the period (any opening);
 * - hired: of the proposed, a placement starting in the period or a proposal of the period hired.
 */
export async function countBiasCells(
  db: TDbOrTx,
  q: { municipalityId: string; from: string; to: string },
): Promise<TBiasCell[]> {
  // The period as instants: Copenhagen midnight at its start to Copenhagen midnight after its end.
  const start = sql`(${q.from}::date)::timestamp at time zone 'Europe/Copenhagen'`;
  const end = sql`(${q.to}::date + 1)::timestamp at time zone 'Europe/Copenhagen'`;
  const proposedInPeriod = sql`p.proposed_at >= ${start} and p.proposed_at < ${end}`;
  const result = await db.execute<TCellDbRow>(sql`
    with population as (
      select r.id, r.housing_area_id, r.gender, r.birth_date
      from residents r
      where r.municipality_id = ${q.municipalityId}
        and r.status not in ('closed', 'moved')
        and (r.anonymised_at is null or r.anonymised_at >= ${start})
        and exists (
          select 1 from resident_consents c
          where c.resident_id = r.id and c.scope = 'matching'
            and c.given_on <= ${q.to}::date
            and (c.withdrawn_on is null or c.withdrawn_on >= ${q.from}::date)
            and (c.expires_on is null or c.expires_on >= ${q.from}::date))
    ),
    outcomes as (
      select pop.*,
        exists (select 1 from proposals p where p.resident_id = pop.id and ${proposedInPeriod}) as proposed,
        (exists (select 1 from placements pl where pl.resident_id = pop.id
            and pl.start_date between ${q.from}::date and ${q.to}::date)
          or exists (select 1 from proposals p where p.resident_id = pop.id and p.status = 'hired'
            and ${proposedInPeriod})) as hired
      from population pop
    )
    select housing_area_id as area_id, gender, birth_date::text as birth_date,
      count(*)::int as population,
      (count(*) filter (where proposed))::int as proposed,
      (count(*) filter (where proposed and hired))::int as hired
    from outcomes
    group by housing_area_id, gender, birth_date`);
  return result.rows.map((r) => ({
    areaId: r.area_id,
    gender: r.gender,
    birthDate: r.birth_date,
    population: r.population,
    proposed: r.proposed,
    hired: r.hired,
  }));
}
