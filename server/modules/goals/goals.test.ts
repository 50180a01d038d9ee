import { auditEvents, goals, indicatorValues, steeringGroups } from '@server/db/schema/index.ts';
import {
  buildHousingArea,
  buildPartnershipWorld,
  buildPlacement,
  TEST_PASSWORD,
} from '@server/test/factories.ts';
import { createTestApp, TestSession, type TTestApp } from '@server/test/setup.ts';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goalStatuses } from './goal-status.ts';

// Goals through the API, on a real PostgreSQL, with a fixed fixture of hires: the actual is the
// dashboard's own count; bad input gives precise Danish field errors and stores nothing; an
// aggregate-only viewer sees "< 5" as null while the traffic light still tells the truth.
// Today is the test clock's 24.11.2026.

type TWorld = Awaited<ReturnType<typeof buildPartnershipWorld>>;

let t: TTestApp;
let w: TWorld;
let other: TWorld;
let sessions: Record<
  'admin' | 'steering' | 'otherSteering' | 'housing' | 'social' | 'consultant' | 'company',
  TestSession
>;
let groupId: string;
let otherGroupId: string;

const YEAR = { periodFrom: '2026-01-01', periodTo: '2026-12-31' };

async function session(email: string) {
  const s = new TestSession(t.app);
  expect((await s.login(email, TEST_PASSWORD)).statusCode).toBe(200);
  return s;
}

const goal = (o: Record<string, unknown> = {}) => ({
  steeringGroupId: groupId,
  title: 'Ansættelser i 2026',
  kpi: 'hires',
  target: 12,
  ...YEAR,
  ownerName: 'Projektledelsen',
  ...o,
});

const storedGoals = () => t.deps.db.select().from(goals);

async function createGroup(world: TWorld): Promise<string> {
  const now = new Date();
  const [row] = await t.deps.db
    .insert(steeringGroups)
    .values({
      partnershipId: world.partnership.id,
      name: `Styregruppen – ${world.partnership.name}`,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: steeringGroups.id });
  return row!.id;
}

beforeAll(async () => {
  t = await createTestApp();
  w = await buildPartnershipWorld(t.deps.db);
  other = await buildPartnershipWorld(t.deps.db);
  groupId = await createGroup(w);
  otherGroupId = await createGroup(other);
  // The fixture: 7 hires in the partnership in 2026 (3 apprentices, 4 full-time jobs), one in
  // 2025 and two in the other partnership, which do not count.
  const hire = (world: TWorld, startDate: string, type: 'apprentice' | 'full_time') =>
    buildPlacement(t.deps.db, {
      companyId: world.company.id,
      partnershipId: world.partnership.id,
      startDate,
      type,
    });
  for (const d of ['2026-02-01', '2026-05-15', '2026-09-01']) await hire(w, d, 'apprentice');
  for (const d of ['2026-01-05', '2026-03-01', '2026-06-30', '2026-11-20']) await hire(w, d, 'full_time');
  await hire(w, '2025-12-31', 'full_time');
  await hire(other, '2026-04-01', 'full_time');
  await hire(other, '2026-04-02', 'apprentice');
  sessions = {
    admin: await session(w.users.admin.email),
    steering: await session(w.users.steering.email),
    otherSteering: await session(other.users.steering.email),
    housing: await session(w.users.housing_staff.email),
    social: await session(w.users.social_worker.email),
    consultant: await session(w.users.job_consultant.email),
    company: await session(w.users.company_contact.email),
  };
});

afterAll(async () => {
  await t?.close();
});

describe('POST /api/goals', () => {
  it("stores the steering group's goal and answers with its actual: the period's hires so far", async () => {
    const res = await sessions.steering.post('/api/goals', goal());
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      steeringGroupId: groupId,
      partnershipId: w.partnership.id,
      kpi: 'hires',
      kpiLabelDa: 'Ansættelser',
      target: 12,
      actual: 7,
      actualSuppressed: false,
      started: true,
      ownerName: 'Projektledelsen',
      // 24.11 is day 328 of 365: 12 × 328/365 = 10.8 expected by now; 7 is behind.
      trafficLight: 'red',
    });
    expect(res.json().elapsed).toBeCloseTo(328 / 365);
    expect(res.json().expectedByNow).toBeCloseTo((12 * 328) / 365);
    const audit = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'goal'), eq(auditEvents.entityId, res.json().id)));
    expect(audit.map((a) => a.action)).toEqual(['create']);
  });

  it('refuses a goal without a KPI, or with its period backwards, with Danish field errors and stores nothing', async () => {
    const before = (await storedGoals()).length;
    const noKpi = await sessions.steering.post('/api/goals', goal({ kpi: undefined }));
    expect(noKpi.statusCode).toBe(400);
    expect(noKpi.json().error.fields).toEqual({ kpi: 'Vælg et nøgletal.' });
    const backwards = await sessions.steering.post(
      '/api/goals',
      goal({ periodFrom: '2026-12-31', periodTo: '2026-01-01' }),
    );
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.fields).toEqual({
      periodTo: 'Slutdatoen skal ligge på eller efter startdatoen.',
    });
    const noPeriod = await sessions.steering.post(
      '/api/goals',
      goal({ periodFrom: undefined, periodTo: '' }),
    );
    expect(noPeriod.json().error.fields).toEqual({
      periodFrom: 'Vælg startdatoen.',
      periodTo: 'Vælg slutdatoen.',
    });
    const percent = await sessions.steering.post('/api/goals', goal({ kpi: 'retention_6', target: 120 }));
    expect(percent.json().error.fields).toEqual({ target: 'Målet skal ligge mellem 0 og 100 %.' });
    const noType = await sessions.steering.post('/api/goals', goal({ kpi: 'hires_by_type' }));
    expect(noType.json().error.fields).toEqual({ openingType: 'Vælg typen af jobåbning.' });
    expect(await storedGoals()).toHaveLength(before);
  });

  it("lets only the partnership's own steering group (and the secretariat) set its goals", async () => {
    const before = (await storedGoals()).length;
    expect((await sessions.otherSteering.post('/api/goals', goal())).statusCode).toBe(403);
    expect((await sessions.housing.post('/api/goals', goal())).statusCode).toBe(403);
    expect((await sessions.social.post('/api/goals', goal())).statusCode).toBe(403);
    expect((await sessions.company.post('/api/goals', goal())).statusCode).toBe(403);
    expect(await storedGoals()).toHaveLength(before);
    const unknownGroup = await sessions.admin.post(
      '/api/goals',
      goal({ steeringGroupId: '00000000-0000-4000-8000-000000000000' }),
    );
    expect(unknownGroup.statusCode).toBe(404);
    expect(unknownGroup.json().error.message).toBe('Styregruppen findes ikke.');
  });

  it('refuses an owner who does not work in the partnership', async () => {
    const res = await sessions.steering.post(
      '/api/goals',
      goal({ ownerName: null, ownerUserId: other.users.social_worker.id }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({
      ownerUserId: 'Den ansvarlige skal være en bruger i partnerskabet.',
    });
    const own = await sessions.steering.post(
      '/api/goals',
      goal({ ownerName: null, ownerUserId: w.users.social_worker.id }),
    );
    expect(own.statusCode).toBe(201);
    expect(own.json().ownerName).toBe(w.users.social_worker.name);
    await sessions.admin.delete(`/api/goals/${own.json().id}`);
  });
});

describe('small counts', () => {
  it('hides a count of 1-4 from steering, housing staff and the secretariat, with the light still on the true value', async () => {
    const created = await sessions.steering.post(
      '/api/goals',
      goal({ title: 'Lærlinge', kpi: 'apprenticeships', target: 3 }),
    );
    expect(created.statusCode).toBe(201);
    // 3 apprentices against 3 × 328/365 = 2.7 expected by now: on track, shown as "< 5".
    expect(created.json()).toMatchObject({ actual: null, actualSuppressed: true, trafficLight: 'green' });
    for (const viewer of [sessions.housing, sessions.admin, sessions.otherSteering]) {
      const res = await viewer.get(`/api/goals/${created.json().id}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ actual: null, actualSuppressed: true, trafficLight: 'green' });
    }
    // The professionals who work the partnership's cases see the exact figure.
    for (const viewer of [sessions.social, sessions.consultant]) {
      const res = await viewer.get(`/api/goals/${created.json().id}`);
      expect(res.json()).toMatchObject({ actual: 3, actualSuppressed: false, trafficLight: 'green' });
    }
  });

  it('is also what goalStatuses gives the dashboard and the reports', async () => {
    const hidden = await goalStatuses(t.deps.db, {
      partnershipId: w.partnership.id,
      today: '2026-11-24',
      suppress: true,
    });
    const exact = await goalStatuses(t.deps.db, {
      partnershipId: w.partnership.id,
      today: '2026-11-24',
      suppress: false,
    });
    const find = (list: typeof hidden, kpi: string) => list.find((g) => g.kpi === kpi);
    expect(find(hidden, 'apprenticeships')).toMatchObject({
      actual: null,
      actualSuppressed: true,
      trafficLight: 'green',
    });
    expect(find(exact, 'apprenticeships')).toMatchObject({ actual: 3, actualSuppressed: false });
    expect(find(hidden, 'hires')).toMatchObject({ actual: 7, trafficLight: 'red' });
    // Measured on another day: on 30.06.2026 five hires had started (about half the year: 6 expected).
    const midYear = await goalStatuses(t.deps.db, {
      partnershipId: w.partnership.id,
      today: '2026-06-30',
      suppress: false,
    });
    expect(find(midYear, 'hires')).toMatchObject({ actual: 5, trafficLight: 'red' });
    // A report's period picks the goals overlapping it; the other partnership has none.
    expect(
      await goalStatuses(t.deps.db, {
        partnershipId: w.partnership.id,
        today: '2026-11-24',
        suppress: true,
        from: '2027-01-01',
        to: '2027-12-31',
      }),
    ).toEqual([]);
    expect(
      await goalStatuses(t.deps.db, {
        partnershipId: other.partnership.id,
        today: '2026-11-24',
        suppress: true,
      }),
    ).toEqual([]);
  });
});

describe('area indicator goals', () => {
  it("take the area's latest value up to the period's end year, and the baseline from before the period", async () => {
    const now = new Date();
    const value = (year: number, v: number) => ({
      housingAreaId: w.area.id,
      indicator: 'employment_share_18_64',
      year,
      value: v,
      municipalAverage: 76.91,
      source: 'LBF',
      createdAt: now,
      updatedAt: now,
    });
    await t.deps.db.insert(indicatorValues).values([value(2019, 48.07), value(2026, 51), value(2027, 60)]);
    const res = await sessions.steering.post(
      '/api/goals',
      goal({
        title: 'Flere i beskæftigelse',
        kpi: 'area_indicator',
        indicator: 'employment_share_18_64',
        housingAreaId: w.area.id,
        target: 52,
      }),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      indicator: 'employment_share_18_64',
      indicatorNameDa: 'Andel af beboere i beskæftigelse (18-64 år)',
      indicatorUnit: 'percent',
      housingAreaName: w.area.name,
      baseline: 48.07,
      actual: 51,
      actualYear: 2026,
      actualSuppressed: false,
      // Up from 48.07 towards 52: 51 is within 10 % of the target.
      trafficLight: 'yellow',
    });
  });

  it('refuses an unknown area, an area of another partnership, an unknown indicator and a share over 100 %', async () => {
    const before = (await storedGoals()).length;
    const areaGoal = (o: Record<string, unknown>) =>
      goal({
        kpi: 'area_indicator',
        indicator: 'employment_share_18_64',
        housingAreaId: w.area.id,
        target: 52,
        ...o,
      });
    const unknown = await sessions.steering.post(
      '/api/goals',
      areaGoal({ housingAreaId: '00000000-0000-4000-8000-000000000000' }),
    );
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toEqual({ housingAreaId: 'Boligområdet findes ikke.' });
    const foreign = await sessions.steering.post('/api/goals', areaGoal({ housingAreaId: other.area.id }));
    expect(foreign.json().error.fields).toEqual({
      housingAreaId: `${other.area.name} hører ikke til ${w.partnership.name}.`,
    });
    const indicator = await sessions.steering.post('/api/goals', areaGoal({ indicator: 'lykke_indeks' }));
    expect(indicator.json().error.fields.indicator).toContain('Ukendt indikator "lykke_indeks"');
    const share = await sessions.steering.post('/api/goals', areaGoal({ target: 101 }));
    expect(share.json().error.fields).toEqual({ target: 'Målet skal ligge mellem 0 og 100 %.' });
    const noArea = await sessions.steering.post(
      '/api/goals',
      areaGoal({ housingAreaId: null, indicator: null }),
    );
    expect(noArea.json().error.fields).toEqual({
      indicator: 'Vælg en indikator.',
      housingAreaId: 'Vælg et boligområde.',
    });
    expect(await storedGoals()).toHaveLength(before);
  });

  it('is not measured from an area without values: unknown', async () => {
    const bare = await buildHousingArea(t.deps.db, {
      housingOrganisationId: w.organisation.id,
      municipalityId: w.municipality.id,
    });
    const res = await sessions.admin.post(
      '/api/goals',
      goal({
        kpi: 'area_indicator',
        indicator: 'public_benefit_share_16_64',
        housingAreaId: bare.id,
        target: 40,
      }),
    );
    expect(res.json()).toMatchObject({
      baseline: null,
      actual: null,
      actualYear: null,
      trafficLight: 'unknown',
    });
    await sessions.admin.delete(`/api/goals/${res.json().id}`);
  });
});

describe('GET /api/goals', () => {
  it("lists a group's goals for all staff, sortable by status and searchable, and not for a company", async () => {
    const list = await sessions.housing.get(`/api/goals?steeringGroupId=${groupId}&sort=status`);
    expect(list.statusCode).toBe(200);
    expect(
      list.json().items.map((g: { kpi: string; trafficLight: string }) => [g.kpi, g.trafficLight]),
    ).toEqual([
      ['hires', 'red'],
      ['area_indicator', 'yellow'],
      ['apprenticeships', 'green'],
    ]);
    const search = await sessions.housing.get(
      `/api/goals?partnershipId=${w.partnership.id}&q=${encodeURIComponent('lærl')}`,
    );
    expect(search.json()).toMatchObject({ total: 1, items: [{ title: 'Lærlinge' }] });
    const otherGroup = await sessions.steering.get(`/api/goals?steeringGroupId=${otherGroupId}`);
    expect(otherGroup.json().total).toBe(0);
    expect((await sessions.company.get('/api/goals')).statusCode).toBe(403);
  });
});

describe('PUT and DELETE /api/goals/:id', () => {
  it('change and remove a goal, by its own steering group only, audit-logged', async () => {
    const created = await sessions.steering.post(
      '/api/goals',
      goal({ title: 'Fritidsjob', kpi: 'leisure_jobs', target: 10 }),
    );
    const id = created.json().id;
    const body = {
      ...goal({ title: 'Fritidsjob til unge', kpi: 'hires_by_type', openingType: 'apprentice', target: 4 }),
    };
    const { steeringGroupId: _group, ...update } = body;
    expect(
      (await sessions.otherSteering.request({ method: 'PUT', url: `/api/goals/${id}`, payload: update }))
        .statusCode,
    ).toBe(403);
    const res = await sessions.steering.request({ method: 'PUT', url: `/api/goals/${id}`, payload: update });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      title: 'Fritidsjob til unge',
      kpi: 'hires_by_type',
      openingType: 'apprentice',
      actual: null,
      actualSuppressed: true,
    });
    const bad = await sessions.steering.request({
      method: 'PUT',
      url: `/api/goals/${id}`,
      payload: { ...update, kpi: '' },
    });
    expect(bad.json().error.fields).toEqual({ kpi: 'Vælg et nøgletal.' });
    expect((await sessions.otherSteering.delete(`/api/goals/${id}`)).statusCode).toBe(403);
    expect((await sessions.steering.delete(`/api/goals/${id}`)).statusCode).toBe(200);
    expect(await t.deps.db.select().from(goals).where(eq(goals.id, id))).toHaveLength(0);
    const audit = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'goal'), eq(auditEvents.entityId, id)));
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'delete', 'update']);
    const denied = await t.deps.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, 'denied'),
          eq(auditEvents.entityType, 'goal'),
          eq(auditEvents.userId, other.users.steering.id),
        ),
      );
    expect(denied.map((d) => (d.details as { action: string }).action)).toEqual(
      expect.arrayContaining(['update', 'delete']),
    );
  });
});
