import { ZPlacementDetail } from '@domain/placement.schema.ts';
import {
  auditEvents,
  escalations,
  followUps,
  mailOutbox,
  notifications,
  placements,
  residentConsents,
  residents,
} from '@server/db/schema/index.ts';
import {
  buildAssignment,
  buildConsent,
  buildOpening,
  buildPartnershipWorld,
  buildResident,
  buildSocialClause,
  TEST_PASSWORD,
} from '@server/test/factories.ts';
import { createTestApp, TestSession, type TTestApp } from '@server/test/setup.ts';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Placements through the API on a real PostgreSQL: the professional and the company views (the
// company never receives a note), scope, the end of a placement, the company's flag with its
// escalation and notices, resolving it, clause fulfilment from a hire, and bad input that
// changes nothing. Today is 24.11.2026 (Copenhagen).

type TWorld = Awaited<ReturnType<typeof buildPartnershipWorld>>;

let t: TTestApp;
let own: TWorld;
let other: TWorld;
const s = {} as Record<
  'social_worker' | 'job_consultant' | 'company' | 'admin' | 'steering' | 'other_sw' | 'other_company',
  TestSession
>;

async function login(email: string): Promise<TestSession> {
  const session = new TestSession(t.app);
  expect((await session.login(email, TEST_PASSWORD)).statusCode).toBe(200);
  return session;
}

beforeAll(async () => {
  t = await createTestApp({ start: '2026-11-24T09:00:00Z' });
  own = await buildPartnershipWorld(t.deps.db);
  other = await buildPartnershipWorld(t.deps.db);
  s.social_worker = await login(own.users.social_worker.email);
  s.job_consultant = await login(own.users.job_consultant.email);
  s.company = await login(own.users.company_contact.email);
  s.admin = await login(own.users.admin.email);
  s.steering = await login(own.users.steering.email);
  s.other_sw = await login(other.users.social_worker.email);
  s.other_company = await login(other.users.company_contact.email);
});
afterAll(async () => t.close());

/**
 * A person of the world's area, registered by its plan, with consent (a) (both professional
 * roles see them) and (b) (the company may know their first name), and their responsible people.
 */
async function person(w: TWorld, o: { firstName?: string; lastName?: string } = {}) {
  const r = await buildResident(t.deps.db, {
    municipalityId: w.municipality.id,
    housingAreaId: w.area.id,
    registeredByPlanId: w.plan.id,
    responsibleJobConsultantId: w.users.job_consultant.id,
    responsibleSocialWorkerId: w.users.social_worker.id,
    ...o,
  });
  await buildConsent(t.deps.db, { residentId: r.id, scope: 'sharing' });
  await buildConsent(t.deps.db, { residentId: r.id, scope: 'matching' });
  return r;
}

async function opening(w: TWorld, o: Partial<Parameters<typeof buildOpening>[1]> = {}) {
  return buildOpening(t.deps.db, {
    partnershipId: w.partnership.id,
    companyId: w.company.id,
    type: 'full_time',
    title: 'Ejendomsservicemedarbejder',
    status: 'referred',
    minAge: 18,
    ...o,
  });
}

/** A hire recorded by the own job consultant through POST /api/placements. */
async function hire(
  o: {
    residentId?: string;
    openingId?: string;
    startDate?: string;
    endDate?: string | null;
    type?: string;
    by?: TestSession;
  } = {},
) {
  const residentId = o.residentId ?? (await person(own)).id;
  const openingId = o.openingId ?? (await opening(own)).id;
  const res = await (o.by ?? s.job_consultant).post('/api/placements', {
    residentId,
    openingId,
    startDate: o.startDate ?? '2026-11-24',
    endDate: o.endDate ?? null,
    hoursPerWeek: 37,
    type: o.type ?? 'full_time',
  });
  expect(res.statusCode, res.body).toBe(201);
  return { residentId, openingId, placement: res.json() };
}

/** Everything a failed write might have touched, to compare before and after. */
async function snapshot(placementId: string, residentId: string) {
  const db = t.deps.db;
  return {
    placement: await db.select().from(placements).where(eq(placements.id, placementId)),
    followUps: await db
      .select()
      .from(followUps)
      .where(eq(followUps.placementId, placementId))
      .orderBy(asc(followUps.dueDate)),
    escalations: await db.select().from(escalations).where(eq(escalations.placementId, placementId)),
    resident: await db.select().from(residents).where(eq(residents.id, residentId)),
  };
}

const DETAIL_KEYS = Object.keys(ZPlacementDetail.shape).sort();

describe('placement views', () => {
  it('shows professionals everything and the company its own record: first name, dates, never a note', async () => {
    const r = await person(own, { firstName: 'Amira', lastName: 'Hemmeligsen' });
    const { placement } = await hire({ residentId: r.id, startDate: '2026-11-02' });
    const id: string = placement.id;
    expect(placement).toMatchObject({
      residentId: r.id,
      residentName: 'Amira Hemmeligsen',
      companyId: own.company.id,
      status: 'active',
      startDate: '2026-11-02',
      canFollowUp: true,
      canFlag: false,
      nextDueDate: '2026-11-09',
    });
    expect(placement.followUps.map((f: { key: string }) => f.key)).toEqual([
      'week_1',
      'month_1',
      'month_3',
      'month_6',
      'month_12',
    ]);
    // A check-in with notes, an end note and an escalation: the professionals' words.
    const NOTE = 'Fortalte om gæld og søvnproblemer';
    const [week1] = await t.deps.db
      .update(followUps)
      .set({
        state: 'done',
        status: 'going_well',
        contactedWith: 'resident',
        notes: NOTE,
        actionTaken: 'Henvist til gældsrådgivning',
        recordedAt: t.clock.now(),
        recordedBy: own.users.job_consultant.id,
      })
      .where(and(eq(followUps.placementId, id), eq(followUps.key, 'week_1')))
      .returning();
    expect(week1).toBeDefined();
    await t.deps.db.insert(escalations).values({
      placementId: id,
      source: 'check_in',
      followUpId: week1!.id,
      reason: 'Kommer for sent; virker presset',
      openedBy: own.users.job_consultant.id,
      openedAt: t.clock.now(),
    });

    const pro = (await s.social_worker.get(`/api/placements/${id}`)).json();
    expect(Object.keys(pro).sort()).toEqual(DETAIL_KEYS);
    expect(pro).toMatchObject({ residentName: 'Amira Hemmeligsen', canFollowUp: true, openEscalations: 1 });
    expect(pro.followUps[0]).toMatchObject({ key: 'week_1', notes: NOTE, state: 'done' });
    expect(pro.escalations).toEqual([
      expect.objectContaining({ source: 'check_in', reason: 'Kommer for sent; virker presset' }),
    ]);

    const res = await s.company.get(`/api/placements/${id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const seen = res.json();
    expect(Object.keys(seen).sort()).toEqual(DETAIL_KEYS);
    expect(seen).toMatchObject({
      residentId: r.id,
      residentName: 'Amira',
      companyName: own.company.name,
      followUps: [],
      escalations: [],
      endNote: null,
      endReason: null,
      canFollowUp: false,
      canFlag: true,
      // The check-in's "at risk" is the professionals' assessment, not the company's count.
      openEscalations: 0,
    });
    expect(seen.followUpDates).toEqual([
      { label: '1 uge', dueDate: '2026-11-09', state: 'done' },
      { label: '1 måned', dueDate: '2026-12-02', state: 'planned' },
      { label: '3 måneder', dueDate: '2027-02-02', state: 'planned' },
      { label: '6 måneder', dueDate: '2027-05-02', state: 'planned' },
      { label: '12 måneder', dueDate: '2027-11-02', state: 'planned' },
    ]);
    for (const secret of [NOTE, 'gældsrådgivning', 'presset', 'Hemmeligsen']) {
      expect(res.body).not.toContain(secret);
    }

    // In the company's list too: first name only; its search finds the first name, not the last.
    const listed = async (q: string) =>
      (await s.company.get(`/api/placements?q=${encodeURIComponent(q)}`)).json().items as {
        id: string;
        residentName: string | null;
        residentId: string | null;
      }[];
    expect((await listed('amira')).map((i) => [i.id, i.residentName])).toEqual([[id, 'Amira']]);
    expect(await listed('hemmeligsen')).toEqual([]);
    expect((await s.job_consultant.get('/api/placements?q=hemmeligsen')).json().items).toEqual([
      expect.objectContaining({ id, residentName: 'Amira Hemmeligsen', nextDueDate: '2026-12-02' }),
    ]);

    // Consent (b) withdrawn: the placement stays the company's record, the person is no longer named.
    await t.deps.db
      .update(residentConsents)
      .set({ withdrawnOn: '2026-11-20' })
      .where(and(eq(residentConsents.residentId, r.id), eq(residentConsents.scope, 'matching')));
    const after = (await s.company.get(`/api/placements/${id}`)).json();
    expect(after).toMatchObject({ id, residentId: null, residentName: null });
    expect(
      (await s.company.get(`/api/placements?companyId=${own.company.id}&pageSize=200`))
        .json()
        .items.find((i: { id: string }) => i.id === id),
    ).toMatchObject({ residentId: null, residentName: null });
    expect(await listed('amira')).toEqual([]);

    // Every read is logged with the person's id.
    const reads = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'placement'), eq(auditEvents.entityId, id)))
      .orderBy(asc(auditEvents.id));
    expect(
      reads
        .filter((e) => e.action === 'read')
        .map((e) => [e.userId, (e.details as { residentId: string }).residentId]),
    ).toEqual([
      [own.users.social_worker.id, r.id],
      [own.users.company_contact.id, r.id],
      [own.users.company_contact.id, r.id],
    ]);
  });

  it('shows nothing to a social worker or company outside the scope, and logs the refusals', async () => {
    const { placement } = await hire();
    const id: string = placement.id;
    const ids = async (session: TestSession) =>
      ((await session.get('/api/placements?pageSize=200')).json().items as { id: string }[]).map((i) => i.id);
    expect(await ids(s.social_worker)).toContain(id);
    expect(await ids(s.company)).toContain(id);
    expect(await ids(s.other_sw)).not.toContain(id);
    expect(await ids(s.other_company)).not.toContain(id);
    expect((await s.other_sw.get(`/api/placements/${id}`)).statusCode).toBe(404);
    expect((await s.other_company.get(`/api/placements/${id}`)).statusCode).toBe(404);
    expect((await s.other_sw.get(`/api/escalations?state=all&placementId=${id}`)).json().total).toBe(0);
    // The secretariat, housing staff and steering do no casework.
    expect((await s.admin.get('/api/placements')).statusCode).toBe(403);
    expect((await s.steering.get(`/api/placements/${id}`)).statusCode).toBe(403);
    const denied = await t.deps.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, 'denied'),
          eq(auditEvents.entityType, 'placement'),
          eq(auditEvents.entityId, id),
        ),
      )
      .orderBy(asc(auditEvents.id));
    expect(denied.map((d) => [d.userId, d.details])).toEqual([
      [other.users.social_worker.id, { action: 'read', reason: 'no_access' }],
      [other.users.company_contact.id, { action: 'read', reason: 'no_access' }],
    ]);
    // Searches are logged, their text only as a fingerprint.
    const [search] = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'search'), eq(auditEvents.entityType, 'placement')))
      .limit(1);
    expect(search).toBeDefined();
  });
});

describe('recording a hire without a proposal', () => {
  it('refuses an opening outside the partnership, a person one does not see, and a second hire', async () => {
    const r = await person(own);
    const foreign = await opening(other);
    const body = (openingId: string, residentId = r.id) => ({
      residentId,
      openingId,
      startDate: '2026-11-24',
      hoursPerWeek: 37,
      type: 'full_time',
    });
    expect((await s.job_consultant.post('/api/placements', body(foreign.id))).statusCode).toBe(404);
    const stranger = await person(other);
    const mine = await opening(own);
    expect((await s.job_consultant.post('/api/placements', body(mine.id, stranger.id))).statusCode).toBe(404);
    expect((await s.company.post('/api/placements', body(mine.id))).statusCode).toBe(403);
    const trial = await s.job_consultant.post('/api/placements', { ...body(mine.id), type: 'site_trial' });
    expect(trial.statusCode).toBe(400);
    expect(trial.json().error.fields).toEqual({
      endDate: 'Skriv slutdatoen for en tidsbegrænset ansættelse.',
    });
    expect(await t.deps.db.select().from(placements).where(eq(placements.residentId, r.id))).toEqual([]);

    await hire({ residentId: r.id, openingId: mine.id });
    const again = await s.social_worker.post('/api/placements', body(mine.id));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('Beboeren er allerede ansat i denne jobåbning.');
    expect(await t.deps.db.select().from(placements).where(eq(placements.residentId, r.id))).toHaveLength(1);
  });

  it('fulfils the apprentice clause of the opening’s assignment', async () => {
    const assignment = await buildAssignment(t.deps.db, {
      partnershipId: own.partnership.id,
      companyId: own.company.id,
      housingOrganisationId: own.organisation.id,
      title: 'Renovering af blok 3',
    });
    const clause = await buildSocialClause(t.deps.db, {
      assignmentId: assignment.id,
      kind: 'apprentices',
      targetQuantity: 3,
    });
    const progress = async () =>
      (await s.job_consultant.get(`/api/social-clauses/${clause.id}`)).json().progress;
    expect(await progress()).toMatchObject({ target: 3, fulfilled: 0 });
    const apprenticeship = await opening(own, {
      type: 'apprentice',
      title: 'Tømrerlærling',
      assignmentId: assignment.id,
      socialClauseId: clause.id,
      minAge: 16,
    });
    const { placement } = await hire({ openingId: apprenticeship.id, type: 'apprentice' });
    expect(placement).toMatchObject({
      assignmentId: assignment.id,
      assignmentTitle: 'Renovering af blok 3',
      socialClauseId: clause.id,
    });
    expect(await progress()).toMatchObject({ target: 3, fulfilled: 1 });
  });
});

describe('ending a placement', () => {
  it('refuses an end before the start and changes nothing', async () => {
    const { placement, residentId } = await hire({ startDate: '2026-10-01' });
    const id: string = placement.id;
    const before = await snapshot(id, residentId);
    const early = await s.job_consultant.post(`/api/placements/${id}/end`, {
      status: 'completed',
      endDate: '2026-09-30',
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields).toEqual({ endDate: 'Slutdatoen ligger før startdatoen (01.10.2026).' });
    const noReason = await s.job_consultant.post(`/api/placements/${id}/end`, {
      status: 'ended_early',
      endDate: '2026-11-20',
    });
    expect(noReason.json().error.fields).toEqual({ reason: 'Vælg, hvorfor forløbet stoppede.' });
    const future = await s.job_consultant.post(`/api/placements/${id}/end`, {
      status: 'completed',
      endDate: '2026-12-01',
    });
    expect(future.json().error.fields).toHaveProperty('endDate');
    // The company sees the placement but does not end it; another partnership does not see it.
    const body = { status: 'completed', endDate: '2026-11-20' };
    expect((await s.company.post(`/api/placements/${id}/end`, body)).statusCode).toBe(403);
    expect((await s.other_sw.post(`/api/placements/${id}/end`, body)).statusCode).toBe(404);
    // A check-in on someone else's placement, an "at risk" at that, is refused the same way.
    const week1 = before.followUps.find((f) => f.key === 'week_1')!;
    const checkIn = await s.other_sw.post(`/api/follow-ups/${week1.id}/check-in`, {
      contactedWith: 'resident',
      status: 'at_risk',
      notes: 'Skulle ikke kunne skrives',
    });
    expect(checkIn.statusCode).toBe(404);
    expect(await snapshot(id, residentId)).toEqual(before);
  });

  it('ends early: later check-ins that measure nothing are cancelled, retention stays, the person is active again', async () => {
    const { placement, residentId } = await hire({ startDate: '2026-10-01' });
    const id: string = placement.id;
    const [person0] = await t.deps.db.select().from(residents).where(eq(residents.id, residentId));
    expect(person0!.status).toBe('in_job');
    const res = await s.social_worker.post(`/api/placements/${id}/end`, {
      status: 'ended_early',
      endDate: '2026-11-20',
      reason: 'resident_quit',
      note: 'Flytter til Aarhus efter nytår',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'ended_early',
      endDate: '2026-11-20',
      endReason: 'resident_quit',
      endNote: 'Flytter til Aarhus efter nytår',
    });
    const plan = await t.deps.db
      .select({ key: followUps.key, state: followUps.state })
      .from(followUps)
      .where(eq(followUps.placementId, id))
      .orderBy(asc(followUps.dueDate));
    expect(plan).toEqual([
      { key: 'week_1', state: 'planned' }, // 08.10: before the end, still to be recorded
      { key: 'month_1', state: 'planned' }, // 01.11
      { key: 'month_3', state: 'cancelled' }, // 01.01.2027: after the end, measures nothing
      { key: 'month_6', state: 'planned' }, // retention: asked also after the end
      { key: 'month_12', state: 'planned' },
    ]);
    const [person1] = await t.deps.db.select().from(residents).where(eq(residents.id, residentId));
    expect(person1!.status).toBe('active');
    // The company learns it ended, not why.
    expect((await s.company.get(`/api/placements/${id}`)).json()).toMatchObject({
      status: 'ended_early',
      endReason: null,
      endNote: null,
      canFlag: false,
    });
    const again = await s.social_worker.post(`/api/placements/${id}/end`, {
      status: 'completed',
      endDate: '2026-11-21',
    });
    expect(again.statusCode).toBe(409);
    const [event] = await t.deps.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, 'update'),
          eq(auditEvents.entityType, 'placement'),
          eq(auditEvents.entityId, id),
        ),
      );
    expect(event!.details).toEqual({
      residentId,
      status: { from: 'active', to: 'ended_early' },
      endDate: '2026-11-20',
      reason: 'resident_quit',
      cancelledFollowUps: 1,
      residentStatus: 'active',
    });
  });

  it('moves the person on: a trial converted to a job → in job; into education → in education', async () => {
    const trial = await hire({ type: 'site_trial', startDate: '2026-10-26', endDate: '2026-11-20' });
    const statusOf = async (id: string) =>
      (await t.deps.db.select().from(residents).where(eq(residents.id, id)))[0]!.status;
    // A trial is not a job: the person stayed available.
    expect(await statusOf(trial.residentId)).toBe('active');
    const converted = await s.job_consultant.post(`/api/placements/${trial.placement.id}/end`, {
      status: 'converted',
      endDate: '2026-11-20',
    });
    expect(converted.statusCode).toBe(200);
    expect(await statusOf(trial.residentId)).toBe('in_job');
    // The trial's outcome check-in (its last day) stays to be recorded.
    const outcome = await t.deps.db
      .select({ key: followUps.key, state: followUps.state })
      .from(followUps)
      .where(and(eq(followUps.placementId, trial.placement.id), eq(followUps.key, 'week_4')));
    expect(outcome).toEqual([{ key: 'week_4', state: 'planned' }]);

    const job = await hire({ startDate: '2026-09-01' });
    await s.job_consultant.post(`/api/placements/${job.placement.id}/end`, {
      status: 'education',
      endDate: '2026-11-01',
    });
    expect(await statusOf(job.residentId)).toBe('in_education');
  });
});

describe('the company’s flag and escalations', () => {
  it('opens one escalation, tells the job consultant and the social worker at once, and is resolved once', async () => {
    const { placement } = await hire();
    const id: string = placement.id;
    const recipients = [own.users.job_consultant.id, own.users.social_worker.id];
    const alarms = async () =>
      t.deps.db
        .select()
        .from(notifications)
        .where(
          and(
            eq(notifications.kind, 'placement_at_risk'),
            eq(notifications.entityId, id),
            inArray(notifications.userId, recipients),
          ),
        );
    expect(await alarms()).toEqual([]);

    const flagged = await s.company.post(`/api/placements/${id}/flag`, {
      text: 'Er udeblevet to dage i træk.',
    });
    expect(flagged.statusCode, flagged.body).toBe(200);
    expect(flagged.json()).toMatchObject({ openEscalations: 1, escalations: [] });
    const first = await alarms();
    expect(first.map((n) => n.userId).sort()).toEqual([...recipients].sort());
    expect(first[0]!.link).toBe(`/placements/${id}`);
    const mails = await t.deps.db
      .select()
      .from(mailOutbox)
      .where(
        inArray(
          mailOutbox.id,
          first.map((n) => n.mailId!),
        ),
      );
    expect(mails.map((m) => m.to).sort()).toEqual(
      [own.users.job_consultant.email, own.users.social_worker.email].sort(),
    );
    expect(mails[0]!.subject).toContain('Noget går skævt');
    // The mail names the company and the opening, never the person or the company's words.
    expect(mails[0]!.textBody).not.toContain('udeblevet');

    const listed = (await s.social_worker.get('/api/escalations')).json();
    const open = listed.items.find((e: { placementId: string }) => e.placementId === id);
    expect(open).toMatchObject({
      source: 'company',
      reason: 'Er udeblevet to dage i træk.',
      openedByName: own.users.company_contact.name,
      resolvedAt: null,
    });

    // A second flag while it is open: the same escalation, with the new words, and a new alarm.
    expect(
      (await s.company.post(`/api/placements/${id}/flag`, { text: 'Nu også konflikt med en kollega.' }))
        .statusCode,
    ).toBe(200);
    const rows = await t.deps.db.select().from(escalations).where(eq(escalations.placementId, id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.reason).toBe(
      'Er udeblevet to dage i træk.\n\n24.11.2026 (Virksomheden): Nu også konflikt med en kollega.',
    );
    expect(await alarms()).toHaveLength(4);

    // Professionals do not flag (they record a check-in); another company does not see it.
    expect((await s.job_consultant.post(`/api/placements/${id}/flag`, { text: 'x' })).statusCode).toBe(403);
    expect((await s.other_company.post(`/api/placements/${id}/flag`, { text: 'x' })).statusCode).toBe(404);
    expect((await s.company.post(`/api/placements/${id}/flag`, { text: '' })).statusCode).toBe(400);

    // Resolving: the other side of the partnership of another city cannot; ours can, once.
    const path = `/api/escalations/${open.id}/resolve`;
    expect((await s.other_sw.post(path, { resolution: 'Snakket med begge' })).statusCode).toBe(404);
    const resolved = await s.social_worker.post(path, { resolution: 'Møde med leder og beboer; ny plan.' });
    expect(resolved.statusCode).toBe(200);
    expect(resolved.json()).toMatchObject({
      resolvedByName: own.users.social_worker.name,
      resolution: 'Møde med leder og beboer; ny plan.',
      resolvedAt: '2026-11-24T09:00:00.000Z',
    });
    const twice = await s.job_consultant.post(path, { resolution: 'Igen' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toBe('Eskaleringen er allerede løst.');
    expect((await s.company.get(`/api/placements/${id}`)).json().openEscalations).toBe(0);
    const stillOpen = (await s.social_worker.get('/api/escalations')).json().items;
    expect(stillOpen.some((e: { id: string }) => e.id === open.id)).toBe(false);
    expect(
      (await s.social_worker.get(`/api/escalations?state=resolved&placementId=${id}`)).json().items,
    ).toEqual([expect.objectContaining({ id: open.id })]);

    // A new flag after the resolution opens a new escalation.
    await s.company.post(`/api/placements/${id}/flag`, { text: 'Igen problemer.' });
    expect(await t.deps.db.select().from(escalations).where(eq(escalations.placementId, id))).toHaveLength(2);
  });

  it('refuses a flag on a placement that has ended', async () => {
    const { placement } = await hire({ startDate: '2026-10-01' });
    await s.job_consultant.post(`/api/placements/${placement.id}/end`, {
      status: 'completed',
      endDate: '2026-11-20',
    });
    const res = await s.company.post(`/api/placements/${placement.id}/flag`, { text: 'For sent' });
    expect(res.statusCode).toBe(409);
    expect(
      await t.deps.db.select().from(escalations).where(eq(escalations.placementId, placement.id)),
    ).toEqual([]);
  });
});
