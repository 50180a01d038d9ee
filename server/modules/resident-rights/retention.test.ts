import { auditEvents, residents } from '@server/db/schema/index.ts';
import { platformJobs } from '@server/platform/queue/jobs.ts';
import { buildConsent, buildPartnershipWorld, buildResident, TEST_PASSWORD } from '@server/test/factories.ts';
import { createTestApp, TestSession, type TTestApp } from '@server/test/setup.ts';
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RETENTION_JOB } from './resident-rights.service.ts';

// The retention rule with an injected clock: a person without activity for 24 months is listed
// for the secretariat a month ahead and anonymised by the nightly job; any activity moves the date.

type TWorld = Awaited<ReturnType<typeof buildPartnershipWorld>>;
const START = '2026-11-24T09:00:00Z';
const THREE_YEARS = 3 * 365 * 24 * 60 * 60_000;

async function session(t: TTestApp, email: string) {
  const s = new TestSession(t.app);
  expect((await s.login(email, TEST_PASSWORD)).statusCode).toBe(200);
  return s;
}

/** The nightly job exactly as pg-boss runs it. */
async function runJob(t: TTestApp) {
  const job = platformJobs({ ...t.deps, queue: () => t.deps.queue }).find((j) => j.name === RETENTION_JOB);
  expect(job?.cron).toMatch(/^\d+ [0-5] \* \* \*$/); // at night, Danish time
  await job!.handler({});
}

describe('retention after 24 months without activity', () => {
  let t: TTestApp;
  let w: TWorld;
  let admin: TestSession;
  let sw: TestSession;
  const ids = { idle: '', active: '', fresh: '' };

  beforeAll(async () => {
    t = await createTestApp({
      start: START,
      config: { sessionIdleMs: THREE_YEARS, sessionAbsoluteMs: THREE_YEARS },
    });
    w = await buildPartnershipWorld(t.deps.db);
    admin = await session(t, w.users.admin.email);
    sw = await session(t, w.users.social_worker.email);
    const body = (firstName: string) => ({
      firstName,
      lastName: 'Inaktiv',
      birthDate: '1980-01-01',
      postalCode: '8800',
      housingAreaId: w.area.id,
    });
    ids.idle = (await sw.post('/api/residents', body('Ib'))).json().id;
    ids.active = (await sw.post('/api/residents', body('Aktiv'))).json().id;
    t.clock.set('2027-03-01T09:00:00Z');
    ids.fresh = (await sw.post('/api/residents', body('Frisk'))).json().id;
  });
  afterAll(async () => t.close());

  const listed = async () => {
    const res = await admin.get('/api/residents/retention');
    expect(res.statusCode).toBe(200);
    return res.json() as {
      items: {
        residentId: string;
        dueOn: string;
        daysLeft: number;
        lastActivityAt: string;
        registeredBy: string;
      }[];
      total: number;
      months: number;
    };
  };
  const anonymised = async (id: string) =>
    (await t.deps.db.select().from(residents).where(eq(residents.id, id)))[0]!.anonymisedAt !== null;

  it('lists nobody 22 months on and anonymises nobody 23 months on', async () => {
    t.clock.set('2028-09-24T09:00:00Z'); // 22 months
    expect((await listed()).total).toBe(0);
    t.clock.set('2028-10-24T09:00:00Z'); // 23 months: listed a month ahead, not yet anonymised
    await runJob(t);
    expect(await anonymised(ids.idle)).toBe(false);
    const list = await listed();
    expect(list.months).toBe(24);
    expect(list.items).toEqual([
      expect.objectContaining({
        residentId: ids.active,
        dueOn: '2028-11-24',
        daysLeft: 31,
        registeredBy: w.plan.name,
        lastActivityAt: '2026-11-24T09:00:00.000Z',
      }),
      expect.objectContaining({ residentId: ids.idle, firstName: 'Ib', dueOn: '2028-11-24', daysLeft: 31 }),
    ]);
    // The look at the list is logged as a search.
    const [logged] = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'search'), eq(auditEvents.userId, w.users.admin.id)))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    expect(logged!.details).toMatchObject({ criteria: { retentionDueBy: '2028-11-24', months: 24 } });
  });

  it('moves the date on activity: a note 23 months on keeps the person another 24 months', async () => {
    expect((await sw.post(`/api/residents/${ids.active}/notes`, { text: 'Ringet op.' })).statusCode).toBe(
      201,
    );
    const list = await listed();
    expect(list.items.map((i) => i.residentId)).toEqual([ids.idle]);
  });

  it('anonymises the idle person when the day has come, once, logged as the system', async () => {
    t.clock.set('2028-11-23T22:59:00Z'); // 23:59 Danish time the day before: not yet
    await runJob(t);
    expect(await anonymised(ids.idle)).toBe(false);
    expect((await listed()).items[0]).toMatchObject({ residentId: ids.idle, daysLeft: 1 });

    t.clock.set('2028-11-24T01:30:00Z'); // 02:30 Danish time, the night the job runs
    expect((await listed()).items[0]).toMatchObject({ residentId: ids.idle, daysLeft: 0 });
    await runJob(t);
    expect(await anonymised(ids.idle)).toBe(true);
    expect(await anonymised(ids.active)).toBe(false);
    expect(await anonymised(ids.fresh)).toBe(false);
    const [row] = await t.deps.db.select().from(residents).where(eq(residents.id, ids.idle));
    expect(row).toMatchObject({
      firstName: 'Anonymiseret',
      birthDate: '1980-07-01',
      anonymisedReason: 'retention',
    });
    expect((await sw.get(`/api/residents/${ids.idle}`)).statusCode).toBe(404);
    expect((await listed()).total).toBe(0);

    await runJob(t); // idempotent: nothing more happens
    const events = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'erase'), eq(auditEvents.entityId, ids.idle)));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      userId: null,
      entityType: 'resident',
      requestId: `job:${RETENTION_JOB}`,
      details: { reason: 'retention', months: 24 },
    });
  });

  it('reaches the others on their own day', async () => {
    t.clock.set('2029-03-01T09:00:00Z'); // 24 months after "Frisk" was registered
    await runJob(t);
    expect(await anonymised(ids.fresh)).toBe(true);
    expect(await anonymised(ids.active)).toBe(false);
  });
});

describe('the retention setting', () => {
  it('follows RESIDENT_RETENTION_MONTHS; a consent or an update counts as activity', async () => {
    const t = await createTestApp({
      start: START,
      config: { residentRetentionMonths: 6, sessionIdleMs: THREE_YEARS, sessionAbsoluteMs: THREE_YEARS },
    });
    try {
      const w = await buildPartnershipWorld(t.deps.db);
      const sw = await session(t, w.users.social_worker.email);
      const admin = await session(t, w.users.admin.email);
      const at = new Date(START);
      const place = {
        municipalityId: w.municipality.id,
        housingAreaId: w.area.id,
        registeredByPlanId: w.plan.id,
      };
      const a = await buildResident(t.deps.db, { ...place, lastActivityAt: at });
      const b = await buildResident(t.deps.db, { ...place, lastActivityAt: at });
      const c = await buildResident(t.deps.db, { ...place, lastActivityAt: at });
      await buildConsent(t.deps.db, { residentId: c.id, scope: 'sharing' });
      t.clock.set('2027-05-01T09:00:00Z');
      const list = (await admin.get('/api/residents/retention')).json();
      expect(list.months).toBe(6);
      expect(list.items.map((i: { dueOn: string }) => i.dueOn)).toEqual([
        '2027-05-24',
        '2027-05-24',
        '2027-05-24',
      ]);
      // Activity: an update of b, a new consent for c.
      expect((await sw.patch(`/api/residents/${b.id}`, { status: 'paused' })).statusCode).toBe(200);
      const consent = { scope: 'matching', textVersion: '2026-1', givenOn: '2027-05-01', method: 'paper' };
      expect((await sw.post(`/api/residents/${c.id}/consents`, consent)).statusCode).toBe(201);
      t.clock.set('2027-05-24T09:00:00Z');
      await runJob(t);
      const state = async (id: string) =>
        (await t.deps.db.select().from(residents).where(eq(residents.id, id)))[0]!.anonymisedReason;
      expect([await state(a.id), await state(b.id), await state(c.id)]).toEqual(['retention', null, null]);
    } finally {
      await t.close();
    }
  });

  it('is refused to everyone but the secretariat', async () => {
    const t = await createTestApp({ start: START });
    try {
      const w = await buildPartnershipWorld(t.deps.db);
      for (const role of ['social_worker', 'job_consultant', 'housing_staff'] as const) {
        const s = await session(t, w.users[role].email);
        expect((await s.get('/api/residents/retention')).statusCode, role).toBe(403);
      }
    } finally {
      await t.close();
    }
  });
});
