import { housingAreas, indicatorValues } from '@server/db/schema/index.ts';
import { createTestApp, TestSession } from '@server/test/setup.ts';
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { DEMO_PASSWORD, loadDemoData } from './demo-data.ts';
import { loadDemoIndicators } from './demo-indicators.ts';

it("loads seed 003's baselines for Viborg's five areas with Viborg's averages and the source named, once", async () => {
  const t = await createTestApp({ config: { demo: true } });
  try {
    await loadDemoData(t.deps.db);
    const rows = await t.deps.db
      .select({
        area: housingAreas.name,
        indicator: indicatorValues.indicator,
        year: indicatorValues.year,
        value: indicatorValues.value,
        municipalAverage: indicatorValues.municipalAverage,
        source: indicatorValues.source,
      })
      .from(indicatorValues)
      .innerJoin(housingAreas, eq(housingAreas.id, indicatorValues.housingAreaId));
    // 4 indicators × 5 areas.
    expect(rows).toHaveLength(20);
    const find = (area: string, indicator: string) =>
      rows.find((r) => r.area === area && r.indicator === indicator);
    expect(find('Houlkærvænget', 'employment_share_18_64')).toEqual({
      area: 'Houlkærvænget',
      indicator: 'employment_share_18_64',
      year: 2019,
      value: 48.07,
      municipalAverage: 76.91,
      source: 'LBF (Landsbyggefonden)',
    });
    expect(find('Ellekonebakken', 'unemployment_share_18_64')).toMatchObject({
      value: 8.7,
      municipalAverage: 2.4,
    });
    expect(find('Klostervænget', 'public_benefit_share_16_64')).toMatchObject({
      year: 2020,
      value: 34,
      municipalAverage: null,
      source: 'Jobcenter Viborg, nov. 2020',
    });
    expect(find('Vestervang', 'primary_school_only_not_in_education_share_18_29')).toMatchObject({
      year: 2019,
      value: 37.74,
      municipalAverage: 16.61,
    });
    expect(rows.every((r) => r.source.length > 0)).toBe(true);

    // The marker keeps a second start from loading them again.
    expect(await loadDemoIndicators(t.deps.db)).toBe(false);
    expect(await t.deps.db.select().from(indicatorValues)).toHaveLength(20);

    // The steering group reads them as a chart series.
    const steering = new TestSession(t.app);
    await steering.login('styregruppe@jobbro.test', DEMO_PASSWORD);
    const [ringparken] = await t.deps.db
      .select()
      .from(housingAreas)
      .where(eq(housingAreas.name, 'Ringparken'));
    const res = await steering.get(`/api/indicators/series?areaId=${ringparken!.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().indicators[0]).toMatchObject({
      indicator: 'employment_share_18_64',
      points: [{ year: 2019, value: 51.54, municipalAverage: 76.91 }],
    });
  } finally {
    await t.close();
  }
});
