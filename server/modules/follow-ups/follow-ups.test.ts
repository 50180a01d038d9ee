import { randomUUID } from 'node:crypto';
import type { TFollowUpSettings } from '@domain/rules/follow-up-schedule.ts';
import {
  auditEvents,
  escalations,
  followUps,
  mailOutbox,
  notifications,
  placements,
} from '@server/db/schema/index.ts';
import { buildPartnershipWorld, buildUser, TEST_PASSWORD } from '@server/test/factories.ts';
import { createTestApp, TestSession, type TTestApp } from '@server/test/setup.ts';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hireForTest, type THireForTest } from './follow-ups.fixtures.ts';

const NOW = '2026-11-24T09:00:00Z'; // Tuesday 24.11.2026, 10.00 in Copenhagen

let t: TTestApp;
let world: Awaited<ReturnType<typeof buildPartnershipWorld>>;
let other: Awaited<ReturnType<typeof buildPartnershipWorld>>;
const sessions: Record<string, TestSession> = {};

type TUser = { id: string; email: string };

async function login(user: { email: string }): Promise<TestSession> {
  const s = new TestSession(t.app);
  expect((await s.login(user.email, TEST_PASSWORD)).statusCode).toBe(200);
  return s;
}

beforeAll(async () => {
  t = await createTestApp({ start: NOW });
  world = await buildPartnershipWorld(t.deps.db);
  other = await buildPartnershipWorld(t.deps.db);
  for (const [role, user] of Object.entries(world.users)) sessions[role] = await login(user);
  sessions.otherConsultant = await login(other.users.job_consultant);
  sessions.otherWorker = await login(other.users.social_worker);
});
afterAll(async () => t.close());
afterEach(() => t.clock.set(NOW));

/** Moves the clock; the sessions used afterwards log in again (a session expires when idle). */
async function jumpTo(at: string, ...users: (TUser & { session: TestSession })[]): Promise<void> {
  t.clock.set(at);
  for (const u of users) expect((await u.session.login(u.email, TEST_PASSWORD)).statusCode).toBe(200);
}

/** A consultant of the world's jobcenter of one's own, so "mine" holds only this test's rows. */
async function newConsultant(): Promise<TUser & { session: TestSession }> {
  const user = await buildUser(t.deps.db, { role: 'job_consultant', scopeId: world.jobcenter.id });
  return { ...user, session: await login(user) };
}

const hire = (o: THireForTest = {}) => hireForTest(t, world, o);

const checkIn = (s: TestSession, id: string, body: Record<string, unknown> = {}) =>
  s.post(`/api/follow-ups/${id}/check-in`, { contactedWith: 'resident', status: 'going_well', ...body });

const rowOf = async (id: string) =>
  (await t.deps.db.select().from(followUps).where(eq(followUps.id, id)))[0]!;

describe('the follow-up plan and "Mine opfølgninger"', () => {
  it('lists overdue first, then due today, then the rest by date and name; due=true keeps the due ones', async () => {
    const me = await newConsultant();
    // Started two weeks ago: its 1-week check-in is a week overdue.
    const late = await hire({ consultant: me, startDate: '2026-11-10', lastName: 'Østergaard' });
    // Started a week ago: its 1-week check-in is due today. Two of them, sorted by name (ø last).
    const dueB = await hire({ consultant: me, startDate: '2026-11-17', lastName: 'Ørsted' });
    const dueA = await hire({ consultant: me, startDate: '2026-11-17', lastName: 'Andersen' });
    const future = await hire({ consultant: me, startDate: '2026-11-24', lastName: 'Bech' });

    const res = await me.session.get('/api/follow-ups?pageSize=6');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const page = res.json();
    expect(page.total).toBe(20); // 4 placements × 5 check-ins, all planned and mine
    const first = page.items
      .slice(0, 4)
      .map((f: { id: string; overdue: boolean; dueDate: string }) => [f.id, f.dueDate, f.overdue]);
    expect(first).toEqual([
      [late.byKey('week_1').id, '2026-11-17', true],
      [dueA.byKey('week_1').id, '2026-11-24', false],
      [dueB.byKey('week_1').id, '2026-11-24', false],
      [future.byKey('week_1').id, '2026-12-01', false],
    ]);
    expect(page.items[0]).toMatchObject({
      key: 'week_1',
      label: '1 uge',
      state: 'planned',
      residentId: late.resident.id,
      residentName: `${late.resident.firstName} Østergaard`,
      companyName: world.company.name,
      openingTitle: 'Tømrer til renoveringen',
      assignedToId: me.id,
      status: null,
      notes: null,
    });

    const due = (await me.session.get('/api/follow-ups?due=true')).json();
    expect(due.items.map((f: { id: string }) => f.id)).toEqual([
      late.byKey('week_1').id,
      dueA.byKey('week_1').id,
      dueB.byKey('week_1').id,
    ]);
    const search = (await me.session.get(`/api/follow-ups?q=${encodeURIComponent('østergaard')}`)).json();
    expect(search.total).toBe(5);
    const byPlacement = (await me.session.get(`/api/follow-ups?placementId=${future.placementId}`)).json();
    expect(byPlacement.items.map((f: { key: string }) => f.key)).toEqual([
      'week_1',
      'month_1',
      'month_3',
      'month_6',
      'month_12',
    ]);
    // A chosen sort: by the person's name (Danish collation: Ø after B).
    const byName = (await me.session.get('/api/follow-ups?sort=residentName&pageSize=100')).json();
    const names = [
      ...new Set(byName.items.map((f: { residentName: string }) => f.residentName.split(' ')[1])),
    ];
    expect(names).toEqual(['Andersen', 'Bech', 'Ørsted', 'Østergaard']);

    // The search is logged with its criteria, the typed text only as a fingerprint.
    const [logged] = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.userId, me.id), eq(auditEvents.action, 'search')))
      .orderBy(asc(auditEvents.at), asc(auditEvents.id))
      .limit(1);
    expect(logged).toMatchObject({ entityType: 'follow_up' });
    expect(JSON.stringify((await t.deps.db.select().from(auditEvents)).map((e) => e.details))).not.toContain(
      'østergaard',
    );
  });

  it("scope 'all' shows every follow-up of the people one works with, never another partnership's", async () => {
    const me = await newConsultant();
    const h = await hire({ consultant: me, lastName: 'Scopesen' });
    const q = `q=${encodeURIComponent('Scopesen')}`;
    // The social worker is not assigned: nothing is "mine", but all of the person's are there.
    expect((await sessions.social_worker!.get(`/api/follow-ups?${q}`)).json().total).toBe(0);
    const all = (await sessions.social_worker!.get(`/api/follow-ups?scope=all&${q}`)).json();
    expect(all.items.map((f: { id: string }) => f.id).sort()).toEqual(h.plan.map((p) => p.id).sort());
    // A colleague in the jobcenter sees them under 'all', not under 'mine'.
    expect((await sessions.job_consultant!.get(`/api/follow-ups?scope=all&${q}`)).json().total).toBe(5);
    expect((await sessions.job_consultant!.get(`/api/follow-ups?${q}`)).json().total).toBe(0);
    // Another partnership's professionals see nothing of them.
    expect((await sessions.otherConsultant!.get(`/api/follow-ups?scope=all&${q}`)).json().total).toBe(0);
    expect((await sessions.otherWorker!.get(`/api/follow-ups?scope=all&${q}`)).json().total).toBe(0);
    // Roles without casework are refused at the door.
    for (const role of ['admin', 'housing_staff', 'company_contact', 'steering']) {
      expect((await sessions[role]!.get('/api/follow-ups')).statusCode).toBe(403);
    }
  });

  it('moving the clock six months makes the 6-month check-in overdue', async () => {
    const me = await newConsultant();
    const h = await hire({ consultant: me, startDate: '2026-11-24' });
    expect(h.byKey('month_6')).toMatchObject({ dueDate: '2027-05-24', measures: 'retention_6' });
    expect(h.byKey('month_12')).toMatchObject({ dueDate: '2027-11-24', measures: 'retention_12' });
    const dueNow = async () =>
      (await me.session.get('/api/follow-ups?due=true')).json().items.map((f: { key: string }) => f.key);
    expect(await dueNow()).toEqual([]);

    await jumpTo('2027-05-24T08:00:00Z', me);
    const atSix = (await me.session.get('/api/follow-ups?due=true')).json();
    expect(atSix.items.map((f: { key: string; overdue: boolean }) => [f.key, f.overdue])).toEqual([
      ['week_1', true],
      ['month_1', true],
      ['month_3', true],
      ['month_6', false],
    ]);
    await jumpTo('2027-05-26T08:00:00Z', me);
    const six = (await me.session.get(`/api/follow-ups/${h.byKey('month_6').id}`)).json();
    expect(six).toMatchObject({ key: 'month_6', label: '6 måneder', overdue: true, measures: 'retention_6' });
  });
});

describe('check-ins', () => {
  it('requires the retention outcome on the 6- and 12-month check-ins, refuses one where nothing is measured', async () => {
    const me = await newConsultant();
    const h = await hire({ consultant: me });
    await jumpTo('2027-05-25T08:00:00Z', me);
    const six = h.byKey('month_6').id;

    const missing = await checkIn(me.session, six, { notes: 'Ringede til virksomheden.' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields).toEqual({
      retentionOutcome: 'Vælg, hvor personen er nu: i job, i uddannelse, hverken eller ukendt.',
    });
    const wrongKind = await checkIn(me.session, six, { retentionOutcome: 'in_job', trialOutcome: 'job' });
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.json().error.fields).toEqual({
      trialOutcome: 'Denne opfølgning måler ikke et udfald. Lad feltet være tomt.',
    });
    const notMeasured = await checkIn(me.session, h.byKey('week_1').id, { retentionOutcome: 'in_job' });
    expect(notMeasured.statusCode).toBe(400);
    expect(notMeasured.json().error.fields).toEqual({
      retentionOutcome: 'Denne opfølgning måler ikke et udfald. Lad feltet være tomt.',
    });
    // Nothing was recorded by the refusals.
    expect(await rowOf(six)).toMatchObject({ state: 'planned', recordedAt: null, status: null });

    const ok = await checkIn(me.session, six, {
      contactedWith: 'both',
      status: 'going_well',
      notes: 'Trives og har fået flere timer.',
      actionTaken: 'Ingen',
      retentionOutcome: 'in_job',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      id: six,
      state: 'done',
      overdue: false,
      contactedWith: 'both',
      status: 'going_well',
      notes: 'Trives og har fået flere timer.',
      actionTaken: 'Ingen',
      retentionOutcome: 'in_job',
      trialOutcome: null,
      recordedAt: '2027-05-25T08:00:00.000Z',
    });
    expect(ok.json().recordedByName).toBeTruthy();
    const [audit] = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, six), eq(auditEvents.action, 'update')));
    expect(audit!.details).toMatchObject({
      residentId: h.resident.id,
      key: 'month_6',
      status: 'going_well',
      retentionOutcome: 'in_job',
    });
    // The notes are the person's data: not in the audit log.
    expect(JSON.stringify(audit!.details)).not.toContain('Trives');

    // Once recorded it cannot be recorded again, nor moved.
    const again = await checkIn(me.session, six, { retentionOutcome: 'neither' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('Opfølgningen er allerede registreret.');
    expect((await rowOf(six)).retentionOutcome).toBe('in_job');
    const move = await me.session.post(`/api/follow-ups/${six}/reschedule`, { dueDate: '2027-06-01' });
    expect(move.statusCode).toBe(409);

    // The 12-month check-in may be recorded early, and also needs its outcome.
    const twelve = h.byKey('month_12').id;
    expect((await checkIn(me.session, twelve)).json().error.fields).toHaveProperty('retentionOutcome');
    const early = await checkIn(me.session, twelve, { retentionOutcome: 'in_education' });
    expect(early.statusCode).toBe(200);
    expect(early.json()).toMatchObject({ state: 'done', retentionOutcome: 'in_education' });
    // A cancelled check-in is not recorded either.
    await t.deps.db
      .update(followUps)
      .set({ state: 'cancelled' })
      .where(eq(followUps.id, h.byKey('month_3').id));
    const cancelled = await checkIn(me.session, h.byKey('month_3').id);
    expect(cancelled.statusCode).toBe(409);
    expect(cancelled.json().error.message).toBe('Opfølgningen er aflyst.');
  });

  it("requires the trial's outcome at its end; a trial ending in a job creates no new placement", async () => {
    const me = await newConsultant();
    const h = await hire({
      consultant: me,
      type: 'site_trial',
      startDate: '2026-11-24',
      endDate: '2026-12-22',
    });
    expect(h.plan.map((p) => [p.key, p.dueDate, p.measures])).toEqual([
      ['week_1', '2026-12-01', null],
      ['week_2', '2026-12-08', null],
      ['week_3', '2026-12-15', null],
      ['week_4', '2026-12-22', 'trial_outcome'],
    ]);
    await jumpTo('2026-12-22T09:00:00Z', me);
    const end = h.byKey('week_4').id;
    const missing = await checkIn(me.session, end);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields).toEqual({
      trialOutcome: 'Vælg, hvad praktikken førte til: job, uddannelse eller andet.',
    });
    const retention = await checkIn(me.session, end, { trialOutcome: 'job', retentionOutcome: 'in_job' });
    expect(retention.json().error.fields).toEqual({
      retentionOutcome: 'Denne opfølgning måler ikke et udfald. Lad feltet være tomt.',
    });
    const ok = await checkIn(me.session, end, { trialOutcome: 'job', notes: 'Tilbudt lærlingeplads.' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ state: 'done', trialOutcome: 'job', retentionOutcome: null });
    const theirs = await t.deps.db.select().from(placements).where(eq(placements.residentId, h.resident.id));
    expect(theirs.map((p) => [p.id, p.status])).toEqual([[h.placementId, 'active']]);
  });

  it("refuses a check-in on someone else's placement with 404, logs it and changes nothing", async () => {
    const h = await hire();
    const id = h.byKey('week_1').id;
    const before = await rowOf(id);

    for (const s of [sessions.otherConsultant!, sessions.otherWorker!]) {
      const res = await checkIn(s, id, { status: 'at_risk', notes: 'Forsøg udefra' });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
      expect((await s.get(`/api/follow-ups/${id}`)).statusCode).toBe(404);
      expect((await s.post(`/api/follow-ups/${id}/reschedule`, { dueDate: '2027-01-05' })).statusCode).toBe(
        404,
      );
      expect(
        (await s.post('/api/follow-ups', { placementId: h.placementId, dueDate: '2027-01-05' })).statusCode,
      ).toBe(404);
    }
    expect(await rowOf(id)).toEqual(before);
    expect(
      await t.deps.db.select().from(escalations).where(eq(escalations.placementId, h.placementId)),
    ).toEqual([]);
    const denied = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, 'denied')));
    expect(denied.length).toBeGreaterThanOrEqual(6);
    expect(denied.every((d) => d.entityType === 'follow_up')).toBe(true);
    const written = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), inArray(auditEvents.action, ['update', 'read'])));
    expect(written).toEqual([]);
    // An unknown id answers the same.
    expect((await checkIn(sessions.job_consultant!, randomUUID())).statusCode).toBe(404);
  });

  it('"at risk" opens an escalation and tells the job consultant and the social worker at once, in-app and by e-mail', async () => {
    const owner = await newConsultant();
    // A colleague covers the owner's call, so both the owner and the social worker are told.
    const colleague = await newConsultant();
    const h = await hire({ consultant: owner });
    await jumpTo('2026-12-01T09:00:00Z', colleague);
    const id = h.byKey('week_1').id;
    const res = await checkIn(colleague.session, id, {
      contactedWith: 'company',
      status: 'at_risk',
      notes: 'Møder for sent flere gange.',
      actionTaken: 'Aftalt møde med mester.',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ state: 'done', status: 'at_risk' });

    const opened = await t.deps.db
      .select()
      .from(escalations)
      .where(eq(escalations.placementId, h.placementId));
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatchObject({
      source: 'check_in',
      followUpId: id,
      openedBy: colleague.id,
      resolvedAt: null,
    });
    expect(opened[0]!.reason).toContain('Aftalt møde med mester.');

    const told = await t.deps.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.kind, 'placement_at_risk'), eq(notifications.entityId, h.placementId)));
    expect(told.map((n) => n.userId).sort()).toEqual([owner.id, world.users.social_worker.id].sort());
    const mails = await t.deps.db
      .select()
      .from(mailOutbox)
      .where(
        inArray(
          mailOutbox.id,
          told.map((n) => n.mailId!),
        ),
      );
    expect(mails.map((m) => m.to).sort()).toEqual([owner.email, world.users.social_worker.email].sort());
    for (const m of mails) {
      expect(m.subject).toBe('Jobbro: Noget går skævt: Tømrer til renoveringen');
      expect(m.textBody).not.toContain(h.resident.lastName);
    }

    // The owner's own "at risk" on the next check-in tells the social worker (the owner knows).
    await jumpTo('2026-12-24T09:00:00Z', owner);
    const mine = await checkIn(owner.session, h.byKey('month_1').id, { status: 'at_risk' });
    expect(mine.statusCode).toBe(200);
    const second = await t.deps.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.kind, 'placement_at_risk'), eq(notifications.entityId, h.placementId)));
    expect(second.filter((n) => !told.some((x) => x.id === n.id)).map((n) => n.userId)).toEqual([
      world.users.social_worker.id,
    ]);
    // Still one open escalation for the placement: the second alarm joins it.
    expect(
      await t.deps.db.select().from(escalations).where(eq(escalations.placementId, h.placementId)),
    ).toHaveLength(1);
  });

  it('"going well" and "ended" open no escalation and tell nobody', async () => {
    const me = await newConsultant();
    const h = await hire({ consultant: me });
    expect((await checkIn(me.session, h.byKey('week_1').id, { status: 'going_well' })).statusCode).toBe(200);
    const ended = await checkIn(me.session, h.byKey('month_1').id, { status: 'ended', notes: 'Er stoppet.' });
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toMatchObject({ status: 'ended', state: 'done' });
    expect(
      await t.deps.db.select().from(escalations).where(eq(escalations.placementId, h.placementId)),
    ).toEqual([]);
    const told = await t.deps.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.kind, 'placement_at_risk'), eq(notifications.entityId, h.placementId)));
    expect(told).toEqual([]);
    // Recording "ended" does not end the placement by itself.
    const [p] = await t.deps.db.select().from(placements).where(eq(placements.id, h.placementId));
    expect(p!.status).toBe('active');
  });
});

describe('moving and adding check-ins', () => {
  it('moves a planned check-in, not before the placement started', async () => {
    const me = await newConsultant();
    const h = await hire({ consultant: me, startDate: '2026-11-24' });
    const id = h.byKey('week_1').id;
    const early = await me.session.post(`/api/follow-ups/${id}/reschedule`, { dueDate: '2026-11-20' });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields).toEqual({
      dueDate: 'Datoen kan ikke ligge før ansættelsens start (24.11.2026).',
    });
    const bad = await me.session.post(`/api/follow-ups/${id}/reschedule`, { dueDate: '31.12.2026' });
    expect(bad.statusCode).toBe(400);
    expect((await rowOf(id)).dueDate).toBe('2026-12-01');

    const moved = await me.session.post(`/api/follow-ups/${id}/reschedule`, { dueDate: '2026-12-03' });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ id, dueDate: '2026-12-03', state: 'planned' });
    const [audit] = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, 'update')));
    expect(audit!.details).toMatchObject({ dueDate: { from: '2026-12-01', to: '2026-12-03' } });
  });

  it('adds an extra check-in for the follow-up owner', async () => {
    const me = await newConsultant();
    const h = await hire({ consultant: me, startDate: '2026-11-24' });
    const before = await sessions.social_worker!.post('/api/follow-ups', {
      placementId: h.placementId,
      dueDate: '2026-11-23',
    });
    expect(before.statusCode).toBe(400);
    expect(before.json().error.fields).toEqual({
      dueDate: 'Datoen kan ikke ligge før ansættelsens start (24.11.2026).',
    });
    // The social worker adds it; it is the job consultant's to do.
    const res = await sessions.social_worker!.post('/api/follow-ups', {
      placementId: h.placementId,
      dueDate: '2026-12-10',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      placementId: h.placementId,
      key: 'extra',
      label: 'Ekstra opfølgning',
      dueDate: '2026-12-10',
      measures: null,
      state: 'planned',
      assignedToId: me.id,
    });
    const mine = (await me.session.get(`/api/follow-ups?placementId=${h.placementId}`)).json();
    expect(mine.items.map((f: { key: string }) => f.key)).toEqual([
      'week_1',
      'extra',
      'month_1',
      'month_3',
      'month_6',
      'month_12',
    ]);
    expect(
      (
        await sessions.job_consultant!.post('/api/follow-ups', {
          placementId: randomUUID(),
          dueDate: '2026-12-10',
        })
      ).statusCode,
    ).toBe(404);
  });
});

describe('follow-up settings per partnership', () => {
  const siteTrial: TFollowUpSettings = {
    schedules: {
      site_trial: [
        { key: 'week_2', after: { weeks: 2 }, measures: null },
        { key: 'week_4', after: { weeks: 4 }, measures: 'trial_outcome' },
      ],
    },
  };
  const url = () => `/api/follow-ups/settings/${world.partnership.id}`;

  it('shows the defaults; the secretariat changes a type, the rest keep the defaults, and the next hire uses it', async () => {
    const read = await sessions.social_worker!.get(url());
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({
      partnershipId: world.partnership.id,
      settings: { schedules: {} },
      updatedAt: null,
    });
    expect(read.json().defaults.full_time.map((s: { key: string }) => s.key)).toEqual([
      'week_1',
      'month_1',
      'month_3',
      'month_6',
      'month_12',
    ]);
    expect((await sessions.job_consultant!.get(url())).statusCode).toBe(200);
    expect((await sessions.otherConsultant!.get(url())).statusCode).toBe(403);
    expect((await sessions.company_contact!.get(url())).statusCode).toBe(403);
    // Only the secretariat saves.
    expect(
      (await sessions.job_consultant!.request({ method: 'PUT', url: url(), payload: siteTrial })).statusCode,
    ).toBe(403);
    const duplicate = await sessions.admin!.request({
      method: 'PUT',
      url: url(),
      payload: {
        schedules: {
          site_trial: [
            { key: 'week_2', after: { weeks: 2 }, measures: null },
            { key: 'week_2', after: { weeks: 4 }, measures: 'trial_outcome' },
          ],
        },
      },
    });
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.json().error.fields['schedules.site_trial.1.key']).toBe('Nøglen er brugt før.');

    const saved = await sessions.admin!.request({ method: 'PUT', url: url(), payload: siteTrial });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().settings).toEqual(siteTrial);
    expect(saved.json().updatedByName).toBe(world.users.admin.name);
    expect((await sessions.social_worker!.get(url())).json().settings).toEqual(siteTrial);

    const trial = await hire({ type: 'site_trial', startDate: '2026-11-24', endDate: '2026-12-22' });
    expect(trial.plan.map((p) => [p.key, p.dueDate])).toEqual([
      ['week_2', '2026-12-08'],
      ['week_4', '2026-12-22'],
    ]);
    // A type left out keeps the default.
    const job = await hire({ type: 'full_time' });
    expect(job.plan).toHaveLength(5);
    expect(
      (await sessions.admin!.request({ method: 'PUT', url: url(), payload: { schedules: {} } })).json()
        .settings,
    ).toEqual({ schedules: {} });
  });
});
