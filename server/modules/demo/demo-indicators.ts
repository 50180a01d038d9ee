import type { TDb } from '@server/db/client.ts';
import { housingAreas, indicatorValues, municipalities, systemSettings } from '@server/db/schema/index.ts';
import { and, eq, inArray, sql } from 'drizzle-orm';

// Seed 003 (Boligsocial Helhedsplan Viborg, "Delmål og indikatorer"): the baselines of Viborg's
// five areas and Viborg Kommune's averages, exactly as the seed gives them. 2019 for employment,
// unemployment and young people's education (source LBF); 2020 for public benefits (source
// Jobcenter Viborg, Nov. 2020, without a municipal average). The municipal average is stored on
// each area's row, as the seed pairs them.
//
// Classification inputs: the seeds give no classification figures for Viborg's areas (seed 002's
// criterion figures are Sundparken's, not Viborg's), so the demo stores none.

/** Viborg Kommune's municipality code. */
const VIBORG_CODE = '791';
const MARKER = 'demo_indicators_version';
const VERSION = 1;

const LBF = 'LBF (Landsbyggefonden)';
const JOBCENTER = 'Jobcenter Viborg, nov. 2020';
const NOTE = 'Baseline i Boligsocial Helhedsplan Viborg (delmål og indikatorer).';

type TAreaName = 'Houlkærvænget' | 'Vestervang' | 'Ringparken' | 'Ellekonebakken' | 'Klostervænget';

interface TSeedIndicator {
  indicator: string;
  year: number;
  source: string;
  municipalAverage: number | null;
  values: Record<TAreaName, number>;
}

export const DEMO_INDICATORS: readonly TSeedIndicator[] = [
  {
    indicator: 'employment_share_18_64',
    year: 2019,
    source: LBF,
    municipalAverage: 76.91,
    values: {
      Houlkærvænget: 48.07,
      Vestervang: 49.44,
      Ringparken: 51.54,
      Ellekonebakken: 42.14,
      Klostervænget: 53.89,
    },
  },
  {
    indicator: 'unemployment_share_18_64',
    year: 2019,
    source: LBF,
    municipalAverage: 2.4,
    values: {
      Houlkærvænget: 5.79,
      Vestervang: 7.91,
      Ringparken: 3.85,
      Ellekonebakken: 8.7,
      Klostervænget: 5.68,
    },
  },
  {
    indicator: 'public_benefit_share_16_64',
    year: 2020,
    source: JOBCENTER,
    municipalAverage: null,
    values: { Houlkærvænget: 44, Vestervang: 47, Ringparken: 46, Ellekonebakken: 48, Klostervænget: 34 },
  },
  {
    indicator: 'primary_school_only_not_in_education_share_18_29',
    year: 2019,
    source: LBF,
    municipalAverage: 16.61,
    values: {
      Houlkærvænget: 33.33,
      Vestervang: 37.74,
      Ringparken: 26.17,
      Ellekonebakken: 38.5,
      Klostervænget: 24.08,
    },
  },
];

/** Loads seed 003's indicator values once (its own marker, so older demo databases get them too). */
export async function loadDemoIndicators(db: TDb, now: Date = new Date()): Promise<boolean> {
  const [marker] = await db.select().from(systemSettings).where(eq(systemSettings.key, MARKER));
  if (marker) return false;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(74207002)`);
    const [again] = await tx.select().from(systemSettings).where(eq(systemSettings.key, MARKER));
    if (again) return false;
    const names = Object.keys(DEMO_INDICATORS[0]!.values);
    const areas = await tx
      .select({ id: housingAreas.id, name: housingAreas.name })
      .from(housingAreas)
      .innerJoin(municipalities, eq(municipalities.id, housingAreas.municipalityId))
      .where(and(eq(municipalities.code, VIBORG_CODE), inArray(housingAreas.name, names)));
    if (areas.length !== names.length) return false;
    const idOf = new Map(areas.map((a) => [a.name, a.id]));
    for (const s of DEMO_INDICATORS) {
      for (const [name, value] of Object.entries(s.values)) {
        await tx
          .insert(indicatorValues)
          .values({
            housingAreaId: idOf.get(name)!,
            indicator: s.indicator,
            year: s.year,
            value,
            municipalAverage: s.municipalAverage,
            source: s.source,
            note: NOTE,
            createdAt: now,
            updatedAt: now,
          })
          .onConflictDoNothing();
      }
    }
    await tx.insert(systemSettings).values({ key: MARKER, value: VERSION });
    return true;
  });
}
