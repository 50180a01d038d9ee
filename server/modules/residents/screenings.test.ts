import { auditEvents, residentScreenings, residents } from '@server/db/schema/index.ts';
import { buildConsent, buildPartnershipWorld, buildResident, TEST_PASSWORD } from '@server/test/factories.ts';
import { createTestApp, TestSession, type TTestApp } from '@server/test/setup.ts';
import { and, count, eq, gte } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Stepping Stones screenings through the API on a real PostgreSQL (issue 4 item 3): the group and
// its reasons as decided on the day, bad input refused at the field, who may screen whom, the
// "due for screening" list with an injected clock, and the audit trail.

type TWorld = Awaited<ReturnType<typeof buildPartnershipWorld>>;

const START = '2026-11-24T09:00:00Z';
let t: TTestApp;
let own: TWorld;
let other: TWorld;

const ACTORS = [
  'admin',
  'housing_staff',
  'social_worker',
  'job_consultant',
  'company_contact',
  'steering',
  'job_consultant_other',
] as const;
type TActorName = (typeof ACTORS)[number];
const s = {} as Record<TActorName, TestSession>;

async function login(email: string): Promise<TestSession> {
  const session = new TestSession(t.app);
  expect((await session.login(email, TEST_PASSWORD)).statusCode).toBe(200);
  return session;
}

beforeAll(async () => {
  // The clock moves months ahead for the due list: sessions must outlive that.
  const year = 365 * 24 * 60 * 60_000;
  t = await createTestApp({ start: START, config: { sessionIdleMs: year, sessionAbsoluteMs: year } });
  own = await buildPartnershipWorld(t.deps.db);
  other = await buildPartnershipWorld(t.deps.db);
  for (const role of [
    'admin',
    'housing_staff',
    'social_worker',
    'job_consultant',
    'company_contact',
    'steering',
  ] as const) {
    s[role] = await login(own.users[role].email);
  }
  s.job_consultant_other = await login(other.users.job_consultant.email);
});
afterAll(async () => t.close());

/** A person registered by the own jobcenter, with consent (a) so the social worker sees them too. */
async function person(over: Partial<typeof residents.$inferInsert> = {}, w: TWorld = own) {
  const r = await buildResident(t.deps.db, {
    municipalityId: w.municipality.id,
    housingAreaId: w.area.id,
    registeredByJobcenterId: w.jobcenter.id,
    ...over,
  });
  await buildConsent(t.deps.db, { residentId: r.id, scope: 'sharing' });
  return r;
}

const ready = {
  screenedOn: '2026-11-20',
  motivation: 4,
  barriers: ['transport'],
  hoursPossible: 30,
  earlierWork: '1_to_5_years',
  danishLevel: 3,
  healthLimits: 'none',
};
const gradual = { ...ready, screenedOn: '2026-11-24', motivation: 2, hoursPossible: 10 };

async function storedFor(residentId: string) {
  const [row] = await t.deps.db
    .select({ n: count() })
    .from(residentScreenings)
    .where(eq(residentScreenings.residentId, residentId));
  return row!.n;
}

describe('screening a resident', () => {
  it('stores group 1 or 2 with the reasons and the default next date; the history is newest first', async () => {
    t.clock.set(START);
    const r = await person();
    const first = await s.job_consultant.post(`/api/residents/${r.id}/screenings`, ready);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      screenedOn: '2026-11-20',
      targetGroup: 1,
      reasons: ['Motiveret, kan arbejde mindst 20 timer og har højst én barriere.'],
      nextScreeningOn: '2027-05-21', // 6 months on
      remark: null,
      screenedByName: own.users.job_consultant.name,
    });
    const second = await s.social_worker.post(`/api/residents/${r.id}/screenings`, {
      ...gradual,
      remark: 'Starter med få timer.',
    });
    expect(second.statusCode).toBe(201);
    expect(second.json()).toMatchObject({
      targetGroup: 2,
      reasons: ['Motivationen er under 3.', 'Kan arbejde under 20 timer om ugen.'],
      nextScreeningOn: '2027-02-23', // 3 months on
      remark: 'Starter med få timer.',
      screenedByName: own.users.social_worker.name,
    });
    // A chosen next date wins over the default.
    const chosen = await s.job_consultant.post(`/api/residents/${r.id}/screenings`, {
      ...ready,
      screenedOn: '2026-11-10',
      nextScreeningOn: '2026-12-10',
    });
    expect(chosen.json().nextScreeningOn).toBe('2026-12-10');

    const history = await s.social_worker.get(`/api/residents/${r.id}/screenings`);
    expect(history.statusCode).toBe(200);
    expect(
      history.json().map((x: { screenedOn: string; targetGroup: number }) => [x.screenedOn, x.targetGroup]),
    ).toEqual([
      ['2026-11-24', 2],
      ['2026-11-20', 1],
      ['2026-11-10', 1],
    ]);
    // The profile and the list carry the latest group; the list filters on it.
    expect((await s.job_consultant.get(`/api/residents/${r.id}`)).json().targetGroup).toBe(2);
    const ids = async (q: string) =>
      (await s.job_consultant.get(`/api/residents?pageSize=200&${q}`))
        .json()
        .items.map((x: { id: string }) => x.id);
    expect(await ids('targetGroup=2')).toContain(r.id);
    expect(await ids('targetGroup=1')).not.toContain(r.id);
    expect((await s.job_consultant.get('/api/residents?targetGroup=3')).statusCode).toBe(400);
    const [row] = await t.deps.db.select().from(residents).where(eq(residents.id, r.id));
    expect(row!.lastActivityAt.toISOString()).toBe(new Date(START).toISOString());
  });

  it('shows no target group before the first screening', async () => {
    const r = await person();
    expect((await s.job_consultant.get(`/api/residents/${r.id}`)).json().targetGroup).toBeNull();
  });
});

describe('bad input', () => {
  it('refuses under 18 on the day, a future date and motivation out of range at the field; nothing stored', async () => {
    t.clock.set(START);
    const young = await person({ birthDate: '2009-01-01' }); // 17 on 24.11.2026
    const underAge = await s.job_consultant.post(`/api/residents/${young.id}/screenings`, gradual);
    expect(underAge.statusCode).toBe(400);
    expect(underAge.json().error.fields).toEqual({
      screenedOn: 'Stepping Stones-screening gælder 18-64-årige.',
    });
    expect(await storedFor(young.id)).toBe(0);

    const r = await person();
    const future = await s.job_consultant.post(`/api/residents/${r.id}/screenings`, {
      ...gradual,
      screenedOn: '2026-11-25',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields).toEqual({ screenedOn: 'Datoen ligger i fremtiden.' });
    const motivation = await s.job_consultant.post(`/api/residents/${r.id}/screenings`, {
      ...gradual,
      motivation: 6,
    });
    expect(motivation.statusCode).toBe(400);
    expect(motivation.json().error.fields.motivation).toBe('Vælg motivation 1-5.');
    expect(await storedFor(r.id)).toBe(0);
  });
});

describe('who may screen', () => {
  it('is the professional view only: another municipality 404, other roles and the secretariat 403', async () => {
    t.clock.set(START);
    const r = await person();
    const url = `/api/residents/${r.id}/screenings`;
    expect((await s.job_consultant_other.get(url)).statusCode).toBe(404);
    expect((await s.job_consultant_other.post(url, gradual)).statusCode).toBe(404);
    for (const actor of ['company_contact', 'steering', 'housing_staff'] as const) {
      expect((await s[actor].get(url)).statusCode).toBe(403);
      expect((await s[actor].post(url, gradual)).statusCode).toBe(403);
      expect((await s[actor].get('/api/residents/screenings/due')).statusCode).toBe(403);
    }
    // The secretariat's administrative view holds no case data.
    expect((await s.admin.get(url)).statusCode).toBe(403);
    expect((await s.admin.post(url, gradual)).statusCode).toBe(403);
    expect(await storedFor(r.id)).toBe(0);
  });
});

describe('due for screening', () => {
  it("lists the actor's people whose latest next date has come, soonest first", async () => {
    t.clock.set(START);
    const w = await buildPartnershipWorld(t.deps.db);
    const jc = await login(w.users.job_consultant.email);
    const a = await person({ firstName: 'Anna', lastName: 'Due' }, w);
    const b = await person({ firstName: 'Bo', lastName: 'Due' }, w);
    expect((await jc.post(`/api/residents/${a.id}/screenings`, gradual)).statusCode).toBe(201); // next 2027-02-23
    expect((await jc.post(`/api/residents/${b.id}/screenings`, ready)).statusCode).toBe(201); // next 2027-05-21
    const due = async (session: TestSession, q = '') =>
      (await session.get(`/api/residents/screenings/due${q}`)).json();

    expect(await due(jc)).toEqual([]);
    expect((await due(jc, '?days=91')).map((x: { residentId: string }) => x.residentId)).toEqual([a.id]);

    t.clock.set('2027-06-01T09:00:00Z');
    expect(await due(jc)).toEqual([
      { residentId: a.id, firstName: 'Anna', lastName: 'Due', targetGroup: 2, nextScreeningOn: '2027-02-23' },
      { residentId: b.id, firstName: 'Bo', lastName: 'Due', targetGroup: 1, nextScreeningOn: '2027-05-21' },
    ]);
    // A new screening counts, not the old one's date.
    await jc.post(`/api/residents/${a.id}/screenings`, { ...ready, screenedOn: '2027-06-01' });
    expect((await due(jc)).map((x: { residentId: string }) => x.residentId)).toEqual([b.id]);
    // Nobody else learns of them.
    expect(await due(s.job_consultant_other)).toEqual([]);
    expect((await due(s.admin)).map((x: { residentId: string }) => x.residentId)).not.toContain(b.id);
    expect((await jc.get('/api/residents/screenings/due?days=400')).statusCode).toBe(400);
    t.clock.set(START);
  });
});

describe('the audit log', () => {
  it('has a row for the screening, the history read, the due search and a refusal', async () => {
    t.clock.set('2027-09-01T10:00:00Z'); // after every other test's events
    const since = t.clock.now();
    const r = await person();
    const created = (await s.job_consultant.post(`/api/residents/${r.id}/screenings`, gradual)).json();
    await s.job_consultant.get(`/api/residents/${r.id}/screenings`);
    await s.job_consultant.get('/api/residents/screenings/due?days=7');
    await s.admin.get(`/api/residents/${r.id}/screenings`);

    const events = await t.deps.db
      .select()
      .from(auditEvents)
      .where(gte(auditEvents.at, since))
      .orderBy(auditEvents.id);
    expect(events.map((e) => [e.userId, e.action, e.entityType])).toEqual([
      [own.users.job_consultant.id, 'create', 'resident_screening'],
      [own.users.job_consultant.id, 'read', 'resident_screening'],
      [own.users.job_consultant.id, 'search', 'resident_screening'],
      [own.users.admin.id, 'denied', 'resident'],
    ]);
    const [create, read, search] = events;
    expect(create!).toMatchObject({ entityId: created.id, details: { residentId: r.id, targetGroup: 2 } });
    expect(read!).toMatchObject({ entityId: r.id, details: { basis: 'own_side', part: 'screenings' } });
    expect(search!.details).toMatchObject({ criteria: { dueWithinDays: 7 } });
    const [mine] = await t.deps.db
      .select({ n: count() })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'resident_screening'), eq(auditEvents.entityId, created.id)));
    expect(mine!.n).toBe(1);
    t.clock.set(START);
  });
});
