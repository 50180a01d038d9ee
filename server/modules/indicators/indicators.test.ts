import { areaClassificationInputs, auditEvents, indicatorValues } from '@server/db/schema/index.ts';
import { buildHousingArea, buildPartnershipWorld, TEST_PASSWORD } from '@server/test/factories.ts';
import { createTestApp, TestSession, type TTestApp } from '@server/test/setup.ts';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

// Area indicators and classification through the API, on a real PostgreSQL: bad input gives
// precise Danish errors and stores nothing; an import with a bad row stores no row at all.

type TWorld = Awaited<ReturnType<typeof buildPartnershipWorld>>;

let t: TTestApp;
let w: TWorld;
let other: TWorld;
let admin: TestSession;
let housing: TestSession;
let steering: TestSession;
let company: TestSession;
let secondArea: { id: string; name: string };

async function session(email: string) {
  const s = new TestSession(t.app);
  const res = await s.login(email, TEST_PASSWORD);
  expect(res.statusCode).toBe(200);
  return s;
}

const value = (o: Record<string, unknown> = {}) => ({
  areaId: w.area.id,
  indicator: 'employment_share_18_64',
  year: 2019,
  value: 48.07,
  municipalAverage: 76.91,
  source: 'LBF',
  ...o,
});

const put = (s: TestSession, payload: object) =>
  s.request({ method: 'PUT', url: '/api/indicators', payload });

const csv = (text: string) => Buffer.from(text, 'utf8').toString('base64');

const storedValues = () => t.deps.db.select().from(indicatorValues).orderBy(indicatorValues.id);

beforeAll(async () => {
  t = await createTestApp();
  w = await buildPartnershipWorld(t.deps.db);
  other = await buildPartnershipWorld(t.deps.db);
  secondArea = await buildHousingArea(t.deps.db, {
    name: 'Vestervang',
    housingOrganisationId: w.organisation.id,
    municipalityId: w.municipality.id,
  });
  admin = await session(w.users.admin.email);
  housing = await session(w.users.housing_staff.email);
  steering = await session(w.users.steering.email);
  company = await session(w.users.company_contact.email);
});

afterAll(async () => {
  await t?.close();
});

beforeEach(async () => {
  await t.deps.db.delete(indicatorValues);
  await t.deps.db.delete(areaClassificationInputs);
});

describe('PUT /api/indicators', () => {
  it('stores a value, and a second PUT for the same area, indicator and year replaces it', async () => {
    const first = await put(housing, value());
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      areaId: w.area.id,
      indicatorNameDa: 'Andel af beboere i beskæftigelse (18-64 år)',
      unit: 'percent',
      value: 48.07,
      municipalAverage: 76.91,
      source: 'LBF',
    });
    const second = await put(housing, value({ value: 50.1, note: 'Rettet tal' }));
    expect(second.statusCode).toBe(200);
    const rows = await storedValues();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ value: 50.1, note: 'Rettet tal', municipalAverage: 76.91 });
    const audit = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'area_indicator'), eq(auditEvents.entityId, w.area.id)));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['create', 'update']));
  });

  it('refuses a share of 120 % and a municipal average below 0 with the Danish message, storing nothing', async () => {
    const res = await put(housing, value({ value: 120, municipalAverage: -1 }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({
      value: 'Andelen skal være mellem 0 og 100 %.',
      municipalAverage: 'Andelen skal være mellem 0 og 100 %.',
    });
    expect(await storedValues()).toHaveLength(0);
  });

  it('refuses residents that are not a whole number, a year outside 2000-2100 and an unknown indicator', async () => {
    const residents = await put(
      housing,
      value({ indicator: 'residents', value: 1400.5, municipalAverage: null }),
    );
    expect(residents.statusCode).toBe(400);
    expect(residents.json().error.fields.value).toBe('Antallet skal være et helt tal på 0 eller mere.');
    const year = await put(housing, value({ year: 1999 }));
    expect(year.statusCode).toBe(400);
    expect(year.json().error.fields.year).toBe('Året skal være et helt tal mellem 2000 og 2100.');
    const unknown = await put(housing, value({ indicator: 'lykke_indeks' }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields.indicator).toContain('Ukendt indikator "lykke_indeks"');
    expect(await storedValues()).toHaveLength(0);
  });

  it('answers an unknown area with 404 and a Danish message', async () => {
    const res = await put(admin, value({ areaId: '00000000-0000-4000-8000-000000000000' }));
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toBe('Boligområdet findes ikke.');
  });

  it("lets housing staff write their own organisation's areas only, and steering none", async () => {
    expect((await put(housing, value({ areaId: other.area.id }))).statusCode).toBe(403);
    expect((await put(steering, value())).statusCode).toBe(403);
    expect((await put(company, value())).statusCode).toBe(403);
    expect(await storedValues()).toHaveLength(0);
  });
});

describe("a partnership's own indicators", () => {
  it('are defined by the partnership, listed after the catalogue and usable for its areas only', async () => {
    const own = {
      partnershipId: w.partnership.id,
      key: 'fritidsjob_15_17',
      nameDa: 'Unge i fritidsjob (15-17 år)',
      unit: 'percent',
    };
    const created = await housing.post('/api/indicators/definitions', own);
    expect(created.statusCode).toBe(200);
    expect(created.json()).toEqual({ ...own, builtIn: false });

    const again = await housing.post('/api/indicators/definitions', own);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe(
      'Partnerskabet har allerede en indikator med nøglen "fritidsjob_15_17".',
    );
    const builtInKey = await housing.post('/api/indicators/definitions', { ...own, key: 'residents' });
    expect(builtInKey.statusCode).toBe(400);
    expect(builtInKey.json().error.fields.key).toBe(
      'Nøglen bruges allerede af en af Jobbros faste indikatorer.',
    );
    expect(
      (await housing.post('/api/indicators/definitions', { ...own, partnershipId: other.partnership.id }))
        .statusCode,
    ).toBe(403);
    expect((await steering.post('/api/indicators/definitions', { ...own, key: 'andet' })).statusCode).toBe(
      403,
    );

    const list = await steering.get(`/api/indicators/definitions?partnershipId=${w.partnership.id}`);
    expect(list.json().map((d: { key: string }) => d.key)).toEqual([
      'employment_share_18_64',
      'unemployment_share_18_64',
      'public_benefit_share_16_64',
      'primary_school_only_not_in_education_share_18_29',
      'residents',
      'fritidsjob_15_17',
    ]);

    const stored = await put(
      housing,
      value({ indicator: 'fritidsjob_15_17', value: 12.5, municipalAverage: null }),
    );
    expect(stored.statusCode).toBe(200);
    expect(stored.json()).toMatchObject({ indicatorNameDa: 'Unge i fritidsjob (15-17 år)', unit: 'percent' });
    const share = await put(housing, value({ indicator: 'fritidsjob_15_17', value: 101 }));
    expect(share.json().error.fields.value).toBe('Andelen skal være mellem 0 og 100 %.');
    // Another partnership's area does not know the key.
    const elsewhere = await put(admin, value({ areaId: other.area.id, indicator: 'fritidsjob_15_17' }));
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().error.fields.indicator).toContain('Ukendt indikator "fritidsjob_15_17"');
  });
});

describe('GET /api/indicators and DELETE', () => {
  it('filters by area, indicator and year range, pages, and deletes one value', async () => {
    for (const year of [2019, 2020, 2021]) expect((await put(admin, value({ year }))).statusCode).toBe(200);
    await put(admin, value({ areaId: secondArea.id, indicator: 'unemployment_share_18_64', value: 7.91 }));
    await put(admin, value({ areaId: other.area.id }));

    const range = await steering.get(
      `/api/indicators?areaId=${w.area.id}&yearFrom=2020&yearTo=2021&sort=year&dir=desc`,
    );
    expect(range.statusCode).toBe(200);
    expect(range.json().items.map((i: { year: number }) => i.year)).toEqual([2021, 2020]);

    const byPartnership = await steering.get(`/api/indicators?partnershipId=${w.partnership.id}&pageSize=2`);
    expect(byPartnership.json()).toMatchObject({ total: 4, pageSize: 2 });
    expect(byPartnership.json().items).toHaveLength(2);

    const unemployment = await steering.get('/api/indicators?indicator=unemployment_share_18_64');
    expect(unemployment.json().items).toEqual([
      expect.objectContaining({ areaName: 'Vestervang', value: 7.91, unit: 'percent' }),
    ]);

    const badRange = await steering.get('/api/indicators?yearFrom=2021&yearTo=2019');
    expect(badRange.statusCode).toBe(400);
    expect(badRange.json().error.fields.yearTo).toBe('Fra-året skal ligge før eller være lig med til-året.');

    expect((await company.get('/api/indicators')).statusCode).toBe(403);

    const id = range.json().items[0].id;
    expect((await steering.delete(`/api/indicators/${id}`)).statusCode).toBe(403);
    expect((await housing.delete(`/api/indicators/${id}`)).statusCode).toBe(200);
    expect(await storedValues()).toHaveLength(4);
    expect((await housing.delete(`/api/indicators/${id}`)).statusCode).toBe(404);
  });
});

describe('GET /api/indicators/series', () => {
  it('gives per indicator the yearly values with the municipal line, catalogue order first', async () => {
    await put(admin, value({ indicator: 'unemployment_share_18_64', value: 5.79, municipalAverage: 2.4 }));
    await put(admin, value({ year: 2020, value: 49, municipalAverage: null, source: 'Jobcenter' }));
    await put(admin, value());
    const res = await steering.get(`/api/indicators/series?areaId=${w.area.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      areaId: w.area.id,
      areaName: w.area.name,
      indicators: [
        {
          indicator: 'employment_share_18_64',
          nameDa: 'Andel af beboere i beskæftigelse (18-64 år)',
          unit: 'percent',
          points: [
            { year: 2019, value: 48.07, municipalAverage: 76.91, source: 'LBF' },
            { year: 2020, value: 49, municipalAverage: null, source: 'Jobcenter' },
          ],
        },
        {
          indicator: 'unemployment_share_18_64',
          nameDa: 'Andel af beboere, der er arbejdsløse (18-64 år)',
          unit: 'percent',
          points: [{ year: 2019, value: 5.79, municipalAverage: 2.4, source: 'LBF' }],
        },
      ],
    });
    const unknown = await steering.get('/api/indicators/series?areaId=00000000-0000-4000-8000-000000000000');
    expect(unknown.statusCode).toBe(404);
  });
});

describe('POST /api/indicators/import', () => {
  it('checks every row in a dry run, reports bad rows by number in Danish, and stores nothing when any row is bad', async () => {
    await put(admin, value({ value: 40 }));
    const before = await storedValues();
    const file = [
      'Område;Indikator;År;Værdi;Kommunalt gennemsnit;Kilde;Note',
      `${w.area.name};employment_share_18_64;2019;48,07;76,91;LBF;`,
      `${secondArea.name};Andel af beboere, der er arbejdsløse (18-64 år);2019;120;2,4;LBF;`,
      `Atlantis;employment_share_18_64;2019;50;76,91;LBF;`,
      `${secondArea.name};employment_share_18_64;1999;50;;LBF;`,
      `${secondArea.name};lykke;2019;50;;;`,
      `${w.area.name};employment_share_18_64;2019;49;;LBF;dubleret`,
    ].join('\n');
    for (const dryRun of [true, false]) {
      const res = await housing.post('/api/indicators/import', {
        fileName: 'indikatorer.csv',
        contentBase64: csv(file),
        dryRun,
      });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.stored).toBe(false);
      expect(body.counts).toEqual({ total: 6, create: 0, update: 1, invalid: 5 });
      expect(body.rows.map((r: { row: number; errors: object }) => [r.row, r.errors])).toEqual([
        [2, {}],
        [3, { value: 'Andelen skal være mellem 0 og 100 %.' }],
        [4, { area: 'Ukendt boligområde "Atlantis".' }],
        [5, { year: 'Året skal være et helt tal mellem 2000 og 2100.' }],
        [
          6,
          {
            indicator:
              'Ukendt indikator "lykke". Brug en af Jobbros faste indikatorer eller partnerskabets egne.',
            source: 'Skal udfyldes.',
          },
        ],
        [7, { year: 'Samme område, indikator og år som række 2.' }],
      ]);
    }
    // The table is exactly as before: the good row 2 was not stored either.
    expect(await storedValues()).toEqual(before);
  });

  it('refuses rows for areas the user may not change', async () => {
    const file = `Område;Indikator;År;Værdi;Kilde\n${other.area.name};employment_share_18_64;2019;50;LBF`;
    const res = await housing.post('/api/indicators/import', {
      fileName: 'x.csv',
      contentBase64: csv(file),
      dryRun: false,
    });
    expect(res.json().rows[0].errors).toEqual({ area: `Du kan ikke ændre tal for ${other.area.name}.` });
    expect(await storedValues()).toHaveLength(0);
  });

  it('stores every row of a good XLSX file in one go', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Indikatorer');
    sheet.addRow(['Område', 'Indikator', 'År', 'Værdi', 'Kommunalt gennemsnit', 'Kilde']);
    sheet.addRow([w.area.name, 'employment_share_18_64', 2019, 48.07, 76.91, 'LBF']);
    sheet.addRow([secondArea.name, 'Antal beboere', 2020, 1100, '', 'Boligselskabet']);
    const content = Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
    const dry = await housing.post('/api/indicators/import', { fileName: 'i.xlsx', contentBase64: content });
    expect(dry.json()).toMatchObject({ stored: false, counts: { total: 2, create: 2, invalid: 0 } });
    expect(await storedValues()).toHaveLength(0);
    const res = await housing.post('/api/indicators/import', {
      fileName: 'i.xlsx',
      contentBase64: content,
      dryRun: false,
    });
    expect(res.json()).toMatchObject({ stored: true, counts: { total: 2, create: 2, invalid: 0 } });
    const rows = await storedValues();
    expect(rows.map((r) => [r.indicator, r.year, r.value, r.municipalAverage]).sort()).toEqual([
      ['employment_share_18_64', 2019, 48.07, 76.91],
      ['residents', 2020, 1100, null],
    ]);
  });

  it('refuses a file without the required columns, and one that is no spreadsheet', async () => {
    const res = await housing.post('/api/indicators/import', {
      fileName: 'x.csv',
      contentBase64: csv('Område;År\nA;2019'),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.file).toBe(
      'Filen mangler kolonnerne "indikator", "værdi", "kilde" i første række.',
    );
    expect(
      (await steering.post('/api/indicators/import', { fileName: 'x.csv', contentBase64: csv('a') }))
        .statusCode,
    ).toBe(403);
  });
});

describe('/api/areas/:id/classification', () => {
  // Seed 002's Sundparken figures: 47,8 % of 18-64 outside the labour market, 78,4 % of 30-59 with
  // only primary school; the other criteria not given.
  const sundparken = {
    year: 2019,
    residents: 1000,
    yearsOnList: 4,
    values: {
      no_work_or_education_share_18_64: 47.8,
      primary_school_only_share_30_59: 78.4,
      gross_income_pct_of_region_15_64: null,
      convicted_multiple_of_national_18_plus: null,
      non_western_immigrants_share: null,
    },
    source: 'KL (seed 002), beboerdata maj 2019',
  };

  it('stores a year’s inputs and classifies them: Sundparken-like figures make a vulnerable area by criteria 1 and 2', async () => {
    const res = await housing.request({
      method: 'PUT',
      url: `/api/areas/${w.area.id}/classification`,
      payload: sundparken,
    });
    expect(res.statusCode).toBe(200);
    const read = await steering.get(`/api/areas/${w.area.id}/classification?year=2019`);
    expect(read.statusCode).toBe(200);
    const body = read.json();
    expect(body.input).toMatchObject({
      residents: 1000,
      yearsOnList: 4,
      source: 'KL (seed 002), beboerdata maj 2019',
    });
    expect(body.classification).toMatchObject({
      category: 'vulnerable',
      categoryLabelDa: 'udsat boligområde',
    });
    expect(body.classification.metCriteria).toEqual([1, 2]);
    expect(body.classification.criteria.slice(0, 2).map((c: { margin: number }) => c.margin)).toEqual([
      7.8, 18.4,
    ]);
    expect(body.classification.explanationDa).toContain(
      'Kriterie 1 opfyldt: 47,8 % af de 18-64-årige er uden tilknytning til arbejdsmarkedet eller uddannelse – kravet er over 40 %; 7,8 procentpoint over grænsen.',
    );
    expect(res.json()).toEqual(body);
  });

  it('gives no inputs and no classification for a year without stored inputs', async () => {
    const res = await steering.get(`/api/areas/${w.area.id}/classification?year=2019`);
    expect(res.json()).toMatchObject({ input: null, classification: null, year: 2019 });
  });

  it('refuses a year without rules, a share over 100 % and an unknown area, storing nothing', async () => {
    const year = await housing.request({
      method: 'PUT',
      url: `/api/areas/${w.area.id}/classification`,
      payload: { ...sundparken, year: 2031 },
    });
    expect(year.statusCode).toBe(400);
    expect(year.json().error.message).toBe(
      'Der findes ingen klassifikationsregler for 2031. Kendte år: 2019.',
    );
    const read = await steering.get(`/api/areas/${w.area.id}/classification?year=2031`);
    expect(read.statusCode).toBe(400);
    expect(read.json().error.fields.year).toBe(
      'Der findes ingen klassifikationsregler for 2031. Kendte år: 2019.',
    );
    const share = await housing.request({
      method: 'PUT',
      url: `/api/areas/${w.area.id}/classification`,
      payload: { ...sundparken, values: { ...sundparken.values, no_work_or_education_share_18_64: 120 } },
    });
    expect(share.statusCode).toBe(400);
    expect(share.json().error.fields['values.no_work_or_education_share_18_64']).toBe(
      'Kriterie 1 skal være en andel mellem 0 og 100 %.',
    );
    const unknown = await admin.request({
      method: 'PUT',
      url: '/api/areas/00000000-0000-4000-8000-000000000000/classification',
      payload: sundparken,
    });
    expect(unknown.statusCode).toBe(404);
    expect(
      (await admin.get('/api/areas/00000000-0000-4000-8000-000000000000/classification?year=2019'))
        .statusCode,
    ).toBe(404);
    expect(await t.deps.db.select().from(areaClassificationInputs)).toHaveLength(0);
  });

  it("is written by the area's own organisation, not by another's, steering or company contacts", async () => {
    const put2 = (s: TestSession, areaId: string) =>
      s.request({ method: 'PUT', url: `/api/areas/${areaId}/classification`, payload: sundparken });
    expect((await put2(housing, other.area.id)).statusCode).toBe(403);
    expect((await put2(steering, w.area.id)).statusCode).toBe(403);
    expect((await put2(company, w.area.id)).statusCode).toBe(403);
    expect((await company.get(`/api/areas/${w.area.id}/classification?year=2019`)).statusCode).toBe(403);
    expect(await t.deps.db.select().from(areaClassificationInputs)).toHaveLength(0);
  });
});
