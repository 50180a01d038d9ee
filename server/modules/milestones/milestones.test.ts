import { auditEvents, milestones } from '@server/db/schema/index.ts';
import { buildPartnershipWorld, TEST_PASSWORD } from '@server/test/factories.ts';
import { createTestApp, TestSession, type TTestApp } from '@server/test/setup.ts';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Milestones through the API, on a real PostgreSQL. The programme's own milestones (no
// partnership) are visible to every steering group and written by the secretariat alone; a
// partnership's by its steering group too. Today is the test clock's 24.11.2026.

type TWorld = Awaited<ReturnType<typeof buildPartnershipWorld>>;

let t: TTestApp;
let w: TWorld;
let other: TWorld;
let admin: TestSession;
let steering: TestSession;
let otherSteering: TestSession;
let housing: TestSession;
let company: TestSession;
const ids = { programme: '', own: '', otherOwn: '' };

async function session(email: string) {
  const s = new TestSession(t.app);
  expect((await s.login(email, TEST_PASSWORD)).statusCode).toBe(200);
  return s;
}

const put = (s: TestSession, id: string, payload: object) =>
  s.request({ method: 'PUT', url: `/api/milestones/${id}`, payload });

beforeAll(async () => {
  t = await createTestApp();
  w = await buildPartnershipWorld(t.deps.db);
  other = await buildPartnershipWorld(t.deps.db);
  admin = await session(w.users.admin.email);
  steering = await session(w.users.steering.email);
  otherSteering = await session(other.users.steering.email);
  housing = await session(w.users.housing_staff.email);
  company = await session(w.users.company_contact.email);
});

afterAll(async () => {
  await t?.close();
});

describe('POST /api/milestones', () => {
  it("takes the programme's milestones from the secretariat only", async () => {
    const body = {
      title: 'Boligforeningerne er kontaktet',
      dueDate: '2020-01-31',
      ownerName: 'Projektledelsen',
    };
    expect((await steering.post('/api/milestones', body)).statusCode).toBe(403);
    expect(await t.deps.db.select().from(milestones)).toHaveLength(0);
    const res = await admin.post('/api/milestones', { ...body, status: 'done', completedOn: '2020-01-30' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      partnershipId: null,
      partnershipName: null,
      status: 'done',
      completedOn: '2020-01-30',
      ownerName: 'Projektledelsen',
      overdue: false,
    });
    ids.programme = res.json().id;
  });

  it("takes a partnership's milestones from its own steering group, not another's", async () => {
    const body = {
      partnershipId: w.partnership.id,
      title: 'Styregruppen har sat mål for året',
      dueDate: '2026-11-01',
      ownerName: 'Styregruppen',
    };
    expect((await otherSteering.post('/api/milestones', body)).statusCode).toBe(403);
    expect((await housing.post('/api/milestones', body)).statusCode).toBe(403);
    const res = await steering.post('/api/milestones', body);
    expect(res.statusCode).toBe(201);
    // Due 01.11.2026, planned, and today is 24.11.2026: overdue.
    expect(res.json()).toMatchObject({
      partnershipName: w.partnership.name,
      status: 'planned',
      overdue: true,
    });
    ids.own = res.json().id;
    const theirs = await otherSteering.post('/api/milestones', {
      ...body,
      partnershipId: other.partnership.id,
      dueDate: '2026-12-15',
    });
    ids.otherOwn = theirs.json().id;
    const audit = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'milestone'), eq(auditEvents.action, 'create')));
    expect(audit).toHaveLength(3);
  });

  it('refuses a missing title and due date with Danish messages, storing nothing', async () => {
    const res = await admin.post('/api/milestones', { title: '', dueDate: '' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({ title: 'Skal udfyldes.', dueDate: 'Vælg datoen.' });
    expect(await t.deps.db.select().from(milestones)).toHaveLength(3);
  });
});

describe('GET /api/milestones', () => {
  it("shows a partnership's milestones with the programme's, by due date, to every steering group", async () => {
    const own = await steering.get(`/api/milestones?partnershipId=${w.partnership.id}`);
    expect(own.statusCode).toBe(200);
    expect(own.json().items.map((m: { id: string }) => m.id)).toEqual([ids.programme, ids.own]);
    const theirs = await otherSteering.get(`/api/milestones?partnershipId=${other.partnership.id}`);
    expect(theirs.json().items.map((m: { id: string }) => m.id)).toEqual([ids.programme, ids.otherOwn]);
    // Without a filter: every milestone; all staff read them, a company contact none.
    const all = await housing.get('/api/milestones?sort=dueDate&dir=desc');
    expect(all.json().items.map((m: { id: string }) => m.id)).toEqual([ids.otherOwn, ids.own, ids.programme]);
    expect((await company.get('/api/milestones')).statusCode).toBe(403);
  });
});

describe('PUT /api/milestones/:id', () => {
  const base = {
    title: 'Styregruppen har sat mål for året',
    dueDate: '2026-11-01',
    ownerName: 'Styregruppen',
  };

  it('marks a milestone done today when no day is given, and refuses a day after today', async () => {
    const future = await put(steering, ids.own, { ...base, status: 'done', completedOn: '2026-11-25' });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields).toEqual({ completedOn: 'Datoen kan ikke ligge efter i dag.' });
    const done = await put(steering, ids.own, { ...base, status: 'done' });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', completedOn: '2026-11-24', overdue: false });
    // Back to delayed: the completion day goes, and it is overdue again.
    const delayed = await put(steering, ids.own, { ...base, status: 'delayed' });
    expect(delayed.json()).toMatchObject({ status: 'delayed', completedOn: null, overdue: true });
    const cancelled = await put(steering, ids.own, { ...base, status: 'cancelled' });
    expect(cancelled.json()).toMatchObject({ overdue: false });
  });

  it("leaves the programme's milestones to the secretariat and another partnership's to its group", async () => {
    const programme = { title: 'Boligforeningerne er kontaktet', dueDate: '2020-01-31', status: 'done' };
    expect((await put(steering, ids.programme, programme)).statusCode).toBe(403);
    expect((await put(otherSteering, ids.own, { ...base, status: 'planned' })).statusCode).toBe(403);
    const res = await put(admin, ids.programme, { ...programme, completedOn: '2020-01-31' });
    expect(res.statusCode).toBe(200);
    expect(res.json().completedOn).toBe('2020-01-31');
    const unknown = await put(admin, '00000000-0000-4000-8000-000000000000', programme);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toBe('Milepælen findes ikke.');
  });
});

describe('DELETE /api/milestones/:id', () => {
  it('removes a milestone for those who may write it, audit-logged', async () => {
    expect((await steering.delete(`/api/milestones/${ids.programme}`)).statusCode).toBe(403);
    expect((await otherSteering.delete(`/api/milestones/${ids.own}`)).statusCode).toBe(403);
    expect((await steering.delete(`/api/milestones/${ids.own}`)).statusCode).toBe(200);
    expect(await t.deps.db.select().from(milestones).where(eq(milestones.id, ids.own))).toHaveLength(0);
    const audit = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'milestone'), eq(auditEvents.entityId, ids.own)));
    expect(audit.map((a) => a.action)).toContain('delete');
  });
});
