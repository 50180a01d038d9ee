import type { TBiasGroup, TBiasReport } from '@domain/reports/bias.schema.ts';
import type { TRole } from '@domain/roles.ts';
import type { TDbOrTx } from '@server/db/client.ts';
import { auditEvents, proposals } from '@server/db/schema/index.ts';
import { readCsv } from '@server/platform/spreadsheet.ts';
import {
  buildConsent,
  buildHousingArea,
  buildOpening,
  buildPartnershipWorld,
  buildPlacement,
  buildResident,
  TEST_PASSWORD,
} from '@server/test/factories.ts';
import { createTestApp, TestSession, type TTestApp } from '@server/test/setup.ts';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// A fixture world with known counts, through the API: who is in the population, who counts as
// proposed and hired (Copenhagen days at the period's edges), suppression and the four-fifths flags.

type TWorld = Awaited<ReturnType<typeof buildPartnershipWorld>>;
const PERIOD = 'from=2026-01-01&to=2026-06-30';

let t: TTestApp;
let w: TWorld;
let other: TWorld;
let areaB: { id: string };
const residentIds: string[] = [];
const sessions = new Map<TRole, TestSession>();

async function proposal(
  db: TDbOrTx,
  world: TWorld,
  openingId: string,
  residentId: string,
  proposedAt: string,
  status: 'awaiting_resident' | 'hired' = 'awaiting_resident',
) {
  const at = new Date(proposedAt);
  await db.insert(proposals).values({
    partnershipId: world.partnership.id,
    openingId,
    residentId,
    companyId: world.company.id,
    occupationId: 'toemrer',
    status,
    score: 0.5,
    scoreSnapshot: { score: 0.5, components: [], reasons: [] },
    proposedAt: at,
    createdAt: at,
    updatedAt: at,
  });
}

/** A resident of the world with an active consent (b) for 2026, unless told otherwise. */
async function person(
  world: TWorld,
  o: Partial<Parameters<typeof buildResident>[1]>,
  consent: Partial<Parameters<typeof buildConsent>[1]> | null = {},
) {
  const r = await buildResident(t.deps.db, {
    municipalityId: world.municipality.id,
    registeredByPlanId: world.plan.id,
    housingAreaId: world.area.id,
    ...o,
  });
  residentIds.push(r.id);
  if (consent) await buildConsent(t.deps.db, { residentId: r.id, scope: 'matching', ...consent });
  return r;
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.deps.db;
  w = await buildPartnershipWorld(db);
  other = await buildPartnershipWorld(db);
  areaB = await buildHousingArea(db, {
    name: 'Østparken',
    housingOrganisationId: w.organisation.id,
    municipalityId: w.municipality.id,
  });
  const opening = await buildOpening(db, { partnershipId: w.partnership.id, companyId: w.company.id });
  const otherOpening = await buildOpening(db, {
    partnershipId: other.partnership.id,
    companyId: other.company.id,
  });

  // Women, area A, 36 on 30.06.2026: 10 in the population, 6 proposed, 5 hired.
  const women = [];
  for (let i = 0; i < 10; i++) women.push(await person(w, { gender: 'woman', birthDate: '1990-02-02' }));
  // 00.30 on 1 January in Copenhagen (CET) is in the period; 23.30 on 30 June (CEST) too.
  await proposal(db, w, opening.id, women[0]!.id, '2025-12-31T23:30:00Z');
  for (let i = 1; i < 5; i++) await proposal(db, w, opening.id, women[i]!.id, '2026-03-01T10:00:00Z');
  await proposal(db, w, opening.id, women[5]!.id, '2026-06-30T21:30:00Z');
  // 00.30 on 1 July in Copenhagen: outside the period.
  await proposal(db, w, opening.id, women[6]!.id, '2026-06-30T22:30:00Z');
  // Hired: two by a placement starting in the period (one on its last day), three by the status.
  await buildPlacement(db, { companyId: w.company.id, residentId: women[0]!.id, startDate: '2026-04-01' });
  await buildPlacement(db, { companyId: w.company.id, residentId: women[1]!.id, startDate: '2026-06-30' });
  for (const i of [2, 3, 4]) {
    await db.update(proposals).set({ status: 'hired' }).where(eq(proposals.residentId, women[i]!.id));
  }
  // Not hired: a placement after the period; and a placement without a proposal in the period.
  await buildPlacement(db, { companyId: w.company.id, residentId: women[5]!.id, startDate: '2026-07-01' });
  await buildPlacement(db, { companyId: w.company.id, residentId: women[6]!.id, startDate: '2026-05-01' });

  // Men, area A, 26: 20 in the population, 8 proposed, 5 of them hired.
  for (let i = 0; i < 20; i++) {
    const m = await person(w, { gender: 'man', birthDate: '2000-03-01' });
    if (i < 8) await proposal(db, w, opening.id, m.id, '2026-02-10T09:00:00Z', i < 5 ? 'hired' : undefined);
  }
  // Gender not stated, area B, 17 on the period's last day (18 the day after): 2, none proposed.
  for (let i = 0; i < 2; i++)
    await person(w, { gender: null, birthDate: '2008-07-01', housingAreaId: areaB.id });
  // Other gender, outside the areas, 76: 3, none proposed. Hidden with the 2 above: two cells
  // holding 5 people in every dimension, so no other count needs hiding.
  for (let i = 0; i < 3; i++)
    await person(w, { gender: 'other', birthDate: '1950-01-01', housingAreaId: null });

  // Not in the population, each proposed in the period all the same.
  const outsiders = [
    await person(w, { gender: 'woman' }, { withdrawnOn: '2025-12-31', givenOn: '2025-01-01' }),
    await person(w, { gender: 'woman' }, { givenOn: '2026-07-01' }),
    await person(w, { gender: 'woman' }, { givenOn: '2024-01-01', expiresOn: '2025-12-31' }),
    await person(w, { gender: 'woman' }, { scope: 'sharing' }),
    await person(w, { gender: 'woman' }, null),
    await person(w, { gender: 'woman', status: 'moved' }),
    await person(w, { gender: 'woman', status: 'closed' }),
  ];
  for (const r of outsiders) await proposal(db, w, opening.id, r.id, '2026-03-01T10:00:00Z');
  // Another partnership's residents do not count in this one.
  for (let i = 0; i < 6; i++) {
    const r = await person(other, {
      gender: 'woman',
      registeredByPlanId: other.plan.id,
      housingAreaId: other.area.id,
    });
    await proposal(db, other, otherOpening.id, r.id, '2026-03-01T10:00:00Z');
  }
  // A withdrawal during the period keeps the person in it (they could be matched until then).
  await person(w, { gender: 'man', birthDate: '2000-03-01' }, { withdrawnOn: '2026-02-01' });

  for (const [role, user] of Object.entries(w.users) as [TRole, { email: string }][]) {
    const s = new TestSession(t.app);
    expect((await s.login(user.email, TEST_PASSWORD)).statusCode).toBe(200);
    sessions.set(role, s);
  }
});
afterAll(async () => t.close());

const get = (role: TRole, query: string) => sessions.get(role)!.get(`/api/reports/bias?${query}`);
const groupsOf = (report: TBiasReport, dimension: string) =>
  Object.fromEntries(report.dimensions.find((d) => d.dimension === dimension)!.groups.map((g) => [g.key, g]));
const counts = (g: TBiasGroup | undefined) => [g?.population, g?.proposed, g?.hired];

describe('GET /api/reports/bias', () => {
  let report: TBiasReport;
  beforeAll(async () => {
    const res = await get('job_consultant', PERIOD);
    expect(res.statusCode).toBe(200);
    report = res.json();
  });

  it('names the partnership and the period', () => {
    expect(report.partnership).toEqual({ id: w.partnership.id, name: w.partnership.name });
    expect(report.period).toEqual({ from: '2026-01-01', to: '2026-06-30' });
    expect(report.empty).toBe(false);
    expect(report.definitions).toMatchObject({ minCount: 5, fourFifths: 0.8, ageOn: '2026-06-30' });
  });

  it('counts the population, the proposed and the hired by self-reported gender', () => {
    const g = groupsOf(report, 'gender');
    // The man whose consent was withdrawn in February counts: 21 men.
    expect(counts(g.woman)).toEqual([10, 6, 5]);
    expect(counts(g.man)).toEqual([21, 8, 5]);
    expect(counts(g.not_stated)).toEqual([null, 0, 0]);
    expect(counts(g.other)).toEqual([null, 0, 0]);
    expect(g.woman!.proposalRate).toBe(0.6);
    expect(g.woman!.hireRate).toBeCloseTo(5 / 6, 12);
    expect(g.man!.proposalRate).toBeCloseTo(8 / 21, 12);
    expect(g.man!.hireRate).toBe(0.625);
  });

  it('flags the groups below four fifths of the highest, and not a suppressed one', () => {
    const d = report.dimensions.find((x) => x.dimension === 'gender')!;
    expect(d.referenceGroup).toEqual({ proposal: 'woman', hire: 'woman' });
    const g = groupsOf(report, 'gender');
    expect(g.woman!.fourFifthsFlag).toEqual({ proposal: false, hire: false });
    // 38.1 % against 60 %; 62.5 % against 83.3 % (75 %).
    expect(g.man!.fourFifthsFlag).toEqual({ proposal: true, hire: true });
    expect(g.man!.hireRatio).toBeCloseTo(0.75, 12);
    expect(g.not_stated!.fourFifthsFlag).toEqual({ proposal: false, hire: false });
    expect(g.other).toMatchObject({
      suppressed: true,
      proposalRate: null,
      hireRate: null,
      fourFifthsFlag: { proposal: false, hire: false },
    });
  });

  it('lists the areas of the partnership in Danish order and the people outside them', () => {
    const d = report.dimensions.find((x) => x.dimension === 'area')!;
    expect(d.groups.map((g) => [g.label, g.population, g.proposed, g.hired])).toEqual([
      [w.area.name, 31, 14, 10],
      ['Østparken', null, 0, 0],
      ['Uden for boligområderne', null, 0, 0],
    ]);
    expect(d.groups.map((g) => g.key)).toEqual([w.area.id, areaB.id, 'outside']);
    expect(d.groups[1]!).toMatchObject({
      suppressed: true,
      fourFifthsFlag: { proposal: false, hire: false },
    });
  });

  it('bands ages on the period’s last day', () => {
    const g = groupsOf(report, 'age_band');
    expect(counts(g['30_39'])).toEqual([10, 6, 5]);
    expect(counts(g['25_29'])).toEqual([21, 8, 5]);
    expect(counts(g['15_17'])).toEqual([null, 0, 0]);
    expect(counts(g['18_24'])).toEqual([0, 0, 0]);
    expect(counts(g['65_plus'])).toEqual([null, 0, 0]);
  });

  it('publishes no count from 1 to 4 and no person, also to the steering group', async () => {
    const res = await get('steering', PERIOD);
    expect(res.statusCode).toBe(200);
    const body = res.body;
    expect(res.json()).toEqual(report);
    for (const id of residentIds) expect(body).not.toContain(id);
    expect(body).not.toMatch(/Beboer\d|Efternavn\d|birthDate|firstName/);
    for (const d of report.dimensions) {
      for (const g of d.groups) {
        for (const n of [g.population, g.proposed, g.hired])
          expect(n === null || n === 0 || n >= 5).toBe(true);
      }
    }
  });

  it('writes an audit event for the view with the partnership and period, no person', async () => {
    const events = await t.deps.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.entityType, 'bias_report'), eq(auditEvents.userId, w.users.job_consultant.id)),
      );
    expect(events.length).toBeGreaterThan(0);
    expect(events[0]).toMatchObject({
      action: 'read',
      entityId: w.partnership.id,
      details: { from: '2026-01-01', to: '2026-06-30', format: 'json' },
    });
  });

  it('defaults to the last 12 months and the user’s own partnership', async () => {
    const res = await get('social_worker', '');
    expect(res.statusCode).toBe(200);
    expect(res.json().period).toEqual({ from: '2025-11-25', to: '2026-11-24' });
    expect(res.json().partnership.id).toBe(w.partnership.id);
  });

  it('shows an empty report when nobody was proposed in the period', async () => {
    const res = await get('admin', `partnershipId=${w.partnership.id}&from=2024-01-01&to=2024-12-31`);
    expect(res.statusCode).toBe(200);
    expect(res.json().empty).toBe(true);
  });
});

describe('downloads', () => {
  it('gives an XLSX with a sheet per dimension, "< 5" for small counts, and logs the export', async () => {
    const res = await get('admin', `partnershipId=${w.partnership.id}&${PERIOD}&format=xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('skaevhedsrapport-');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Oversigt',
      'Boligområde',
      'Aldersgruppe',
      'Køn (selvoplyst)',
      'Definitioner',
    ]);
    const gender = workbook.getWorksheet('Køn (selvoplyst)')!;
    const row = (label: string) => {
      let found: ExcelJS.CellValue[] = [];
      gender.eachRow((r) => {
        if (r.getCell(1).value === label) found = (r.values as ExcelJS.CellValue[]).slice(1);
      });
      return found;
    };
    expect(row('Kvinde').slice(0, 5)).toEqual(['Kvinde', 10, 6, 5, 60]);
    expect(row('Mand')[6]).toBe('Under 4/5 af den højeste gruppe');
    expect(row('Andet').slice(1, 4)).toEqual(['< 5', 0, 0]);
    const [event] = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'export'), eq(auditEvents.entityType, 'bias_report')));
    expect(event).toMatchObject({ entityId: w.partnership.id, details: { format: 'xlsx' } });
  });

  it('gives a CSV table Danish Excel reads', async () => {
    const res = await get('steering', `${PERIOD}&format=csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const rows = readCsv(res.rawPayload, { delimiter: ';' });
    expect(rows[0]!.slice(0, 3)).toEqual(['Opdeling', 'Gruppe', 'Grundlag']);
    expect(rows.find((r) => r[1] === 'Kvinde')!.slice(0, 6)).toEqual([
      'Køn (selvoplyst)',
      'Kvinde',
      '10',
      '6',
      '5',
      '60,0',
    ]);
    expect(rows.find((r) => r[1] === 'Andet')!.slice(2, 5)).toEqual(['< 5', '0', '0']);
  });
});

describe('validation and scope', () => {
  it('refuses a period that ends before it starts, or is longer than 5 years, in Danish', async () => {
    const backwards = await get('admin', `partnershipId=${w.partnership.id}&from=2026-06-30&to=2026-01-01`);
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.fields.to).toBe('Slutdatoen skal ligge på eller efter startdatoen.');
    const long = await get('admin', `partnershipId=${w.partnership.id}&from=2020-01-01&to=2025-01-01`);
    expect(long.statusCode).toBe(400);
    expect(long.json().error.fields.to).toBe('Perioden må højst være 5 år.');
    const fiveYears = await get('admin', `partnershipId=${w.partnership.id}&from=2020-01-01&to=2024-12-31`);
    expect(fiveYears.statusCode).toBe(200);
    const badDate = await get('admin', `partnershipId=${w.partnership.id}&from=31.12.2026`);
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().error.fields.from).toBe('Ugyldig dato.');
  });

  it('asks the secretariat to choose a partnership, and answers 404 for an unknown one', async () => {
    const none = await get('admin', PERIOD);
    expect(none.statusCode).toBe(400);
    expect(none.json().error.fields.partnershipId).toBe('Vælg et partnerskab.');
    const unknown = await get('admin', `partnershipId=00000000-0000-4000-8000-000000000000&${PERIOD}`);
    expect(unknown.statusCode).toBe(404);
  });

  it("refuses another partnership's report to its staff, and every report to housing staff and companies", async () => {
    for (const role of ['social_worker', 'job_consultant', 'steering'] as const) {
      expect((await get(role, `partnershipId=${other.partnership.id}&${PERIOD}`)).statusCode).toBe(403);
    }
    for (const role of ['housing_staff', 'company_contact'] as const) {
      expect((await get(role, PERIOD)).statusCode).toBe(403);
    }
  });
});
