import {
  auditEvents,
  matchingSettings,
  notifications,
  openings,
  proposalStatusChanges,
  proposals,
  residentConsents,
} from '@server/db/schema/index.ts';
import { residentGate } from '@server/modules/residents/residents.policy.ts';
import { loadMemberships, toActor } from '@server/platform/auth/actor.repository.ts';
import {
  buildConsent,
  buildOpening,
  buildPartnershipWorld,
  buildResident,
  buildUser,
  TEST_PASSWORD,
} from '@server/test/factories.ts';
import { createTestApp, TestSession, type TTestApp } from '@server/test/setup.ts';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Proposals and allocation plans against a real PostgreSQL: the hard filters and limits are
// checked again on fresh data, nothing is stored when a check fails, every step is audited, and
// an allocation plan respects k and n and turns an accepted line into a proposal.

type TWorld = Awaited<ReturnType<typeof buildPartnershipWorld>>;
let t: TTestApp;
let world: TWorld;
let other: TWorld;
const as: Record<string, TestSession> = {};

beforeAll(async () => {
  t = await createTestApp({ start: '2026-11-25T09:00:00Z' });
  world = await buildPartnershipWorld(t.deps.db);
  other = await buildPartnershipWorld(t.deps.db);
  for (const [key, user] of [
    ['consultant', world.users.job_consultant],
    ['worker', world.users.social_worker],
    ['company', world.users.company_contact],
    ['admin', world.users.admin],
    ['otherWorker', other.users.social_worker],
  ] as const) {
    as[key] = new TestSession(t.app);
    expect((await as[key].login(user.email, TEST_PASSWORD)).statusCode).toBe(200);
  }
});
afterAll(() => t.close());

/** An open opening of the world: a full-time carpenter job from 04.01.2027, already referred. */
async function openingOf(w: TWorld = world, over: Partial<typeof openings.$inferInsert> = {}) {
  return buildOpening(t.deps.db, {
    partnershipId: w.partnership.id,
    companyId: w.company.id,
    type: 'full_time',
    occupationId: 'toemrer',
    startDate: '2027-01-04',
    minAge: 18,
    status: 'referred',
    // Created on the test clock's day: time to first proposal is measured from here.
    createdAt: t.clock.now(),
    updatedAt: t.clock.now(),
    ...over,
  });
}

/** A carpenter registered by the jobcenter with consents (a) and (b): both sides see them. */
async function personOf(w: TWorld = world, options: { matching?: boolean } = {}) {
  const r = await buildResident(t.deps.db, {
    municipalityId: w.municipality.id,
    housingAreaId: w.area.id,
    registeredByJobcenterId: w.jobcenter.id,
    occupationIds: ['toemrer'],
    hoursPerWeek: 37,
  });
  await buildConsent(t.deps.db, { residentId: r.id, scope: 'sharing' });
  if (options.matching ?? true) await buildConsent(t.deps.db, { residentId: r.id, scope: 'matching' });
  return r;
}

async function setLimits(w: TWorld, k: number, n: number) {
  const settings = {
    weights: {
      occupation: 0.3,
      skills: 0.1,
      hours: 0.15,
      proximity: 0.1,
      readiness: 0.15,
      startDate: 0.05,
      fairness: 0.15,
    },
    maxActiveProposalsPerResident: k,
    maxActiveProposalsPerOpening: n,
    declineQuarantineMonths: 6,
  };
  await t.deps.db
    .insert(matchingSettings)
    .values({ partnershipId: w.partnership.id, settings, updatedAt: t.clock.now() })
    .onConflictDoUpdate({ target: matchingSettings.partnershipId, set: { settings } });
}

const propose = (s: TestSession, openingId: string, residentId: string, note?: string) =>
  s.post('/api/proposals', { openingId, residentId, ...(note ? { note } : {}) });
const move = (s: TestSession, id: string, to: string) => s.post(`/api/proposals/${id}/transitions`, { to });

describe('POST /api/proposals', () => {
  it('proposes, records the answer, sends to the company, and keeps the score snapshot and history', async () => {
    const opening = await openingOf();
    const person = await personOf();
    const res = await propose(as.consultant!, opening.id, person.id, 'Har arbejdet som tømrer før');
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      status: 'awaiting_resident',
      source: 'manual',
      residentName: `${person.firstName} ${person.lastName}`,
      openingTitle: opening.title,
      proposedByName: world.users.job_consultant.name,
      note: 'Har arbejdet som tømrer før',
      nextStatuses: ['resident_agreed', 'resident_declined', 'withdrawn'],
    });
    // The snapshot is the core's: same occupation → a full occupation component and its reason.
    const occupation = created.scoreSnapshot.components.find(
      (c: { component: string }) => c.component === 'occupation',
    );
    expect(occupation.value).toBe(1);
    expect(occupation.weight).toBe(0.3);
    expect(created.scoreSnapshot.score).toBeCloseTo(created.score, 6);
    expect(created.score).toBeGreaterThan(0.5);
    expect(created.scoreSnapshot.reasons.length).toBeGreaterThan(2);

    // Time to first proposal and the opening's next status, both recorded once.
    const [o] = await t.deps.db.select().from(openings).where(eq(openings.id, opening.id));
    expect(o!.firstProposalAt?.toISOString()).toBe('2026-11-25T09:00:00.000Z');
    expect(o!.status).toBe('proposals');
    const detail = (await as.consultant!.get(`/api/openings/${opening.id}`)).json();
    expect(detail.firstProposalAt).toBe('2026-11-25T09:00:00.000Z');
    expect(detail.hoursToFirstProposal).toBeGreaterThanOrEqual(0);
    expect(detail.history.map((h: { to: string }) => h.to)).toContain('proposals');

    // The other side (the partnership's social worker) hears of it in the app, without the name.
    const notes = await t.deps.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.entityType, 'proposal'), eq(notifications.entityId, created.id)));
    expect(notes.map((n) => n.userId)).toEqual([world.users.social_worker.id]);
    expect(notes[0]!.title).toBe(`Nyt forslag til ${opening.title}`);
    expect(notes[0]!.body).not.toContain(person.lastName);

    t.clock.advance(60_000);
    const agreed = await move(as.worker!, created.id, 'resident_agreed');
    expect(agreed.statusCode).toBe(200);
    expect(agreed.json()).toMatchObject({
      status: 'resident_agreed',
      residentAnswerRecordedByName: world.users.social_worker.name,
      nextStatuses: ['sent_to_company', 'withdrawn'],
    });
    expect(agreed.json().residentAnsweredAt).toBe('2026-11-25T09:01:00.000Z');

    // Before sending, the company does not see the person; after, it sees the candidate view.
    const gate = residentGate(t.deps);
    const companyActor = toActor(
      world.users.company_contact.id,
      (await loadMemberships(t.deps.db, [world.users.company_contact.id])).get(
        world.users.company_contact.id,
      ) ?? [],
    );
    const companyCtx = { actor: companyActor, requestId: 'test', ip: null, clock: t.clock };
    await expect(gate.see(companyCtx, person.id, 'read')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const sent = await move(as.consultant!, created.id, 'sent_to_company');
    expect(sent.statusCode).toBe(200);
    expect(sent.json()).toMatchObject({
      status: 'sent_to_company',
      sentByName: world.users.job_consultant.name,
    });
    expect((await gate.see(companyCtx, person.id, 'read')).access.view).toBe('candidate');

    const full = (await as.worker!.get(`/api/proposals/${created.id}`)).json();
    expect(full.history.map((h: { from: string | null; to: string }) => [h.from, h.to])).toEqual([
      [null, 'awaiting_resident'],
      ['awaiting_resident', 'resident_agreed'],
      ['resident_agreed', 'sent_to_company'],
    ]);

    // Each step is in the audit log: create, two updates, reads.
    const events = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'proposal'), eq(auditEvents.entityId, created.id)));
    expect(events.filter((e) => e.action === 'create')).toHaveLength(1);
    expect(events.filter((e) => e.action === 'update')).toHaveLength(2);
    expect(events.some((e) => e.action === 'read')).toBe(true);
    expect(events.find((e) => e.action === 'create')!.details).toMatchObject({ residentId: person.id });
  });

  it('refuses a move the table does not allow and changes nothing', async () => {
    const opening = await openingOf();
    const person = await personOf();
    const id = (await propose(as.consultant!, opening.id, person.id)).json().id;
    for (const to of ['sent_to_company', 'interview', 'hired', 'awaiting_resident']) {
      const res = await move(as.consultant!, id, to);
      expect(res.statusCode, to).toBe(409);
      expect(res.json().error.message).toMatch(/^Forslaget kan ikke skifte fra "Afventer beboeren"/);
    }
    expect((await move(as.consultant!, id, 'withdrawn')).statusCode).toBe(200);
    expect((await move(as.consultant!, id, 'resident_agreed')).statusCode).toBe(409);
    const [row] = await t.deps.db.select().from(proposals).where(eq(proposals.id, id));
    expect(row!.status).toBe('withdrawn');
    expect(row!.closedAt).not.toBeNull();
    expect(row!.residentAnsweredAt).toBeNull();
    const history = await t.deps.db
      .select()
      .from(proposalStatusChanges)
      .where(eq(proposalStatusChanges.proposalId, id));
    expect(history.map((h) => h.toStatus)).toEqual(['awaiting_resident', 'withdrawn']);
  });

  it('refuses a person without consent (b) with the exclusion reason and stores nothing', async () => {
    const opening = await openingOf();
    const person = await personOf(world, { matching: false });
    const res = await propose(as.consultant!, opening.id, person.id);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toEqual({
      code: 'MATCH_EXCLUDED',
      message: 'Beboeren kan ikke foreslås: Har ikke givet samtykke til at blive foreslået til virksomheder.',
    });
    expect(await t.deps.db.select().from(proposals).where(eq(proposals.residentId, person.id))).toEqual([]);
    const [o] = await t.deps.db.select().from(openings).where(eq(openings.id, opening.id));
    expect(o!.firstProposalAt).toBeNull();
    expect(o!.status).toBe('referred');
  });

  it('refuses the same pair twice', async () => {
    const opening = await openingOf();
    const person = await personOf();
    expect((await propose(as.consultant!, opening.id, person.id)).statusCode).toBe(201);
    const again = await propose(as.worker!, opening.id, person.id);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('ALREADY_PROPOSED');
    expect(again.json().error.message).toBe('Beboeren er allerede foreslået til denne jobåbning.');
  });

  it('keeps the limits: k active proposals per person, n per opening', async () => {
    const w = await buildPartnershipWorld(t.deps.db);
    const consultant = new TestSession(t.app);
    await consultant.login(w.users.job_consultant.email, TEST_PASSWORD);
    await setLimits(w, 1, 2);
    const [a, b] = [await openingOf(w), await openingOf(w)];
    const [p1, p2, p3] = [await personOf(w), await personOf(w), await personOf(w)];
    const first = await propose(consultant, a!.id, p1!.id);
    expect(first.statusCode).toBe(201);
    const overK = await propose(consultant, b!.id, p1!.id);
    expect(overK.statusCode).toBe(409);
    expect(overK.json().error).toEqual({
      code: 'PROPOSAL_LIMIT',
      message: 'Beboeren har allerede 1 aktive forslag – højst 1 ad gangen.',
    });
    expect((await propose(consultant, a!.id, p2!.id)).statusCode).toBe(201);
    const overN = await propose(consultant, a!.id, p3!.id);
    expect(overN.statusCode).toBe(409);
    expect(overN.json().error.message).toBe('Jobåbningen har allerede 2 aktive forslag – højst 2 ad gangen.');
    // A proposal that ends frees its place.
    expect((await move(consultant, first.json().id, 'resident_declined')).statusCode).toBe(200);
    expect((await propose(consultant, b!.id, p1!.id)).statusCode).toBe(201);
    expect((await propose(consultant, a!.id, p3!.id)).statusCode).toBe(201);
  });

  it('answers 404 for an opening or person outside the actor, 403 for roles that do not propose', async () => {
    const opening = await openingOf();
    const person = await personOf();
    expect((await propose(as.otherWorker!, opening.id, person.id)).statusCode).toBe(404);
    const foreign = await personOf(other);
    expect((await propose(as.consultant!, opening.id, foreign.id)).statusCode).toBe(404);
    expect((await propose(as.company!, opening.id, person.id)).statusCode).toBe(403);
    expect((await propose(as.admin!, opening.id, person.id)).statusCode).toBe(403);
    expect(await t.deps.db.select().from(proposals).where(eq(proposals.residentId, foreign.id))).toEqual([]);
  });
});

describe('GET /api/proposals', () => {
  it('lists the proposals of people the actor sees, filtered, searched and sorted', async () => {
    const w = await buildPartnershipWorld(t.deps.db);
    const consultant = new TestSession(t.app);
    await consultant.login(w.users.job_consultant.email, TEST_PASSWORD);
    const worker = new TestSession(t.app);
    await worker.login(w.users.social_worker.email, TEST_PASSWORD);
    const a = await openingOf(w, { title: 'Tømrerlærling på Houlkærvænget' });
    const b = await openingOf(w, { title: 'Tømrer til renovering' });
    const person = await personOf(w);
    const hidden = await buildResident(t.deps.db, {
      municipalityId: w.municipality.id,
      registeredByJobcenterId: w.jobcenter.id,
      occupationIds: ['toemrer'],
    });
    await buildConsent(t.deps.db, { residentId: hidden.id, scope: 'matching' });
    const p1 = (await propose(consultant, a.id, person.id)).json();
    t.clock.advance(60_000);
    const p2 = (await propose(consultant, b.id, person.id)).json();
    t.clock.advance(60_000);
    // Registered by the jobcenter without consent (a): the consultant's own, not the social worker's.
    const p3 = (await propose(consultant, b.id, hidden.id)).json();
    await move(consultant, p1.id, 'resident_agreed');

    const all = (await consultant.get('/api/proposals')).json();
    expect(all.total).toBe(3);
    // Newest first by default.
    expect(all.items.map((i: { id: string }) => i.id)).toEqual([p3.id, p2.id, p1.id]);
    const byScore = (await consultant.get('/api/proposals?sort=score&dir=desc')).json();
    const scores = byScore.items.map((i: { score: number }) => i.score);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
    const seenByWorker = (await worker.get('/api/proposals')).json();
    expect(seenByWorker.items.map((i: { id: string }) => i.id).sort()).toEqual([p1.id, p2.id].sort());
    expect((await worker.get(`/api/proposals/${p3.id}`)).statusCode).toBe(404);

    const byStatus = (await consultant.get('/api/proposals?status=resident_agreed')).json();
    expect(byStatus.items.map((i: { id: string }) => i.id)).toEqual([p1.id]);
    const byOpening = (await consultant.get(`/api/proposals?openingId=${b.id}`)).json();
    expect(byOpening.total).toBe(2);
    const byResident = (
      await consultant.get(`/api/proposals?residentId=${person.id}&sort=openingTitle`)
    ).json();
    expect(byResident.items.map((i: { openingTitle: string }) => i.openingTitle)).toEqual([
      'Tømrer til renovering',
      'Tømrerlærling på Houlkærvænget',
    ]);
    const searched = (await consultant.get(`/api/proposals?q=${encodeURIComponent('houlkær')}`)).json();
    expect(searched.items.map((i: { id: string }) => i.id)).toEqual([p1.id]);
    const paged = (await consultant.get('/api/proposals?pageSize=2&page=2')).json();
    expect(paged).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(paged.items).toHaveLength(1);

    const searches = await t.deps.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, 'search'),
          eq(auditEvents.entityType, 'proposal'),
          eq(auditEvents.userId, w.users.job_consultant.id),
        ),
      );
    expect(searches.length).toBeGreaterThanOrEqual(6);
    // The typed text is kept only as a fingerprint.
    expect(JSON.stringify(searches.map((s) => s.details))).not.toContain('houlkær');
  });
});

describe('/api/allocations', () => {
  it('computes a plan within k and n, and an accepted line becomes a proposal', async () => {
    const w = await buildPartnershipWorld(t.deps.db);
    const consultant = new TestSession(t.app);
    await consultant.login(w.users.job_consultant.email, TEST_PASSWORD);
    const worker = new TestSession(t.app);
    await worker.login(w.users.social_worker.email, TEST_PASSWORD);
    await setLimits(w, 1, 2);
    const jobs = [await openingOf(w), await openingOf(w), await openingOf(w, { occupationId: 'murer' })];
    const people = [];
    for (let i = 0; i < 5; i++) people.push(await personOf(w));
    // One already has an active proposal: with k = 1 there is no room for them in the plan.
    const busy = people[4]!;
    expect((await propose(consultant, jobs[2]!.id, busy.id)).statusCode).toBe(201);

    expect((await worker.post('/api/allocations', { partnershipId: w.partnership.id })).statusCode).toBe(403);
    const res = await consultant.post('/api/allocations', { partnershipId: w.partnership.id });
    expect(res.statusCode).toBe(201);
    const plan = res.json();
    expect(plan).toMatchObject({
      status: 'open',
      openingCount: 3,
      settings: { maxActiveProposalsPerResident: 1, maxActiveProposalsPerOpening: 2 },
      canDecide: true,
      hiddenLineCount: 0,
    });
    // 4 free people, k = 1: at most 4 lines; openings take 2, 2 and 1 (one place is used).
    const perResident = new Map<string, number>();
    const perOpening = new Map<string, number>();
    for (const l of plan.lines) {
      perResident.set(l.residentId, (perResident.get(l.residentId) ?? 0) + 1);
      perOpening.set(l.openingId, (perOpening.get(l.openingId) ?? 0) + 1);
      expect(l.scoreSnapshot.score).toBeCloseTo(l.score, 6);
      expect(l.decision).toBe('pending');
    }
    expect(plan.lines).toHaveLength(4);
    expect([...perResident.values()].every((n) => n <= 1)).toBe(true);
    expect(perResident.has(busy.id)).toBe(false);
    expect(perOpening.get(jobs[2]!.id) ?? 0).toBeLessThanOrEqual(1);
    expect([...perOpening.values()].every((n) => n <= 2)).toBe(true);
    expect(plan.totalScore).toBeCloseTo(
      plan.lines.reduce((s: number, l: { score: number }) => s + l.score, 0),
      4,
    );
    // The social worker sees the plan (read only).
    const viewed = (await worker.get(`/api/allocations/${plan.id}`)).json();
    expect(viewed).toMatchObject({ canDecide: false, lineCount: 4 });

    const [first, second, third, fourth] = plan.lines;
    const accepted = await consultant.post(`/api/allocations/${plan.id}/lines/${first.id}/decision`, {
      decision: 'accepted',
    });
    expect(accepted.statusCode).toBe(200);
    const line = accepted.json().lines.find((l: { id: string }) => l.id === first.id);
    expect(line).toMatchObject({ decision: 'accepted', decidedByName: w.users.job_consultant.name });
    const [made] = await t.deps.db.select().from(proposals).where(eq(proposals.id, line.proposalId));
    expect(made).toMatchObject({
      source: 'allocation',
      allocationLineId: first.id,
      residentId: first.residentId,
      openingId: first.openingId,
      status: 'awaiting_resident',
    });
    expect(accepted.json().decidedCount).toBe(1);
    expect(
      (await worker.post(`/api/allocations/${plan.id}/lines/${second.id}/decision`, { decision: 'accepted' }))
        .statusCode,
    ).toBe(403);

    // The second line's person withdraws consent (b) meanwhile: 409 with the reason, still pending.
    await t.deps.db
      .update(residentConsents)
      .set({ withdrawnOn: '2026-11-25', withdrawnAt: t.clock.now() })
      .where(and(eq(residentConsents.residentId, second.residentId), eq(residentConsents.scope, 'matching')));
    const stale = await consultant.post(`/api/allocations/${plan.id}/lines/${second.id}/decision`, {
      decision: 'accepted',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('MATCH_EXCLUDED');
    expect(stale.json().error.message).toContain('samtykke');
    const after = (await consultant.get(`/api/allocations/${plan.id}`)).json();
    expect(after.lines.find((l: { id: string }) => l.id === second.id).decision).toBe('pending');
    expect(
      await t.deps.db.select().from(proposals).where(eq(proposals.residentId, second.residentId)),
    ).toEqual([]);

    // Deciding a decided line again is refused; the plan closes when every line is decided.
    expect(
      (
        await consultant.post(`/api/allocations/${plan.id}/lines/${first.id}/decision`, {
          decision: 'rejected',
        })
      ).statusCode,
    ).toBe(409);
    for (const l of [second, third, fourth]) {
      const r = await consultant.post(`/api/allocations/${plan.id}/lines/${l.id}/decision`, {
        decision: 'rejected',
      });
      expect(r.statusCode).toBe(200);
    }
    const closed = (await consultant.get(`/api/allocations/${plan.id}`)).json();
    expect(closed).toMatchObject({ status: 'closed', decidedCount: 4, canDecide: false });
    expect(closed.closedAt).not.toBeNull();

    expect((await consultant.get('/api/allocations/partnerships')).json()).toEqual([
      { id: w.partnership.id, name: w.partnership.name, canPlan: true },
    ]);
    expect((await worker.get('/api/allocations/partnerships')).json()).toEqual([
      { id: w.partnership.id, name: w.partnership.name, canPlan: false },
    ]);
    const list = (await consultant.get('/api/allocations')).json();
    expect(list.items.map((i: { id: string }) => i.id)).toContain(plan.id);
    expect((await as.otherWorker!.get(`/api/allocations/${plan.id}`)).statusCode).toBe(404);
    const otherList = (await as.otherWorker!.get('/api/allocations')).json();
    expect(otherList.items.map((i: { id: string }) => i.id)).not.toContain(plan.id);

    const audited = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'allocation_line'), eq(auditEvents.action, 'update')));
    expect(
      audited.filter((e) => (e.details as { allocationId: string }).allocationId === plan.id),
    ).toHaveLength(4);
    const createdEvent = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'allocation'), eq(auditEvents.entityId, plan.id)));
    expect(createdEvent.map((e) => e.action)).toContain('create');
  });

  it("hides the lines of people the viewer may not see, and refuses another partnership's plan", async () => {
    const w = await buildPartnershipWorld(t.deps.db);
    const consultant = new TestSession(t.app);
    await consultant.login(w.users.job_consultant.email, TEST_PASSWORD);
    const worker = new TestSession(t.app);
    await worker.login(w.users.social_worker.email, TEST_PASSWORD);
    await openingOf(w);
    // The jobcenter's own person without consent (a): the social worker may not see them.
    const r = await buildResident(t.deps.db, {
      municipalityId: w.municipality.id,
      registeredByJobcenterId: w.jobcenter.id,
      occupationIds: ['toemrer'],
    });
    await buildConsent(t.deps.db, { residentId: r.id, scope: 'matching' });
    const plan = (await consultant.post('/api/allocations', { partnershipId: w.partnership.id })).json();
    expect(plan.lines.map((l: { residentId: string }) => l.residentId)).toEqual([r.id]);
    const seen = (await worker.get(`/api/allocations/${plan.id}`)).json();
    expect(seen).toMatchObject({ lines: [], hiddenLineCount: 1, lineCount: 1 });
    expect(
      (await as.consultant!.post('/api/allocations', { partnershipId: w.partnership.id })).statusCode,
    ).toBe(404);
    const stranger = await buildUser(t.deps.db, { role: 'steering', scopeId: w.partnership.id });
    const s = new TestSession(t.app);
    await s.login(stranger.email, TEST_PASSWORD);
    expect((await s.get(`/api/allocations/${plan.id}`)).statusCode).toBe(403);
  });
});
