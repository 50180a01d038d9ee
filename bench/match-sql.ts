import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  acceptsPeopleInJob,
  holdsLicence,
  openingAgeLimits,
  openingMinHours,
  youthRuleViolations,
} from '@domain/matching/hard-filters.ts';
import type { TMatchContext, TMatchOpening, TMatchResident } from '@domain/matching/match-inputs.ts';
import { readinessNeed } from '@domain/matching/score-components.ts';
import { findOccupation } from '@domain/occupations.ts';
import { DRIVER_LICENCES } from '@domain/opening.schema.ts';
import { addMonths } from '@domain/time.ts';
import { startEmbeddedPostgres } from '@server/db/embedded.ts';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

// The measuring stick for bench/match.ts (issue 5 item 6): the ranking of one opening written as
// one SQL query on PostgreSQL — the same hard filters and the same weighted score components as
// domain/matching (hard-filters.ts, score-components.ts, match.ts), all in double precision so
// the scores can be compared with the in-memory index's. Not product code. It starts a throw-away
// embedded PostgreSQL in a temporary directory, creates its own database, loads the residents
// with COPY, and drops everything again in close().

const normalise = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLocaleLowerCase('da')
    .trim();

/** One field of COPY's text format (the values here hold no tab, newline or backslash). */
const field = (v: string | number | boolean | null) => (v === null ? '\\N' : String(v));
const textArray = (values: readonly (string | null)[]) =>
  `{${values.map((v) => (v === null ? 'NULL' : `"${v.replace(/["\\]/g, '\\$&')}"`)).join(',')}}`;

const SCHEMA = `
  CREATE TABLE bench_residents (
    id text COLLATE "C" PRIMARY KEY,
    consent_to_match boolean NOT NULL,
    status text NOT NULL,
    birth_date date NOT NULL,
    municipality_id text NOT NULL,
    housing_area_id text,
    postal_code text NOT NULL,
    wish_isco text[] NOT NULL,
    skills text[] NOT NULL,
    driver_licences text[] NOT NULL,
    danish_level smallint,
    hours_per_week double precision,
    available_day boolean NOT NULL,
    available_evening boolean NOT NULL,
    available_weekend boolean NOT NULL,
    target_group smallint,
    available_from date,
    waiting_since date NOT NULL,
    active_proposals smallint NOT NULL
  );
  CREATE TABLE bench_proposals (resident_id text NOT NULL, opening_id text NOT NULL, PRIMARY KEY (opening_id, resident_id));
  CREATE TABLE bench_declines (
    resident_id text NOT NULL, company_id text NOT NULL, occupation_id text NOT NULL, declined_on date NOT NULL
  );
  CREATE INDEX ON bench_declines (company_id, occupation_id);
`;

// $1 okInJob, $2 minAge, $3 maxAge, $4 allowed minor ages, $5 licences that cover the required
// one (null = none required), $6 min Danish level, $7 min hours, $8 opening id, $9 company id,
// $10 occupation id, $11 declined after, $12 wanted ISCO, $13 skills asked (normalised),
// $14 opening hours, $15-$17 schedule day/evening/weekend, $18 slots asked, $19 area, $20 postal
// code, $21 municipality, $22 readiness need, $23 start date, $24 today, $25-$31 weights
// (skills and readiness 0 when they do not apply), $32 their applicable sum, $33 limit.
const RANK_SQL = `
  SELECT r.id, s.score
  FROM bench_residents r
  CROSS JOIN LATERAL (SELECT extract(year FROM age($23::date, r.birth_date))::int AS age) a
  CROSS JOIN LATERAL (
    SELECT
      coalesce((
        SELECT max(
          CASE
            WHEN w.code = $12::text THEN 1::float8
            WHEN left(w.code, 3) = left($12, 3) THEN 0.7::float8
            WHEN left(w.code, 2) = left($12, 2) THEN 0.4::float8
            ELSE 0::float8
          END * greatest(0.5::float8, 1::float8 - 0.15::float8 * (w.k - 1)))
        FROM unnest(r.wish_isco) WITH ORDINALITY AS w(code, k)
      ), 0::float8) AS occupation,
      CASE WHEN cardinality($13::text[]) = 0 THEN 0::float8 ELSE
        (SELECT count(*) FROM unnest($13::text[]) AS asked(skill) WHERE asked.skill = ANY (r.skills))::float8
        / cardinality($13::text[]) END AS skills,
      0.7::float8 * CASE WHEN r.hours_per_week IS NULL THEN 0.5::float8
                         ELSE least(1::float8, greatest(0::float8, r.hours_per_week / $14::float8)) END
      + 0.3::float8 * CASE WHEN $18::int = 0 THEN 1::float8 ELSE
          ($18::int - (($15 AND NOT r.available_day)::int + ($16 AND NOT r.available_evening)::int
                       + ($17 AND NOT r.available_weekend)::int))::float8 / $18::int END AS hours,
      CASE
        WHEN r.housing_area_id IS NOT NULL AND r.housing_area_id = $19 THEN 1::float8
        WHEN r.postal_code = $20 THEN 0.7::float8
        WHEN r.municipality_id = $21 THEN 0.4::float8
        ELSE 0.1::float8
      END AS proximity,
      CASE
        WHEN r.target_group IS NULL THEN 0.5::float8
        WHEN $22::text = 'ready' THEN CASE WHEN r.target_group = 1 THEN 1::float8 ELSE 0.3::float8 END
        ELSE CASE WHEN r.target_group = 2 THEN 1::float8 ELSE 0.7::float8 END
      END AS readiness,
      CASE WHEN r.available_from IS NULL OR r.available_from <= $23::date THEN 1::float8
           ELSE least(1::float8, greatest(0::float8, 1::float8 - (r.available_from - $23::date)::float8 / 56)) END
        AS start_date,
      least(1::float8, greatest(0::float8,
        least(1::float8, greatest(0, $24::date - r.waiting_since)::float8 / 180) - 0.25::float8 * r.active_proposals))
        AS fairness
  ) c
  CROSS JOIN LATERAL (
    SELECT c.occupation * $25::float8 / $32::float8
         + c.skills * $26::float8 / $32::float8
         + c.hours * $27::float8 / $32::float8
         + c.proximity * $28::float8 / $32::float8
         + c.readiness * $29::float8 / $32::float8
         + c.start_date * $30::float8 / $32::float8
         + c.fairness * $31::float8 / $32::float8 AS score
  ) s
  WHERE r.consent_to_match
    AND (r.status = 'active' OR (r.status = 'in_job' AND $1::boolean))
    AND a.age >= $2::int AND ($3::int IS NULL OR a.age <= $3::int)
    AND (a.age >= 18 OR a.age = ANY ($4::int[]))
    AND ($5::text[] IS NULL OR r.driver_licences && $5::text[])
    AND ($6::int IS NULL OR r.danish_level >= $6::int)
    AND (r.hours_per_week IS NULL OR r.hours_per_week >= $7::float8)
    AND NOT EXISTS (SELECT 1 FROM bench_proposals p WHERE p.opening_id = $8 AND p.resident_id = r.id)
    AND NOT EXISTS (
      SELECT 1 FROM bench_declines d
      WHERE d.resident_id = r.id AND d.company_id = $9 AND d.occupation_id = $10 AND d.declined_on > $11::date
    )
  ORDER BY s.score DESC, r.waiting_since, r.id
  LIMIT $33
`;

export interface TSqlRanking {
  /** Loads the residents with COPY; returns the milliseconds it took. */
  load(residents: readonly TMatchResident[]): Promise<number>;
  rank(
    opening: TMatchOpening,
    context: TMatchContext,
    limit: number,
  ): Promise<{ id: string; score: number }[]>;
  /** "PostgreSQL 18.x …" */
  version(): Promise<string>;
  close(): Promise<void>;
}

export async function startSqlRanking(): Promise<TSqlRanking> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'jobbro-bench-match-'));
  const server = await startEmbeddedPostgres(dataDir, { info: () => {}, warn: (m) => console.error(m) });
  const database = `bench_match_${process.pid}`;
  const admin = new pg.Client({ connectionString: server.adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  const client = new pg.Client({ connectionString: server.urlFor(database) });
  await client.connect();
  await client.query(SCHEMA);

  return {
    async load(residents) {
      const t0 = performance.now();
      const rows = function* () {
        for (const r of residents) {
          const isco = r.occupationIds.map((id) => findOccupation(id)?.isco ?? null);
          yield `${[
            field(r.id),
            field(r.consentToMatch),
            field(r.status),
            field(r.birthDate),
            field(r.municipalityId),
            field(r.housingAreaId),
            field(r.postalCode),
            field(textArray(isco)),
            field(textArray([...new Set(r.skills.map(normalise))])),
            field(textArray(r.driverLicences)),
            field(r.danishLevel),
            field(r.hoursPerWeek),
            field(r.availableDay),
            field(r.availableEvening),
            field(r.availableWeekend),
            field(r.targetGroup),
            field(r.availableFrom),
            field(r.waitingSince),
            field(r.activeProposals),
          ].join('\t')}\n`;
        }
      };
      await pipeline(Readable.from(rows()), client.query(copyFrom('COPY bench_residents FROM STDIN')));
      await client.query('VACUUM ANALYZE bench_residents');
      return performance.now() - t0;
    },

    async rank(opening, context, limit) {
      const { minAge, maxAge } = openingAgeLimits(opening);
      const allowedMinorAges: number[] = [];
      for (let age = Math.max(0, minAge); age < 18; age++)
        if (youthRuleViolations(age, opening).length === 0) allowedMinorAges.push(age);
      const skillsApply = opening.skills.length > 0;
      const need = readinessNeed(opening.type);
      const readinessApplies = need !== 'youth';
      const w = context.settings.weights;
      const weights = [
        w.occupation,
        skillsApply ? w.skills : 0,
        w.hours,
        w.proximity,
        readinessApplies ? w.readiness : 0,
        w.startDate,
        w.fairness,
      ];
      // The reference adds the weights in component order, skipping those that do not apply.
      const applicable = weights.reduce((sum, x) => sum + x, 0);
      const slots = [opening.scheduleDay, opening.scheduleEvening, opening.scheduleWeekend].filter(
        Boolean,
      ).length;
      const quarantine = context.settings.declineQuarantineMonths;
      const result = await client.query<{ id: string; score: number }>({
        name: 'bench-rank',
        text: RANK_SQL,
        values: [
          acceptsPeopleInJob(opening.type),
          minAge,
          maxAge,
          allowedMinorAges,
          opening.driverLicence === null
            ? null
            : DRIVER_LICENCES.filter((held) => holdsLicence([held], opening.driverLicence!)),
          opening.minDanishLevel,
          openingMinHours(opening),
          opening.id,
          opening.companyId,
          opening.occupationId,
          // No quarantine: a date after every decline's.
          quarantine > 0 ? addMonths(context.today, -quarantine) : '9999-12-31',
          findOccupation(opening.occupationId)?.isco ?? '----',
          opening.skills.map(normalise),
          opening.hoursPerWeek,
          opening.scheduleDay,
          opening.scheduleEvening,
          opening.scheduleWeekend,
          slots,
          opening.housingAreaId,
          opening.postalCode,
          opening.municipalityId,
          need,
          opening.startDate,
          context.today,
          ...weights,
          applicable,
          limit,
        ],
      });
      return result.rows.map((row) => ({ id: row.id, score: Number(row.score) }));
    },

    async version() {
      const result = await client.query<{ version: string }>('SELECT version()');
      return result.rows[0]!.version;
    },

    async close() {
      await client.end();
      await admin.query(`DROP DATABASE ${database}`);
      await admin.end();
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
